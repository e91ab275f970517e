/**
 * The printout itself (issue #13), as a new user gets it: the sample department scored on the
 * web page's workbook and a summary workbook of six (and of thirty) departments, printed to
 * PDF by LibreOffice Calc headless. The score sheet is two A4 pages (every line, S1, S2, Sm
 * and the signature lines on the first; the reasons on the second), the summary and the
 * appraisal sheet one page each, every page with its footer. The PNG of every page is kept in
 * test-results/print/ (two of them are in the README).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appraisalText, buildSummary, fillScores, type DepartmentRecord, type FlowContext } from '../src/flow/index.js';
import { XlsxHost } from '../src/host/xlsx.js';
import { departmentWorkbook } from '../src/web/workbooks.js';
import { testEngine } from './support/engine.js';
import { baseFacts } from './support/flow-fixture.js';
import { throughLibreOffice } from './support/libreoffice.js';
import { pagesPerSheet, pageTexts, savePages } from './support/pdf.js';

const engine = testEngine();
const resultsDir = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'test-results', 'print');
const LINES = ['A1', 'A2', 'A3', 'A4', 'B1', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7'];

test('the scored sample department: the score sheet on two A4 pages, scores and signatures first, reasons second', async () => {
  const host = await departmentWorkbook(engine, baseFacts());
  const scored = await fillScores({ host, engine, locale: 'zh' });
  assert.equal(scored.ok, true, scored.message);
  const pdf = await throughLibreOffice(await host.save(), 'department.xlsx', 'pdf');
  savePages(pdf, resultsDir, 'department');
  const pages = pageTexts(pdf);
  const counts = pagesPerSheet(pages, [
    ['填报说明', '校企合作考核填报说明'],
    ['机电工程学院-填报', '校企合作考核填报表'],
    ['机电工程学院-评分', '校企合作考核评分表'],
    ['机电工程学院-台账', '合作项目台账与月报'],
  ]);
  console.log(`pages per sheet: ${JSON.stringify(counts)} (${pages.length} in all)`);
  assert.equal(counts['填报说明'], 1);
  assert.equal(counts['机电工程学院-评分'], 2);
  assert.ok(counts['机电工程学院-填报'] <= 3, `the facts sheet: ${counts['机电工程学院-填报']} pages`);
  // The ledger sheet (台账), empty in the sample, prints on one landscape page after the scores.
  assert.equal(counts['机电工程学院-台账'], 1);

  // The score sheet's two pages come right before the ledger's.
  const first = pages.length - counts['机电工程学院-台账'] - 2;
  const [scores, reasons] = pages.slice(first, first + 2);
  // Page 1: every line with its scores, the totals, Sm with its label, the signature lines.
  for (const id of LINES) assert.match(scores, new RegExp(`^\\s*${id}\\s`, 'm'), `line ${id} on page 1`);
  assert.match(scores, /92\s+11\s+7\s+88\s+92\s+11\s+7\s+88/, 'the totals');
  assert.match(scores, /合计\s+基础分合计、扣分合计、加分合计、总分\s+100/);
  assert.match(scores, /最终得分 Sm = S1×40% \+ S2×60%\s+88/);
  assert.match(scores, /考核组成员签字：\s+日期：/);
  assert.match(scores, /院系负责人签字：\s+日期：/);
  assert.doesNotMatch(scores, /57\.00%/, 'no reason on the first page');
  // The head names the department once (it read "院系 院系：机电工程学院").
  assert.match(scores, /院系\s+机电工程学院\s+考核年度：2023-2024/);
  assert.doesNotMatch(scores, /院系：/);
  // Page 2: the reasons, every line, whole.
  assert.match(reasons, /各项扣分、加分原因（机电工程学院）/);
  for (const id of LINES) assert.match(reasons, new RegExp(`^\\s*${id}\\s`, 'm'), `line ${id} on page 2`);
  assert.match(reasons, /本地实习 57\.00%，低于 60% 要求/);
  // The footer on both: department and year, page N of M, the date of printing.
  const total = pages.length;
  for (const [i, page] of [[first + 1, scores], [first + 2, reasons]] as const) {
    // (pdftotext leaves out the spaces around the page numbers.)
    assert.match(page, new RegExp(`机电工程学院\\s+2023-2024\\s+第\\s*${i}\\s*页\\s*/\\s*共\\s*${total}\\s*页\\s+打印日期：`), `footer of page ${i}`);
  }
});

function records(n: number): DepartmentRecord[] {
  return Array.from({ length: n }, (_, i) => ({ department: `第${i + 1}学院`, year: '2023-2024', s1: 70 + (i % 25), s2: 75 + (i % 20), source: `第${i + 1}学院.xlsx` }));
}

/** The web page's summary workbook: buildSummary and appraisalText on a new workbook. */
async function summaryPdf(n: number): Promise<string[]> {
  const host = XlsxHost.empty();
  const ctx: FlowContext = { host, engine, locale: 'zh' };
  assert.equal((await buildSummary(ctx, records(n))).ok, true);
  assert.equal((await appraisalText(ctx)).ok, true);
  const pdf = await throughLibreOffice(await host.save(), 'summary.xlsx', 'pdf');
  savePages(pdf, resultsDir, `summary-${n}`);
  return pageTexts(pdf);
}

for (const n of [6, 30]) {
  test(`the summary of ${n} departments and its appraisal sheet print on one page each, with year, weights, date and signatures`, async () => {
    const pages = await summaryPdf(n);
    const counts = pagesPerSheet(pages, [
      ['校企合作汇总', '校企合作考核汇总（2023-2024）'],
      ['年度考核', '2023-2024 年度综合考核 · 校企合作考核结果'],
    ]);
    console.log(`${n} departments, pages per sheet: ${JSON.stringify(counts)}`);
    assert.deepEqual(counts, { 校企合作汇总: 1, 年度考核: 1 });
    for (const page of pages) {
      assert.match(page, /考核年度：2023-2024\s+最终得分 Sm = S1×40% \+ S2×60%\s+打印日期：/, 'the header');
      assert.match(page, /考核组成员签字：.*产教研合作中心负责人签字：/s, 'the signature lines');
      assert.match(page, /第\s*\d\s*页\s*\/\s*共\s*2\s*页/);
      for (let i = 1; i <= n; i++) assert.match(page, new RegExp(`第${i}学院`), `第${i}学院`);
    }
  });
}
