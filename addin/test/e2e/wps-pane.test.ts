/**
 * The built WPS package (dist/wps/ and the offline folder, exactly as shipped) in real
 * Chromium, "inside WPS": before any page script runs, `window.Application` is the fake ET
 * application (test/support/fake-et.ts, bundled for the browser) with stand-ins for
 * CreateTaskPane and PluginStorage, and `window.wps.AddCustomFunction` records what is
 * registered. So the entry page's start-up (ribbon callbacks, engine start, functions),
 * the task pane, the WPS adapter, the flow and the embedded Wasm all run in the browser;
 * only WPS itself is the model. The offline folder is loaded from file://, as WPS loads it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { distDir, fakeWps, openSession, screenshot, type Session } from './support.js';

let s: Session;
let wpsJs: string;
before(async () => {
  if (!existsSync(join(distDir, 'wps', 'taskpane.html'))) throw new Error('dist/wps/ is missing: run `npm run build` first');
  s = await openSession();
  wpsJs = await fakeWps();
});
after(async () => {
  await s?.close();
});

async function openInWps(url: string, ready: string): Promise<{ page: Page; errors: string[] }> {
  const page = await s.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript({ content: wpsJs });
  // The session's guard aborts everything off 127.0.0.1; the offline package's own files
  // (file://, as WPS loads them from jsaddons) are let through by this page's route, which
  // takes precedence over the session's.
  if (url.startsWith('file:')) await page.route(/^file:/, (route) => route.continue());
  await page.goto(url);
  await page.waitForFunction(ready, undefined, { timeout: 10_000 });
  return { page, errors };
}

const et = <T>(page: Page, expr: string): Promise<T> => page.evaluate(`(() => { const app = window.__et; return ${expr}; })()`) as Promise<T>;

test('the entry page publishes the ribbon, registers the functions at once and recalculates when the engine is ready (offline, file://)', async () => {
  const folder = join(distDir, 'wps-offline');
  const entry = readdirSync(folder).find((f) => f.startsWith('coop-assessment_') && !f.endsWith('.zip'));
  assert.ok(entry, 'the offline folder is built');
  const url = pathToFileURL(join(folder, entry, 'index.html')).href;
  const { page, errors } = await openInWps(url, 'typeof window.OnAction === "function" && window.__recalculated > 0');
  const registered = await page.evaluate('window.__registered') as Array<{ namespace: string; name: string; atRegistration: unknown }>;
  assert.ok(registered.length >= 13, `${registered.length} functions registered`);
  // Registration does not wait for the engine: a call then answers the loading text…
  assert.equal(registered.find((r) => r.name === 'INTERNSHIP')?.atRegistration, '校企合作考核引擎加载中，请稍候');
  // … and once the engine is ready the workbook is recalculated and the same call scores.
  assert.equal(await page.evaluate('window.__call("INTERNSHIP", 114, 200)'), 19);
  await page.evaluate('window.OnAction({ Id: "btnCoopPane" })');
  const panes = await page.evaluate('window.__panes') as Array<{ url: string; Visible: boolean }>;
  assert.equal(panes.length, 1);
  assert.equal(panes[0].url, url.replace(/index\.html$/, 'taskpane.html'));
  assert.equal(panes[0].Visible, true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('inside WPS the pane inserts the template, validates, selects a cell, fills 88 and builds the summary (online)', async () => {
  const { page, errors } = await openInWps(`${s.web.origin}wps/taskpane.html`, 'document.querySelector(".coop-pane button.action") !== null');
  await screenshot(page, '20-wps-pane-start');

  await page.fill('input[name="department"]', '机电工程学院');
  await page.fill('input[name="year"]', '2023-2024');
  await page.click('button[data-action="insertTemplate"]');
  await page.locator('.status[data-tone="ok"]').waitFor({ timeout: 10_000 });
  const sheets = await et<string[]>(page, 'app.book.list.map((s) => s.Name)');
  assert.ok(sheets.some((n) => n.includes('机电工程学院')), sheets.join(', '));

  await page.click('button[data-action="validate"]');
  await page.locator('.status[data-tone="warn"]').waitFor({ timeout: 10_000 });
  const cells = page.locator('ol.problems button.cell');
  assert.ok((await cells.count()) > 0, 'an empty template reports its required inputs');
  const comments = await et<number>(page, 'app.book.list.reduce((n, s) => n + s.Comments.Count, 0)');
  assert.ok(comments > 0, 'bad cells carry a comment');
  const first = cells.first();
  const sheet = await first.getAttribute('data-sheet');
  const address = await first.getAttribute('data-address');
  await first.click();
  await page.waitForFunction('window.__et.selection !== undefined');
  assert.deepEqual(await et(page, 'app.selection'), { sheet, address });
  await screenshot(page, '21-wps-pane-problems');

  await page.evaluate('window.__typeExample("机电工程学院")');
  await page.click('button[data-action="validate"]');
  await page.locator('.status[data-tone="ok"]').waitFor({ timeout: 10_000 });
  assert.equal(await et<number>(page, 'app.book.list.reduce((n, s) => n + s.Comments.Count, 0)'), 0, 'marks are gone once fixed');

  await page.click('button[data-action="fillScores"]');
  await page.locator('.status[data-tone="ok"]').waitFor({ timeout: 10_000 });
  const written = await et<unknown[]>(page, 'app.book.list.flatMap((s) => s.positions().map((p) => p.cell.value))');
  assert.ok(written.includes(88), 'the total 88 is in the workbook');

  await page.click('button[data-action="buildSummary"]');
  await page.locator('.status[data-tone="ok"]').waitFor({ timeout: 10_000 });
  assert.ok((await et<string[]>(page, 'app.book.list.map((s) => s.Name)')).some((n) => n.includes('汇总')));
  await screenshot(page, '22-wps-pane-summary');
  assert.deepEqual(errors, []);
  assert.deepEqual(s.escaped, [], 'nothing left 127.0.0.1');
  await page.close();
});
