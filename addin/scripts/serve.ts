/**
 * `npm start`: serves dist/ at https://localhost:3000 with Office's development certificates
 * (office-addin-dev-certs, the same ones `yo office` projects use), then prints how to
 * sideload the manifest. No framework: a static server is all Office needs.
 *
 * Options: --port 3000, --dist dist, --cert file --key file (use your own certificate
 * instead of the development one, e.g. on a test server).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { createServer } from 'node:https';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import devCerts from 'office-addin-dev-certs';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  // Browsers compile a streamed Wasm module only when it is served with this exact type.
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.7z': 'application/x-7z-compressed',
  '.zip': 'application/zip',
};

/** A static file handler for `root`; never serves anything outside it. */
export function createStaticHandler(root: string): RequestListener {
  const base = resolve(root);
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'https://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      // The web page (index.html) when a target builds one, else the Excel pane.
      file = ['index.html', 'taskpane.html'].map((f) => join(file, f)).find((f) => existsSync(f)) ?? file;
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`未找到 / not found: ${path}\n`);
      return;
    }
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
      // Office fetches functions.json from the add-in's origin but some hosts check CORS.
      'Access-Control-Allow-Origin': '*',
      // Development: a rebuilt bundle must be picked up on the next reload of the pane.
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
}

export function sideloadHelp(url: string, manifest: string, webPage?: string): string {
  return `
校企合作考核 已在 ${url} 提供服务 / serving at ${url}
清单 / manifest: ${manifest}${webPage ? `\n网页版（无需 Excel）/ web page (no Excel needed): ${webPage}` : ''}

在 Excel 中旁加载 / Sideload into Excel:
  Windows:  把清单所在文件夹共享（如 \\\\本机\\addins），在 Excel「文件 > 选项 > 信任中心 > 信任中心设置 >
            受信任的加载项目录」添加该共享路径并勾选「显示在菜单中」，重启 Excel，
            「插入 > 我的加载项 > 共享文件夹」中选择本加载项。
            Share the manifest's folder, add it under File > Options > Trust Center > Trust Center
            Settings > Trusted Add-in Catalogs ("Show in Menu"), restart Excel, then
            Insert > My Add-ins > SHARED FOLDER.
  Mac:      把清单复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/（没有就新建），
            重启 Excel，「插入 > 加载项 > 我的加载项」中选择。
            Copy the manifest to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
            (create it if needed), restart Excel, then Insert > Add-ins > My Add-ins.
  网页版 / Excel on the web:
            打开工作簿，「开始 > 加载项 > 更多加载项 > 我的加载项 > 上传我的加载项」，选择清单文件。
            Open a workbook, Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in, pick the manifest.
首次使用前，浏览器或系统需信任开发证书（npx office-addin-dev-certs install）。
The development certificate must be trusted first (npx office-addin-dev-certs install).
按 Ctrl+C 停止 / Ctrl+C to stop.
`;
}

async function certificate(certPath?: string, keyPath?: string): Promise<{ cert: Buffer; key: Buffer; ca?: Buffer }> {
  if (certPath || keyPath) {
    if (!certPath || !keyPath || !existsSync(certPath) || !existsSync(keyPath)) {
      throw new Error(`--cert 与 --key 须同时给出且文件存在 / --cert and --key must both name existing files`);
    }
    return { cert: readFileSync(certPath), key: readFileSync(keyPath) };
  }
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `无法获取或安装开发证书：${reason}\n` +
        '请运行 npx office-addin-dev-certs install（需要管理员权限），或用 --cert 证书文件 --key 私钥文件 指定自己的证书。\n' +
        `Could not get or install the development certificate: ${reason}\n` +
        'Run npx office-addin-dev-certs install (needs admin rights), or pass --cert <file> --key <file>.',
    );
  }
}

async function main(): Promise<void> {
  const addinDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const { values } = parseArgs({
    options: { port: { type: 'string' }, dist: { type: 'string' }, cert: { type: 'string' }, key: { type: 'string' } },
  });
  const dist = resolve(values.dist ?? join(addinDir, 'dist'));
  if (!existsSync(dist)) throw new Error(`dist/ 不存在：请先运行 npm run build / ${dist} does not exist: run npm run build first`);
  const port = Number(values.port ?? 3000);
  const options = await certificate(values.cert, values.key);
  const server = createServer(options, createStaticHandler(dist));
  server.listen(port, () => {
    // dist/manifest.xml is the one to sideload unless it was built for another server.
    const built = join(dist, 'manifest.xml');
    const local = existsSync(built) && readFileSync(built, 'utf8').includes(`https://localhost:${port}/`);
    const manifest = local ? built : join(addinDir, '..', 'manifest.xml');
    const web = existsSync(join(dist, 'web', 'index.html')) ? `https://localhost:${port}/web/` : undefined;
    console.log(sideloadHelp(`https://localhost:${port}/`, manifest, web));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
