/**
 * The WPS adapter on the fake ET application, method by method: the Value2 shapes, the
 * fallbacks, marks that give back what they covered, names, dropdowns, sheets, and the
 * number of calls into ET each method costs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WpsHost } from '../src/host/wps.js';
import { normaliseBlock, plainCell, toValue2 } from '../src/wps/value2.js';
import { bgr, hexOfBgr } from '../src/wps/colour.js';
import { MARK_FILL, MARK_PREFIX, composeMarkNote } from '../src/host/mark-text.js';
import { CallCounter, countCalls, FakeEtApplication, type FakeOptions } from './support/fake-et.js';

function setup(options: FakeOptions = {}) {
  const app = new FakeEtApplication(options);
  const counter = new CallCounter();
  const host = new WpsHost(countCalls(app, counter));
  return { app, counter, host };
}

test('Value2 shapes: scalars, rows, VBArray-like and array-like wrappers, boxed values', () => {
  assert.deepEqual(normaliseBlock(7, 1, 1), [[7]]);
  assert.deepEqual(normaliseBlock(undefined, 1, 1), [[null]]);
  assert.deepEqual(normaliseBlock('', 1, 1), [[null]]);
  assert.deepEqual(normaliseBlock(Object('是'), 1, 1), [['是']]);
  assert.deepEqual(normaliseBlock([[1, 'a'], [undefined, true]], 2, 2), [[1, 'a'], [null, true]]);
  // A flat list is read only where it cannot be ambiguous.
  assert.deepEqual(normaliseBlock([1, 2, 3], 1, 3), [[1, 2, 3]]);
  assert.deepEqual(normaliseBlock([1, 2, 3], 3, 1), [[1], [2], [3]]);
  assert.equal(normaliseBlock([1, 2, 3, 4], 2, 2), null);
  const vb = { lbound: () => 0, ubound: (d?: number) => (d === 2 ? 1 : 0), getItem: (r: number, c: number) => [[5, '六']][r][c] };
  assert.deepEqual(normaliseBlock(vb, 1, 2), [[5, '六']]);
  assert.deepEqual(normaliseBlock({ length: 2, 0: { length: 1, 0: 1 }, 1: { length: 1, 0: 2 } }, 2, 1), [[1], [2]]);
  // Shapes that do not fit the block are refused, so that the adapter reads cell by cell.
  assert.equal(normaliseBlock([[1, 2]], 2, 1), null);
  assert.equal(normaliseBlock({ rows: 2 }, 2, 2), null);
  assert.equal(normaliseBlock([[new Date()]], 1, 1), null);
  assert.equal(plainCell(Number.NaN), null);
});

test('values written through Value2 stay plain values: formulas-looking text is kept as text', () => {
  assert.equal(toValue2(null), '');
  assert.equal(toValue2('=SUM(A1:A3)'), "'=SUM(A1:A3)");
  assert.equal(toValue2('-3'), '-3');
  assert.equal(toValue2('+ 加分'), "'+ 加分");
  assert.equal(toValue2(12), 12);
  assert.equal(bgr('#FF0000'), 255);
  assert.equal(bgr('#FFC7CE'), 0xcec7ff);
  assert.equal(bgr(MARK_FILL), 0xcdc7ff);
  assert.equal(hexOfBgr(bgr('#12ABef')), '#12ABEF');
});

test('read: one Value2 per sheet (the bounding block of its blocks), whatever the block size, in every shape WPS hands out', async () => {
  for (const shape of ['plain', 'wrapper'] as const) {
    const { app, counter, host } = setup({ shape });
    app.type('Sheet1', 'B2', 114);
    app.type('Sheet1', 'C2', '是');
    app.type('Sheet1', 'B40', 200);
    counter.reset();
    const [one, empty, block] = await host.read([
      { sheet: 'Sheet1', address: 'B2' },
      { sheet: 'Sheet1', address: 'Z9' },
      { sheet: 'Sheet1', address: 'B2:C40' },
    ]);
    assert.deepEqual(one, [[114]]);
    assert.deepEqual(empty, [[null]]);
    assert.equal(block.length, 39);
    assert.deepEqual(block[0], [114, '是']);
    assert.deepEqual(block[38], [200, null]);
    assert.equal(counter.matching(/Value2$/), 1, `${shape}: one bounding block B2:Z40 for the three (${counter.summary()})`);
    assert.equal(counter.matching(/\.Item$/), 1, 'the sheet is looked up once for all three blocks');
    // What was read is kept until the action ends; then blocks far apart are read one by one
    // rather than everything between them.
    await host.flush();
    counter.reset();
    const [near, far] = await host.read([
      { sheet: 'Sheet1', address: 'B2' },
      { sheet: 'Sheet1', address: 'B9000' },
    ]);
    assert.deepEqual([near, far], [[[114]], [[null]]]);
    assert.equal(counter.matching(/Value2$/), 2, counter.summary());
  }
});

test('read falls back to one call per cell only when the shape is not understood', async () => {
  const { app, counter, host } = setup({ shape: 'opaque' });
  app.type('Sheet1', 'A1', 1);
  app.type('Sheet1', 'B2', '二');
  counter.reset();
  const [block] = await host.read([{ sheet: 'Sheet1', address: 'A1:B2' }]);
  assert.deepEqual(block, [[1, null], [null, '二']]);
  assert.equal(counter.matching(/FakeRange\.Item$/), 4);
});

test('write: one Value2 assignment per block; a build refusing arrays gets the cells one by one', async () => {
  const { app, counter, host } = setup();
  await host.write([
    { sheet: 'Sheet1', address: 'A1:C2', values: [[1, '=不是公式', null], [true, '19', '说明']] },
    { sheet: 'Sheet1', address: 'E5', values: [['单格']] },
  ]);
  assert.equal(counter.matching(/Value2=$/), 2, counter.summary());
  assert.equal(app.valueAt('Sheet1', 'B1'), '=不是公式');
  assert.equal(app.cellAt('Sheet1', 'B1')?.formula, undefined);
  assert.equal(app.valueAt('Sheet1', 'C1'), undefined);
  // ET reads a numeric text as a number, as a user typing it would.
  assert.equal(app.valueAt('Sheet1', 'B2'), 19);
  assert.equal(app.valueAt('Sheet1', 'E5'), '单格');
  await assert.rejects(host.write([{ sheet: 'Sheet1', address: 'A1:B1', values: [[1]] }]), /1 行 × 2 列/);

  const refusing = setup({ refuseArrays: true });
  await refusing.host.write([{ sheet: 'Sheet1', address: 'A1:B2', values: [[1, 2], [3, 4]] }]);
  assert.deepEqual(await refusing.host.read([{ sheet: 'Sheet1', address: 'A1:B2' }]), [[[1, 2], [3, 4]]]);
  assert.equal(refusing.counter.matching(/Value2=$/), 1 + 4, 'one refused array, then four cells');
});

test('sheets are listed 1-based in tab order; new ones go last; names are unique regardless of case', async () => {
  const { app, counter, host } = setup();
  await host.addSheets(['填报表', '评分表']);
  assert.deepEqual(await host.sheets(), ['Sheet1', '填报表', '评分表']);
  assert.equal(app.sheet('评分表').Index, 3);
  await assert.rejects(host.addSheets(['sheet1']), /已存在/);
  await assert.rejects(host.read([{ sheet: '没有', address: 'A1' }]), /找不到工作表“没有”/);
  counter.reset();
  await host.select({ sheet: '填报表', address: 'C7' });
  assert.equal(app.book.active.Name, '填报表');
  assert.deepEqual(app.selection, { sheet: '填报表', address: 'C7' });
  // The sheet was found when it was added, in the same action: Activate, Range, Select.
  assert.equal(counter.total, 3, counter.summary());
});

test('names: defined with quoted sheet references, read back, updated in place; others ignored', async () => {
  const { app, host } = setup();
  await host.addSheets(["事实 表's"]);
  await host.defineNames([
    { name: 'coop_a', sheet: "事实 表's", address: 'B3' },
    { name: 'coop_b', sheet: 'Sheet1', address: 'C5:D9' },
  ]);
  app.book.Names.Add('Sheet1!local', '=Sheet1!$A$1');
  app.book.Names.Add('rate', '=0.6');
  await host.defineNames([{ name: 'COOP_A', sheet: "事实 表's", address: 'B4' }]);
  // Looked up by name: range names found, a constant and an unknown name not.
  assert.deepEqual((await host.lookup(['coop_a', 'coop_b', 'rate', 'nothing'], [])).names, [
    { name: 'coop_a', sheet: "事实 表's", address: 'B4' },
    { name: 'coop_b', sheet: 'Sheet1', address: 'C5:D9' },
  ]);
  // names() lists no name here: without a template of the first scheme, it gives only what
  // row tags stand for (the user's own names cost nothing to skip).
  assert.deepEqual(await host.names(), []);
});

test('list validation: a second run replaces the rule instead of failing', async () => {
  const { app, host } = setup();
  const rule = { sheet: 'Sheet1', address: 'C3:C9', list: ['是', '否'] };
  await host.setListValidation([rule]);
  await host.setListValidation([rule]);
  assert.deepEqual(app.cellAt('Sheet1', 'C9')?.validation, { type: 3, formula1: '是,否' });
  await assert.rejects(host.setListValidation([{ ...rule, list: ['a,b'] }]), /逗号/);
});

test('list validation from a range: Formula1 is "=" and a quoted sheet-qualified absolute reference', async () => {
  const { app, host } = setup();
  const rule = { sheet: 'Sheet1', address: 'B40:B41', source: { sheet: 'Sheet1', address: 'A8:A37' } };
  await host.setListValidation([rule]);
  await host.setListValidation([rule]);
  for (const address of ['B40', 'B41']) assert.deepEqual(app.cellAt('Sheet1', address)?.validation, { type: 3, formula1: "='Sheet1'!$A$8:$A$37" });
});

test('format: colours as BGR, one property write per field, not per cell', async () => {
  const { app, counter, host } = setup();
  await host.format([{ sheet: 'Sheet1', address: 'A1:D20', format: { bold: true, fill: '#FFF2CC', border: true, horizontal: 'center', columnWidth: 12 } }]);
  assert.equal(app.cellAt('Sheet1', 'D20')?.fill, bgr('#FFF2CC'));
  assert.equal(app.cellAt('Sheet1', 'D20')?.bold, true);
  assert.equal(app.cellAt('Sheet1', 'D20')?.horizontal, -4108);
  assert.ok(counter.total < 20, counter.summary());
});

test('marks: fill and comment; the user comment and fill come back when the input is fixed', async () => {
  const { app, counter, host } = setup();
  const ws = app.sheet('Sheet1');
  ws.Range('B3').AddComment('用户自己的批注');
  ws.Range('B3').Interior.Color = bgr('#FFF2CC');
  ws.Range('H1').AddComment('范围外的批注');
  const scope = [{ sheet: 'Sheet1', address: 'A1:C10' }];

  await host.setMarks(scope, [{ sheet: 'Sheet1', address: 'B3', note: '应为数字' }, { sheet: 'Sheet1', address: 'C4:C5', note: '缺少' }]);
  const b3 = app.cellAt('Sheet1', 'B3');
  assert.equal(b3?.fill, bgr(MARK_FILL));
  assert.ok(b3?.comment?.startsWith(`${MARK_PREFIX}应为数字`));
  assert.match(b3?.comment ?? '', /用户自己的批注$/);
  assert.equal(app.cellAt('Sheet1', 'C4')?.comment, composeMarkNote('缺少', ''));
  assert.equal(app.cellAt('Sheet1', 'C5'), undefined, 'a block is marked on its top-left cell');

  // The same marks again change nothing.
  const before = JSON.stringify(app.snapshot());
  counter.reset();
  await host.setMarks(scope, [{ sheet: 'Sheet1', address: 'B3', note: '应为数字' }, { sheet: 'Sheet1', address: 'C4', note: '缺少' }]);
  assert.equal(JSON.stringify(app.snapshot()), before);
  assert.equal(counter.matching(/AddComment$|Delete$|Color=$/), 0, counter.summary());

  // Fixed: our marks go, the user's comment and the template's fill come back, the rest is untouched.
  await host.setMarks(scope, [], { fills: [{ sheet: 'Sheet1', address: 'B3', fill: '#FFF2CC' }] });
  assert.equal(app.cellAt('Sheet1', 'B3')?.comment, '用户自己的批注');
  assert.equal(app.cellAt('Sheet1', 'B3')?.fill, bgr('#FFF2CC'));
  assert.equal(app.cellAt('Sheet1', 'C4')?.comment, undefined);
  assert.equal(app.cellAt('Sheet1', 'C4')?.fill, undefined);
  assert.equal(app.cellAt('Sheet1', 'H1')?.comment, '范围外的批注');
});

test('marks whose comment was deleted go when asked to sweep, a block of one colour at three calls, and no Bad cell of the user is taken', async () => {
  const { app, counter, host } = setup();
  const ws = app.sheet('Sheet1');
  ws.Range('D5:D24').Interior.Color = bgr('#FFF2CC');
  ws.Range('E5:E24').Interior.Color = bgr('#E2EFDA');
  const fills = [
    { sheet: 'Sheet1', address: 'D5:D24', fill: '#FFF2CC' },
    { sheet: 'Sheet1', address: 'E5:E24', fill: '#E2EFDA' },
  ];
  const scope = [{ sheet: 'Sheet1', address: 'A1:G30' }];
  await host.setMarks(scope, [
    { sheet: 'Sheet1', address: 'D7', note: '甲' },
    { sheet: 'Sheet1', address: 'E20', note: '乙' },
  ]);
  // The user deletes both comments; E21 gets Excel's own "Bad" red and a note of the user's.
  ws.Range('D7').Comment?.Delete();
  ws.Range('E20').Comment?.Delete();
  ws.Range('E21').Interior.Color = bgr('#FFC7CE');
  ws.Range('D9').Interior.Color = bgr(MARK_FILL);
  ws.Range('D9').AddComment('用户的批注');
  // Without sweeping (validation): the comments are what is walked, the fills stay.
  await host.setMarks(scope, [], { fills });
  assert.equal(app.cellAt('Sheet1', 'D7')?.fill, bgr(MARK_FILL));
  await host.setMarks(scope, [], { fills, sweep: true });
  assert.equal(app.cellAt('Sheet1', 'D7')?.fill, bgr('#FFF2CC'));
  assert.equal(app.cellAt('Sheet1', 'E20')?.fill, bgr('#E2EFDA'));
  assert.equal(app.cellAt('Sheet1', 'E21')?.fill, bgr('#FFC7CE'), "the user's Bad cell");
  assert.equal(app.cellAt('Sheet1', 'D9')?.fill, bgr(MARK_FILL), 'red under a note of the user is not ours');
  // Clean again: each colour's blocks are asked once (Range, Interior, Color) besides the comments.
  ws.Range('D9').Interior.Color = bgr('#FFF2CC');
  ws.Range('E21').Interior.Color = bgr('#E2EFDA');
  counter.reset();
  await host.setMarks(scope, [], { fills, sweep: true });
  assert.equal(counter.matching(/Interior$/), 2, counter.summary());
});

test('marks outside the scope are left alone', async () => {
  const { app, host } = setup();
  await host.setMarks([{ sheet: 'Sheet1', address: 'A1:A5' }], [{ sheet: 'Sheet1', address: 'A2', note: '甲' }, { sheet: 'Sheet1', address: 'D9', note: '乙' }]);
  await host.setMarks([{ sheet: 'Sheet1', address: 'A1:A5' }], []);
  assert.equal(app.cellAt('Sheet1', 'A2')?.comment, undefined);
  assert.ok(app.cellAt('Sheet1', 'D9')?.comment?.startsWith(MARK_PREFIX));
});

test('hideColumns: Hidden once per sheet and column run, on whole columns ("O:O"); values stay; idempotent', async () => {
  const { app, counter, host } = setup();
  await host.addSheets(['汇总']);
  app.type('Sheet1', 'O3', '加载项记录（请勿修改）');
  app.type('Sheet1', 'O4', 'coop1:abc');
  counter.reset();
  await host.hideColumns([
    { sheet: 'Sheet1', address: 'O2:O27' },
    { sheet: 'Sheet1', address: 'O30' },
    { sheet: '汇总', address: 'B1:C9' },
  ]);
  assert.deepEqual([...app.sheet('Sheet1').hiddenColumns], [15]);
  assert.deepEqual([...app.sheet('汇总').hiddenColumns].sort(), [2, 3]);
  // Two distinct column runs: Range("O:O") and Hidden= for each, and no cell touched.
  assert.equal(counter.matching(/\.Hidden=$/), 2, counter.summary());
  assert.equal(counter.matching(/\.Range$/), 2, counter.summary());
  assert.equal(counter.matching(/Value2/), 0);
  assert.deepEqual(await host.read([{ sheet: 'Sheet1', address: 'O3:O4' }]), [[['加载项记录（请勿修改）'], ['coop1:abc']]]);
  await host.write([{ sheet: 'Sheet1', address: 'O5', values: [['coop1:def']] }]);
  assert.equal(app.valueAt('Sheet1', 'O5'), 'coop1:def');
  const before = JSON.stringify(app.snapshot());
  await host.hideColumns([{ sheet: 'Sheet1', address: 'O1' }]);
  assert.equal(JSON.stringify(app.snapshot()), before);
  // A missing sheet hides nothing at all, not even the columns listed before it.
  await assert.rejects(host.hideColumns([{ sheet: '汇总', address: 'F1' }, { sheet: '不存在', address: 'A1' }]), /不存在/);
  assert.equal(app.sheet('汇总').hiddenColumns.has(6), false);
});

test('the fake ET, like WPS, hides only whole columns', () => {
  const app = new FakeEtApplication();
  const ws = app.sheet('Sheet1');
  assert.throws(() => (ws.Range('O3').Hidden = true), /Hidden/);
  ws.Range('O3').EntireColumn.Hidden = true;
  assert.equal(ws.Range('O1:O2').EntireColumn.Hidden, true);
  assert.equal(ws.Range('N1:O1').EntireColumn.Hidden, null);
  // A reference of whole columns is whole columns already.
  ws.Range('Q:R').Hidden = true;
  assert.deepEqual([...ws.hiddenColumns].sort((a, b) => a - b), [15, 17, 18]);
});
