/**
 * The whole workbook flow through the WPS adapter on the fake ET application, with the real
 * engine: insert the template, type the RUBRIC.md §3 department's facts as a user would,
 * validate (a bad cell is marked, then unmarked once fixed), fill the scores (total 88),
 * build the summary, run everything a second time (nothing changes), and stop on foreign
 * data in the output area (nothing written). Both Value2 shapes WPS hands out are run.
 *
 * The calls into ET are counted per action and printed; reads and writes must be bulk: no
 * cell-by-cell access, and far fewer Value2 calls than cells moved.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSummary, clearMarks, fillScores, insertTemplate, validateWorkbook, type ActionReport, type FlowContext } from '../src/flow/index.js';
import { fieldSuffix } from '../src/flow/names.js';
import { blockAddress, blockCols, blockRows, parseBlock, topLeft } from '../src/host/a1.js';
import { MARK_FILL, MARK_PREFIX } from '../src/host/mark-text.js';
import { WpsHost } from '../src/host/wps.js';
import { bgr } from '../src/wps/colour.js';
import { testEngine } from './support/engine.js';
import { TABLE_ROWS } from '../src/template/fields.js';
import { CallCounter, countCalls, FakeEtApplication, type FakeOptions } from './support/fake-et.js';
import { cellOf as inputOf, typeFacts as typeInto, type Json } from './support/wps-facts.js';

const DEPT = '机电工程学院';
const baseFacts = (): Json =>
  JSON.parse(readFileSync(fileURLToPath(new URL('../../tests/cases/base-facts.json', import.meta.url)), 'utf8')) as Json;

interface Rig {
  app: FakeEtApplication;
  counter: CallCounter;
  ctx: FlowContext;
  /** Runs an action, recording its ET calls under `label`. */
  run(label: string, action: (ctx: FlowContext) => Promise<ActionReport>): Promise<ActionReport>;
  log: string[];
}

function rig(options: FakeOptions = {}): Rig {
  const app = new FakeEtApplication(options);
  const counter = new CallCounter();
  const ctx: FlowContext = { host: new WpsHost(countCalls(app, counter)), engine: testEngine(), locale: 'zh' };
  const log: string[] = [];
  return {
    app,
    counter,
    ctx,
    log,
    async run(label, action) {
      counter.reset();
      const report = await action(ctx);
      // No cell-by-cell access anywhere in the flow: Range.Item is the adapter's fallback only.
      assert.equal(counter.matching(/FakeRange\.Item$/), 0, `${label}: cell-by-cell reads or writes (${counter.summary()})`);
      log.push(`${label}: ${counter.total} ET calls (Value2 reads ${counter.matching(/Range\.Value2$/)}, writes ${counter.matching(/Range\.Value2=$/)})`);
      return report;
    },
  };
}

const cellOf = (app: FakeEtApplication, suffix: string) => inputOf(app, DEPT, suffix);
const typeFacts = (app: FakeEtApplication, facts: Json) => typeInto(app, DEPT, facts);

/** The first few cells (or names, widths, merges) that differ between two snapshots. */
function differences(a: ReturnType<FakeEtApplication['snapshot']>, b: ReturnType<FakeEtApplication['snapshot']>): string[] {
  const out: string[] = [];
  const sheets = new Set([...a.sheets.map((s) => s.name), ...b.sheets.map((s) => s.name)]);
  for (const name of sheets) {
    const x = a.sheets.find((s) => s.name === name);
    const y = b.sheets.find((s) => s.name === name);
    if (!x || !y) {
      out.push(`sheet ${name} ${x ? 'removed' : 'added'}`);
      continue;
    }
    for (const cell of new Set([...Object.keys(x.cells), ...Object.keys(y.cells)])) {
      const before = JSON.stringify(x.cells[cell] ?? {});
      const after = JSON.stringify(y.cells[cell] ?? {});
      if (before !== after) out.push(`${name}!${cell}: ${before} → ${after}`);
    }
    if (JSON.stringify([x.widths, x.merges]) !== JSON.stringify([y.widths, y.merges])) out.push(`${name}: widths or merges`);
    if (JSON.stringify(x.hidden) !== JSON.stringify(y.hidden)) out.push(`${name}: hidden columns ${JSON.stringify(x.hidden)} → ${JSON.stringify(y.hidden)}`);
  }
  if (JSON.stringify(a.names) !== JSON.stringify(b.names)) out.push('defined names');
  return out.slice(0, 8);
}

for (const shape of ['plain', 'wrapper'] as const) {
  test(`the whole flow through the WPS adapter (Value2 shape: ${shape})`, async () => {
    const r = rig({ shape });
    const engine = testEngine();

    const inserted = await r.run('insertTemplate', (ctx) => insertTemplate(ctx, { department: DEPT, year: '2023-2024' }));
    assert.equal(inserted.ok, true, inserted.message);
    const sheets = r.app.book.list.map((s) => s.Name);
    assert.ok(sheets.length >= 3, `template sheets added: ${sheets.join(', ')}`);
    assert.equal(r.app.book.Names.Count, 3, 'three block names (facts, scores, ledger); the inputs are found through their row tags');
    const bool = cellOf(r.app, fieldSuffix('leadership.principal', 'self'));
    assert.equal(r.app.cellAt(bool.sheet, bool.address)?.validation?.type, 3, 'yes/no cells have a dropdown');
    // The order classes' 所属专业 cells drop down the majors table's names, by reference.
    const majors = parseBlock(cellOf(r.app, 'majors').address);
    const classes = parseBlock(cellOf(r.app, 'classes').address);
    const major = blockAddress(topLeft({ ...classes, top: classes.top + 1, left: classes.left + 1 }));
    assert.deepEqual(r.app.cellAt(bool.sheet, major)?.validation, {
      type: 3,
      formula1: `='${DEPT}-填报'!${blockAddress({ top: majors.top + 1, bottom: majors.top + TABLE_ROWS, left: 0, right: 0 }, true)}`,
    });
    // The score sheet's final row: its label across B–D, Sm's own cell across E–L.
    const finalRow = parseBlock(cellOf(r.app, 'lines').address).top + 12 + 2; // 12 lines, 合计, then this row (1-based)
    const score = r.app.book.list.find((ws) => ws.Name === `${DEPT}-评分`)!;
    for (const merge of [`B${finalRow}:D${finalRow}`, `E${finalRow}:L${finalRow}`]) assert.ok(score.merges.has(merge), merge);
    // The score sheet's record column O (15th) is hidden, and no other column anywhere.
    // The score sheet's record column O (15th) is hidden, and no other column anywhere.
    assert.deepEqual(r.app.book.list.map((ws) => [ws.Name, [...ws.hiddenColumns]]), r.app.book.list.map((ws) => [ws.Name, ws.Name === `${DEPT}-评分` ? [15] : []]));
    assert.equal(r.app.valueAt(`${DEPT}-评分`, 'O3'), '加载项记录（请勿修改）');

    typeFacts(r.app, baseFacts());

    // A bad value: validation names it, marks the cell, and the mark goes when it is fixed.
    const local = cellOf(r.app, fieldSuffix('internship.local', 'self'));
    r.app.type(local.sheet, local.address, '很多');
    const bad = await r.run('validate (one bad cell)', validateWorkbook);
    assert.equal(bad.ok, false);
    const problem = bad.problems.find((p) => p.sheet === local.sheet && p.address === local.address);
    assert.ok(problem, `the problem is located at the cell: ${JSON.stringify(bad.problems)}`);
    assert.match(problem.message, /很多/);
    assert.equal(r.app.cellAt(local.sheet, local.address)?.fill, bgr(MARK_FILL));
    assert.ok(r.app.cellAt(local.sheet, local.address)?.comment?.startsWith(MARK_PREFIX));
    const stopped = await r.run('fillScores (stopped by the bad cell)', fillScores);
    assert.equal(stopped.ok, false);

    r.app.type(local.sheet, local.address, 114);
    const good = await r.run('validate', validateWorkbook);
    assert.equal(good.ok, true, good.message);
    assert.equal(r.app.cellAt(local.sheet, local.address)?.comment, undefined, 'the mark is gone');
    assert.notEqual(r.app.cellAt(local.sheet, local.address)?.fill, bgr(MARK_FILL));

    const filled = await r.run('fillScores', fillScores);
    assert.equal(filled.ok, true, filled.message);
    const expected = engine.scoreDepartment(baseFacts());
    assert.ok(expected.ok);
    assert.equal(expected.total, 88);
    const result = filled.departments?.find((d) => d.department === DEPT);
    assert.equal(result?.s1, 88);
    assert.equal(result?.s2, 88, 'a blank assessor column is accepted as reported');
    assert.equal(result?.final, 88);
    // The scores are in the workbook as plain values, never formulas.
    const written = await r.ctx.host.read(filled.written);
    assert.ok(written.flat(2).includes(88));
    for (const ws of r.app.book.list) for (const { cell } of ws.positions()) assert.equal(cell.formula, undefined, `no formula on ${ws.Name}`);
    const cellsWritten = filled.written.reduce((n, w) => {
      const b = parseBlock(w.address);
      return n + blockRows(b) * blockCols(b);
    }, 0);
    assert.ok(r.counter.matching(/Range\.Value2=$/) * 10 < cellsWritten, `bulk writes: ${r.counter.matching(/Range\.Value2=$/)} assignments for ${cellsWritten} cells`);

    const summary = await r.run('buildSummary', (ctx) => buildSummary(ctx));
    assert.equal(summary.ok, true, summary.message);
    assert.deepEqual(summary.departments?.map((d) => [d.department, d.final, d.rank]), [[DEPT, 88, 1]]);
    assert.deepEqual([...r.app.sheet(summary.written[0].sheet).hiddenColumns], [7], 'the summary record column G is hidden');

    // A second run of everything changes nothing.
    const before = r.app.snapshot();
    assert.equal((await r.run('validate (2nd)', validateWorkbook)).ok, true);
    assert.equal((await r.run('fillScores (2nd)', fillScores)).ok, true);
    assert.equal((await r.run('buildSummary (2nd)', (ctx) => buildSummary(ctx))).ok, true);
    assert.deepEqual(differences(before, r.app.snapshot()), [], 'the second run leaves the workbook as it was');

    // Foreign data in the output area stops the run, and nothing is written.
    const out = filled.written[0];
    const target = blockAddress(topLeft(parseBlock(out.address)));
    r.app.type(out.sheet, target, '手写的数');
    const typedOver = r.app.snapshot();
    const foreign = await r.run('fillScores (foreign data)', fillScores);
    assert.equal(foreign.ok, false);
    assert.ok(foreign.problems.some((p) => p.code === 'foreign_data' && p.sheet === out.sheet), JSON.stringify(foreign.problems));
    assert.equal(r.counter.matching(/Range\.Value2=$/), 0, 'nothing written');
    assert.deepEqual(differences(typedOver, r.app.snapshot()), []);

    console.log(`ET calls per action (${shape}):\n  ${r.log.join('\n  ')}`);
  });
}

test('the number of ET calls does not grow with the size of the tables', async () => {
  const counts: number[] = [];
  for (const majors of [3, 20]) {
    const r = rig();
    assert.equal((await insertTemplate(r.ctx, { department: DEPT })).ok, true);
    const facts = baseFacts();
    const list = Array.from({ length: majors }, (_, i) => ({ name: `专业${i + 1}`, partners: 2, campus_base: true, external_base: true }));
    typeFacts(r.app, { ...facts, majors: list, order_classes: [] });
    await r.run('validate', validateWorkbook);
    const report = await r.run('fillScores', fillScores);
    assert.equal(report.ok, true, report.message);
    // Row heights follow the reasons' text (a reason naming 20 majors is taller), one call
    // pair per distinct height: bounded by the score sheet's rows, not by the tables.
    const heights = r.counter.matching(/RowHeight=$/);
    assert.ok(heights <= 14, `${heights} row heights set`);
    counts.push(r.counter.total - 2 * heights);
  }
  assert.equal(counts[0], counts[1], `fillScores ET calls but row heights for 3 and 20 majors: ${counts.join(' vs ')}`);
});

test('WPS: a mark whose comment the user deleted is taken off by 清除标记 with the template colour; a fixed cell gets its colour back on validation', async () => {
  const r = rig();
  assert.equal((await insertTemplate(r.ctx, { department: DEPT, year: '2023-2024' })).ok, true);
  typeFacts(r.app, baseFacts());
  const local = cellOf(r.app, fieldSuffix('internship.local', 'self'));
  const total = cellOf(r.app, fieldSuffix('internship.total', 'assessor'));
  r.app.type(local.sheet, local.address, '很多');
  r.app.type(total.sheet, total.address, '两百');
  assert.equal((await r.run('validate (two bad cells)', validateWorkbook)).ok, false);
  assert.equal(r.app.cellAt(total.sheet, total.address)?.fill, bgr(MARK_FILL));
  assert.doesNotMatch(r.app.cellAt(local.sheet, local.address)?.comment ?? '', /原底色|original fill/, 'no internals in the note');
  // The user deletes the assessor cell's comment by hand and fixes both values.
  r.app.sheet(total.sheet).Range(total.address).Comment?.Delete();
  r.app.type(local.sheet, local.address, 114);
  r.app.type(total.sheet, total.address, 200);
  assert.equal((await r.run('validate (fixed)', validateWorkbook)).ok, true);
  assert.equal(r.app.cellAt(local.sheet, local.address)?.fill, bgr('#FFF2CC'), 'the self column is yellow again');
  assert.equal(r.app.cellAt(total.sheet, total.address)?.fill, bgr(MARK_FILL), 'validation walks the comments only');
  const cleared = await r.run('clearMarks', clearMarks);
  assert.equal(cleared.ok, true, cleared.message);
  assert.equal(r.app.cellAt(total.sheet, total.address)?.fill, bgr('#E2EFDA'), 'the assessor column is green again');
  assert.equal(r.app.valueAt(total.sheet, total.address), 200);
});
