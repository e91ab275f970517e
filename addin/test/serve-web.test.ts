/** The local server of the web page: right types (the Wasm above all), nothing outside its root. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { startWebServer } from '../scripts/serve-web.js';

function get(url: string): Promise<{ status: number; type?: string; location?: string; body: string }> {
  // node:http rather than fetch: fetch normalises "/../" away before the server sees it.
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], location: res.headers.location, body }));
    })
      .on('error', reject)
      .end();
  });
}

test('serves dist/ on 127.0.0.1 with the right types and nothing outside it', async () => {
  const outside = mkdtempSync(join(tmpdir(), 'coop-serve-'));
  const root = join(outside, 'dist');
  mkdirSync(join(root, 'web'), { recursive: true });
  writeFileSync(join(root, 'web', 'index.html'), '<!doctype html><title>ok</title>');
  writeFileSync(join(root, 'web', 'engine.wasm'), new Uint8Array([0, 97, 115, 109]));
  writeFileSync(join(root, 'web', 'sample.xlsx'), 'PK');
  writeFileSync(join(outside, 'secret.txt'), 'not served');
  const web = await startWebServer({ root, port: 0 });
  try {
    assert.match(web.origin, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal(web.pageUrl, `${web.origin}web/`);
    const home = await get(web.origin);
    assert.deepEqual([home.status, home.location], [302, '/web/']);
    const bare = await get(`${web.origin}web`);
    assert.deepEqual([bare.status, bare.location], [301, '/web/']);
    const page = await get(web.pageUrl);
    assert.deepEqual([page.status, page.type], [200, 'text/html; charset=utf-8']);
    assert.equal((await get(`${web.pageUrl}engine.wasm`)).type, 'application/wasm');
    assert.equal((await get(`${web.pageUrl}sample.xlsx`)).type, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    for (const escape of ['../secret.txt', 'web/../../secret.txt', 'web/%2e%2e/%2e%2e/secret.txt']) {
      const res = await get(`${web.origin}${escape}`);
      assert.equal(res.status, 404, escape);
      assert.doesNotMatch(res.body, /not served/);
    }
  } finally {
    await web.close();
  }
});
