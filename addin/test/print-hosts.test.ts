/**
 * Printing in each host (issue #13): the page setup the flow asks for lands as each host's
 * own settings. Excel: `Worksheet.pageLayout` (orientation, A4, margins in points, fit to one
 * page wide, print area, title rows, headers and footers), `horizontalPageBreaks` and
 * `format.rowHeight`, on the queued Office.js model, in the syncs each action already makes,
 * and nothing at all below ExcelApi 1.9. WPS: `PageSetup` (Zoom off, FitToPagesWide 1,
 * FitToPagesTall false, …), `HPageBreaks.Add` and `RowHeight` on the fake ET application.
 * The web page: the .xlsx ExcelJS writes (`<pageSetup>`, `<pageMargins>`, `<headerFooter>`,
 * `<rowBreaks>`, the `_xlnm.Print_Area` and `_xlnm.Print_Titles` names, row heights).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { appraisalText, buildSummary, fillScores, insertTemplate, type FlowContext } from '../src/flow/index.js';
import { departmentKey, nameOf } from '../src/flow/names.js';
import { parseBlock } from '../src/host/a1.js';
import { ExcelHost } from '../src/host/excel.js';
import { WpsHost } from '../src/host/wps.js';
import { XlsxHost } from '../src/host/xlsx.js';
import { departmentWorkbook } from '../src/web/workbooks.js';
import { FakeWorkbook } from './support/fake-excel.js';
import { FakeEtApplication } from './support/fake-et.js';
import { excelTypist } from './support/call-bench.js';
import { baseFacts, typeFacts } from './support/flow-fixture.js';
import { named, typeFacts as typeIntoEt } from './support/wps-facts.js';
import { testEngine } from './support/engine.js';

const DEPT = '机电工程学院';
const SCORES = `${DEPT}-评分`;
const engine = testEngine();
const key = departmentKey(DEPT);

test('Excel: pageLayout, page breaks and row heights set in the syncs the actions already make', async () => {
  const book = new FakeWorkbook('Sheet1');
  const ctx: FlowContext = { host: new ExcelHost(book.run, { markNotes: 'notes' }), engine, locale: 'zh' };
  let syncs = book.syncs;
  assert.equal((await insertTemplate(ctx, { department: DEPT, year: '2023-2024' })).ok, true);
  assert.equal(book.syncs - syncs, 2, 'insertTemplate: lookup and flush, as before');
  const hands = excelTypist(book);
  typeFacts(hands, { ...baseFacts(), department: DEPT });
  syncs = book.syncs;
  assert.equal((await fillScores(ctx)).ok, true);
  assert.equal(book.syncs - syncs, 3, 'fillScores: survey, read, flush');

  const reasons = parseBlock(hands.name(nameOf(key, 'reasons'))!.address);
  const page = book.sheet(SCORES).page;
  assert.equal(page.orientation, 'Landscape');
  assert.equal(page.paperSize, 'A4');
  assert.deepEqual(page.margins, { left: 36, right: 36, top: 54, bottom: 72, header: 21.6, footer: 21.6 });
  assert.deepEqual(page.zoom, { horizontalFitToPages: 1, verticalFitToPages: 0 });
  assert.equal(page.printArea, `A1:N${reasons.bottom + 1}`);
  assert.deepEqual(page.rowBreaks, [reasons.top - 2], 'one break, above the reasons title');
  assert.deepEqual(page.headersFooters, { leftFooter: `${DEPT}　2023-2024`, centerFooter: '第 &P 页 / 共 &N 页', rightFooter: '打印日期：&D' });
  assert.equal(book.sheet(`${DEPT}-填报`).page.orientation, 'Landscape');
  const heights = book.sheet(SCORES).rowHeights;
  for (let r = reasons.top; r <= reasons.bottom; r++) assert.ok((heights.get(r) ?? 0) >= 33, `reason row ${r + 1}: ${heights.get(r)}`);

  syncs = book.syncs;
  assert.equal((await buildSummary(ctx)).ok, true);
  assert.equal((await appraisalText(ctx)).ok, true);
  assert.equal(book.syncs - syncs, 6, 'three each');
  const summary = book.sheets.find((s) => s.name === '校企合作汇总')!.page;
  assert.equal(summary.orientation, 'Portrait');
  assert.deepEqual(summary.zoom, { horizontalFitToPages: 1, verticalFitToPages: 1 });
  assert.equal(summary.printTitleRows, '$2:$2');
  assert.equal(summary.headersFooters.centerHeader, '最终得分 Sm = S1×40% + S2×60%');
  assert.equal(summary.headersFooters.rightFooter, '产教研合作中心负责人签字：\n日期：');
});

test('Excel below ExcelApi 1.9: no page layout is touched, everything else is done', async () => {
  const book = new FakeWorkbook('Sheet1');
  const ctx: FlowContext = { host: new ExcelHost(book.run, { markNotes: 'notes', pageLayout: false }), engine, locale: 'zh' };
  assert.equal((await insertTemplate(ctx, { department: DEPT, year: '2023-2024' })).ok, true);
  for (const s of book.sheets) assert.deepEqual(s.page, { margins: {}, headersFooters: {}, rowBreaks: [] }, s.name);
  assert.ok(book.sheet(SCORES).rowHeights.size > 0, 'row heights are ExcelApi 1.1 and still set');
});

test('WPS: PageSetup, HPageBreaks and RowHeight on the ET sheets', async () => {
  const app = new FakeEtApplication();
  const ctx: FlowContext = { host: new WpsHost(app), engine, locale: 'zh' };
  assert.equal((await insertTemplate(ctx, { department: DEPT, year: '2023-2024' })).ok, true);
  typeIntoEt(app, DEPT, { ...baseFacts(), department: DEPT });
  assert.equal((await fillScores(ctx)).ok, true);
  const reasons = named(app, nameOf(key, 'reasons')).block;
  const sheet = app.snapshot().sheets.find((s) => s.name === SCORES)!;
  const p = sheet.page;
  assert.deepEqual(
    [p.Orientation, p.PaperSize, p.Zoom, p.FitToPagesWide, p.FitToPagesTall, p.PrintArea, p.PrintTitleRows],
    [2, 9, false, 1, false, `$A$1:$N$${reasons.bottom + 1}`, ''],
  );
  assert.deepEqual([p.LeftMargin, p.RightMargin, p.TopMargin, p.BottomMargin, p.HeaderMargin, p.FooterMargin], [36, 36, 54, 72, 21.6, 21.6]);
  assert.deepEqual([p.LeftFooter, p.CenterFooter, p.RightFooter], [`${DEPT}　2023-2024`, '第 &P 页 / 共 &N 页', '打印日期：&D']);
  // ET counts rows from 1: the break sits above the reasons' title.
  assert.deepEqual(sheet.breaks, [reasons.top - 1]);
  const heights = new Map(sheet.heights);
  for (let r = reasons.top; r <= reasons.bottom; r++) assert.ok((heights.get(r + 1) ?? 0) >= 33, `reason row ${r + 1}`);

  assert.equal((await buildSummary(ctx)).ok, true);
  const summary = app.snapshot().sheets.find((s) => s.name === '校企合作汇总')!.page;
  assert.deepEqual([summary.Orientation, summary.FitToPagesTall, summary.PrintTitleRows, summary.CenterHeader], [1, 1, '$2:$2', '最终得分 Sm = S1×40% + S2×60%']);
});

/** One sheet's XML part of a saved workbook, found through workbook.xml and its relations. */
async function sheetXml(bytes: Uint8Array, sheet: string): Promise<{ sheet: string; workbook: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  assert.ok(target, `${sheet} in the workbook`);
  return { sheet: await zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string'), workbook };
}

test('the web page: the .xlsx carries the page setup, the break, the footer and the row heights', async () => {
  const host = await departmentWorkbook(engine, baseFacts());
  const ctx: FlowContext = { host, engine, locale: 'zh' };
  assert.equal((await fillScores(ctx)).ok, true);
  const reasons = (await host.names()).find((n) => n.name === nameOf(key, 'reasons'))!;
  const { top, bottom } = parseBlock(reasons.address);
  const { sheet, workbook } = await sheetXml(await host.save(), SCORES);
  assert.match(sheet, /<pageSetup paperSize="9" orientation="landscape"[^>]* fitToWidth="1" fitToHeight="0"/);
  assert.match(sheet, /<pageMargins left="0.5" right="0.5" top="0.75" bottom="1" header="0.3" footer="0.3"\/>/);
  assert.match(sheet, /<sheetPr[^>]*>.*<pageSetUpPr fitToPage="1"\/>/s);
  assert.match(sheet, /<oddFooter>&amp;L机电工程学院\u30002023-2024&amp;C第 &amp;P 页 \/ 共 &amp;N 页&amp;R打印日期：&amp;D<\/oddFooter>/);
  // The break is stored after the last row of the first page (1-based): the row above the title.
  assert.match(sheet, new RegExp(`<rowBreaks count="1" manualBreakCount="1"><brk id="${top - 2}" max="\\d+" man="1"/></rowBreaks>`));
  // ExcelJS writes the print area's columns absolute only ($A1:$N36), which Excel and
  // LibreOffice read as the same block.
  assert.match(workbook, new RegExp(`<definedName name="_xlnm.Print_Area" localSheetId="\\d+">&apos;${SCORES}&apos;!\\$A\\$?1:\\$N\\$?${bottom + 1}</definedName>`));
  for (let r = top; r <= bottom; r++) assert.match(sheet, new RegExp(`<row r="${r + 1}"[^>]* ht="(3[3-9]|[4-9]\\d|\\d{3})" customHeight="1"`), `reason row ${r + 1} grown`);

  assert.equal((await buildSummary(ctx)).ok, true);
  assert.equal((await appraisalText(ctx)).ok, true);
  const summary = await sheetXml(await host.save(), '校企合作汇总');
  assert.match(summary.sheet, /<pageSetup paperSize="9" orientation="portrait"[^>]* fitToWidth="1" fitToHeight="1"/);
  assert.match(summary.sheet, /<oddHeader>&amp;L考核年度：2023-2024&amp;C最终得分 Sm = S1×40% \+ S2×60%&amp;R打印日期：&amp;D<\/oddHeader>/);
  assert.match(summary.sheet, /<oddFooter>&amp;L考核组成员签字：\n日期：&amp;C第 &amp;P 页 \/ 共 &amp;N 页&amp;R产教研合作中心负责人签字：\n日期：<\/oddFooter>/);
  assert.match(summary.workbook, /<definedName name="_xlnm.Print_Titles" localSheetId="\d+">&apos;校企合作汇总&apos;!\$2:\$2<\/definedName>/);
  // Read back by ExcelJS (what the web page does with a workbook it opens): the setup stays.
  const again = await XlsxHost.load(await host.save());
  assert.equal(again.workbook.getWorksheet(SCORES)!.pageSetup.fitToHeight, 0);
});
