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
import { buildSummary, fillScores, insertTemplate, validateWorkbook, type ActionReport, type FlowContext } from '../src/flow/index.js';
import { departmentKey, fieldSuffix, nameOf } from '../src/flow/names.js';
import { CLASS_COLUMNS, FACT_FIELDS, MAJOR_COLUMNS } from '../src/template/fields.js';
import { boxAddress, parseBox, parseNameReference } from '../src/host/xlsx-cells.js';
import { MARK_FILL, MARK_PREFIX } from '../src/host/mark-text.js';
import { WpsHost } from '../src/host/wps.js';
import { bgr } from '../src/wps/colour.js';
import { testEngine } from './support/engine.js';
import { CallCounter, countCalls, FakeEtApplication, type FakeOptions } from './support/fake-et.js';

type Json = Record<string, unknown>;
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

/** Where a department's named input is, read from the fake workbook's names. */
function named(app: FakeEtApplication, name: string): { sheet: string; box: ReturnType<typeof parseBox> } {
  const item = app.book.Names.Item(name);
  const ref = parseNameReference(String(item.RefersTo).replace(/^=/, ''));
  assert.ok(ref, `${name} refers to a range`);
  return { sheet: ref.sheet, box: parseBox(ref.address) };
}

function cellOf(app: FakeEtApplication, suffix: string, department = DEPT): { sheet: string; address: string } {
  const { sheet, box } = named(app, nameOf(departmentKey(department), suffix));
  return { sheet, address: boxAddress({ top: box.top, left: box.left, bottom: box.top, right: box.left }) };
}

const STAFFING: Record<string, string> = { full_time: '专职', part_time: '兼职', none: '没有' };
const typed = (v: unknown): unknown => (typeof v === 'boolean' ? (v ? '是' : '否') : typeof v === 'string' ? (STAFFING[v] ?? v) : v);

/** Types the facts into the self column, as a person would type them into WPS. */
function typeFacts(app: FakeEtApplication, facts: Json, department = DEPT): void {
  for (const f of FACT_FIELDS) {
    let v: unknown = facts;
    for (const part of f.path.split('.')) v = v && typeof v === 'object' ? (v as Json)[part] : undefined;
    if (v === undefined) continue;
    const c = cellOf(app, fieldSuffix(f.path, 'self'), department);
    app.type(c.sheet, c.address, typed(v));
  }
  for (const [table, rows, columns] of [['majors', facts.majors, MAJOR_COLUMNS], ['classes', facts.order_classes, CLASS_COLUMNS]] as const) {
    const { sheet, box } = named(app, nameOf(departmentKey(department), table));
    (rows as Json[]).forEach((row, r) =>
      columns.forEach((col, i) => {
        if (col.column === 'assessor' || row[col.key] === undefined) return;
        app.type(sheet, boxAddress({ top: box.top + 1 + r, left: box.left + i, bottom: box.top + 1 + r, right: box.left + i }), typed(row[col.key]));
      }),
    );
  }
}

for (const shape of ['plain', 'wrapper'] as const) {
  test(`the whole flow through the WPS adapter (Value2 shape: ${shape})`, async () => {
    const r = rig({ shape });
    const engine = testEngine();

    const inserted = await r.run('insertTemplate', (ctx) => insertTemplate(ctx, { department: DEPT, year: '2023-2024' }));
    assert.equal(inserted.ok, true, inserted.message);
    const sheets = r.app.book.list.map((s) => s.Name);
    assert.ok(sheets.length >= 3, `template sheets added: ${sheets.join(', ')}`);
    assert.ok(r.app.book.Names.Count > 20, 'inputs are found through defined names');
    const bool = cellOf(r.app, fieldSuffix('leadership.principal', 'self'));
    assert.equal(r.app.cellAt(bool.sheet, bool.address)?.validation?.type, 3, 'yes/no cells have a dropdown');

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
    const written = filled.written.map((w) => r.app.sheet(w.sheet).Range(w.address).Value2);
    assert.ok(JSON.stringify(written).includes('88'));
    for (const ws of r.app.book.list) for (const { cell } of ws.positions()) assert.equal(cell.formula, undefined, `no formula on ${ws.Name}`);
    const cellsWritten = filled.written.reduce((n, w) => {
      const b = parseBox(w.address);
      return n + (b.bottom - b.top + 1) * (b.right - b.left + 1);
    }, 0);
    assert.ok(r.counter.matching(/Range\.Value2=$/) * 10 < cellsWritten, `bulk writes: ${r.counter.matching(/Range\.Value2=$/)} assignments for ${cellsWritten} cells`);

    const summary = await r.run('buildSummary', (ctx) => buildSummary(ctx));
    assert.equal(summary.ok, true, summary.message);
    assert.deepEqual(summary.departments?.map((d) => [d.department, d.final, d.rank]), [[DEPT, 88, 1]]);

    // A second run of everything changes nothing.
    const before = JSON.stringify(r.app.snapshot());
    assert.equal((await r.run('validate (2nd)', validateWorkbook)).ok, true);
    assert.equal((await r.run('fillScores (2nd)', fillScores)).ok, true);
    assert.equal((await r.run('buildSummary (2nd)', (ctx) => buildSummary(ctx))).ok, true);
    assert.equal(JSON.stringify(r.app.snapshot()), before, 'the second run leaves the workbook as it was');

    // Foreign data in the output area stops the run, and nothing is written.
    const out = filled.written[0];
    const target = boxAddress({ ...parseBox(out.address), bottom: parseBox(out.address).top, right: parseBox(out.address).left });
    r.app.type(out.sheet, target, '手写的数');
    const typedOver = JSON.stringify(r.app.snapshot());
    const foreign = await r.run('fillScores (foreign data)', fillScores);
    assert.equal(foreign.ok, false);
    assert.ok(foreign.problems.some((p) => p.code === 'foreign_data' && p.sheet === out.sheet), JSON.stringify(foreign.problems));
    assert.equal(r.counter.matching(/Range\.Value2=$/), 0, 'nothing written');
    assert.equal(JSON.stringify(r.app.snapshot()), typedOver);

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
    counts.push(r.counter.total);
  }
  assert.equal(counts[0], counts[1], `fillScores ET calls for 3 and 20 majors: ${counts.join(' vs ')}`);
});
