/**
 * fillScores on the in-memory host with the real engine: the RUBRIC.md §3 department gives
 * every line's numbers and total 88; an assessor column gives S2 and Sm; only plain values are
 * written, only into the add-in's own cells; a second run changes nothing; foreign data stops
 * the run with nothing written; inserted rows and renamed sheets do not break it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillScores, validateWorkbook } from '../src/flow/index.js';
import { departmentKey, nameOf } from '../src/flow/names.js';
import { blockAddress, cellAddress, parseBlock } from '../src/host/a1.js';
import type { CellValue } from '../src/host/host.js';
import type { MemoryHost } from './support/memory-host.js';
import { SCORE_FINAL } from '../src/template/layout.js';
import { baseFacts, context, fieldCell, tableCell, workbookWith } from './support/flow-fixture.js';

const DEPT = '机电工程学院';

/**
 * The score sheet's output rows: line id → the 10 output cells; plus the 合计 and final rows
 * (Sm at SCORE_FINAL.value, in the merged cell of its own; the rest of that merge empty), and
 * line id → the text of its row in the reasons block below the signatures.
 */
function scoreSheet(host: MemoryHost, department = DEPT) {
  const key = departmentKey(department);
  const out = host.name(nameOf(key, 'out'))!;
  const lines = host.name(nameOf(key, 'lines'))!;
  const reasonsAt = host.name(nameOf(key, 'reasons'))!;
  const values = host.getBlock(out.sheet, out.address);
  const reasonRows = host.getBlock(reasonsAt.sheet, reasonsAt.address);
  const ids = host.getBlock(lines.sheet, lines.address).map((r) => String(r[0]));
  const byId = new Map<string, CellValue[]>();
  const reasons = new Map<string, string>();
  ids.forEach((id, i) => {
    byId.set(id, values[i]);
    reasons.set(id, String(reasonRows[i][0] ?? ''));
  });
  return { byId, reasons, total: values[ids.length], final: values[ids.length + 1], sheet: out.sheet, out: parseBlock(out.address) };
}

// RUBRIC.md §3: base, deduction, bonus, score of every line.
const EXPECTED: Record<string, [number, number, number, number]> = {
  A1: [3, 0, 0, 3], A2: [1, 0, 0, 1], A3: [10, 1, 0, 9], A4: [5, 1, 0, 4],
  B1: [10, 3, 2, 9], C1: [2, 0, 2, 4], C2: [5, 2, 0, 3], C3: [6, 0, 0, 6],
  C4: [10, 0, 0, 10], C5: [20, 1, 0, 19], C6: [10, 0, 3, 13], C7: [10, 3, 0, 7],
};

test('the RUBRIC.md §3 department scores 88 with every line in its row', async () => {
  const host = await workbookWith([DEPT], () => baseFacts());
  const r = await fillScores(context(host));
  assert.equal(r.ok, true, r.message);
  const s = scoreSheet(host);
  assert.equal(s.byId.size, 12);
  for (const [id, nums] of Object.entries(EXPECTED)) {
    const row = s.byId.get(id)!;
    assert.deepEqual(row.slice(0, 4), nums, `${id} self`);
    assert.deepEqual(row.slice(4, 8), nums, `${id} assessor (blank column = as reported)`);
    // The reasons are in their block below (page 2 in print), M–N of the line stay empty.
    assert.deepEqual(row.slice(8), [null, null], `${id}: no reason beside the scores`);
    assert.match(s.reasons.get(id)!, /^自评：.+\n考评：.+$/s, `${id} has its reasons`);
  }
  assert.deepEqual(s.total.slice(0, 8), [92, 11, 7, 88, 92, 11, 7, 88]);
  assert.equal(s.final[SCORE_FINAL.value], 88);
  // Sm alone in its merged cell (E–L), under the row's label.
  assert.deepEqual(s.final.slice(SCORE_FINAL.value + 1, SCORE_FINAL.value + SCORE_FINAL.merged), Array(SCORE_FINAL.merged - 1).fill(null));
  assert.equal(host.get(s.sheet, cellAddress(s.out.bottom, 1)), '最终得分 Sm = S1×40% + S2×60%');
  assert.match(s.reasons.get('C5')!, /^自评：.*57\.00%.*\n考评：.*按自评认定/);
  assert.equal(r.departments?.[0].s1, 88);
  assert.equal(r.departments?.[0].final, 88);
  assert.equal(r.departments?.[0].selfLines?.length, 12);
  // The head line names the department; every write is a plain value (the memory host
  // refuses formulas outright).
  const head = host.name(nameOf(departmentKey(DEPT), 'head'))!;
  assert.match(String(host.get(head.sheet, head.address.split(':')[0])), /机电工程学院.*2023-2024/);
});

test('an assessor column gives S2 and the weighted final score', async () => {
  const host = await workbookWith([DEPT], () => baseFacts());
  // Verified: 130 of 200 interns placed locally (65%: +1), one more major with an external base.
  const local = fieldCell(host, DEPT, 'internship.local', 'assessor');
  host.set(local.sheet, local.address, 130);
  const r = await fillScores(context(host));
  assert.equal(r.ok, true, r.message);
  const s = scoreSheet(host);
  assert.deepEqual(s.byId.get('C5')!.slice(0, 8), [20, 1, 0, 19, 20, 0, 1, 21]);
  assert.match(s.reasons.get('C5')!, /\n考评：.*65\.00%/);
  assert.deepEqual(s.total.slice(0, 8), [92, 11, 7, 88, 92, 10, 8, 90]);
  // Sm = 88 × 40% + 90 × 60% = 89.2, exactly.
  assert.equal(s.final[SCORE_FINAL.value], 89.2);
  assert.match(String(s.final[SCORE_FINAL.worked]), /88 × 40% \+ 90 × 60% = 89\.2/);
  assert.deepEqual(
    r.departments?.map((d) => [d.s1, d.s2, d.final]),
    [[88, 90, 89.2]],
  );
});

test("the assessor's table columns override the department's rows for S2 only", async () => {
  const host = await workbookWith([DEPT], () => baseFacts());
  // Verified: 电气自动化技术 does have one partner enterprise (self said 0).
  const c = tableCell(host, DEPT, 'majors', 2, 2);
  host.set(c.sheet, c.address, 1);
  const r = await fillScores(context(host));
  assert.equal(r.ok, true, r.message);
  const s = scoreSheet(host);
  assert.deepEqual(s.byId.get('B1')!.slice(0, 8), [10, 3, 2, 9, 10, 0, 2, 12]);
  assert.deepEqual(s.total.slice(0, 8), [92, 11, 7, 88, 92, 8, 7, 91]);
  assert.equal(s.final[SCORE_FINAL.value], 89.8); // 88 × 40% + 91 × 60%
});

test('a second fill changes nothing, and input cells are never written', async () => {
  const host = await workbookWith([DEPT], () => baseFacts());
  const ctx = context(host);
  const inputsBefore = host.getBlock(`${DEPT}-填报`, 'A1:G80');
  await fillScores(ctx);
  const first = host.snapshot();
  const again = await fillScores(ctx);
  assert.equal(again.ok, true);
  assert.equal(host.snapshot(), first);
  assert.deepEqual(host.getBlock(`${DEPT}-填报`, 'A1:G80'), inputsBefore);
  // Fixing an input and filling again replaces the add-in's own earlier output.
  const c = fieldCell(host, DEPT, 'reports.missed');
  host.set(c.sheet, c.address, 3);
  const third = await fillScores(ctx);
  assert.equal(third.ok, true, third.message);
  assert.deepEqual(scoreSheet(host).byId.get('A3')!.slice(0, 4), [10, 3, 0, 7]);
});

test('foreign data in the output area stops the run, names the cells, writes nothing', async () => {
  const host = await workbookWith([DEPT], () => baseFacts());
  const ctx = context(host);
  await fillScores(ctx);
  const s = scoreSheet(host);
  const c5 = cellAddress(s.out.top + 9, s.out.left + 3); // C5's 自评得分
  host.set(s.sheet, c5, 20); // someone "corrects" the score by hand
  const notes = cellAddress(s.out.bottom, s.out.left + SCORE_FINAL.value); // Sm's own cell
  host.set(s.sheet, notes, '我的备注');
  const c = fieldCell(host, DEPT, 'reports.missed');
  host.set(c.sheet, c.address, 2); // an input change that would rewrite the sheet
  const before = host.snapshot();
  host.resetCalls();
  const r = await fillScores(ctx);
  assert.equal(r.ok, false);
  assert.equal(host.calls.write, 0);
  assert.equal(host.snapshot(), before);
  assert.deepEqual(r.problems.map((p) => `${p.sheet}!${p.address}:${p.code}`), [
    `${s.sheet}!${c5}:foreign_data`,
    `${s.sheet}!${notes}:foreign_data`,
  ]);
  assert.match(r.message, new RegExp(`${c5}.*${notes}`));
});

test('a tampered record cell is foreign too', async () => {
  const host = await workbookWith([DEPT], () => baseFacts());
  await fillScores(context(host));
  const s = scoreSheet(host);
  const record = cellAddress(s.out.top, s.out.right + 1);
  host.set(s.sheet, record, 'x');
  const r = await fillScores(context(host));
  assert.equal(r.ok, false);
  assert.ok(r.problems.some((p) => p.address === record));
});

test('fill refuses while input errors stand and says so', async () => {
  const host = await workbookWith([DEPT], () => baseFacts());
  const c = fieldCell(host, DEPT, 'internship.total');
  host.set(c.sheet, c.address, '两百');
  host.resetCalls();
  const r = await fillScores(context(host));
  assert.equal(r.ok, false);
  assert.match(r.message, /未计算得分/);
  assert.equal(host.calls.write, 0);
  assert.deepEqual(r.problems.map((p) => [p.path, p.code, p.address]), [['internship.total', 'not_a_number', c.address]]);
  assert.ok(host.mark(c.sheet, c.address));
  const out = scoreSheet(host);
  assert.ok(out.byId.get('A1')!.every((v) => v === null), 'nothing scored');
});

test('inserted rows and renamed sheets do not break the flow', async () => {
  const host = await workbookWith([DEPT], () => baseFacts());
  host.insertRows(`${DEPT}-填报`, 3, 2); // above the inputs
  host.insertRows(`${DEPT}-填报`, 28, 1); // above the majors table's title
  host.renameSheet(`${DEPT}-填报`, '填报（机电）');
  host.renameSheet(`${DEPT}-评分`, '评分（机电）');
  host.insertRows('评分（机电）', 2, 3); // above the score table
  const v = await validateWorkbook(context(host));
  assert.equal(v.ok, true, v.message);
  const r = await fillScores(context(host));
  assert.equal(r.ok, true, r.message);
  const s = scoreSheet(host);
  assert.equal(s.sheet, '评分（机电）');
  assert.equal(s.total[3], 88);
  assert.equal(blockAddress(s.out).startsWith('E8'), true);
});

test('in English the messages and the reasons are English, the numbers the same', async () => {
  const { MemoryHost } = await import('./support/memory-host.js');
  const { insertTemplate } = await import('../src/flow/index.js');
  const { typeFacts } = await import('./support/flow-fixture.js');
  const host = new MemoryHost();
  const ctx = context(host, 'en');
  await insertTemplate(ctx, { department: 'Mechatronics', year: '2023-2024' });
  typeFacts(host, { ...baseFacts(), department: 'Mechatronics' });
  const r = await fillScores(ctx);
  assert.equal(r.ok, true, r.message);
  assert.match(r.message, /^Scores written for "Mechatronics": self 88, assessor 88, final 88$/);
  const s = scoreSheet(host, 'Mechatronics');
  assert.equal(s.total[3], 88);
  assert.doesNotMatch(s.reasons.get('C5')!, /[\u4e00-\u9fff]{4}/, 'the reason is not Chinese');
  assert.match(s.reasons.get('C5')!, /^Self: .*\nAssessor: .*accepted as reported/);
});

test('a department the engine validates but will not score stops the action instead of vanishing from it', async () => {
  const host = await workbookWith([DEPT, '信息工程学院'], () => baseFacts());
  const engine = context(host).engine;
  let calls = 0;
  // An engine that disagrees with itself on the second department: before, fillScores skipped
  // that department in silence and reported one department scored.
  const odd = {
    ...engine,
    rubricInfo: () => engine.rubricInfo(),
    weightedScore: engine.weightedScore.bind(engine),
    scoreDepartment: (facts: unknown, o?: { locale?: 'zh' | 'en' }) =>
      ++calls > 2 ? { ok: false as const, errors: [{ path: 'staffing', code: 'odd', message: 'odd' }] } : engine.scoreDepartment(facts, o),
  };
  await assert.rejects(fillScores({ host, engine: odd as typeof engine, locale: 'zh' }), /信息工程学院.*staffing odd/);
});
