/**
 * The ledger sheet (台账) in the flow: the template, the ledger and calendar read into S1 and S2
 * (RUBRIC.md §7, §8), the warnings listed apart, the majors' computed cells, and the cells a
 * person typed where the ledger decides. The example and its results are worked by hand in
 * test/support/ledger-fixture.ts.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { addLedgerSheets, clearScores, fillScores, insertTemplate, validateWorkbook } from '../src/flow/index.js';
import { blockAddress, blockOf, cellAddress, parseBlock } from '../src/host/a1.js';
import { departmentKey, nameOf } from '../src/flow/names.js';
import { DATE_FORMAT, FORMS_LIST, MAJOR_COLUMNS, REJECT_LIST, TABLE_ROWS, VERDICT_LIST } from '../src/template/fields.js';
import { MemoryHost } from './support/memory-host.js';
import { baseFacts, context, fieldCell, tableCell, typeFacts, type Json } from './support/flow-fixture.js';
import { calendarCell, EXAMPLE_EQUIVALENT, EXAMPLE_WARNINGS, exampleCalendar, exampleLedger, ledgerCell, typeCalendar, typeLedger } from './support/ledger-fixture.js';

const DEPT = '机电工程学院';

/** The base facts with the majors' names only and no A3 counts: what the ledger decides is left to it. */
function factsBesideLedger(): Json {
  const base = baseFacts();
  return { ...base, reports: undefined, majors: (base.majors as Json[]).map((m) => ({ name: m.name })) };
}

async function filledWorkbook(): Promise<{ host: MemoryHost; ctx: ReturnType<typeof context> }> {
  const host = new MemoryHost();
  const ctx = context(host);
  await insertTemplate(ctx, { department: DEPT, year: '2023-2024' });
  typeFacts(host, factsBesideLedger());
  typeLedger(host, DEPT, exampleLedger());
  const { dates, marks } = exampleCalendar();
  typeCalendar(host, DEPT, dates, marks);
  return { host, ctx };
}

test('the template gives every department a ledger sheet: calendar, ledger table, dropdowns, date cells', async () => {
  const host = new MemoryHost();
  await insertTemplate(context(host), { department: DEPT, year: '2023-2024' });
  const sheet = `${DEPT}-台账`;
  assert.ok(host.sheetNames().includes(sheet));
  const key = departmentKey(DEPT);
  assert.equal(host.name(nameOf(key, 'ledger'))?.sheet, sheet);
  const calendar = parseBlock(host.name(nameOf(key, 'calendar'))!.address);
  const months = host.getBlock(sheet, blockAddress(blockOf(calendar.top, 0, 1, 9)))[0];
  assert.deepEqual(months, ['月份', '9月', '10月', '11月', '12月', '3月', '4月', '5月', '6月']);
  assert.equal(host.get(sheet, cellAddress(calendar.top + 1, 0)), '经OA上报日期');
  assert.equal(host.get(sheet, cellAddress(calendar.top + 2, 0)), '考核组认定');
  const projects = parseBlock(host.name(nameOf(key, 'projects'))!.address);
  assert.deepEqual(host.getBlock(sheet, blockAddress(blockOf(projects.top, 0, 1, 12)))[0], [
    '项目编号', '合作企业名称', '统一社会信用代码', '所属专业', '合作形式', '签订日期', '备案日期', '到期日期', '终止日期', '第一学期自查', '第二学期自查', '考评认定',
  ]);
  const body = (col: number) => blockAddress(blockOf(projects.top + 1, col, TABLE_ROWS, 1));
  const rules = host.validations.filter((v) => v.sheet === sheet);
  // 所属专业 drops down the facts sheet's majors names, as the order-class table does.
  const majors = parseBlock(host.name(nameOf(key, 'majors'))!.address);
  assert.deepEqual(rules.find((v) => v.address === body(3))?.source, { sheet: `${DEPT}-填报`, address: blockAddress(blockOf(majors.top + 1, 0, TABLE_ROWS, 1)) });
  assert.deepEqual(rules.find((v) => v.address === body(4))?.list, FORMS_LIST);
  assert.deepEqual(rules.find((v) => v.address === body(11))?.list, VERDICT_LIST);
  assert.deepEqual(rules.find((v) => v.address === blockAddress(blockOf(calendar.top + 2, 1, 1, 8)))?.list, REJECT_LIST);
  // Every date column and the OA dates are formatted as dates.
  const dated = host.formats.filter((f) => f.sheet === sheet && f.format.numberFormat === DATE_FORMAT).map((f) => f.address);
  assert.deepEqual(dated.sort(), [blockAddress(blockOf(calendar.top + 1, 1, 1, 8)), ...[5, 6, 7, 8, 9, 10].map(body)].sort());
});

test('the ledger and the calendar score as the same facts typed directly; warnings are listed apart, each on its cell', async () => {
  const { host, ctx } = await filledWorkbook();
  const checked = await validateWorkbook(ctx);
  assert.equal(checked.ok, true, checked.message);
  assert.match(checked.message, /4 条台账提醒/);
  const warnings = checked.problems.filter((p) => p.severity === 'warning');
  assert.equal(warnings.length, checked.problems.length, 'no errors');
  assert.deepEqual(
    Object.fromEntries(warnings.map((w) => [w.path, w.code])),
    EXAMPLE_WARNINGS,
  );
  for (const w of warnings) {
    const m = /^projects\[(\d+)\]\.(.+)$/.exec(w.path)!;
    assert.deepEqual({ sheet: w.sheet, address: w.address }, ledgerCell(host, DEPT, Number(m[1]), m[2]), w.path);
  }
  // Warnings are not marks: nothing on the sheets is marked.
  assert.deepEqual(host.markedCells(), []);

  const filled = await fillScores(ctx);
  assert.equal(filled.ok, true, filled.message);
  assert.equal(filled.problems.length, 4);
  const engine = ctx.engine;
  const base = baseFacts();
  const expect = (side: 'self' | 'assessor') => {
    const r = engine.scoreDepartment({ ...base, ...EXAMPLE_EQUIVALENT[side] }, { locale: 'zh' });
    assert.ok(r.ok);
    return r.total;
  };
  const [dept] = filled.departments!;
  assert.equal(dept.s1, expect('self'));
  assert.equal(dept.s2, expect('assessor'));
  // The notes name the enterprises behind the counts.
  const b1 = dept.selfLines!.find((l) => l.id === 'B1')!;
  assert.ok(b1.notes.some((n) => n.includes('机电一体化技术：合作企业 3 家（三一重工股份有限公司、中联重科股份有限公司、徐工集团）')), b1.notes.join('\n'));
  const a3 = dept.assessorLines!.find((l) => l.id === 'A3')!;
  assert.ok(a3.notes.some((n) => n.includes('2024年3月')), a3.notes.join('\n'));

  // The majors table shows what the ledger gave, self and assessor, grey: 工业机器人技术 has
  // 2 partners and both bases in S1, 1 and the campus base only in S2 (新松 struck).
  const row = (r: number) => MAJOR_COLUMNS.map((_, c) => host.get(tableCell(host, DEPT, 'majors', r, c).sheet, tableCell(host, DEPT, 'majors', r, c).address));
  assert.deepEqual(row(0), ['机电一体化技术', 3, 3, '是', '是', '是', '是']);
  assert.deepEqual(row(1), ['工业机器人技术', 2, 1, '是', '是', '是', '否']);
  assert.deepEqual(row(2), ['电气自动化技术', 1, 1, '否', '否', '否', '否']);
  const first = tableCell(host, DEPT, 'majors', 0, 1);
  assert.ok(host.formats.some((f) => f.sheet === first.sheet && f.format.fill === '#D9D9D9' && parseBlock(f.address).top === parseBlock(first.address).top));

  // Again: the computed cells are the add-in's own; nothing changes.
  const before = host.getBlock(first.sheet, 'A1:I80');
  const again = await fillScores(ctx);
  assert.equal(again.ok, true, again.message);
  assert.deepEqual([again.departments![0].s1, again.departments![0].s2], [dept.s1, dept.s2]);
  assert.deepEqual(host.getBlock(first.sheet, 'A1:I80'), before);
});

test("a person's value in a computed cell or an A3 count beside the calendar is refused on its cell", async () => {
  const { host, ctx } = await filledWorkbook();
  await fillScores(ctx);
  const cell = tableCell(host, DEPT, 'majors', 1, 1);
  host.set(cell.sheet, cell.address, 5);
  const missed = fieldCell(host, DEPT, 'reports.missed');
  host.set(missed.sheet, missed.address, 2);
  const r = await fillScores(ctx);
  assert.equal(r.ok, false);
  const errors = r.problems.filter((p) => p.severity !== 'warning');
  assert.deepEqual(errors.map((p) => [p.code, p.sheet, p.address]).sort(), [
    ['derived_input', cell.sheet, cell.address],
    ['derived_input', missed.sheet, missed.address],
  ].sort());
  assert.ok(host.mark(cell.sheet, cell.address));
  // The person's value stays as typed.
  assert.equal(host.get(cell.sheet, cell.address), 5);
});

test('ledger problems land on their row, also past a struck row; a wrong verdict is named', async () => {
  const { host, ctx } = await filledWorkbook();
  const filed = ledgerCell(host, DEPT, 6, 'filed');
  host.set(filed.sheet, filed.address, '下周');
  const verdict = ledgerCell(host, DEPT, 2, '');
  host.set(verdict.sheet, verdict.address, '待定');
  const r = await validateWorkbook(ctx);
  assert.equal(r.ok, false);
  const errors = r.problems.filter((p) => p.severity !== 'warning');
  // Row 6 is S2's row 5 (row 5 struck): reported once, on the sheet's row 6.
  assert.deepEqual(errors.map((p) => [p.code, p.path, p.address]).sort(), [
    ['not_a_date', 'projects[6].filed', filed.address],
    ['unknown_choice', 'projects', verdict.address],
  ].sort());
});

test('an empty ledger and calendar leave the workbook as it was: typed counts are read', async () => {
  const host = new MemoryHost();
  const ctx = context(host);
  await insertTemplate(ctx, { department: DEPT, year: '2023-2024' });
  typeFacts(host, baseFacts());
  const r = await fillScores(ctx);
  assert.equal(r.ok, true, r.message);
  assert.deepEqual(r.problems, []);
  const expected = ctx.engine.scoreDepartment(baseFacts(), { locale: 'zh' });
  assert.ok(expected.ok);
  assert.equal(r.departments![0].s1, expected.total);
  // The typed counts stay as typed (no computed cells without ledger rows).
  const c = tableCell(host, DEPT, 'majors', 1, 1);
  assert.equal(host.get(c.sheet, c.address), 1);
  const key = calendarCell(host, DEPT, 9, 'self');
  assert.equal(host.get(key.sheet, key.address), null);
});

test('添加台账与月报 gives an older workbook its ledger sheets, touching nothing else; again it adds nothing', async () => {
  const host = new MemoryHost();
  const ctx = context(host);
  // A workbook of the template before the ledger: the same facts and score sheets, no 台账.
  for (const d of [DEPT, '信息工程学院']) {
    await insertTemplate(ctx, { department: d, year: '2023-2024' });
    typeFacts(host, { ...baseFacts(), department: d });
    host.deleteSheet(`${d}-台账`);
    host.deleteName(nameOf(departmentKey(d), 'ledger'));
  }
  const old = await fillScores(ctx);
  assert.equal(old.ok, true, old.message);
  const expected = ctx.engine.scoreDepartment(baseFacts(), { locale: 'zh' });
  assert.ok(expected.ok);
  assert.deepEqual(old.departments!.map((d) => d.s1), [expected.total, expected.total]);
  const sheets = host.sheetNames();
  const before = sheets.map((s) => host.getBlock(s, 'A1:P120'));

  const added = await addLedgerSheets(ctx);
  assert.equal(added.ok, true, added.message);
  assert.deepEqual(host.sheetNames(), [...sheets, `${DEPT}-台账`, '信息工程学院-台账']);
  assert.deepEqual(sheets.map((s) => host.getBlock(s, 'A1:P120')), before, 'no other cell changed');
  assert.deepEqual(new Set(added.written.map((w) => w.sheet)), new Set([`${DEPT}-台账`, '信息工程学院-台账']));

  const again = await addLedgerSheets(ctx);
  assert.equal(again.ok, true);
  assert.match(again.message, /都已有台账/);
  assert.deepEqual(again.written, []);
  assert.equal(host.sheetNames().length, sheets.length + 2);

  // The added sheet works as an inserted one: the example scores as worked by hand.
  const majors = (baseFacts().majors as Json[]).map((m) => m.name);
  majors.forEach((_, r) => [1, 2, 3, 4, 5, 6].forEach((c) => host.set(tableCell(host, DEPT, 'majors', r, c).sheet, tableCell(host, DEPT, 'majors', r, c).address, null)));
  for (const path of ['reports.due', 'reports.missed']) host.set(fieldCell(host, DEPT, path).sheet, fieldCell(host, DEPT, path).address, null);
  typeLedger(host, DEPT, exampleLedger());
  const { dates, marks } = exampleCalendar();
  typeCalendar(host, DEPT, dates, marks);
  const filled = await fillScores(ctx);
  assert.equal(filled.ok, true, filled.message);
  const self = ctx.engine.scoreDepartment({ ...baseFacts(), ...EXAMPLE_EQUIVALENT.self }, { locale: 'zh' });
  assert.ok(self.ok);
  assert.equal(filled.departments![0].s1, self.total);
  assert.deepEqual(Object.fromEntries(filled.problems.map((p) => [p.path, p.code])), EXAMPLE_WARNINGS);
});

test('添加台账与月报 leaves a first-scheme template alone and says to insert it anew', async () => {
  const { toFirstScheme } = await import('./support/first-scheme.js');
  const host = new MemoryHost();
  const ctx = context(host);
  for (const d of ['甲学院', '乙学院']) {
    await insertTemplate(ctx, { department: d, year: '2023-2024' });
    typeFacts(host, { ...baseFacts(), department: d });
    host.deleteSheet(`${d}-台账`);
    host.deleteName(nameOf(departmentKey(d), 'ledger'));
  }
  toFirstScheme(
    {
      names: () => host.allNamed(),
      define: (names) => void host.defineNames(names),
      remove: (name) => host.deleteName(name),
      clear: (sheet, address) => host.set(sheet, address, null),
    },
    '甲学院',
  );
  const r = await addLedgerSheets(ctx);
  assert.equal(r.ok, true, r.message);
  assert.deepEqual(new Set(r.written.map((w) => w.sheet)), new Set(['乙学院-台账']));
  assert.match(r.message, /“甲学院”的模板是较早的版本，无法添加台账，请重新插入该院系的模板/);
  assert.ok(!host.sheetNames().includes('甲学院-台账'));
});

/** Every cell of the example's ledger rows and calendar emptied, as a person clearing the sheet would. */
function emptyLedger(host: MemoryHost): void {
  typeLedger(host, DEPT, exampleLedger().map((row) => Object.fromEntries(Object.keys(row).map((k) => [k, null]))));
  const { dates, marks } = exampleCalendar();
  typeCalendar(host, DEPT, Object.fromEntries(Object.keys(dates).map((m) => [m, null])), Object.fromEntries(Object.keys(marks).map((m) => [m, null])));
}

/** The majors table's computed cells (columns B–G of the three majors' rows), by column. */
function computedCells(host: MemoryHost): Array<{ sheet: string; address: string; column: 'self' | 'assessor' }> {
  return [0, 1, 2].flatMap((r) => MAJOR_COLUMNS.flatMap((col, c) => (col.column === 'shared' ? [] : [{ ...tableCell(host, DEPT, 'majors', r, c), column: col.column as 'self' | 'assessor' }])));
}

test('an emptied ledger: its computed cells are no input — 检查填报 says each is missing, 计算得分 clears them, a typed value stays', async () => {
  const { host, ctx } = await filledWorkbook();
  assert.equal((await fillScores(ctx)).ok, true);
  emptyLedger(host);
  // A person types over one computed cell: theirs from now on.
  const typed = tableCell(host, DEPT, 'majors', 0, 1);
  host.set(typed.sheet, typed.address, 4);
  const cells = computedCells(host).filter((c) => c.address !== typed.address);
  const missed = fieldCell(host, DEPT, 'reports.missed');

  const checked = await validateWorkbook(ctx);
  assert.equal(checked.ok, false);
  const errors = checked.problems.filter((p) => p.severity !== 'warning');
  // Each of the 17 cells the add-in computed, once, as missing; A3's missed count (the
  // calendar emptied, no count typed) as the engine says; nothing on the typed cell.
  assert.deepEqual(errors.map((p) => [p.code, p.address]).sort(), [...cells.map((c) => ['missing', c.address]), ['missing', missed.address]].sort());
  for (const c of cells) {
    const p = errors.find((e) => e.address === c.address)!;
    assert.match(p.message, /台账现已没有项目/);
    assert.match(p.message, new RegExp(c.address));
    assert.ok(host.mark(c.sheet, c.address));
  }
  // 检查填报 writes no value.
  assert.equal(host.get(cells[0].sheet, cells[0].address), 3);

  const filled = await fillScores(ctx);
  assert.equal(filled.ok, false);
  // The computed cells are empty now, their records with them; the typed 4 stays.
  for (const c of cells) assert.equal(host.get(c.sheet, c.address), null, c.address);
  for (const r of [0, 1, 2]) assert.equal(host.get(typed.sheet, cellAddress(parseBlock(typed.address).top + r, 8)), null);
  assert.equal(host.get(typed.sheet, typed.address), 4);
  // Their grey gave way to the template's fill (then to a mark where something is missing).
  const fillOf = (address: string) => host.formats.filter((f) => f.sheet === typed.sheet && f.address === address && f.format.fill).at(-1)?.format.fill;
  for (const c of cells) assert.equal(fillOf(c.address), c.column === 'self' ? '#FFF2CC' : '#E2EFDA', c.address);
  // What is missing now: the department's blank cells; a blank assessor cell accepts the self value.
  const after = filled.problems.filter((p) => p.severity !== 'warning');
  assert.deepEqual(after.map((p) => [p.code, p.address]).sort(), [...cells.filter((c) => c.column === 'self').map((c) => ['missing', c.address]), ['missing', missed.address]].sort());
  // Once typed, the department scores as typed.
  const again = await validateWorkbook(ctx);
  assert.deepEqual(again.problems.filter((p) => p.severity !== 'warning').map((p) => p.address).sort(), [...cells.filter((c) => c.column === 'self').map((c) => c.address), missed.address].sort());
});

test('清除得分 also takes back the computed cells of an emptied ledger, never a typed one', async () => {
  const { host, ctx } = await filledWorkbook();
  assert.equal((await fillScores(ctx)).ok, true);
  emptyLedger(host);
  const typed = tableCell(host, DEPT, 'majors', 2, 3);
  host.set(typed.sheet, typed.address, '是');
  const r = await clearScores(ctx);
  assert.equal(r.ok, true, r.message);
  // 18 computed cells, one typed over: 17 taken back.
  assert.match(r.message, /以及台账清空后专业表中留下的 17 个计算值/);
  for (const c of computedCells(host)) assert.equal(host.get(c.sheet, c.address), c.address === typed.address ? '是' : null, c.address);
  // Again: nothing left to clear, nothing changes.
  const before = host.getBlock(typed.sheet, 'A1:I80');
  assert.equal((await clearScores(ctx)).ok, true);
  assert.deepEqual(host.getBlock(typed.sheet, 'A1:I80'), before);
});
