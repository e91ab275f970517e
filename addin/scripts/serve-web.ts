/**
 * `npx tsx scripts/serve-web.ts` (after `npm run build`) — serves the built dist/ on
 * http://127.0.0.1:8080/ (PORT to change it) and prints the address of the web page. Plain node:http on the loopback address only: the page
 * needs no certificates (it is not loaded by Office), and nothing here should be reachable
 * from other machines by accident. The end-to-end tests start the same server on a free port.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const addinDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  // Browsers compile a module streamed with this type only (instantiateStreaming).
  '.wasm': 'application/wasm',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
};

export interface WebServer {
  server: Server;
  /** e.g. "http://127.0.0.1:8080/" */
  origin: string;
  /** The web page: origin + "web/". */
  pageUrl: string;
  close(): Promise<void>;
}

/** The file under `root` a URL path names, or null when it escapes `root` or does not exist. */
export function resolvePath(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  const full = normalize(join(root, path));
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  if (!existsSync(full)) return null;
  if (statSync(full).isDirectory()) {
    const index = join(full, 'index.html');
    return existsSync(index) ? index : null;
  }
  return full;
}

/** Starts serving `root` (default addin/dist) on 127.0.0.1:`port` (0 picks a free port). */
export function startWebServer(options: { root?: string; port?: number } = {}): Promise<WebServer> {
  const root = resolve(options.root ?? join(addinDir, 'dist'));
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
    const file = resolvePath(root, url);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`未找到 / Not found: ${url}\n`);
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': body.length,
      // A rebuilt dist/ must show up on reload; this is a local preview, not a CDN.
      'Cache-Control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
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
