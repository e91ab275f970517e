/**
 * 怎样提高得分 through the flow: fillScores hands every department's hints (RUBRIC.md §9), each
 * at the input cell its path names, best gain first, S1's always and S2's where the assessors'
 * values changed a line. The expectations are worked by hand on the RUBRIC §3 example:
 *
 * - A1 3/3, A3 (missed reports cannot be undone), C4 10/10 (32 + 18 students: 10 + 5, capped)
 *   and C6 13 (26%: +3, the cap) have none.
 * - A2 兼职 → 专职 +1. A4 the missing 学期总结 +1.
 * - B1 (partners 3, 1, 0; −3, +2): majors[2] 0 → 1 lifts the −3 (+3); the bonus 2 < 5, so the
 *   first major with a partner, majors[0], 3 → 4, +1.
 * - C1 (1 semester, 2 textbooks): semesters 1 → 2 is 2 → 5 (+3); textbooks 2 → 3 (+1).
 * - C2 (−2): majors[1] lacks the off-campus base (+1), majors[2] both (+1).
 * - C3 (2 of 3 majors: 6): the last major with an order class reaches 10 (+4).
 * - C5 (114 of 200 = 57%: −1): 120 of 200 = 60% (+1), "本地实习再增加 6 人（达到 120 人）可少扣 1 分".
 * - C7 (7 of 40 = 17.5%: −3; 6 of 60 = 10%: 0): 8 of 40 = 20% (+3); the engineer share none.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillScores, insertTemplate, type DepartmentResult } from '../src/flow/index.js';
import { baseFacts, bestFacts, context, fieldCell, tableCell, typeFacts, workbookWith, type Json } from './support/flow-fixture.js';
import { MemoryHost } from './support/memory-host.js';
import { exampleLedger, ledgerCell, typeLedger } from './support/ledger-fixture.js';

const DEPT = '机电工程学院';

async function scored(host: MemoryHost, locale: 'zh' | 'en' = 'zh'): Promise<DepartmentResult> {
  const r = await fillScores(context(host, locale));
  assert.equal(r.ok, true, r.message);
  return r.departments![0];
}

test('the §3 example: every hint, best gain first (ties by path), each at its input cell', async () => {
  const host = await workbookWith([DEPT], () => baseFacts());
  const d = await scored(host);
  const hints = d.hints!;
  assert.deepEqual(hints.map((h) => [h.line, h.path, h.gain, h.facts]), [
    ['C3', 'order_classes', 4, 'self'],
    ['C1', 'curriculum.meeting_semesters', 3, 'self'],
    ['C7', 'faculty.seconded', 3, 'self'],
    ['B1', 'majors[2].partners', 3, 'self'],
    ['C1', 'curriculum.textbooks', 1, 'self'],
    ['C5', 'internship.local', 1, 'self'],
    ['B1', 'majors[0].partners', 1, 'self'],
    ['C2', 'majors[1]', 1, 'self'],
    ['C2', 'majors[2]', 1, 'self'],
    ['A4', 'plans.semester_summary', 1, 'self'],
    ['A2', 'staffing', 1, 'self'],
  ]);
  const c5 = hints.find((h) => h.line === 'C5')!;
  assert.equal(c5.text, '本地实习再增加 6 人（达到 120 人）可少扣 1 分');
  assert.deepEqual([c5.score, c5.max], [19, 20]);
  // Each sentence names the value to reach, worked out above.
  const reach: Record<string, string> = {
    'faculty.seconded': '8', 'curriculum.meeting_semesters': '2', 'curriculum.textbooks': '3', 'majors[0].partners': '4', 'majors[2].partners': '1',
  };
  for (const [path, n] of Object.entries(reach)) assert.match(hints.find((h) => h.path === path)!.text, new RegExp(`达到 ${n}`), path);

  // The cells: a field's own self cell; a major's partners in its row; a major lacking a base
  // at the (first) base it lacks; one more order class at the order-class table's first empty row.
  const at = (path: string) => {
    const h = hints.find((x) => x.path === path)!;
    return { sheet: h.sheet, address: h.address };
  };
  for (const path of ['internship.local', 'faculty.seconded', 'curriculum.meeting_semesters', 'curriculum.textbooks', 'plans.semester_summary', 'staffing']) {
    assert.deepEqual(at(path), fieldCell(host, DEPT, path), path);
  }
  assert.deepEqual(at('majors[2].partners'), tableCell(host, DEPT, 'majors', 2, 1));
  assert.deepEqual(at('majors[0].partners'), tableCell(host, DEPT, 'majors', 0, 1));
  assert.deepEqual(at('majors[1]'), tableCell(host, DEPT, 'majors', 1, 5), 'external base (self column)');
  assert.deepEqual(at('majors[2]'), tableCell(host, DEPT, 'majors', 2, 3), 'campus base first (self column)');
  assert.deepEqual(at('order_classes'), tableCell(host, DEPT, 'classes', 2, 0), 'row after the two classes');
});

test('a department at its best has no hints, and an empty list says so', async () => {
  const best = bestFacts();
  const host = await workbookWith([DEPT], () => best);
  const d = await scored(host);
  assert.equal(d.s1, 118, 'the highest possible total');
  assert.deepEqual(d.hints, []);
});

test("S2's hints only for the lines the assessors' values changed, at the assessor's cell", async () => {
  const host = await workbookWith([DEPT], () => baseFacts());
  // The assessors count 110 local interns (55%: −1 still, but 10 more are needed) and accept the rest.
  typeFacts(host, { department: DEPT, internship: { local: 110 } }, 'assessor');
  const d = await scored(host);
  const c5 = d.hints!.filter((h) => h.line === 'C5');
  assert.deepEqual(c5.map((h) => [h.facts, h.text]), [
    ['self', '本地实习再增加 6 人（达到 120 人）可少扣 1 分'],
    ['assessor', '本地实习再增加 10 人（达到 120 人）可少扣 1 分'],
  ]);
  assert.deepEqual({ sheet: c5[1].sheet, address: c5[1].address }, fieldCell(host, DEPT, 'internship.local', 'assessor'));
  assert.equal(d.hints!.filter((h) => h.facts === 'assessor').length, 1, 'lines the assessors accepted are not repeated');
});

test('the hints come in the language asked for', async () => {
  const host = await workbookWith([DEPT], () => baseFacts());
  const d = await scored(host, 'en');
  const c5 = d.hints!.find((h) => h.line === 'C5')!;
  assert.match(c5.text, /local intern/i);
  assert.match(c5.text, /120/);
  assert.doesNotMatch(c5.text, /本地/);
});

test('with ledger rows, a hint on a major\'s partners or bases lands on the ledger table\'s first empty row', async () => {
  const host = new MemoryHost();
  const ctx = context(host);
  await insertTemplate(ctx, { department: DEPT, year: '2023-2024' });
  const base = baseFacts();
  typeFacts(host, { ...base, majors: (base.majors as Json[]).map((m) => ({ name: m.name })) });
  // Seven rows (test/support/ledger-fixture.ts): S1 gives partners 3, 2, 1 (bonus 2 + 1 + 0 =
  // 3 < 5: majors[0] + 1) and 电气 no base (C2: majors[2]); S2 strikes 新松, so 工业机器人
  // lacks the off-campus base there: C2's S2 hints differ, so all of them are listed too
  // (majors[1] and majors[2], the assessors').
  typeLedger(host, DEPT, exampleLedger());
  const d = await scored(host);
  const ledgerHints = d.hints!.filter((h) => h.path.startsWith('majors['));
  assert.deepEqual(ledgerHints.map((h) => [h.line, h.path, h.facts]).sort(), [
    ['B1', 'majors[0].partners', 'self'],
    ['C2', 'majors[1]', 'assessor'],
    ['C2', 'majors[2]', 'assessor'],
    ['C2', 'majors[2]', 'self'],
  ].sort());
  const firstEmpty = ledgerCell(host, DEPT, exampleLedger().length, 'id');
  for (const h of ledgerHints) {
    assert.deepEqual({ sheet: h.sheet, address: h.address }, firstEmpty, `${h.line} ${h.path}`);
    assert.match(h.text, /台账/, 'the text says to add a project to the ledger');
  }
  // The other hints keep their own cells.
  const local = d.hints!.find((h) => h.path === 'internship.local')!;
  assert.deepEqual({ sheet: local.sheet, address: local.address }, fieldCell(host, DEPT, 'internship.local'));
});
