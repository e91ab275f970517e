/**
 * The ledger and the calendar through every adapter (issue #10 "Dates arrive differently per
 * host"): Excel's `values` give a date cell's serial, WPS's `Value2` the serial or the text
 * typed, ExcelJS a JavaScript Date that the .xlsx host turns back into the serial. The same
 * example (test/support/ledger-fixture.ts, worked by hand) scores the same in each.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillScores, insertTemplate, type ActionReport, type FlowContext } from '../src/flow/index.js';
import { ExcelHost } from '../src/host/excel.js';
import { WpsHost } from '../src/host/wps.js';
import { XlsxHost } from '../src/host/xlsx.js';
import { plainValue } from '../src/host/xlsx-cells.js';
import { serialOfDate, serialOfDay, serialOfIso } from '../src/host/dates.js';
import { plainCell } from '../src/wps/value2.js';
import { departmentWorkbook } from '../src/web/workbooks.js';
import { FakeWorkbook } from './support/fake-excel.js';
import { CallCounter, countCalls, FakeEtApplication } from './support/fake-et.js';

/** What a department's ledger sheet costs WPS in one look at the workbook (test/round-trips.test.ts). */
const LEDGER_LOOK = 6;
import { excelTypist } from './support/call-bench.js';
import { etNames, typeFacts as typeIntoEt } from './support/wps-facts.js';
import { baseFacts, typeFacts, type Json } from './support/flow-fixture.js';
import { testEngine } from './support/engine.js';
import { cellAddress, parseBlock } from '../src/host/a1.js';
import { departmentKey, nameOf } from '../src/flow/names.js';
import { MAJOR_COLUMNS } from '../src/template/fields.js';
import { ASSESSOR_FILL } from '../src/template/layout.js';
import { bgr } from '../src/wps/colour.js';
import { EXAMPLE_EQUIVALENT, EXAMPLE_WARNINGS, exampleCalendar, exampleFacts, exampleLedger, ledgerCell, calendarCell, serial, typeCalendar, typeLedger, type Cells } from './support/ledger-fixture.js';

const DEPT = '机电工程学院';
const engine = testEngine();

function factsBesideLedger(): Json {
  const base = baseFacts();
  return { ...base, reports: undefined, majors: (base.majors as Json[]).map((m) => ({ name: m.name })) };
}

/** What every host must give: the hand-worked S1, S2 and warnings of the example. */
function assertExample(r: ActionReport, host: string): void {
  assert.equal(r.ok, true, `${host}: ${r.message}`);
  const total = (side: 'self' | 'assessor') => {
    const s = engine.scoreDepartment({ ...baseFacts(), ...EXAMPLE_EQUIVALENT[side] }, { locale: 'zh' });
    assert.ok(s.ok);
    return s.total;
  };
  assert.deepEqual([r.departments![0].s1, r.departments![0].s2], [total('self'), total('assessor')], host);
  assert.deepEqual(Object.fromEntries(r.problems.map((p) => [p.path, p.code])), EXAMPLE_WARNINGS, host);
  assert.ok(r.problems.every((p) => p.severity === 'warning' && p.sheet === `${DEPT}-台账`), host);
}

test('one conversion: a date cell reaches the flow as its serial number in every adapter', () => {
  // 2023-03-01 is serial 44986: 2023-01-01 is 44927, then 31 days of January, 28 of February.
  assert.equal(serialOfDay(2023, 3, 1), 44986);
  assert.equal(serialOfIso('2023-03-01'), 44986);
  assert.equal(serialOfIso('2023/3/1'), undefined, 'other forms stay text for the engine');
  // ExcelJS: a Date (UTC instant of the serial) → the serial; a time of day stays its fraction.
  assert.equal(plainValue(new Date(Date.UTC(2023, 2, 1))), 44986);
  assert.equal(serialOfDate(new Date(Date.UTC(2023, 2, 1, 12))), 44986.5);
  // WPS Value2: the serial as a number, text as typed.
  assert.equal(plainCell(44986), 44986);
  assert.equal(plainCell('2023年3月1日'), '2023年3月1日');
  assert.equal(serial(2023, 3, 1), 44986);
});

test('Excel (Office.js): date cells as serials, text dates as text — the example scores as worked by hand', async () => {
  const book = new FakeWorkbook('Sheet1');
  const ctx: FlowContext = { host: new ExcelHost(book.run, { markNotes: 'notes' }), engine, locale: 'zh' };
  assert.equal((await insertTemplate(ctx, { department: DEPT, year: '2023-2024' })).ok, true);
  const hands = excelTypist(book);
  typeFacts(hands, factsBesideLedger());
  // 合作形式 offers common combinations and takes other words too: a warning, not a stop.
  const forms = ledgerCell(hands as unknown as Cells, DEPT, 0, 'forms');
  const formsCell = book.sheet(forms.sheet).cells.get(forms.address);
  assert.equal(formsCell?.validationAlert, 'Warning');
  const verdictCell = book.sheet(forms.sheet).cells.get(ledgerCell(hands as unknown as Cells, DEPT, 0, '').address);
  assert.equal(verdictCell?.validationAlert, undefined, 'the verdict column keeps Excel\'s stop');
  typeLedger(hands as unknown as Cells, DEPT, exampleLedger());
  const { dates, marks } = exampleCalendar();
  typeCalendar(hands as unknown as Cells, DEPT, dates, marks);
  const before = book.syncs;
  assertExample(await fillScores(ctx), 'Excel');
  // The computed majors cells ride in the same syncs as the scores (issue #8: ≤ 3).
  assert.ok(book.syncs - before <= 3, `fillScores with a ledger: ${book.syncs - before} syncs`);
});

test('WPS (ET): Value2 numbers and typed text — the example scores as worked by hand', async () => {
  const app = new FakeEtApplication();
  const counter = new CallCounter();
  const ctx: FlowContext = { host: new WpsHost(countCalls(app, counter)), engine, locale: 'zh' };
  assert.equal((await insertTemplate(ctx, { department: DEPT, year: '2023-2024' })).ok, true);
  typeIntoEt(app, DEPT, factsBesideLedger());
  const cells: Cells = {
    name: (n) => etNames(app).find((d) => d.name.toLowerCase() === n.toLowerCase()),
    set: (sheet, address, v) => app.type(sheet, address, v),
  };
  const forms = ledgerCell(cells, DEPT, 0, 'forms');
  assert.equal(app.cellAt(forms.sheet, forms.address)?.validationAlert, 2, 'xlValidAlertWarning: other words may be typed');
  const verdict = ledgerCell(cells, DEPT, 0, '');
  assert.equal(app.cellAt(verdict.sheet, verdict.address)?.validationAlert, 1, 'xlValidAlertStop');
  typeLedger(cells, DEPT, exampleLedger());
  const { dates, marks } = exampleCalendar();
  typeCalendar(cells, DEPT, dates, marks);
  counter.reset();
  assertExample(await fillScores(ctx), 'WPS');
  console.log(`WPS fillScores with a ledger of 7 rows and 3 majors: ${counter.total} calls into ET`);
  // One department's fillScores is held to 50 calls without a ledger (test/round-trips.test.ts);
  // with ledger rows it also writes each major's computed cells and their record (2 blocks of
  // 2 calls each per major) and greys them (2 format blocks).
  assert.ok(counter.total <= 50 + LEDGER_LOOK + 4 * 3 + 2 * 4, `fillScores with a ledger: ${counter.total} calls`);
});

test('the web page (.xlsx via ExcelJS): date cells saved and read back as Dates, text dates as text', async () => {
  const facts = { ...factsBesideLedger(), ...exampleFacts('2023-2024') };
  const made = await departmentWorkbook(engine, facts);
  // The assessors' marks: row 5 struck, March returned.
  const names = await made.names();
  const cells: Cells = { name: (n) => names.find((d) => d.name.toLowerCase() === n.toLowerCase()), set: () => undefined };
  const verdict = ledgerCell(cells, DEPT, 5, '');
  const march = calendarCell(cells, DEPT, 3, 'assessor');
  await made.write([{ ...verdict, values: [['不认定']] }, { ...march, values: [['退回']] }]);
  const host = await XlsxHost.load(await made.save());
  // Read back, a date cell is a Date in ExcelJS and the serial for the flow.
  const signed = ledgerCell(cells, DEPT, 0, 'signed');
  const raw = host.workbook.getWorksheet(signed.sheet)!.getCell(signed.address).value;
  assert.ok(raw instanceof Date, `ExcelJS gives a Date: ${String(raw)}`);
  assert.deepEqual(await host.read([signed, ledgerCell(cells, DEPT, 1, 'signed')]), [[[serial(2023, 3, 1)]], [['2023/9/15']]]);
  assertExample(await fillScores({ host, engine, locale: 'zh' }), 'web page');
});

/**
 * An emptied ledger through the real adapters: 计算得分 takes back the majors' computed cells
 * (value and grey), one cell at a time with what it read as the expected content, so that the
 * department's blank cells are then missing and the assessors' blank ones accepted.
 */
async function emptiedLedger(ctx: FlowContext, cells: Cells & { value(sheet: string, address: string): unknown; fill(sheet: string, address: string): unknown }, assessorFill: unknown): Promise<void> {
  const first = await fillScores(ctx);
  assert.equal(first.ok, true, first.message);
  typeLedger(cells, DEPT, exampleLedger().map((row) => Object.fromEntries(Object.keys(row).map((k) => [k, null]))));
  const { dates, marks } = exampleCalendar();
  typeCalendar(cells, DEPT, Object.fromEntries(Object.keys(dates).map((m) => [m, null])), Object.fromEntries(Object.keys(marks).map((m) => [m, null])));
  const majors = cells.name(nameOf(departmentKey(DEPT), 'majors'))!;
  const top = parseBlock(majors.address).top + 1;
  const computed = [0, 1, 2].flatMap((r) => MAJOR_COLUMNS.flatMap((col, c) => (col.column === 'shared' ? [] : [{ address: cellAddress(top + r, c), column: col.column }])));
  const r = await fillScores(ctx);
  assert.equal(r.ok, false);
  for (const c of computed) {
    assert.ok([undefined, null, ''].includes(cells.value(majors.sheet, c.address) as null), `${c.address} emptied`);
    if (c.column === 'assessor') assert.equal(cells.fill(majors.sheet, c.address), assessorFill, `${c.address} green again`);
  }
  const errors = r.problems.filter((p) => p.severity !== 'warning');
  assert.deepEqual(errors.filter((p) => p.path.startsWith('majors[')).map((p) => [p.code, p.address]).sort(),
    computed.filter((c) => c.column === 'self').map((c) => ['missing', c.address]).sort());
}

test('Excel and WPS: an emptied ledger\'s computed majors cells are taken back by 计算得分', async () => {
  const book = new FakeWorkbook('Sheet1');
  const excel: FlowContext = { host: new ExcelHost(book.run, { markNotes: 'notes' }), engine, locale: 'zh' };
  assert.equal((await insertTemplate(excel, { department: DEPT, year: '2023-2024' })).ok, true);
  const hands = excelTypist(book);
  typeFacts(hands, factsBesideLedger());
  const inExcel = hands as unknown as Cells;
  typeLedger(inExcel, DEPT, exampleLedger());
  typeCalendar(inExcel, DEPT, exampleCalendar().dates, exampleCalendar().marks);
  await emptiedLedger(excel, {
    ...inExcel, name: (n) => inExcel.name(n), set: (s, a, v) => inExcel.set(s, a, v),
    value: (s, a) => book.sheet(s).value(a), fill: (s, a) => book.sheet(s).cells.get(a)?.fill,
  }, ASSESSOR_FILL);

  const app = new FakeEtApplication();
  const wps: FlowContext = { host: new WpsHost(app), engine, locale: 'zh' };
  assert.equal((await insertTemplate(wps, { department: DEPT, year: '2023-2024' })).ok, true);
  typeIntoEt(app, DEPT, factsBesideLedger());
  const inEt: Cells = { name: (n) => etNames(app).find((d) => d.name.toLowerCase() === n.toLowerCase()), set: (s, a, v) => app.type(s, a, v) };
  typeLedger(inEt, DEPT, exampleLedger());
  typeCalendar(inEt, DEPT, exampleCalendar().dates, exampleCalendar().marks);
  await emptiedLedger(wps, { ...inEt, value: (s, a) => app.valueAt(s, a), fill: (s, a) => app.cellAt(s, a)?.fill }, bgr(ASSESSOR_FILL));
});
