/**
 * Never lose the user's data: a department's workbook carrying things the product does not
 * own — a note beside the facts, a remark beside the score sheet, a whole sheet of the
 * user's own with a formula and formatting — goes through every action of the task pane on
 * the page and comes back with all of it intact; and a second run over the downloaded file
 * changes nothing at all.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type ExcelJS from 'exceljs';
import { baseFacts, departmentBytes, downloadOf, namedCell, openPage, openSession, paneAction, screenshot, snapshot, tempDir, tempFile, workbookOf, type Session } from './support.js';

const DEPARTMENT = '机电工程学院';
const OWN_SHEET = '我的记录';
let s: Session;

before(async () => {
  s = await openSession();
});
after(async () => {
  await s?.close();
});

function checkForeign(wb: ExcelJS.Workbook, factsSheet: string, scoreSheet: string): void {
  const facts = wb.getWorksheet(factsSheet)!;
  assert.equal(facts.getCell('J6').value, '王老师 11月20日 已核对');
  assert.equal(facts.getCell('J6').font?.bold, true);
  assert.equal((facts.getCell('J6').fill as ExcelJS.FillPattern).fgColor?.argb, 'FFFFFF00');
  assert.equal(wb.getWorksheet(scoreSheet)!.getCell('Q3').value, '备注：请院长签字');
  const own = wb.getWorksheet(OWN_SHEET)!;
  assert.equal(own.getCell('A1').value, '合作企业走访记录');
  assert.equal(own.getCell('B2').formula, 'SUM(A2:A3)');
  assert.equal(own.getCell('A2').value, 3);
  assert.equal(own.getColumn(1).width, 28);
  assert.equal(own.getCell('A3').note, '自己的批注');
}

test('cells and sheets the product does not own survive every action, and a second run changes nothing', async () => {
  let factsSheet = '';
  let scoreSheet = '';
  const bytes = await departmentBytes(baseFacts(), undefined, async (host) => {
    factsSheet = (await namedCell(host, DEPARTMENT, 'department')).sheet;
    scoreSheet = (await namedCell(host, DEPARTMENT, 'out')).sheet;
    const wb = host.workbook;
    const facts = wb.getWorksheet(factsSheet)!;
    facts.getCell('J6').value = '王老师 11月20日 已核对';
    facts.getCell('J6').font = { bold: true };
    facts.getCell('J6').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    wb.getWorksheet(scoreSheet)!.getCell('Q3').value = '备注：请院长签字';
    const own = wb.addWorksheet(OWN_SHEET);
    own.getCell('A1').value = '合作企业走访记录';
    own.getCell('A2').value = 3;
    own.getCell('A3').value = 4;
    own.getCell('A3').note = '自己的批注';
    own.getCell('B2').value = { formula: 'SUM(A2:A3)', result: 7 };
    own.getColumn(1).width = 28;
  });
  checkForeign(await workbookOf(bytes), factsSheet, scoreSheet);

  const page = await openPage(s);
  const dir = tempDir();
  await page.setInputFiles('#single-file', tempFile(dir, '机电-含自有内容.xlsx', bytes));
  await page.locator(`section.department[data-department="${DEPARTMENT}"]`).waitFor();
  for (const id of ['validate', 'fillScores', 'buildSummary', 'appraisalText']) {
    await paneAction(page, id);
    await screenshot(page, `07-action-${id}`);
  }
  const first = await downloadOf(page, () => page.click('#download-workbook'));
  assert.ok(first, 'downloaded after every action');
  const wb = await workbookOf(first.bytes);
  checkForeign(wb, factsSheet, scoreSheet);
  const names = wb.worksheets.map((w) => w.name);
  assert.ok(names.length >= 6, `the department's sheets, the user's sheet, the summary and the appraisal sheet: ${names.join(', ')}`);

  // Second run: the downloaded workbook through the same actions gives the same workbook.
  await page.setInputFiles('#single-file', tempFile(dir, '第二次.xlsx', first.bytes));
  await page.locator('#single-status [data-file="第二次.xlsx"]').waitFor();
  await page.locator('#pane-root .coop-pane[aria-busy="false"]').waitFor();
  for (const id of ['validate', 'fillScores', 'buildSummary', 'appraisalText']) await paneAction(page, id);
  const second = await downloadOf(page, () => page.click('#download-workbook'));
  assert.ok(second);
  assert.deepEqual(await snapshot(second.bytes), await snapshot(first.bytes));
  assert.deepEqual(s.errors, []);
  assert.deepEqual(s.escaped, []);
});
