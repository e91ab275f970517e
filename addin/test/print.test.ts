/**
 * Printing, host-neutral (issue #13): what page setup each action asks for, on the memory
 * host: the template's three sheets on insert; the score sheet's signature lines, its reasons
 * in a block of their own after a page break, rows tall enough for them, and a footer with the
 * department and year; the summary and the appraisal sheet on one portrait page with the year,
 * the weights, the date of printing and the signature lines; the head line that no longer
 * says 院系 twice. The hosts' own settings are test/print-hosts.test.ts, the paper itself
 * (LibreOffice's PDF) test/print-pdf.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appraisalText, buildSummary, fillScores, insertTemplate } from '../src/flow/index.js';
import { APPRAISAL_NAME, departmentKey, nameOf, SUMMARY_NAME } from '../src/flow/names.js';
import { blockAddress, parseBlock } from '../src/host/a1.js';
import type { PageSetup } from '../src/host/host.js';
import { SCORE_COLUMNS } from '../src/template/layout.js';
import { DEFAULT_ROW_POINTS, rowHeight, wrappedLines } from '../src/template/print.js';
import { MemoryHost } from './support/memory-host.js';
import { baseFacts, context, inputCell, typeFacts, workbookWith } from './support/flow-fixture.js';

const DEPT = '机电工程学院';

/** The last page setup asked for `sheet`, merged over the earlier ones (absent fields kept). */
function pageOf(host: MemoryHost, sheet: string): PageSetup {
  return host.pageSetups.filter((p) => p.sheet === sheet).reduce<PageSetup>((all, p) => ({ ...all, ...p }), { sheet });
}

function place(host: MemoryHost, suffix: string) {
  const n = host.name(nameOf(departmentKey(DEPT), suffix))!;
  return { sheet: n.sheet, block: parseBlock(n.address) };
}

test('wrapped text: Chinese characters take two widths, each paragraph starts a line', () => {
  assert.equal(wrappedLines('abc', 10), 1);
  assert.equal(wrappedLines('一二三四五六七八九十', 23), 1); // 21 units in 22 usable
  assert.equal(wrappedLines('一二三四五六七八九十', 21), 2);
  assert.equal(wrappedLines('一\n二\n三', 40), 3);
  assert.equal(rowHeight([{ text: 'short', width: 30 }, { text: null, width: 5 }]), DEFAULT_ROW_POINTS);
  // The tallest cell decides: 3 lines of 15 points, and air.
  assert.equal(rowHeight([{ text: 'a\nb\nc', width: 30 }, { text: 'x', width: 30 }]), 48);
});

test('the template is set up for print: facts and score sheets landscape, the reasons after a page break', async () => {
  const host = new MemoryHost();
  const r = await insertTemplate(context(host), { department: DEPT, year: '2023-2024' });
  assert.equal(r.ok, true, r.message);
  const facts = pageOf(host, `${DEPT}-填报`);
  assert.deepEqual(facts.page, { orientation: 'landscape', pagesTall: 0 });
  // No repeated header: the field header would stand over the tables' other columns.
  assert.equal(facts.titleRows, undefined);
  assert.deepEqual(pageOf(host, '填报说明').page, { orientation: 'portrait', pagesTall: 1 });

  const scores = `${DEPT}-评分`;
  const page = pageOf(host, scores);
  assert.deepEqual(page.page, { orientation: 'landscape', pagesTall: 0 });
  assert.deepEqual(page.footer, { left: `${DEPT}　2023-2024`, center: '第 &P 页 / 共 &N 页', right: '打印日期：&D' });
  const reasons = place(host, 'reasons');
  const out = place(host, 'out');
  // One print area down to the last reason; the page break right above the reasons' title.
  assert.equal(page.printArea, `A1:N${reasons.block.bottom + 1}`);
  assert.deepEqual(page.breaksBefore, [reasons.block.top - 2]);
  assert.match(String(host.get(scores, `A${reasons.block.top - 1}`)), /^各项扣分、加分原因/);
  // Between the final row and the break: the note, then the signature lines.
  const signatures = [out.block.bottom + 3, out.block.bottom + 4].map((r) => [host.get(scores, `A${r + 1}`), host.get(scores, `I${r + 1}`)]);
  assert.deepEqual(signatures, [['考核组成员签字：', '日期：'], ['院系负责人签字：', '日期：']]);
  // The reasons block: one row per line, same ids, its text cell E–N merged.
  const lines = place(host, 'lines');
  const ids = host.getBlock(scores, `A${lines.block.top + 1}:A${lines.block.bottom + 1}`);
  assert.deepEqual(host.getBlock(scores, `A${reasons.block.top + 1}:A${reasons.block.bottom + 1}`), ids);
  assert.equal(reasons.block.left, SCORE_COLUMNS.out);
  assert.ok(host.formats.some((f) => f.sheet === scores && f.address === `E${reasons.block.top + 1}:N${reasons.block.top + 1}` && f.format.merge));
});

test('the head line names the department once: 院系 | 机电工程学院　考核年度', async () => {
  const host = await workbookWith([DEPT], () => baseFacts());
  await fillScores(context(host));
  const head = place(host, 'head');
  assert.equal(host.get(head.sheet, `A${head.block.top + 1}`), '院系');
  assert.equal(host.get(head.sheet, `B${head.block.top + 1}`), `${DEPT}　　考核年度：2023-2024`);
});

test('fillScores sizes the reasons rows to their text and refreshes the footer with the year typed since', async () => {
  const host = new MemoryHost();
  await insertTemplate(context(host), { department: DEPT });
  typeFacts(host, { ...baseFacts(), department: DEPT });
  const year = inputCell(host, DEPT, 'year');
  host.set(year.sheet, year.address, '2024-2025');
  host.pageSetups = [];
  const r = await fillScores(context(host));
  assert.equal(r.ok, true, r.message);
  const scores = `${DEPT}-评分`;
  // Only the footers: the rest was set when the template was inserted.
  const footer = { left: `${DEPT}　2024-2025`, center: '第 &P 页 / 共 &N 页', right: '打印日期：&D' };
  assert.deepEqual(host.pageSetups, [{ sheet: scores, footer }, { sheet: `${DEPT}-填报`, footer }]);
  const reasons = place(host, 'reasons');
  const heights = new Map(host.formats.filter((f) => f.sheet === scores && f.format.rowHeight !== undefined).map((f) => [parseBlock(f.address).top, f.format.rowHeight!]));
  for (let row = reasons.block.top; row <= reasons.block.bottom; row++) {
    const text = String(host.get(scores, `E${row + 1}`));
    // Every reason holds two lines at least (自评 and 考评), so every row is grown for it.
    assert.equal(heights.get(row), rowHeight([{ text, width: 7 * 8 + 2 * 24 }]), `row ${row + 1}`);
    assert.ok(heights.get(row)! >= 33, `row ${row + 1} holds ${text}`);
  }
});

test('a score sheet made before the reasons block keeps them beside the lines and gets its page set up on fill', async () => {
  const host = await workbookWith([DEPT], () => baseFacts());
  const reasons = place(host, 'reasons');
  // An older template: no "reason" tags, so no reasons place (the rows below are not ours).
  for (let row = reasons.block.top; row <= reasons.block.bottom; row++) host.set(reasons.sheet, `P${row + 1}`, null);
  host.pageSetups = [];
  const r = await fillScores(context(host));
  assert.equal(r.ok, true, r.message);
  const out = place(host, 'out');
  assert.match(String(host.get(out.sheet, `M${out.block.top + 1}`)), /行政正职领导负责/, 'A1 self reason in M');
  assert.equal(host.get(out.sheet, `E${reasons.block.top + 1}`), null, 'nothing written below');
  const page = pageOf(host, out.sheet);
  assert.deepEqual(page.page, { orientation: 'landscape', pagesTall: 0 });
  assert.equal(page.printArea, `A1:N${out.block.bottom + 2}`, 'down to the note under the final row');
  assert.equal(page.breaksBefore, undefined, 'no break added to a sheet the action did not add');
  assert.deepEqual(pageOf(host, `${DEPT}-填报`).page, { orientation: 'landscape', pagesTall: 0 }, 'the facts sheet too');
});

test('an ampersand in a department name prints as itself', async () => {
  const host = new MemoryHost();
  await insertTemplate(context(host), { department: 'A&B 学院', year: '2023' });
  assert.equal(pageOf(host, 'A&B 学院-评分').footer?.left, 'A&&B 学院　2023');
});

test('the summary and the appraisal sheet print on one portrait page with year, weights, date and signatures', async () => {
  const host = await workbookWith(['甲学院', '乙学院'], () => baseFacts());
  const ctx = context(host);
  const extra = Array.from({ length: 28 }, (_, i) => ({ department: `第${i + 1}学院`, year: '2023-2024', s1: 70 + i, s2: 80 }));
  assert.equal((await buildSummary(ctx, extra)).ok, true);
  assert.equal((await appraisalText(ctx)).ok, true);
  for (const name of [SUMMARY_NAME, APPRAISAL_NAME]) {
    const at = host.name(name)!;
    const page = pageOf(host, at.sheet);
    const block = parseBlock(at.address);
    assert.deepEqual(page.page, { orientation: 'portrait', pagesTall: 1 }, name);
    // The name spans the block and, last, its record column; the record is not printed.
    assert.equal(page.printArea, blockAddress({ ...block, right: block.right - 1 }), name);
    assert.deepEqual(page.titleRows, { top: block.top + 1, bottom: block.top + 1 }, `${name}: the column header repeats`);
    assert.deepEqual(page.header, { left: '考核年度：2023-2024', center: '最终得分 Sm = S1×40% + S2×60%', right: '打印日期：&D' }, name);
    assert.deepEqual(page.footer, { left: '考核组成员签字：\n日期：', center: '第 &P 页 / 共 &N 页', right: '产教研合作中心负责人签字：\n日期：' }, name);
  }
  // Run again with nothing changed: the page is left as it is (twenty calls spared in WPS).
  host.pageSetups = [];
  assert.equal((await buildSummary(ctx, extra)).ok, true);
  assert.equal((await appraisalText(ctx)).ok, true);
  assert.deepEqual(host.pageSetups, []);
});

test('a summary whose year changes with the same rows sets its page header again', async () => {
  const host = await workbookWith(['甲学院'], () => baseFacts());
  const ctx = context(host);
  const extra = [{ department: '乙学院', year: '2023-2024', s1: 80, s2: 90 }];
  await buildSummary(ctx, extra);
  host.pageSetups = [];
  const cell = inputCell(host, '甲学院', 'year');
  host.set(cell.sheet, cell.address, '2024-2025');
  await buildSummary(ctx, [{ ...extra[0], year: '2024-2025' }]);
  const summary = host.name(SUMMARY_NAME)!;
  assert.equal(pageOf(host, summary.sheet).header?.left, '考核年度：2024-2025');
});
