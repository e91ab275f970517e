/**
 * 怎样提高得分 in real Chromium, on real .xlsx workbooks: on the web page the hints stand under
 * their lines and a click shows the input cell (and selects it in the file); in the Excel task
 * pane a click selects the cell in the workbook; 生成提升建议 writes its sheet from both. The
 * hints are the RUBRIC §3 example's, worked by hand in test/flow-hints.test.ts.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { XlsxHost } from '../../src/host/xlsx.js';
import { cellAddress, parseBlock } from '../../src/host/a1.js';
import { fieldSuffix } from '../../src/flow/names.js';
import { cellLabel } from '../../src/ui/dom.js';
import { MemoryHost } from '../support/memory-host.js';
import { context, fieldCell, tableCell, typeFacts } from '../support/flow-fixture.js';
import { insertTemplate } from '../../src/flow/index.js';
import {
  baseFacts, departmentBytes, downloadOf, fakeOfficeJs, namedCell, OFFICE_JS, openPage, openSession, paneAction, repoDir, screenshot, tempDir, tempFile, workbookOf, type Session,
} from './support.js';

const DEPARTMENT = '机电工程学院';
let s: Session;
before(async () => {
  s = await openSession();
});
after(async () => {
  await s?.close();
});

test('the web page: hints under their lines, a click shows the input cell, both languages, and the 提升建议 sheet', async () => {
  const bytes = await departmentBytes({ ...baseFacts(), department: DEPARTMENT });
  const file = await XlsxHost.load(bytes);
  const local = await namedCell(file, DEPARTMENT, fieldSuffix('internship.local', 'self'));
  const majors = parseBlock((await namedCell(file, DEPARTMENT, 'majors')).address);
  const partners = { sheet: (await namedCell(file, DEPARTMENT, 'majors')).sheet, address: cellAddress(majors.top + 1 + 2, majors.left + 1) };

  const page = await openPage(s);
  await page.setInputFiles('#single-file', tempFile(tempDir(), '机电.xlsx', bytes));
  const section = page.locator(`section.department[data-department="${DEPARTMENT}"]`);
  await section.waitFor();
  const c5 = section.locator('tr.hint-row[data-line="C5"] li[data-path="internship.local"] button.hint-link');
  assert.equal(await c5.textContent(), '本地实习再增加 6 人（达到 120 人）可少扣 1 分');
  // Lines at their best have no hints; the others have theirs, best gain first.
  assert.deepEqual(await section.locator('tr.hint-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-line'))), ['A2', 'A4', 'B1', 'C1', 'C2', 'C3', 'C5', 'C7']);
  assert.deepEqual(await section.locator('tr.hint-row[data-line="B1"] li').evaluateAll((li) => li.map((l) => l.getAttribute('data-gain'))), ['3', '1']);

  await c5.click();
  await page.locator(`#cell-preview [data-selected="${cellLabel(local.sheet, local.address)}"]`).waitFor();
  assert.equal(await page.locator('#cell-preview td.hit').textContent(), '114');
  await section.locator('tr.hint-row[data-line="B1"] li[data-path="majors[2].partners"] button.hint-link').click();
  await page.locator(`#cell-preview [data-selected="${cellLabel(partners.sheet, partners.address)}"]`).waitFor();
  assert.equal(await page.locator('#cell-preview td.hit').textContent(), '0');
  // The same hints in the pane beside the page, the cell selected by keyboard.
  const inPane = page.locator('#pane-root details.hints li[data-path="internship.local"] button.hint-link');
  await page.locator('#pane-root details.hints-more > summary').click();
  await inPane.focus();
  await page.keyboard.press('Enter');
  await page.locator(`#cell-preview [data-selected="${cellLabel(local.sheet, local.address)}"]`).waitFor();
  await c5.click();
  await page.locator(`#cell-preview [data-selected="${cellLabel(local.sheet, local.address)}"]`).waitFor();
  await section.scrollIntoViewIfNeeded();
  await page.locator('.side').screenshot({ path: join(repoDir, 'docs', 'web-hints.png') });

  // 生成提升建议 from the page's pane: the sheet is in the downloaded workbook.
  await paneAction(page, 'adviceSheet');
  const got = await downloadOf(page, () => page.click('#download-workbook'));
  assert.ok(got, 'the workbook downloads');
  const sheet = (await workbookOf(got.bytes)).getWorksheet('提升建议');
  assert.ok(sheet, 'the 提升建议 sheet is in the file');
  assert.equal(sheet.getCell('A1').value, '校企合作考核提升建议（2023-2024）');
  const texts = [...Array(11).keys()].map((i) => sheet.getCell(`E${3 + i}`).value);
  assert.ok(texts.includes('本地实习再增加 6 人（达到 120 人）可少扣 1 分'), texts.join(' | '));
  assert.equal(sheet.pageSetup.orientation, 'landscape');
  assert.equal(sheet.pageSetup.paperSize, 9, 'A4');

  // In English the page redraws the hints in English once scored again.
  await page.click('#lang');
  await paneAction(page, 'fillScores');
  assert.match((await section.locator('tr.hint-row[data-line="C5"] button.hint-link').textContent()) ?? '', /local intern.*120/i);
  await screenshot(page, '30-web-hints-en');
  assert.deepEqual(s.errors, []);
  assert.deepEqual(s.escaped, []);
});

/** Where insertTemplate puts a department's cells, and what a person types there, as cells. */
async function typedCells(): Promise<{ cells: Array<[string, string, string | number | boolean]>; local: { sheet: string; address: string }; order: { sheet: string; address: string } }> {
  const host = new MemoryHost('excel');
  const r = await insertTemplate(context(host), { department: DEPARTMENT, year: '2023-2024' });
  assert.equal(r.ok, true, r.message);
  const before = new Map(JSON.parse(host.snapshot()).sheets.flatMap((sh: { name: string; cells: Array<[string, unknown]> }) => sh.cells.map(([k, v]) => [`${sh.name}\u0000${k}`, v])));
  typeFacts(host, { ...baseFacts(), department: DEPARTMENT });
  const cells: Array<[string, string, string | number | boolean]> = [];
  for (const sh of JSON.parse(host.snapshot()).sheets as Array<{ name: string; cells: Array<[string, string | number | boolean]> }>) {
    for (const [k, v] of sh.cells) {
      if (before.get(`${sh.name}\u0000${k}`) === v) continue;
      const [row, col] = k.split(',').map(Number);
      cells.push([sh.name, cellAddress(row, col), v]);
    }
  }
  return { cells, local: fieldCell(host, DEPARTMENT, 'internship.local'), order: tableCell(host, DEPARTMENT, 'classes', 2, 0) };
}

async function openInExcel(): Promise<Page> {
  const page = await s.context.newPage();
  const officeJs = await fakeOfficeJs();
  await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: officeJs }));
  await page.goto(`${s.web.origin}taskpane.html`);
  await page.locator('.coop-pane button.action').first().waitFor({ timeout: 10_000 });
  return page;
}

test('the Excel task pane: a hint clicked selects its cell in the workbook; 生成提升建议 writes the sheet', async () => {
  const { cells, local, order } = await typedCells();
  const page = await openInExcel();
  await page.fill('input[name="department"]', DEPARTMENT);
  await page.fill('input[name="year"]', '2023-2024');
  await page.click('button[data-action="insertTemplate"]');
  await page.locator('.status[data-tone="ok"]').waitFor({ timeout: 10_000 });
  await page.evaluate((typed) => {
    const book = (window as unknown as { __book: { sheet(n: string): { set(a: string, v: unknown[][]): void } } }).__book;
    for (const [sheet, address, value] of typed) book.sheet(sheet).set(address, [[value]]);
  }, cells);
  await page.click('button[data-action="fillScores"]');
  await page.locator('.status[data-tone="ok"]').waitFor({ timeout: 10_000 });
  const box = page.locator(`details.hints[data-department="${DEPARTMENT}"]`);
  assert.equal(await box.getAttribute('open'), '', 'open for the one department');
  const selection = () => page.evaluate(() => (window as unknown as { __book: { selection?: unknown } }).__book.selection);

  // C3 (+4) is the first line shown: one more order class, at the table's first empty row.
  await box.locator('li[data-path="order_classes"] button.hint-link').click();
  await page.waitForFunction((want) => JSON.stringify((window as unknown as { __book: { selection?: unknown } }).__book.selection) === want, JSON.stringify(order));
  await box.locator('details.hints-more > summary').click();
  await box.locator('li[data-path="internship.local"] button.hint-link').click();
  await page.waitForFunction((want) => JSON.stringify((window as unknown as { __book: { selection?: unknown } }).__book.selection) === want, JSON.stringify(local));
  assert.deepEqual(await selection(), local);
  await screenshot(page, '31-excel-pane-hints');

  await page.click('button[data-action="adviceSheet"]');
  await page.locator('.status[data-tone="ok"]').waitFor({ timeout: 10_000 });
  const e = await page.evaluate(() => {
    const book = (window as unknown as { __book: { sheets: Array<{ name: string }>; sheet(n: string): { value(a: string): unknown } } }).__book;
    return book.sheets.some((x) => x.name === '提升建议') ? [...Array(11).keys()].map((i) => book.sheet('提升建议').value(`E${3 + i}`)) : [];
  });
  assert.ok(e.includes('本地实习再增加 6 人（达到 120 人）可少扣 1 分'), JSON.stringify(e));
  await page.close();
});
