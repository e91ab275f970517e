/**
 * 平台建设目标 (RUBRIC.md §10) end to end in real Chromium on real .xlsx files: three
 * departments' returned workbooks, typed in through the template's platform rows, dropped on
 * the web page and picked in the Excel pane. The page and the pane show the table (text
 * marks first, colour as a help), and the summary workbook holds the 平台建设目标 sheet,
 * read back with ExcelJS, with the same cells, its fills and an A4 landscape page.
 *
 * Worked by hand from §10 (no ledger in these workbooks, so the five ledger targets are 未填报):
 * - 甲学院: committee 是 → 有 / 有 ✓; 196 of 200 employed as reported, the assessors found
 *   180 → 90.00% / 96% ✗ (the sheet follows the assessors); 3 research outputs → 3 / 1 ✓.
 * - 乙学院: committee 否 → 没有 / 有 ✗; 150/200 = 75.00% ✗; 0 outputs → 0 / 1 ✗.
 * - 丙学院: none of the three given → 未填报 everywhere, never met.
 * - 全院: committee 1 + 0 = 1 (met 1 of 2 reported); employment (180 + 150) / (200 + 200) =
 *   82.50% (met 0 of 2); outputs 3 + 0 = 3 (met 1 of 2).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { baseFacts, departmentBytes, downloadOf, fakeOfficeJs, OFFICE_JS, openPage, openSession, patched, repoDir, screenshot, tempDir, tempFile, workbookOf, type Session } from './support.js';

let s: Session;
before(async () => {
  s = await openSession();
});
after(async () => {
  await s?.close();
});

const NONE = '未填报';
const EXPECTED: Record<string, string[]> = {
  甲学院: [NONE, NONE, NONE, NONE, '有 / 有 ✓', NONE, '90.00% / 96% ✗', '3 / 1 ✓'],
  乙学院: [NONE, NONE, NONE, NONE, '没有 / 有 ✗', NONE, '75.00% / 96% ✗', '0 / 1 ✗'],
  丙学院: Array(8).fill(NONE),
  全院: [NONE, NONE, NONE, NONE, '1（达标 1/2）', NONE, '82.50%（达标 0/2）', '3（达标 1/2）'],
};
const IDS = ['enterprises', 'platform_projects', 'majors_co_built', 'industry_college', 'committee', 'training_base', 'employment', 'research_outputs'];

async function threeWorkbooks(): Promise<string[]> {
  const dir = tempDir();
  const 甲 = patched(baseFacts(), { department: '甲学院', employment: { employed: 196 }, platform: { committee: '是', research_outputs: 3 } });
  const 乙 = patched(baseFacts(), { department: '乙学院', employment: { employed: 150 }, platform: { committee: '否', research_outputs: 0 } });
  const 丙 = patched(baseFacts(), { department: '丙学院' });
  return [
    tempFile(dir, '甲学院.xlsx', await departmentBytes(甲, { employment: { employed: 180 } })),
    tempFile(dir, '乙学院.xlsx', await departmentBytes(乙)),
    tempFile(dir, '丙学院.xlsx', await departmentBytes(丙)),
  ];
}

/** The table on screen, row by row: what a person reads in each cell. */
async function tableOnScreen(page: Page, scope: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const department of Object.keys(EXPECTED)) {
    out[department] = [];
    for (const id of IDS) out[department].push(((await page.locator(`${scope} table.targets-table td[data-department="${department}"][data-target="${id}"]`).textContent()) ?? '').trim());
  }
  return out;
}

function sheetRows(ws: ExcelJS.Worksheet): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  ws.eachRow((row) => {
    const name = String(row.getCell(1).value ?? '');
    if (name in EXPECTED) out[name] = IDS.map((_, i) => String(row.getCell(2 + i).value ?? ''));
  });
  return out;
}

test('the web page shows the platform targets after the summary, and the summary workbook holds them on an A4 landscape sheet', async () => {
  const page = await openPage(s);
  await page.setInputFiles('#batch-files', await threeWorkbooks());
  await page.locator('#batch-result table.targets-table').waitFor({ timeout: 20_000 });
  assert.deepEqual(await tableOnScreen(page, '#batch-result'), EXPECTED);
  // Accessible markup: a caption, column and row headers; the college's row in the foot.
  assert.match((await page.locator('table.targets-table caption').textContent()) ?? '', /平台建设目标/);
  assert.equal(await page.locator('table.targets-table thead th[scope="col"]').count(), 9);
  assert.equal(await page.locator('table.targets-table tbody th[scope="row"]').count(), 3);
  assert.equal(await page.locator('table.targets-table tfoot th[scope="row"]').textContent(), '全院');
  // Colour repeats the text: green for ✓, red for ✗, grey for 未填报.
  const background = (department: string, id: string) =>
    page.locator(`table.targets-table td[data-department="${department}"][data-target="${id}"]`).evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(await background('甲学院', 'committee'), 'rgb(198, 239, 206)');
  assert.equal(await background('甲学院', 'employment'), 'rgb(255, 199, 206)');
  assert.equal(await background('丙学院', 'committee'), 'rgb(231, 230, 230)');
  await screenshot(page, '14-web-targets');
  await page.locator('#batch-result section.targets').screenshot({ path: join(repoDir, 'docs', 'web-targets.png') });

  const got = await downloadOf(page, () => page.click('#download-summary'));
  assert.ok(got, 'the summary workbook downloads');
  const wb = await workbookOf(got.bytes);
  const ws = wb.getWorksheet('平台建设目标');
  assert.ok(ws, 'the summary workbook has the 平台建设目标 sheet');
  assert.equal(ws.getCell('A1').value, '平台建设目标（2023-2024）');
  assert.match(String(ws.getCell('A2').value), /^依据：考核组核实后的填报数据/);
  assert.deepEqual(sheetRows(ws), EXPECTED);
  // Rows in the order the workbooks were dropped, the college last (row 7).
  assert.deepEqual([4, 5, 6, 7].map((r) => ws.getCell(`A${r}`).value), ['甲学院', '乙学院', '丙学院', '全院']);
  const fill = (address: string) => (ws.getCell(address).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
  assert.equal(fill('F4'), 'FFC6EFCE', '甲学院 committee met: green');
  assert.equal(fill('H4'), 'FFFFC7CE', '甲学院 employment not met: red');
  assert.equal(fill('B6'), 'FFE7E6E6', '丙学院 not reported: grey');
  assert.equal(ws.pageSetup.orientation, 'landscape');
  assert.equal(ws.pageSetup.paperSize, 9, 'A4');
  assert.equal(ws.getColumn(10).hidden, true, 'the record column J is hidden');
  assert.deepEqual(s.errors, []);
  assert.deepEqual(s.escaped, []);
});

test('inside Excel, picking the departments\' workbooks writes 平台建设目标 and the pane shows the same table', async () => {
  const officeJs = await fakeOfficeJs();
  const page = await s.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: officeJs }));
  await page.goto(`${s.web.origin}taskpane.html`);
  await page.locator('.coop-pane button.action').first().waitFor({ timeout: 10_000 });
  await page.locator('label.action.file input[type="file"]').setInputFiles(await threeWorkbooks());
  await page.locator('.status[data-tone="ok"]').waitFor({ timeout: 20_000 });
  assert.match((await page.locator('.status').textContent()) ?? '', /平台建设目标见“平台建设目标”/);
  assert.deepEqual(await tableOnScreen(page, '.coop-pane'), EXPECTED);
  // The sheet in the workbook Excel holds: every row as the pane shows it.
  const rows = await page.evaluate(`(() => {
    const sheet = window.__book.sheet('平台建设目标');
    const cells = [...sheet.cells];
    const value = (a) => { const hit = cells.find(([b]) => b === a); return hit ? hit[1].value : null; };
    const out = {};
    for (let r = 4; r <= 7; r++) out[value('A' + r)] = ['B','C','D','E','F','G','H','I'].map((c) => String(value(c + r) ?? ''));
    return out;
  })()`);
  assert.deepEqual(rows, EXPECTED);
  await screenshot(page, '15-excel-pane-targets');
  assert.deepEqual(errors, []);
  await page.close();
});
