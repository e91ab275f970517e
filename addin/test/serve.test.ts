/**
 * The development server's file handling (npm start), over plain HTTP on a free port: the
 * certificate part is office-addin-dev-certs' business; what is served, with which type,
 * and never outside dist/, is ours.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createStaticHandler, sideloadHelp } from '../scripts/serve.js';

const root = mkdtempSync(join(tmpdir(), 'coop-serve-'));
const dist = join(root, 'dist');
let server: Server;
let port = 0;

function get(path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    // http.request keeps the path as given, so "/%2e%2e/" reaches the handler undecoded.
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('npm start: the static handler', () => {
  before(async () => {
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'taskpane.html'), '<p>pane</p>');
    writeFileSync(join(dist, 'functions-zh-CN.json'), '{"functions":[]}');
    writeFileSync(join(dist, 'engine.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d]));
    writeFileSync(join(root, 'secret.txt'), 'outside dist');
    server = createServer(createStaticHandler(dist));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => {
    server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves .wasm as application/wasm', async () => {
    assert.equal((await get('/engine.wasm')).type, 'application/wasm');
  });

  it('serves the metadata as UTF-8 JSON', async () => {
    const res = await get('/functions-zh-CN.json');
    assert.equal(res.status, 200);
    assert.equal(res.type, 'application/json; charset=utf-8');
  });

  it('serves the pane for the root when there is no web page', async () => {
    const res = await get('/');
    assert.equal(res.status, 200);
    assert.equal(res.body, '<p>pane</p>');
  });

  it('answers 404 for a missing file and never serves a file outside dist/', async () => {
    assert.equal((await get('/nothing.js')).status, 404);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await get(path);
      assert.notEqual(res.status, 200, path);
      assert.ok(!res.body.includes('outside dist'), path);
    }
  });

  it('prints sideloading steps for Windows, Mac and the web', () => {
    const help = sideloadHelp('https://localhost:3000/', '/x/manifest.xml');
    for (const needle of ['Windows', 'Mac', 'Excel on the web', 'wef', 'Trusted Add-in Catalogs', '/x/manifest.xml', 'https://localhost:3000/']) {
      assert.ok(help.includes(needle), needle);
    }
  });
});
