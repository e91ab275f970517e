/**
 * The built Excel task pane (dist/taskpane.html and its bundle, exactly as shipped) in real
 * Chromium, "inside Excel": office.js is replaced by a script the test bundles from
 * test/support/fake-excel.ts, which answers Office.onReady with the Excel host and serves
 * Excel.run from the queued workbook model. So the page's start-up, the Excel adapter, the
 * flow, the embedded Wasm engine and the pane's DOM all run in the browser together; only
 * Excel itself is the model.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import type { Page } from 'playwright-core';
import { addinDir, openSession, screenshot, type Session } from './support.js';

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** office.js for the test: Office says "Excel", Excel.run runs on the workbook model. */
async function fakeOfficeJs(): Promise<string> {
  const glue = `
    import { FakeWorkbook } from './test/support/fake-excel.ts';
    const book = new FakeWorkbook('Sheet1');
    window.__book = book;
    window.Excel = { run: book.run };
    window.Office = {
      HostType: { Excel: 'Excel' },
      context: { requirements: { isSetSupported: () => true } },
      onReady(cb) {
        const info = { host: 'Excel', platform: 'OfficeOnline' };
        return new Promise((resolve) => setTimeout(() => { if (cb) cb(info); resolve(info); }, 0));
      },
    };`;
  const out = await esbuild.build({
    stdin: { contents: glue, resolveDir: addinDir, sourcefile: 'fake-office.ts', loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

let s: Session;
let officeJs: string;
before(async () => {
  s = await openSession();
  officeJs = await fakeOfficeJs();
});
after(async () => {
  await s?.close();
});

async function openInExcel(): Promise<{ page: Page; errors: string[] }> {
  const page = await s.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: officeJs }));
  await page.goto(`${s.web.origin}taskpane.html`);
  await page.locator('.coop-pane button.action').first().waitFor({ timeout: 10_000 });
  return { page, errors };
}

const book = <T>(page: Page, fn: string): Promise<T> => page.evaluate(`(() => { const book = window.__book; return ${fn}; })()`) as Promise<T>;

test('inside Excel the pane mounts, inserts a template, validates, marks and selects cells', async () => {
  const { page, errors } = await openInExcel();
  assert.equal(await page.locator('button.action').count(), 5, 'one button per flow action');
  assert.equal(await page.locator('label.action.file input[type="file"]').count(), 1, 'pick other workbooks');
  assert.equal(await page.locator('.coop-pane').getAttribute('lang'), 'zh-CN');
  await screenshot(page, '09-excel-pane-start');

  await page.fill('input[name="department"]', '机电工程学院');
  await page.fill('input[name="year"]', '2023-2024');
  await page.click('button[data-action="insertTemplate"]');
  await page.locator('.status[data-tone="ok"]').waitFor({ timeout: 10_000 });
  const sheets = await book<string[]>(page, 'book.sheets.map((s) => s.name)');
  assert.ok(sheets.some((n) => n.includes('机电工程学院')), sheets.join(', '));
  // The score sheet's record column O is hidden, its header still in place.
  const hidden = await book<Array<[string, number[]]>>(page, 'book.sheets.filter((s) => s.hiddenColumns.size > 0).map((s) => [s.name, [...s.hiddenColumns]])');
  assert.deepEqual(hidden, [['机电工程学院-评分', [14]]]);
  assert.equal(await book<string>(page, "book.sheet('机电工程学院-评分').value('O3')"), '加载项记录（请勿修改）');

  await page.click('button[data-action="validate"]');
  await page.locator('.status[data-tone="warn"]').waitFor({ timeout: 10_000 });
  const cells = page.locator('ol.problems button.cell');
  const count = await cells.count();
  assert.ok(count > 0, 'an empty template reports its required inputs');
  const marked = await book<number>(page, 'book.sheets.reduce((n, s) => n + s.notes.size, 0)');
  assert.ok(marked > 0 && marked <= count, `${marked} marked cells for ${count} problems`);

  const last = cells.nth(count - 1);
  const sheet = await last.getAttribute('data-sheet');
  const address = await last.getAttribute('data-address');
  await last.click();
  await page.waitForFunction(() => (window as unknown as { __book: { selection?: unknown } }).__book.selection !== undefined);
  assert.deepEqual(await book(page, 'book.selection'), { sheet, address });
  await screenshot(page, '10-excel-pane-problems');

  await page.click('button.locale');
  assert.equal(await page.locator('button[data-action="validate"] .label').textContent(), 'Validate');
  assert.deepEqual(errors, []);
  assert.deepEqual(s.escaped, [], 'nothing left 127.0.0.1');
  await page.close();
});

test('the page loads its stylesheet and the pane uses Chinese fonts first', async () => {
  const { page, errors } = await openInExcel();
  const font = await page.locator('.coop-pane').evaluate((el) => getComputedStyle(el).fontFamily);
  assert.match(font, /^"?Microsoft YaHei"?/);
  const css = await page.request.get(new URL('taskpane.css', `${s.web.origin}`).href);
  assert.equal(css.status(), 200);
  assert.deepEqual(errors, []);
  await page.close();
});
