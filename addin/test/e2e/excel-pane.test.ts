/**
 * The built Excel task pane (dist/taskpane.html and its bundle, exactly as shipped) in real
 * Chromium, "inside Excel": office.js is replaced by a script the test bundles from
 * test/support/fake-excel.ts, which answers Office.onReady with the Excel host and serves
 * Excel.run from the queued workbook model. So the page's start-up, the Excel adapter, the
 * flow, the embedded Wasm engine and the pane's DOM all run in the browser together; only
 * Excel itself is the model. The summary with other departments' workbooks runs too, which
 * loads the .xlsx reader (ExcelJS, dist/xlsx-reader.js) only then, from the page's server.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { MARK_FILL } from '../../src/host/mark-text.js';
import { addinDir, baseFacts, fakeOfficeJs, OFFICE_JS, departmentBytes, openSession, patched, screenshot, tempDir, tempFile, type Session } from './support.js';

let s: Session;
let officeJs: string;
before(async () => {
  s = await openSession();
  officeJs = await fakeOfficeJs();
});
after(async () => {
  await s?.close();
});

async function openInExcel(): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await s.context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const url = new URL(r.url());
    requests.push(url.pathname + url.search);
  });
  await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: officeJs }));
  await page.goto(`${s.web.origin}taskpane.html`);
  await page.locator('.coop-pane button.action').first().waitFor({ timeout: 10_000 });
  return { page, errors, requests };
}

const book = <T>(page: Page, fn: string): Promise<T> => page.evaluate(`(() => { const book = window.__book; return ${fn}; })()`) as Promise<T>;

test('inside Excel the pane mounts, inserts a template, validates, marks and selects cells', async () => {
  const { page, errors } = await openInExcel();
  assert.equal(await page.locator('button.action').count(), 9, 'one button per flow action (添加台账与月报, 生成提升建议, 清除标记 and 清除得分 included)');
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

  // 清除标记: every mark goes, fill and note, and no value changes.
  const values = await book<string>(page, 'JSON.stringify(book.sheets.map((s) => [...s.cells].map(([a, c]) => [a, c.value])))');
  await page.click('button[data-action="clearMarks"]');
  await page.locator('.status[data-tone="ok"]').waitFor({ timeout: 10_000 });
  assert.equal(await book<number>(page, 'book.sheets.reduce((n, s) => n + s.notes.size, 0)'), 0, 'every note of ours gone');
  assert.equal(await book<number>(page, `book.sheets.reduce((n, s) => n + [...s.cells.values()].filter((c) => c.fill === '${MARK_FILL}').length, 0)`), 0, 'and every red');
  assert.equal(await book<string>(page, 'JSON.stringify(book.sheets.map((s) => [...s.cells].map(([a, c]) => [a, c.value])))'), values);
  await screenshot(page, '13-excel-pane-marks-cleared');

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

test('the summary with other workbooks loads the .xlsx reader on first use and ranks the picked files', async () => {
  const { page, errors, requests } = await openInExcel();
  const readerRequests = () => requests.filter((p) => /\/xlsx-reader\.js(\?|$)/.test(p));
  const readerLoads = () => readerRequests().length;
  assert.equal(readerLoads(), 0, 'the pane starts without the .xlsx reader');
  assert.equal(await page.evaluate('typeof window.__coopXlsxReader'), 'undefined');

  const dir = tempDir();
  const good = [
    tempFile(dir, '丙学院.xlsx', await departmentBytes(patched(baseFacts(), { department: '丙学院', internship: { local: 130 } }))),
    tempFile(dir, '甲学院.xlsx', await departmentBytes(patched(baseFacts(), { department: '甲学院' }))),
  ];
  const broken = tempFile(dir, 'notes.xlsx', new TextEncoder().encode('not a zip'));
  const picker = page.locator('label.action.file input[type="file"]');

  // A file that is not a workbook: reported by name, nothing written.
  await picker.setInputFiles([broken, ...good]);
  await page.locator('.status[data-tone="warn"], .status[data-tone="error"]').waitFor({ timeout: 15_000 });
  assert.ok((await page.locator('ol.problems').textContent())?.includes('notes.xlsx'));
  assert.equal(await book<boolean>(page, "book.sheets.some((s) => s.name === '校企合作汇总')"), false);
  assert.equal(readerLoads(), 1, 'the reader loads when the action first runs');
  // … asked for with the add-in's version, so a cached reader of another version is never used.
  const { version } = JSON.parse(readFileSync(join(addinDir, 'package.json'), 'utf8')) as { version: string };
  assert.ok(readerRequests()[0].endsWith(`/xlsx-reader.js?v=${version}`), readerRequests()[0]);

  // The departments' own files: ranked into the summary sheet of the workbook in Excel.
  await picker.setInputFiles(good);
  await page.locator('.status[data-tone="ok"]').waitFor({ timeout: 15_000 });
  // Each department's row in the summary sheet: 丙学院 (90) ranks above 甲学院 (88).
  const rows = await book<Array<[string, Array<string | number | boolean>]>>(
    page,
    `(() => {
      const cells = [...book.sheet('校企合作汇总').cells];
      const row = (a) => a.replace(/^[A-Z]+/, '');
      return cells
        .filter(([, c]) => c.value === '丙学院' || c.value === '甲学院')
        .map(([a, c]) => [c.value, Number(row(a)), cells.filter(([b]) => row(b) === row(a)).map(([, d]) => d.value)])
        .sort((x, y) => x[1] - y[1])
        .map(([name, , values]) => [name, values]);
    })()`,
  );
  assert.deepEqual(rows.map(([name]) => name), ['丙学院', '甲学院'], JSON.stringify(rows));
  assert.ok(rows[0][1].includes(90) && rows[1][1].includes(88), JSON.stringify(rows));
  assert.equal(readerLoads(), 1, 'and only once');
  await screenshot(page, '11-excel-pane-other-workbooks');
  assert.deepEqual(errors, []);
  assert.deepEqual(s.escaped, [], 'nothing left 127.0.0.1');
  await page.close();
});
