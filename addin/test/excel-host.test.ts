/**
 * The Excel adapter, method by method, on Microsoft's office-addin-mock: the object graph each
 * method touches is described to OfficeMockObject (methods as functions that record their
 * calls), the adapter runs on it, and every test counts the `context.sync()` calls.
 *
 * setMarks runs once on the mock (one scenario described by hand) and then, where a workbook
 * must answer (which note is where, which fill is ours, what a second run finds), on the
 * queued workbook model of test/support/fake-excel.ts; so does the whole flow
 * (excel-flow.test.ts, excel-files.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OfficeMockObject } from 'office-addin-mock';
import { ExcelHost, fromExcel, nameFormula, parseNameFormula, toExcel, type ExcelRun, type MarkNotes } from '../src/host/excel.js';
import { EARLIER_MARK_FILL, MARK_FILL, MARK_PREFIX, composeMarkNote } from '../src/host/mark-text.js';
import { FakeWorkbook } from './support/fake-excel.js';

/** A mock context over `data`, a run function handing it to the adapter, and a sync counter. */
function mocked(data: object): { ctx: Record<string, unknown>; host: ExcelHost; syncs: () => number; runs: () => number } {
  const ctx = new OfficeMockObject(data) as unknown as Record<string, unknown> & { sync(): Promise<void> };
  let syncs = 0;
  let runs = 0;
  const sync = ctx.sync.bind(ctx);
  ctx.sync = async () => {
    syncs++;
    await sync();
  };
  const run: ExcelRun = async (batch) => {
    runs++;
    return batch(ctx as unknown as Excel.RequestContext);
  };
  return { ctx, host: new ExcelHost(run), syncs: () => syncs, runs: () => runs };
}

/** `worksheets.getItem(name).getRange(address)` over ranges described per sheet. */
function workbookOf(sheets: Record<string, Record<string, object>>): object {
  const described: Record<string, object> = {};
  for (const [name, ranges] of Object.entries(sheets)) {
    described[name] = {
      getRange(this: { ranges: Record<string, unknown> }, address: string) {
        const r = this.ranges[address];
        if (!r) throw new Error(`test graph has no range ${name}!${address}`);
        return r;
      },
      ranges,
    };
  }
  return {
    workbook: {
      worksheets: {
        getItem(this: { sheets: Record<string, unknown> }, name: string) {
          return this.sheets[name];
        },
        sheets: described,
      },
    },
  };
}

/** The range object of `workbookOf`'s graph, as the adapter left it. */
function described<T>(ctx: Record<string, unknown>, sheet: string, address: string): T {
  const sheets = ((ctx.workbook as Record<string, unknown>).worksheets as { sheets: Record<string, { ranges: Record<string, unknown> }> }).sheets;
  return sheets[sheet].ranges[address] as T;
}

test('read: every block in one sync, empty cells as null', async () => {
  const { host, syncs } = mocked(
    workbookOf({
      事实: { 'B3:C4': { values: [['是', ''], [12, true]] } },
      'Other sheet': { A1: { values: [['']] } },
    }),
  );
  const blocks = await host.read([
    { sheet: '事实', address: 'B3:C4' },
    { sheet: 'Other sheet', address: 'A1' },
  ]);
  assert.deepEqual(blocks, [[['是', null], [12, true]], [[null]]]);
  assert.equal(syncs(), 1);
});

test('read of nothing asks Excel nothing', async () => {
  const { host, runs } = mocked(workbookOf({}));
  assert.deepEqual(await host.read([]), []);
  assert.equal(runs(), 0);
});

test('write: one sync; null clears; text Excel would reinterpret keeps an apostrophe', async () => {
  const target = { values: [[1, 2, 3, 4, 5, 6]] };
  const other = { values: [['x']] };
  const { ctx, host, syncs } = mocked(workbookOf({ 评分: { 'D5:I5': target, A1: other } }));
  await host.write([
    { sheet: '评分', address: 'D5:I5', values: [[null, 92.5, '=SUM(A1)', '12', '扣 2 分：缺少协议', true]] },
    { sheet: '评分', address: 'A1', values: [['2023-2024']] },
  ]);
  await host.flush();
  assert.equal(syncs(), 1);
  assert.deepEqual(described<{ values: unknown }>(ctx, '评分', 'D5:I5').values, [['', 92.5, "'=SUM(A1)", "'12", '扣 2 分：缺少协议', true]]);
  assert.deepEqual(described<{ values: unknown }>(ctx, '评分', 'A1').values, [["'2023-2024"]]);
});

test('write refuses a block whose values do not fit, before anything is sent', async () => {
  const { host, runs } = mocked(workbookOf({ S: { 'A1:B1': { values: [['', '']] } } }));
  await assert.rejects(host.write([{ sheet: 'S', address: 'A1:B1', values: [[1]] }]), /1×2/);
  assert.equal(runs(), 0);
});

test('toExcel / fromExcel: the conversions in both directions', () => {
  assert.equal(fromExcel(''), null);
  assert.equal(fromExcel(0), 0);
  assert.equal(fromExcel(false), false);
  assert.equal(toExcel(null), '');
  assert.equal(toExcel('65%'), "'65%");
  assert.equal(toExcel('-x'), "'-x");
  assert.equal(toExcel('TRUE'), "'TRUE");
  assert.equal(toExcel('2024/5/1'), "'2024/5/1");
  assert.equal(toExcel('计算机学院'), '计算机学院');
  assert.equal(toExcel('3 个专业'), '3 个专业');
});

test('sheets: names in tab order, one sync', async () => {
  let loaded = '';
  const { ctx, host, syncs } = mocked({
    workbook: {
      worksheets: {
        load(spec: string) {
          loaded = spec;
        },
      },
    },
  });
  // Loaded collections are what Excel fills in at sync; here the graph holds them already.
  ((ctx.workbook as Record<string, unknown>).worksheets as Record<string, unknown>).items = [
    { name: '汇总', position: 1 },
    { name: '说明', position: 0 },
  ];
  assert.deepEqual(await host.sheets(), ['说明', '汇总']);
  assert.match(loaded, /items\/name/);
  assert.equal(syncs(), 1);
});

test('addSheets: every sheet added in order, one sync', async () => {
  const added: string[] = [];
  const { host, syncs } = mocked({
    workbook: {
      worksheets: {
        add(name: string) {
          added.push(name);
        },
      },
    },
  });
  await host.addSheets(['计算机学院-填报', '计算机学院-评分']);
  await host.flush();
  assert.deepEqual(added, ['计算机学院-填报', '计算机学院-评分']);
  assert.equal(syncs(), 1);
});

test('format: fill, font, number format over the block, width in points, merge, borders; one sync', async () => {
  const edges: Record<string, { style?: string; weight?: string }> = {};
  let merged: boolean | undefined;
  const range = {
    numberFormat: [],
    merge(across: boolean) {
      merged = across;
    },
    format: {
      fill: { color: '' },
      font: { bold: false, color: '' },
      wrapText: false,
      horizontalAlignment: '',
      columnWidth: 0,
      borders: {
        getItem(edge: string) {
          return (edges[edge] ??= {});
        },
      },
    },
  };
  const { ctx, host, syncs } = mocked(workbookOf({ 评分: { 'A1:C2': range } }));
  await host.format([
    {
      sheet: '评分',
      address: 'A1:C2',
      format: { fill: '#DDEBF7', bold: true, fontColor: '#1F4E79', numberFormat: '0.00', wrap: true, horizontal: 'center', columnWidth: 10, merge: true, border: true },
    },
  ]);
  await host.flush();
  assert.equal(syncs(), 1);
  const r = described<typeof range>(ctx, '评分', 'A1:C2');
  assert.equal(r.format.fill.color, '#DDEBF7');
  assert.equal(r.format.font.bold, true);
  assert.equal(r.format.font.color, '#1F4E79');
  assert.deepEqual(r.numberFormat, [['0.00', '0.00', '0.00'], ['0.00', '0.00', '0.00']]);
  assert.equal(r.format.wrapText, true);
  assert.equal(r.format.horizontalAlignment, 'Center');
  assert.equal(r.format.columnWidth, 56.25);
  assert.equal(merged, false);
  assert.deepEqual(Object.keys(edges).sort(), ['EdgeBottom', 'EdgeLeft', 'EdgeRight', 'EdgeTop', 'InsideHorizontal', 'InsideVertical']);
  assert.ok(Object.values(edges).every((e) => e.style === 'Continuous' && e.weight === 'Thin'));
});

test('select: activates the sheet and selects the cell, one sync', async () => {
  const calls: string[] = [];
  const { host, syncs } = mocked({
    workbook: {
      worksheets: {
        getItem(name: string) {
          return {
            activate: () => calls.push(`activate ${name}`),
            getRange: (a: string) => ({ select: () => calls.push(`select ${a}`) }),
          };
        },
      },
    },
  });
  await host.select({ sheet: '计算机学院-填报', address: 'C7' });
  assert.deepEqual(calls, ['activate 计算机学院-填报', 'select C7']);
  assert.equal(syncs(), 1);
});

test('names: range names with their sheet and address, others skipped; one sync', async () => {
  const { ctx, host, syncs } = mocked({ workbook: { names: { load() {} } } });
  ((ctx.workbook as Record<string, unknown>).names as Record<string, unknown>).items = [
    { name: 'coop_a_local', type: 'Range', formula: "='计算机 学院'!$C$5" },
    { name: 'coop_a_block', type: 'Range', formula: '=Facts!$B$3:$D$10' },
    { name: 'rate', type: 'Double', formula: '=0.4' },
    { name: 'broken', type: 'Range', formula: '=#REF!$A$1' },
  ];
  assert.deepEqual(await host.names(), [
    { name: 'coop_a_local', sheet: '计算机 学院', address: 'C5' },
    { name: 'coop_a_block', sheet: 'Facts', address: 'B3:D10' },
  ]);
  assert.equal(syncs(), 1);
});

test('name formulas: quoting and parsing agree, quotes inside names included', () => {
  const ref = { sheet: "O'Brien 的表", address: 'B3:C4' };
  assert.equal(nameFormula(ref), "='O''Brien 的表'!$B$3:$C$4");
  assert.deepEqual(parseNameFormula(nameFormula(ref)), ref);
  assert.equal(parseNameFormula('=A1+1'), null);
});

test('defineNames: existing names updated, new ones added; two syncs', async () => {
  const added: Array<[string, unknown]> = [];
  const existing = { name: 'COOP_A_LOCAL', formula: '=Old!$A$1' };
  const { ctx, host, syncs } = mocked({
    workbook: {
      names: {
        load() {},
        add(name: string, ref: unknown) {
          added.push([name, ref]);
        },
      },
      worksheets: {
        getItem: (sheet: string) => ({ getRange: (address: string) => ({ sheet, address }) }),
      },
    },
  });
  ((ctx.workbook as Record<string, unknown>).names as Record<string, unknown>).items = [existing];
  await host.defineNames([
    { name: 'coop_a_local', sheet: '填报', address: 'C5' },
    { name: 'coop_a_total', sheet: '填报', address: 'C6' },
  ]);
  await host.flush();
  assert.equal(existing.formula, "='填报'!$C$5");
  assert.deepEqual(added, [['coop_a_total', { sheet: '填报', address: 'C6' }]]);
  assert.equal(syncs(), 2);
});

test('setListValidation: old rule cleared, list set with an in-cell dropdown; one sync', async () => {
  const calls: string[] = [];
  const validation = {
    clear() {
      calls.push('clear');
    },
    // No `rule` here: OfficeMockObject puts described objects back on every sync.
  };
  const { ctx, host, syncs } = mocked(workbookOf({ 填报: { 'C8:D8': { dataValidation: validation } } }));
  await host.setListValidation([{ sheet: '填报', address: 'C8:D8', list: ['是', '否'] }]);
  await host.flush();
  assert.deepEqual(calls, ['clear']);
  assert.deepEqual(described<{ dataValidation: { rule: unknown } }>(ctx, '填报', 'C8:D8').dataValidation.rule, { list: { inCellDropDown: true, source: '是,否' } });
  assert.equal(syncs(), 1);
  await assert.rejects(host.setListValidation([{ sheet: '填报', address: 'C9', list: ['a,b'] }]), /comma/);
  assert.equal(syncs(), 1);
});

test('setListValidation from a range: the source is "=" and a quoted sheet-qualified absolute reference', async () => {
  const { ctx, host, syncs } = mocked(workbookOf({ "事实 表's": { 'B40:B69': { dataValidation: { clear() {} } } } }));
  await host.setListValidation([{ sheet: "事实 表's", address: 'B40:B69', source: { sheet: "事实 表's", address: 'A8:A37' } }]);
  await host.flush();
  assert.deepEqual(described<{ dataValidation: { rule: unknown } }>(ctx, "事实 表's", 'B40:B69').dataValidation.rule, {
    list: { inCellDropDown: true, source: "='事实 表''s'!$A$8:$A$37" },
  });
  assert.equal(syncs(), 1);
});

test('setMarks on the mock: fills, a new note, our message above the user note; 3 syncs', async () => {
  const ranges = new Map<string, { format: { fill: { color?: string; clear(): void } }; getCellProperties(): { value: unknown[][] } }>();
  const fills: Record<string, string> = { C3: '#FFFFFF', C4: '#FFF2CC' };
  const added: Array<[string, string]> = [];
  const userNote = {
    content: '请核对',
    getLocation: () => ({ load() { return this; }, address: '填报!C4' }),
    delete() {
      throw new Error('the user note must not be deleted');
    },
  };
  const sheet = {
    getRange(address: string) {
      let r = ranges.get(address);
      if (!r) {
        const cells = address.split(':');
        r = {
          format: { fill: { clear() {} } },
          getCellProperties: () => ({ value: (cells.length === 2 ? ['C3', 'C4'] : cells).map((c) => [{ format: { fill: { color: fills[c] } } }]) }),
        };
        ranges.set(address, r);
      }
      return r;
    },
    notes: {
      add(range: unknown, content: string) {
        added.push([[...ranges].find(([, r]) => r === range)?.[0] ?? '?', content]);
      },
    },
  };
  // The workbook's notes, listed (with each one's place) when setMarks looks.
  const notes = {
    load() {
      return this;
    },
    items: [userNote],
  };
  const { ctx, host, syncs } = mocked({ workbook: { worksheets: { getItem: () => sheet } } });
  (ctx.workbook as Record<string, unknown>).notes = notes;
  await host.setMarks([{ sheet: '填报', address: 'C3:C4' }], [
    { sheet: '填报', address: 'C3', note: '必填' },
    { sheet: '填报', address: 'C4', note: '不是数字' },
  ]);
  await host.flush();
  assert.equal(syncs(), 3, 'look, locate the note, write');
  assert.equal(ranges.get('C3')?.format.fill.color, MARK_FILL);
  assert.equal(ranges.get('C4')?.format.fill.color, MARK_FILL);
  assert.deepEqual(added, [['C3', composeMarkNote('必填', '')]]);
  assert.equal(userNote.content, composeMarkNote('不是数字', '请核对'));
});

// ---- marks, on the queued workbook model ----

function marksBook(markNotes: MarkNotes): { book: FakeWorkbook; host: ExcelHost } {
  const book = new FakeWorkbook('填报');
  const s = book.sheet('填报');
  s.set('C3:C6', [[''], ['x'], [''], ['']]);
  s.at(4, 2).fill = '#FFF2CC'; // C5: the template's input colour
  s.at(5, 2).fill = EARLIER_MARK_FILL; // C6: the user's own "Bad" style fill, no note of ours
  if (markNotes === 'notes') s.notes.set('C4', '请核对'); // a note of the user's own
  return { book, host: new ExcelHost(book.run, { markNotes }) };
}

const scope = [{ sheet: '填报', address: 'C3:C6' }];

test('setMarks with notes: marks, keeps the user note and own fill, removes only its own marks; 3 syncs', async () => {
  const { book, host } = marksBook('notes');
  const s = book.sheet('填报');
  await host.setMarks(scope, [
    { sheet: '填报', address: 'C4', note: '不是数字' },
    { sheet: '填报', address: 'C5', note: '必填' },
  ]);
  await host.flush();
  assert.equal(book.syncs, 3, 'look, locate the user note, write');
  assert.equal(s.cell('C4')?.fill, MARK_FILL);
  assert.equal(s.notes.get('C4'), composeMarkNote('不是数字', '请核对'));
  assert.equal(s.cell('C5')?.fill, MARK_FILL);
  assert.equal(s.notes.get('C5'), composeMarkNote('必填', ''));
  assert.doesNotMatch(s.notes.get('C5') ?? '', /原底色|original fill|#FFF2CC/, 'no internals in the note people read');
  assert.equal(s.cell('C3')?.fill, undefined);
  assert.equal(s.cell('C6')?.fill, EARLIER_MARK_FILL, "the user's own red fill is not ours to remove");

  // The same marks again: looked at and located (2 syncs), nothing to change, no third.
  const before = book.snapshot();
  await host.setMarks(scope, [
    { sheet: '填报', address: 'C4', note: '不是数字' },
    { sheet: '填报', address: 'C5', note: '必填' },
  ]);
  await host.flush();
  assert.equal(book.syncs, 5);
  assert.equal(book.snapshot(), before);

  // Fixed inputs: our marks go, the user's note and the template colour come back.
  await host.setMarks(scope, [], { fills: [{ sheet: '填报', address: 'C5', fill: '#FFF2CC' }] });
  await host.flush();
  assert.equal(s.notes.get('C4'), '请核对');
  assert.equal(s.cell('C4')?.fill, undefined);
  assert.equal(s.notes.has('C5'), false);
  assert.equal(s.cell('C5')?.fill, '#FFF2CC');
  assert.equal(s.cell('C6')?.fill, EARLIER_MARK_FILL);
  assert.equal(s.value('C4'), 'x', 'marks never change values');
});

test('a mark whose note the user deleted still goes, with the template colour; a note of the earlier form gives its colour back', async () => {
  const { book, host } = marksBook('notes');
  const s = book.sheet('填报');
  s.at(2, 2).fill = MARK_FILL; // C3: our mark, its note deleted by the user
  s.at(4, 2).fill = EARLIER_MARK_FILL; // C5: a mark of an earlier version, its note with the fill line
  s.notes.set('C5', `${MARK_PREFIX}必填\n原底色 / original fill: #DDEBF7`);
  const fills = [{ sheet: '填报', address: 'C3:C6', fill: '#FFF2CC' }];
  await host.setMarks(scope, [], { fills });
  await host.flush();
  assert.equal(s.cell('C3')?.fill, '#FFF2CC', 'the red fill without its note is given back');
  assert.equal(s.cell('C5')?.fill, '#DDEBF7', 'the colour an earlier note kept wins');
  assert.equal(s.notes.has('C5'), false);
  assert.equal(s.cell('C6')?.fill, EARLIER_MARK_FILL, "a user's Bad cell without a note is not ours");
  assert.equal(s.notes.get('C4'), '请核对');
});

test('setMarks with comments: 3 syncs, a foreign comment is left alone, ours removed', async () => {
  const { book, host } = marksBook('comments');
  const s = book.sheet('填报');
  s.comments.set('C3', '张老师：这里待补');
  await host.setMarks(scope, [
    { sheet: '填报', address: 'C3', note: '必填' },
    { sheet: '填报', address: 'C4', note: '不是数字' },
  ]);
  await host.flush();
  assert.equal(book.syncs, 3);
  assert.equal(s.comments.get('C3'), '张老师：这里待补');
  assert.equal(s.cell('C3')?.fill, undefined, 'no mark where it could not be recognised later');
  assert.ok(s.comments.get('C4')?.startsWith(MARK_PREFIX));
  assert.equal(s.cell('C4')?.fill, MARK_FILL);
  await host.setMarks(scope, []);
  await host.flush();
  assert.equal(s.comments.has('C4'), false);
  assert.equal(s.cell('C4')?.fill, undefined);
  assert.equal(s.comments.get('C3'), '张老师：这里待补');
});

test('setMarks queues no command per cell: a large scope costs one command per block', async () => {
  const book = new FakeWorkbook('填报');
  book.sheet('填报').notes.set('Z1', '用户自己的批注');
  const host = new ExcelHost(book.run, { markNotes: 'notes' });
  await host.setMarks([{ sheet: '填报', address: 'A1:Z400' }], [{ sheet: '填报', address: 'C3', note: '必填' }]);
  await host.flush();
  assert.equal(book.syncs, 3, 'look, locate the one note there is, write');
  // getCellProperties, the note list, one location, then fill + note of the one mark.
  assert.ok(book.commands < 10, `${book.commands} commands for 10 400 cells`);
  assert.equal(book.sheet('填报').notes.get('Z1'), '用户自己的批注');
  assert.ok(book.sheet('填报').notes.get('C3')?.startsWith(MARK_PREFIX));
});

test('setMarks below ExcelApi 1.10 makes no mark and asks Excel nothing', async () => {
  const { book, host } = marksBook('none');
  const before = book.snapshot();
  await host.setMarks(scope, [{ sheet: '填报', address: 'C3', note: '必填' }]);
  await host.flush();
  assert.equal(book.syncs, 0);
  assert.equal(book.snapshot(), before);
});

test('a batch that fails at sync (missing sheet) rejects with Excel’s error', async () => {
  const book = new FakeWorkbook('填报');
  const host = new ExcelHost(book.run);
  await assert.rejects(host.read([{ sheet: '不存在', address: 'A1' }]), /ItemNotFound/);
});

test('hideColumns on the mock: the entire columns of every block hidden, one sync; nothing asks nothing', async () => {
  const calls: string[] = [];
  const range = (sheet: string, address: string) => ({
    getEntireColumn: () => {
      calls.push(`${sheet}!${address} entire column`);
      return {
        set columnHidden(v: boolean) {
          calls.push(`${sheet}!${address} columnHidden=${v}`);
        },
      };
    },
  });
  const { host, syncs, runs } = mocked({
    workbook: { worksheets: { getItem: (sheet: string) => ({ getRange: (address: string) => range(sheet, address) }) } },
  });
  await host.hideColumns([
    { sheet: '机电-评分', address: 'O2:O27' },
    { sheet: '校企合作汇总', address: 'G1:G5' },
  ]);
  await host.flush();
  assert.deepEqual(calls, [
    '机电-评分!O2:O27 entire column',
    '机电-评分!O2:O27 columnHidden=true',
    '校企合作汇总!G1:G5 entire column',
    '校企合作汇总!G1:G5 columnHidden=true',
  ]);
  assert.equal(syncs(), 1);
  await host.hideColumns([]);
  await host.flush();
  assert.equal(runs(), 1);
});

test('hideColumns on the workbook model: whole columns hidden, values still read and written, idempotent', async () => {
  const book = new FakeWorkbook('评分', '汇总');
  book.sheet('评分').set('N3:P3', [['说明', '加载项记录（请勿修改）', 'x']]);
  const host = new ExcelHost(book.run);
  await host.hideColumns([{ sheet: '评分', address: 'O3:O9' }, { sheet: '汇总', address: 'B1:C1' }]);
  await host.flush();
  assert.equal(book.syncs, 1);
  assert.deepEqual([...book.sheet('评分').hiddenColumns], [14]);
  assert.deepEqual([...book.sheet('汇总').hiddenColumns].sort(), [1, 2]);
  assert.deepEqual(await host.read([{ sheet: '评分', address: 'N3:P3' }]), [[['说明', '加载项记录（请勿修改）', 'x']]]);
  await host.write([{ sheet: '评分', address: 'O4', values: [['coop1:abc']] }]);
  await host.flush();
  assert.equal(book.sheet('评分').value('O4'), 'coop1:abc');
  const before = book.snapshot();
  await host.hideColumns([{ sheet: '评分', address: 'O1' }]);
  await host.flush();
  assert.equal(book.snapshot(), before);
  // Queued until the flush, which fails with Excel's error for the missing sheet.
  await host.hideColumns([{ sheet: '不存在', address: 'A1' }]);
  await assert.rejects(host.flush(), /ItemNotFound/);
});
