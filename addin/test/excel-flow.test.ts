/**
 * The whole task-pane flow through the Excel adapter, with the real engine, on the queued
 * Office.js workbook model of test/support/fake-excel.ts: template inserted, validation marks
 * the right cells (fill + note) and unmarks fixed ones, fill writes the RUBRIC.md §3 numbers as
 * plain values, the summary ranks, a second run of every action changes nothing, foreign data
 * in an output area stops the run with nothing written; and the `context.sync()` count of
 * every action is the same for 1 and for 50 departments (printed for the report).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appraisalText, buildSummary, fillScores, insertTemplate, validateWorkbook, type FlowContext } from '../src/flow/index.js';
import { departmentKey, nameOf, SUMMARY_NAME } from '../src/flow/names.js';
import { cellAddress, parseBlock } from '../src/host/a1.js';
import { ExcelHost } from '../src/host/excel.js';
import { MARK_FILL, MARK_PREFIX } from '../src/host/mark-text.js';
import { FakeWorkbook } from './support/fake-excel.js';
import { excelNames, excelTypist } from './support/call-bench.js';
import { baseFacts, fieldCell, typeFacts, type Json } from './support/flow-fixture.js';
import { testEngine } from './support/engine.js';
import { TABLE_ROWS } from '../src/template/fields.js';
import { SCORE_FINAL } from '../src/template/layout.js';

/** The fixture's typing hands over the Excel model (names found as the flow finds them). */
const typist = excelTypist;

function excelBook(): { book: FakeWorkbook; ctx: FlowContext } {
  const book = new FakeWorkbook('Sheet1');
  return { book, ctx: { host: new ExcelHost(book.run, { markNotes: 'notes' }), engine: testEngine(), locale: 'zh' } };
}

async function withDepartments(names: string[], facts: (d: string) => Json = () => baseFacts()) {
  const { book, ctx } = excelBook();
  for (const d of names) {
    const r = await insertTemplate(ctx, { department: d, year: '2023-2024' });
    assert.equal(r.ok, true, r.message);
    typeFacts(typist(book), { ...facts(d), department: d });
  }
  return { book, ctx };
}

/** Runs an action and returns its report with the syncs it took. */
async function counted<T>(book: FakeWorkbook, action: () => Promise<T>): Promise<{ report: T; syncs: number; commands: number }> {
  const before = book.syncs;
  const commands = book.commands;
  const report = await action();
  return { report, syncs: book.syncs - before, commands: book.commands - commands };
}

const DEPT = '机电工程学院';

test('insertTemplate through Excel: sheets, defined names, dropdowns and formats in the workbook', async () => {
  const { book, ctx } = excelBook();
  const { report, syncs } = await counted(book, () => insertTemplate(ctx, { department: DEPT, year: '2023-2024' }));
  assert.equal(report.ok, true, report.message);
  assert.ok(book.sheets.length > 1, 'template sheets added');
  const key = departmentKey(DEPT);
  // Three defined names, each over one sheet's tagged block (facts, ledger, scores); the
  // inputs are found by their row tags.
  const names = [...book.names.keys()].filter((n) => n.startsWith(`coop_${key}_`));
  assert.deepEqual(names.sort(), [`coop_${key}_facts`, `coop_${key}_ledger`, `coop_${key}_scores`]);
  assert.ok(excelNames(book).filter((n) => n.name.startsWith(`coop_${key}_`)).length > 40, 'every input found through the tags');
  const dropdowns = book.sheets.flatMap((s) => [...s.cells.values()].filter((c) => c.validation));
  assert.ok(dropdowns.length > 0, 'yes/no and choice cells have dropdowns');
  assert.ok(dropdowns.every((c) => !c.validation!.includes(',,')));
  assert.ok(book.sheets.some((s) => s.columnWidths.size > 0 && s.merges.size > 0), 'formats applied');
  // The order classes' 所属专业 cells drop down the majors table's names, by reference.
  const named = (suffix: string) => {
    const ref = typist(book).name(nameOf(key, suffix))!;
    return { sheet: ref.sheet, block: parseBlock(ref.address) };
  };
  const majors = named('majors');
  const classes = named('classes');
  const facts = book.sheet(classes.sheet);
  const majorNames = `='${DEPT}-填报'!$A$${majors.block.top + 2}:$A$${majors.block.top + 1 + TABLE_ROWS}`;
  for (const r of [1, TABLE_ROWS]) assert.equal(facts.cell(cellAddress(classes.block.top + r, classes.block.left + 1))?.validation, majorNames);
  assert.equal(facts.cell(cellAddress(classes.block.top + 1, classes.block.left))?.validation, undefined, 'the class name is free text');
  // The score sheet's final row: its label across B–D, Sm's own cell across E–L.
  const out = named('out');
  const finalRow = out.block.bottom + 1;
  for (const merge of [`B${finalRow}:D${finalRow}`, `E${finalRow}:L${finalRow}`]) assert.ok(book.sheet(out.sheet).merges.has(merge), merge);
  assert.equal(book.sheet(out.sheet).value(`B${finalRow}`), '最终得分 Sm = S1×40% + S2×60%');
  assert.ok(book.sheets.every((s) => [...s.cells.values()].every((c) => !c.formula)), 'no formulas anywhere');
  // The record column O of the score sheet is hidden, and only it; its header is still there.
  assert.deepEqual(book.sheets.map((s) => [s.name, [...s.hiddenColumns]]), book.sheets.map((s) => [s.name, s.name === `${DEPT}-评分` ? [14] : []]));
  // The row tags (facts H, score P) are there but show nothing: number format ";;;".
  for (const [sheet, tag] of [[`${DEPT}-填报`, 'H2'], [`${DEPT}-评分`, 'P2']]) {
    assert.match(String(book.sheet(sheet).value(tag)), /^coop:d[0-9a-z]{6}:(department|head)$/, tag);
    assert.equal(book.sheet(sheet).cell(tag)?.numberFormat, ';;;', tag);
  }
  assert.equal(book.sheet(`${DEPT}-评分`).value('O3'), '加载项记录（请勿修改）');
  console.log(`[excel] insertTemplate: ${syncs} syncs, ${book.commands} commands`);
});

test('validate marks exactly the bad cells (fill + note) and unmarks them when fixed', async () => {
  const { book, ctx } = await withDepartments([DEPT]);
  const clean = await validateWorkbook(ctx);
  assert.equal(clean.ok, true, clean.message);

  const local = fieldCell(typist(book), DEPT, 'internship.local');
  const total = fieldCell(typist(book), DEPT, 'internship.total');
  book.sheet(local.sheet).set(local.address, [['很多']]);
  const bad = await validateWorkbook(ctx);
  assert.equal(bad.ok, false);
  assert.ok(bad.problems.some((p) => p.sheet === local.sheet && p.address === local.address && p.code === 'not_a_number'));
  const s = book.sheet(local.sheet);
  assert.equal(s.cell(local.address)?.fill, MARK_FILL);
  assert.ok(s.notes.get(local.address)?.startsWith(MARK_PREFIX));
  const marked = book.sheets.flatMap((sh) => [...sh.notes.keys()].map((a) => `${sh.name}!${a}`));
  const expected = [...new Set(bad.problems.map((p) => `${p.sheet}!${p.address}`))];
  assert.deepEqual(marked.sort(), expected.sort(), 'one mark per problem cell, nowhere else');
  assert.notEqual(s.cell(total.address)?.fill, MARK_FILL);

  const snapshot = book.snapshot();
  await validateWorkbook(ctx);
  assert.equal(book.snapshot(), snapshot, 'validating again changes nothing');

  s.set(local.address, [[150]]);
  const fixed = await validateWorkbook(ctx);
  assert.equal(fixed.ok, true, fixed.message);
  assert.equal(s.notes.size, 0);
  assert.notEqual(s.cell(local.address)?.fill, MARK_FILL);
  assert.equal(s.value(local.address), 150, 'input cells are never changed');
});

// RUBRIC.md §3: base, deduction, bonus, score of every line.
const EXPECTED: Record<string, [number, number, number, number]> = {
  A1: [3, 0, 0, 3], A2: [1, 0, 0, 1], A3: [10, 1, 0, 9], A4: [5, 1, 0, 4],
  B1: [10, 3, 2, 9], C1: [2, 0, 2, 4], C2: [5, 2, 0, 3], C3: [6, 0, 0, 6],
  C4: [10, 0, 0, 10], C5: [20, 1, 0, 19], C6: [10, 0, 3, 13], C7: [10, 3, 0, 7],
};

function block(book: FakeWorkbook, name: string): { sheet: string; values: (string | number | boolean)[][] } {
  const ref = excelNames(book).find((n) => n.name.toUpperCase() === name.toUpperCase());
  assert.ok(ref, `name ${name}`);
  const b = parseBlock(ref.address);
  const s = book.sheet(ref.sheet);
  const rows = [];
  for (let r = b.top; r <= b.bottom; r++) {
    const row = [];
    for (let c = b.left; c <= b.right; c++) row.push(s.value(cellAddress(r, c)));
    rows.push(row);
  }
  return { sheet: ref.sheet, values: rows };
}

test('fillScores writes the RUBRIC.md §3 numbers as plain values; a second run changes nothing', async () => {
  const { book, ctx } = await withDepartments([DEPT]);
  const r = await fillScores(ctx);
  assert.equal(r.ok, true, r.message);
  const key = departmentKey(DEPT);
  const out = block(book, nameOf(key, 'out')).values;
  const ids = block(book, nameOf(key, 'lines')).values.map((row) => String(row[0]));
  assert.equal(ids.length, 12);
  ids.forEach((id, i) => {
    assert.deepEqual(out[i].slice(0, 4), EXPECTED[id], `${id} self`);
    assert.deepEqual(out[i].slice(4, 8), EXPECTED[id], `${id} assessor`);
  });
  assert.deepEqual(out[ids.length].slice(0, 8), [92, 11, 7, 88, 92, 11, 7, 88]);
  assert.equal(out[ids.length + 1][SCORE_FINAL.value], 88);
  assert.ok(book.sheets.every((s) => [...s.cells.values()].every((c) => !c.formula)), 'values only, never formulas');

  const first = book.snapshot();
  const again = await fillScores(ctx);
  assert.equal(again.ok, true, again.message);
  assert.equal(book.snapshot(), first);
});

test('foreign data in the output area stops fillScores with nothing written', async () => {
  const { book, ctx } = await withDepartments([DEPT]);
  const key = departmentKey(DEPT);
  const out = excelNames(book).find((n) => n.name.toUpperCase() === nameOf(key, 'out').toUpperCase())!;
  const b = parseBlock(out.address);
  const cell = cellAddress(b.top + 2, b.left + 3);
  book.sheet(out.sheet).set(cell, [['手填的分数']]);
  const before = book.snapshot();
  const r = await fillScores(ctx);
  assert.equal(r.ok, false);
  assert.ok(r.problems.some((p) => p.code === 'foreign_data' && p.sheet === out.sheet && p.address === cell), JSON.stringify(r.problems));
  assert.equal(book.snapshot(), before, 'nothing written');
});

test('a value typed into an output cell while fillScores runs is not overwritten: put back, reported, one extra sync only then', async () => {
  const { book, ctx } = await withDepartments([DEPT]);
  assert.equal((await fillScores(ctx)).ok, true);
  const key = departmentKey(DEPT);
  const out = excelNames(book).find((n) => n.name.toUpperCase() === nameOf(key, 'out').toUpperCase())!;
  const b = parseBlock(out.address);
  const cell = cellAddress(b.top + 2, b.left + 3);
  const formulaCell = cellAddress(b.top + 4, b.left + 1);
  // Between the action's read (sync 2) and its write (sync 3) the user types a score and a formula.
  const start = book.syncs;
  book.beforeSync = (n) => {
    if (n !== start + 3) return;
    book.sheet(out.sheet).set(cell, [[99]]);
    book.sheet(out.sheet).at(b.top + 4, b.left + 1).formula = '=1+1';
    book.sheet(out.sheet).set(formulaCell, [[2]]);
  };
  // Typed facts that change the scores, so the write would change the cells it checked.
  typeFacts(typist(book), { ...baseFacts(), department: DEPT, internship: { local: 130, total: 200 } });
  const before = book.sheet(out.sheet).cell(cellAddress(b.top, b.left))?.value;
  const r = await fillScores(ctx);
  book.beforeSync = undefined;
  assert.equal(r.ok, false);
  assert.equal(book.syncs - start, 4, 'survey, read, write with its look, then the one putting back');
  assert.deepEqual(r.problems.map((p) => [p.code, p.address]), [['foreign_data', cell], ['foreign_data', formulaCell]]);
  assert.match(r.message, /^未写入任何内容/);
  assert.deepEqual(r.written, []);
  assert.equal(book.sheet(out.sheet).value(cell), 99, "the user's value stays");
  assert.equal(book.sheet(out.sheet).cell(formulaCell)?.formula, '=1+1', "the user's formula stays a formula");
  assert.equal(book.sheet(out.sheet).cell(cellAddress(b.top, b.left))?.value, before, 'the rest of the block as it was');

  // Without an edit in between, the same write takes its three syncs.
  book.sheet(out.sheet).set(cell, [['']]);
  delete book.sheet(out.sheet).at(b.top + 4, b.left + 1).formula;
  book.sheet(out.sheet).set(formulaCell, [['']]);
  const again = book.syncs;
  assert.equal((await fillScores(ctx)).ok, true);
  assert.equal(book.syncs - again, 3);
});

/** 丙 90 (65% local interns), 甲 88, 乙 88, 丁 86 (3 reports missed). */
function facts(department: string): Json {
  const f = baseFacts();
  if (department === '丙学院') f.internship = { local: 130, total: 200 };
  if (department === '丁学院') f.reports = { due: 8, missed: 3 };
  return f;
}

test('the summary ranks with shared ranks; summary and appraisal text twice change nothing', async () => {
  const { book, ctx } = await withDepartments(['甲学院', '乙学院', '丙学院', '丁学院'], facts);
  const r = await buildSummary(ctx);
  assert.equal(r.ok, true, r.message);
  assert.deepEqual(r.departments?.map((d) => [d.department, d.final, d.rank]), [
    ['丙学院', 90, 1], ['甲学院', 88, 2], ['乙学院', 88, 2], ['丁学院', 86, 4],
  ]);
  const summary = block(book, SUMMARY_NAME).values;
  assert.deepEqual(summary.slice(2).map((row) => row.slice(0, 5)), [
    [1, '丙学院', 90, 90, 90], [2, '甲学院', 88, 88, 88], [2, '乙学院', 88, 88, 88], [4, '丁学院', 86, 86, 86],
  ]);
  const text = await appraisalText(ctx);
  assert.equal(text.ok, true, text.message);
  assert.match(text.tsv ?? '', /丙学院\t/);
  const first = book.snapshot();
  assert.equal((await buildSummary(ctx)).ok, true);
  assert.equal((await appraisalText(ctx)).ok, true);
  assert.equal(book.snapshot(), first);
});

test('sync counts per action do not grow with the number of departments (1 vs 50)', async () => {
  const counts: Record<string, number[]> = {};
  for (const n of [1, 50]) {
    const names = Array.from({ length: n }, (_, i) => `院系${String(i + 1).padStart(2, '0')}`);
    const { book, ctx } = excelBook();
    // Which Host methods each action called, to explain its sync count.
    const calls: string[] = [];
    const host = ctx.host as unknown as Record<string, unknown>;
    for (const method of ['sheets', 'addSheets', 'read', 'write', 'format', 'setMarks', 'select', 'names', 'defineNames', 'setListValidation', 'hideColumns']) {
      const original = (host[method] as (...a: unknown[]) => Promise<unknown>).bind(ctx.host);
      host[method] = (...args: unknown[]) => {
        calls.push(method);
        return original(...args);
      };
    }
    const record = (action: string, syncs: number, commands = 0) => {
      (counts[action] ??= []).push(syncs);
      if (n === 50) console.log(`[excel]   ${action}: ${calls.join(', ')} (${commands} queued commands)`);
      calls.length = 0;
    };
    let last = 0;
    let lastCommands = 0;
    if (n === 50) console.log('[excel] Host calls per action (50 departments):');
    for (const d of names) {
      calls.length = 0;
      const r = await counted(book, () => insertTemplate(ctx, { department: d, year: '2023-2024' }));
      assert.equal(r.report.ok, true, r.report.message);
      last = r.syncs;
      lastCommands = r.commands;
      typeFacts(typist(book), { ...baseFacts(), department: d });
    }
    record('insertTemplate (the last one)', last, lastCommands);
    for (const [action, run] of [
      ['validate', () => validateWorkbook(ctx)],
      ['validate again', () => validateWorkbook(ctx)],
      ['validate, one input made bad', async () => {
        const c = fieldCell(typist(book), names[names.length - 1], 'internship.local');
        book.sheet(c.sheet).set(c.address, [['很多']]);
        const r = await validateWorkbook(ctx);
        book.sheet(c.sheet).set(c.address, [[150]]);
        return { ...r, ok: !r.ok };
      }],
      ['validate, fixed again', () => validateWorkbook(ctx)],
      ['fillScores', () => fillScores(ctx)],
      ['fillScores again', () => fillScores(ctx)],
      ['buildSummary', () => buildSummary(ctx)],
      ['appraisalText', () => appraisalText(ctx)],
    ] as const) {
      const r = await counted(book, run);
      assert.equal(r.report.ok, true, `${action} with ${n}: ${r.report.message}`);
      record(action, r.syncs, r.commands);
    }
  }
  console.log('[excel] context.sync() per action, 1 department vs 50 departments:');
  for (const [action, [one, fifty]] of Object.entries(counts)) {
    console.log(`[excel]   ${action.padEnd(30)} ${String(one).padStart(3)} ${String(fifty).padStart(3)}`);
    assert.equal(one, fifty, `${action}: ${one} syncs for 1 department, ${fifty} for 50`);
  }
});

test('Excel: a department sheet copied inside the workbook (names scoped to the copy) is reported, not ignored; at most 2 syncs', async () => {
  const { book, ctx } = await withDepartments([DEPT]);
  const key = departmentKey(DEPT);
  // What Excel's "Move or Copy… › Create a copy" leaves: the cells, and the workbook's names
  // that pointed into the original scoped to the copy, pointing into it.
  const original = book.sheet(`${DEPT}-填报`);
  const copy = new (original.constructor as new (name: string) => typeof original)(`${DEPT}-填报 (2)`);
  for (const [address, cell] of original.cells) copy.cells.set(address, { ...cell });
  const facts = book.names.get(`coop_${key}_facts`)!;
  copy.scopedNames.set(`coop_${key}_facts`, facts.replace(`'${DEPT}-填报'`, `'${DEPT}-填报 (2)'`));
  book.sheets.push(copy);
  const { report, syncs } = await counted(book, () => validateWorkbook(ctx));
  assert.equal(report.ok, false);
  assert.deepEqual(report.problems.map((p) => [p.code, p.sheet]), [['copied_template', `${DEPT}-填报 (2)`]]);
  assert.match(report.problems[0].message, /应是复制工作表产生的副本.*请删除多余的副本/);
  assert.ok(syncs <= 2, `${syncs} syncs`);
});
