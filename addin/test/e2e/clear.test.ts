/**
 * 清除标记 and 清除得分 on the web page, in Chromium, over a real .xlsx: a mark whose note the
 * user deleted (the mark's red alone) goes with its cell's yellow back, no note written; the
 * pane's 清除得分 empties the score sheet the add-in filled (the page scores the workbook
 * again before handing it out: a download here is always the scored workbook).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type ExcelJS from 'exceljs';
import { parseBlock, cellAddress } from '../../src/host/a1.js';
import { MARK_FILL } from '../../src/host/mark-text.js';
import { baseFacts, departmentBytes, downloadOf, namedCell, openPage, openSession, paneAction, screenshot, tempDir, tempFile, workbookOf, type Session } from './support.js';

const DEPARTMENT = '机电工程学院';
let s: Session;

before(async () => {
  s = await openSession();
});
after(async () => {
  await s?.close();
});

test('the pane clears marks (even one whose note was deleted) and the scores it wrote', async () => {
  let local = { sheet: '', address: '' };
  let out = { sheet: '', address: '' };
  const bytes = await departmentBytes(baseFacts(), undefined, async (host) => {
    local = await namedCell(host, DEPARTMENT, 'internship_local_self');
    out = await namedCell(host, DEPARTMENT, 'out');
    // An earlier validation's mark whose note the user deleted: the mark's red alone.
    host.workbook.getWorksheet(local.sheet)!.getCell(local.address).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${MARK_FILL.slice(1)}` } };
  });
  const page = await openPage(s);
  const dir = tempDir();
  await page.setInputFiles('#single-file', tempFile(dir, '机电-有旧标记.xlsx', bytes));
  await page.locator(`section.department[data-department="${DEPARTMENT}"]`).waitFor();
  await page.locator('#pane-root .coop-pane[aria-busy="false"]').waitFor();
  assert.match((await page.locator('#pane-root button.action[data-action="clearMarks"]').textContent()) ?? '', /^清除标记/);
  assert.match((await page.locator('#pane-root button.action[data-action="clearScores"]').textContent()) ?? '', /^清除得分/);

  assert.match(await paneAction(page, 'clearMarks'), /已清除 1 个院系填报表上的标记/);
  await paneAction(page, 'fillScores');
  assert.match(await paneAction(page, 'clearScores'), /已清除 1 个院系评分表中加载项写入的得分/);
  // The report links the sheet it wrote (emptied).
  assert.ok(await page.locator('#pane-root').getByText(`查看${out.sheet}`).count() > 0 || (await page.locator('#pane-root').textContent())?.includes(out.sheet));
  await screenshot(page, '12-clear-scores');
  const cleared = await downloadOf(page, () => page.click('#download-workbook'));
  assert.ok(cleared, 'downloaded');
  const wb: ExcelJS.Workbook = await workbookOf(cleared.bytes);
  const cell = wb.getWorksheet(local.sheet)!.getCell(local.address);
  assert.equal((cell.fill as ExcelJS.FillPattern).fgColor?.argb, 'FFFFF2CC', 'the self column yellow again');
  assert.equal(cell.note, undefined, 'no note written');
  assert.equal(cell.value, 114, 'the value untouched');
  const first = parseBlock(out.address);
  assert.equal(wb.getWorksheet(out.sheet)!.getCell(cellAddress(first.top, first.left)).value, 3, 'the download is scored again (A1 base 3)');
  assert.deepEqual(s.errors, []);
  assert.deepEqual(s.escaped, []);
});
