/**
 * The Excel task pane page opened where there is no Excel: office.js is intercepted by the
 * test (nothing reaches Microsoft's CDN), and in every case the page must render, say plainly
 * that it runs only inside Excel, point to the web page, and never hang on "Loading…" or throw.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openSession, screenshot, type Session } from './support.js';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

// Office.onReady that never answers (some builds outside Office do exactly that).
const NEVER_READY = `window.Office = { HostType: { Excel: 'Excel' }, onReady: function () { return new Promise(function () {}); } };`;
// Office.onReady answering with no host, as office.js does in a plain browser tab.
const NO_HOST = `window.Office = { HostType: { Excel: 'Excel' }, onReady: function (cb) {
  var info = { host: null, platform: null };
  if (cb) cb(info);
  return Promise.resolve(info);
} };`;

let s: Session;
before(async () => {
  s = await openSession();
});
after(async () => {
  await s?.close();
});

/** A new tab whose office.js is `officeJs` (null: the request fails), and its uncaught errors. */
async function openPane(officeJs: string | null): Promise<{ page: Page; errors: string[] }> {
  const page = await s.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Registered on the page, so it wins over the session's guard for this one URL.
  await page.route(OFFICE_JS, (route) =>
    officeJs === null ? route.abort() : route.fulfill({ status: 200, contentType: 'text/javascript', body: officeJs }),
  );
  return { page, errors };
}

async function outsideText(page: Page, reason: string): Promise<string> {
  const box = page.locator(`.coop-pane.outside[data-reason="${reason}"]`);
  await box.waitFor({ timeout: 5_000 });
  return (await box.textContent()) ?? '';
}

test('office.js answering "no host": the pane says it runs only inside Excel', async () => {
  const { page, errors } = await openPane(NO_HOST);
  await page.goto(`${s.web.origin}taskpane.html`);
  const text = await outsideText(page, 'not-excel');
  assert.match(text, /只能在 Excel 中运行/);
  assert.match(text, /runs only inside Excel/);
  assert.doesNotMatch(await page.locator('body').textContent() ?? '', /正在加载/);
  // The way out: the web page, served beside it.
  const href = await page.locator('.coop-pane.outside a').first().getAttribute('href');
  const response = await page.request.get(new URL(href!, page.url()).href);
  assert.equal(response.status(), 200);
  await screenshot(page, '08-taskpane-outside-excel');
  assert.deepEqual(errors, []);
  await page.close();
});

test('office.js that never calls onReady: the pane stops waiting and says so', async () => {
  const { page, errors } = await openPane(NEVER_READY);
  // The page waits 10 s for Office; the test moves the page's clock instead of sleeping.
  await page.clock.install();
  await page.goto(`${s.web.origin}taskpane.html`);
  await page.locator('text=正在加载').waitFor();
  await page.clock.fastForward(11_000);
  const text = await outsideText(page, 'timeout');
  assert.match(text, /Excel/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('office.js unreachable: the pane says Office.js could not load', async () => {
  const { page, errors } = await openPane(null);
  await page.goto(`${s.web.origin}taskpane.html`);
  const text = await outsideText(page, 'no-office');
  assert.match(text, /Office\.js/);
  assert.deepEqual(errors, []);
  assert.deepEqual(s.escaped, [], 'nothing but the intercepted office.js left 127.0.0.1');
  await page.close();
});
