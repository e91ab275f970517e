/**
 * Issue #8's round-trip targets, on the fake hosts with the real engine, at 1 and at 50
 * departments (the scenario of test/support/call-bench.ts, which `npx tsx
 * scripts/bench-calls.ts` prints):
 * - Excel: at most 3 `context.sync()` per action, 2 for insertTemplate and for a validation
 *   that changes no mark;
 * - WPS: validate and fillScores of one department ≤ 50 calls into ET, whatever names the
 *   workbook also holds; buildSummary and appraisalText over N departments ≤ 40 + 10 × N (and
 *   so validate and insertTemplate); insertTemplate ≤ 120. clearScores as buildSummary;
 *   clearMarks, which also looks at the fills of every input block (marks whose note was
 *   deleted), ≤ 50 for one department and ≤ 40 + 20 × N over N; plus, since each department
 *   has a ledger sheet, what that sheet costs (LEDGER below);
 * - plus, in WPS, PAGE_SETUP calls for every sheet whose printing an action sets up (issue
 *   #13): ET sets each page setting with a call of its own (orientation, paper, six margins,
 *   zoom, fit, print area, title rows, header and footer parts), and no batch carries them.
 *   insertTemplate sets up its three new sheets, buildSummary, appraisalText and adviceSheet
 *   (提升建议, issue #11) their sheet on a first run (or when its block or title changed); fillScores only refreshes a score
 *   sheet's footer, inside its own target;
 * - plus, for buildSummary, its 平台建设目标 sheet (`targetsSheet` below).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BENCH_ACTIONS, excelSyncs, table, wpsCalls, type BenchAction, type BenchCounts } from './support/call-bench.js';

/**
 * What each department's ledger sheet (台账, issue #10) adds in WPS, measured with
 * `npx tsx scripts/bench-calls.ts` against the workbook before it: WPS finds the sheet by its
 * row tags like the other two, so every look at the workbook reads one more sheet (4 calls:
 * the sheet, its name, its window and the values, which the read of the ledger then takes
 * from), and an action that sets marks looks at that sheet's notes (2 more): 6 per
 * department. clearMarks also sweeps the ledger's fills: 12 per department in all.
 * insertTemplate writes, formats, names and sets up the printing of the new sheet: 76.
 */
const LEDGER = { look: 6, clearMarks: 12, insert: 76 } as const;
const perDepartment = (n: number) => 40 + (10 + LEDGER.look) * n;
/**
 * WPS calls to set up one sheet's printing: `pageSetup` in ../src/host/wps.ts makes at most 22
 * (the sheet's PageSetup, 13 page settings, print area, title rows, three header and three
 * footer parts), and a row grown to show wrapped text takes 2 more (the 年度考核 header).
 */
const PAGE_SETUP = 24;
/**
 * What buildSummary's second sheet, 平台建设目标 (RUBRIC.md §10), adds in WPS on a first run:
 * its page setup, its layout (title and note merged, header, borders, two column widths, two
 * row heights: about a dozen property groups of two or three calls each, measured 33 with one
 * department) and the fills that repeat each cell's state, whose multi-area references grow
 * slowly with the departments (neighbours of one state share a block; measured 57 calls more
 * than without the sheet over 1 department, 60 over 50). A second run sets only the fills,
 * inside the per-department allowance.
 */
const targetsSheet = (n: number) => PAGE_SETUP + 36 + Math.ceil(n / 10);
/**
 * Every sheet of the workbook costs WPS's survey a few calls (its name, the window read for
 * row tags): the actions after buildSummary find one sheet more than before, 平台建设目标.
 */
const SURVEYED_SHEET = 4;
const afterTargets: readonly BenchAction[] = ['buildSummary (again)', 'appraisalText', 'appraisalText (again)', 'clearMarks', 'clearScores'];

test('Excel: at most 3 syncs per action at 1 and at 50 departments; insertTemplate 2', async () => {
  const runs: Array<[number, BenchCounts]> = [[1, await excelSyncs(1)], [50, await excelSyncs(50)]];
  console.log(table('Excel: context.sync() per action', runs.map(([n, c]) => [`${n}`, c])));
  for (const [n, counts] of runs) {
    for (const action of BENCH_ACTIONS) assert.ok(counts[action] <= 3, `${action} with ${n}: ${counts[action]} syncs`);
    assert.ok(counts.insertTemplate <= 2, `insertTemplate with ${n}: ${counts.insertTemplate}`);
    assert.ok(counts.validate <= 2, `validate with nothing to mark, ${n}: ${counts.validate}`);
  }
});

test('WPS: calls into ET per action within the targets at 1 and at 50 departments', async () => {
  const runs: Array<[number, BenchCounts]> = [[1, await wpsCalls(1)], [50, await wpsCalls(50)]];
  console.log(table('WPS: calls into ET per action', runs.map(([n, c]) => [`${n}`, c])));
  const oneDepartment: BenchAction[] = ['validate', 'validate (a bad cell marked)', 'validate (the mark removed)', 'fillScores', 'fillScores (again)', 'clearMarks', 'clearScores'];
  // clearMarks surveys every sheet to find the marks it made; by the time the bench runs it the
  // workbook also holds the 平台建设目标 and 提升建议 sheets made before it, a few calls each.
  const oneLimit = (action: BenchAction) => 50 + (action === 'clearMarks' ? 2 * SURVEYED_SHEET : 0);
  for (const action of oneDepartment) assert.ok(runs[0][1][action] <= oneLimit(action), `${action}, one department: ${runs[0][1][action]}`);
  const overAll: BenchAction[] = ['validate', 'validate (a bad cell marked)', 'validate (the mark removed)', 'buildSummary', 'buildSummary (again)', 'appraisalText', 'appraisalText (again)', 'adviceSheet', 'adviceSheet (again)', 'clearScores'];
  for (const [n, counts] of runs) {
    assert.ok(counts.clearMarks <= 40 + (20 + LEDGER.clearMarks) * n + SURVEYED_SHEET, `clearMarks over ${n}: ${counts.clearMarks}`);
    for (const action of overAll) {
      const target = perDepartment(n) + (action === 'buildSummary' || action === 'appraisalText' || action === 'adviceSheet' ? PAGE_SETUP : 0) +
        (action === 'buildSummary' ? targetsSheet(n) : 0) + (afterTargets.includes(action) ? SURVEYED_SHEET : 0);
      assert.ok(counts[action] <= target, `${action} over ${n}: ${counts[action]} > ${target}`);
    }
    assert.ok(counts.insertTemplate <= 120 + 3 * PAGE_SETUP + LEDGER.insert, `insertTemplate with ${n}: ${counts.insertTemplate}`);
  }
});

test("WPS: the user's own defined names cost a department's validation nothing", async () => {
  const plain = await wpsCalls(1);
  const crowded = await wpsCalls(1, 300);
  for (const action of BENCH_ACTIONS) assert.equal(crowded[action], plain[action], `${action}: ${plain[action]} calls, ${crowded[action]} with 300 names of the user's`);
});
