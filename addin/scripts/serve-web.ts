/**
 * `npx tsx scripts/serve-web.ts` (after `npm run build`) — serves the built dist/ on
 * http://127.0.0.1:8080/ (PORT to change it) and prints the address of the web page. Plain
 * node:http on the loopback address only: the page needs no certificates (it is not loaded by Office), and nothing here should be reachable
 * from other machines by accident. The end-to-end tests start the same server on a free port.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createStaticHandler } from './serve.js';

const addinDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface WebServer {
  server: Server;
  /** e.g. "http://127.0.0.1:8080/" */
  origin: string;
  /** The web page: origin + "web/". */
  pageUrl: string;
  close(): Promise<void>;
}

/** Starts serving `root` (default addin/dist) on 127.0.0.1:`port` (0 picks a free port). */
export function startWebServer(options: { root?: string; port?: number } = {}): Promise<WebServer> {
  const root = resolve(options.root ?? join(addinDir, 'dist'));
  // The same static file handler as `npm start`, plus the two redirects the page needs.
  const serveFile = createStaticHandler(root);
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (url === '/' || url.startsWith('/?')) {
      res.writeHead(302, { Location: '/web/' }).end();
      return;
    }
    // "/web" without its slash would resolve the page's relative URLs against "/".
    const bare = url.split('?')[0];
    if (!bare.endsWith('/') && existsSync(join(root, bare)) && statSync(join(root, bare)).isDirectory()) {
      res.writeHead(301, { Location: `${bare}/` }).end();
      return;
    }
    serveFile(req, res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      const origin = `http://127.0.0.1:${port}/`;
      resolvePromise({
        server,
        origin,
        pageUrl: `${origin}web/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

async function main(): Promise<void> {
  const root = join(addinDir, 'dist');
  if (!existsSync(join(root, 'web', 'index.html'))) {
    console.error('dist/web/index.html 不存在：请先运行 npm run build\ndist/web/index.html is missing: run npm run build first.');
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT 无效 / invalid PORT: ${process.env.PORT}`);
    process.exit(1);
  }
  const web = await startWebServer({ root, port }).catch((e: NodeJS.ErrnoException) => {
    console.error(e.code === 'EADDRINUSE' ? `端口 ${port} 已被占用，请设置 PORT=… / port ${port} is in use; set PORT=…` : e);
    process.exit(1);
  });
  console.log(`校企合作考核网页版 / Coop assessment web page: ${web.pageUrl}`);
  console.log(`按 Ctrl+C 停止 / Ctrl+C to stop.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  void main();
}
