/**
 * The .xlsx host on real files: every workbook here is written to .xlsx bytes and read back,
 * by the host and by ExcelJS itself, so what is checked is what a user would download.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { XlsxHost } from '../src/host/xlsx.js';
import { MARK_FILL, MARK_PREFIX } from '../src/host/xlsx-marks.js';
import { composeMarkNote } from '../src/host/mark-text.js';
import { plainValue } from '../src/host/xlsx-cells.js';
import type { RangeRef } from '../src/host/host.js';

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function reopen(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** A workbook a user might bring: their own sheet with formatting, formulas, merges, notes. */
async function userWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const own = wb.addWorksheet('我的 记录');
  own.getCell('A1').value = '备忘';
  own.getCell('A1').font = { bold: true, color: { argb: 'FF0000FF' } };
  own.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  own.getCell('B2').value = { formula: 'A3*2', result: 14 };
  own.getCell('A3').value = 7;
  own.getCell('A3').numFmt = '0.000';
  own.getCell('C1').value = { richText: [{ text: '富' }, { text: '文本', font: { italic: true } }] };
  own.getCell('C2').value = new Date(Date.UTC(2024, 0, 15));
  own.mergeCells('D1:E2');
  own.getCell('D1').value = '合并';
  // ExcelJS drops, when it loads a file, a note on a cell with neither value nor style, so
  // the user's note sits on a cell with a value (the page's notice says so).
  own.getCell('F1').value = '见批注';
  own.getCell('F1').note = '用户自己的批注';
  own.getColumn(1).width = 33;
  const facts = wb.addWorksheet('Facts');
  facts.getCell('B3').value = 57;
  facts.getCell('B3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  facts.getCell('B4').value = 'x';
  facts.getCell('B4').note = '请填写人数';
  facts.getCell('B5').value = 1;
  return bytesOf(wb);
}

test('reads values the way Excel hands them out: results, plain text, date serials, merges', async () => {
  const host = await XlsxHost.load(await userWorkbook());
  const [block, merged] = await host.read([
    { sheet: '我的 记录', address: 'A1:C3' },
    { sheet: '我的 记录', address: 'D1:E2' },
  ]);
  assert.deepEqual(block, [
    ['备忘', null, '富文本'],
    [null, 14, 45306],
    [7, null, null],
  ]);
  assert.deepEqual(merged, [
    ['合并', null],
    [null, null],
  ]);
});

test('writes plain values and keeps every cell, format and sheet it was not asked to touch', async () => {
  const host = await XlsxHost.load(await userWorkbook());
  await host.write([
    { sheet: 'Facts', address: 'C3:D4', values: [[1, '=SUM(A1)'], [true, null]] },
    { sheet: 'Facts', address: 'B3', values: [[60]] },
  ]);
  const wb = await reopen(await host.save());
  const facts = wb.getWorksheet('Facts')!;
  assert.equal(facts.getCell('C3').value, 1);
  // A string that looks like a formula stays a string: the flow never writes formulas.
  assert.equal(facts.getCell('D3').value, '=SUM(A1)');
  assert.equal(facts.getCell('D3').formula, undefined);
  assert.equal(facts.getCell('C4').value, true);
  assert.equal(facts.getCell('B3').value, 60);
  assert.equal((facts.getCell('B3').fill as ExcelJS.FillPattern).fgColor?.argb, 'FFFFF2CC');
  const own = wb.getWorksheet('我的 记录')!;
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['我的 记录', 'Facts']);
  assert.equal(own.getCell('A1').font.bold, true);
  assert.equal(own.getCell('A1').font.color?.argb, 'FF0000FF');
  assert.equal((own.getCell('A1').fill as ExcelJS.FillPattern).fgColor?.argb, 'FFFFFF00');
  assert.equal(own.getCell('B2').formula, 'A3*2');
  assert.equal(own.getCell('A3').numFmt, '0.000');
  assert.equal(own.getColumn(1).width, 33);
  assert.deepEqual(own.model.merges, ['D1:E2']);
  assert.equal(own.getCell('F1').note, '用户自己的批注');
});

test('a block that does not fit its address, or writes into a merge, changes nothing', async () => {
  const host = await XlsxHost.load(await userWorkbook());
  await assert.rejects(
    host.write([
      { sheet: 'Facts', address: 'C3', values: [[99]] },
      { sheet: 'Facts', address: 'C4:D4', values: [[1]] },
    ]),
    /1×2/,
  );
  await assert.rejects(host.write([{ sheet: '我的 记录', address: 'D1:E1', values: [['x', 'y']] }]), /E1/);
  await assert.rejects(host.write([{ sheet: 'Nope', address: 'A1', values: [[1]] }]), /Nope/);
  const [[row]] = await host.read([{ sheet: 'Facts', address: 'C3:D3' }]);
  assert.deepEqual(row, [null, null]);
  // Null over a merge's other cells is allowed and leaves the merge's value alone.
  await host.write([{ sheet: '我的 记录', address: 'D1:E1', values: [['新', null]] }]);
  const [[[d1]]] = await host.read([{ sheet: '我的 记录', address: 'D1' }]);
  assert.equal(d1, '新');
});

test('marks survive saving, come off when fixed, and give back the cell fill and the user note', async () => {
  const scope: RangeRef[] = [{ sheet: 'Facts', address: 'B3:B5' }];
  const first = await XlsxHost.load(await userWorkbook());
  await first.setMarks(scope, [
    { sheet: 'Facts', address: 'B3', note: '本地实习人数超过总数' },
    { sheet: 'Facts', address: 'B4', note: '“x”不是数字' },
  ]);
  // Marking twice is the same as marking once.
  await first.setMarks(scope, [
    { sheet: 'Facts', address: 'B3', note: '本地实习人数超过总数' },
    { sheet: 'Facts', address: 'B4', note: '“x”不是数字' },
  ]);
  const marked = await first.save();
  const wb = await reopen(marked);
  const facts = wb.getWorksheet('Facts')!;
  const markArgb = `FF${MARK_FILL.slice(1)}`;
  assert.equal((facts.getCell('B3').fill as ExcelJS.FillPattern).fgColor?.argb, markArgb);
  // The note is the message alone: the cell's own colour stays in the fill, out of sight.
  assert.equal(facts.getCell('B3').note, composeMarkNote('本地实习人数超过总数', ''));
  assert.equal(facts.getCell('B3').note, '【校企合作考核】本地实习人数超过总数');
  assert.match(String(facts.getCell('B4').note), /“x”不是数字[\s\S]*请填写人数$/);
  assert.equal(facts.getCell('B5').note, undefined);

  // A later session on the saved file: B4 is fixed, B3 still wrong with a new message.
  const second = await XlsxHost.load(marked);
  await second.setMarks(scope, [{ sheet: 'Facts', address: 'B3', note: '新的说明' }]);
  const after = (await reopen(await second.save())).getWorksheet('Facts')!;
  assert.equal(after.getCell('B3').note, '【校企合作考核】新的说明');
  assert.equal(after.getCell('B4').note, '请填写人数');
  assert.equal(after.getCell('B4').fill?.type === 'pattern' ? (after.getCell('B4').fill as ExcelJS.FillPattern).pattern : 'none', 'none');

  const third = await XlsxHost.load(await second.save());
  await third.setMarks(scope, []);
  const clean = (await reopen(await third.save())).getWorksheet('Facts')!;
  assert.equal((clean.getCell('B3').fill as ExcelJS.FillPattern).fgColor?.argb, 'FFFFF2CC', 'the input colour comes back');
  assert.equal(clean.getCell('B3').note, undefined);
  assert.equal(clean.getCell('B3').value, 57, 'input cells are never changed');
});

test('a mark made by another host (no colour kept) is cleaned with the template colour; one of an earlier version with the colour its note kept', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Facts');
  const red = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
  ws.getCell('C7').value = 'abc';
  ws.getCell('C7').fill = red(`FF${MARK_FILL.slice(1)}`);
  ws.getCell('C7').note = composeMarkNote('不是数字', '用户批注');
  // An earlier version's mark: Excel's "Bad" red and the colour on a line of the note.
  ws.getCell('C8').fill = red('FFFFC7CE');
  ws.getCell('C8').note = `${MARK_PREFIX}必填\n原底色 / original fill: #DDEBF7`;
  // Our mark whose note the user deleted; and a user's own "Bad" cell without a note.
  ws.getCell('C9').fill = red(`FF${MARK_FILL.slice(1)}`);
  ws.getCell('D9').fill = red('FFFFC7CE');
  const host = await XlsxHost.load(await bytesOf(wb));
  await host.setMarks([{ sheet: 'Facts', address: 'A1:D10' }], [], { fills: [{ sheet: 'Facts', address: 'C1:C10', fill: '#E2EFDA' }] });
  const facts = (await reopen(await host.save())).getWorksheet('Facts')!;
  const colour = (a: string) => (facts.getCell(a).fill as ExcelJS.FillPattern).fgColor?.argb;
  assert.equal(colour('C7'), 'FFE2EFDA');
  assert.equal(facts.getCell('C7').note, '用户批注');
  assert.equal(facts.getCell('C7').value, 'abc');
  assert.equal(colour('C8'), 'FFDDEBF7');
  assert.equal(facts.getCell('C8').note, undefined);
  assert.equal(colour('C9'), 'FFE2EFDA', 'the red of a mark whose note was deleted goes too');
  assert.equal(colour('D9'), 'FFFFC7CE', "a user's own Bad cell stays");
});

test('a theme-coloured cell gets its exact colour back; a patterned cell keeps its pattern', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Facts');
  ws.getCell('B2').value = 1;
  ws.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { theme: 4, tint: 0.6 } as unknown as ExcelJS.Color };
  ws.getCell('B3').value = 2;
  ws.getCell('B3').fill = { type: 'pattern', pattern: 'darkGrid', fgColor: { argb: 'FF00B050' } };
  const host = await XlsxHost.load(await bytesOf(wb));
  const scope = [{ sheet: 'Facts', address: 'B2:B3' }];
  await host.setMarks(scope, [
    { sheet: 'Facts', address: 'B2', note: '错一' },
    { sheet: 'Facts', address: 'B3', note: '错二' },
  ]);
  const marked = (await reopen(await host.save())).getWorksheet('Facts')!;
  assert.equal((marked.getCell('B2').fill as ExcelJS.FillPattern).fgColor?.argb, `FF${MARK_FILL.slice(1)}`);
  assert.equal((marked.getCell('B3').fill as ExcelJS.FillPattern).pattern, 'darkGrid', 'a pattern is never painted over');
  assert.equal(marked.getCell('B3').note, composeMarkNote('错二', ''));
  const again = await XlsxHost.load(await host.save());
  await again.setMarks(scope, []);
  const clean = (await reopen(await again.save())).getWorksheet('Facts')!;
  const b2 = (clean.getCell('B2').fill as ExcelJS.FillPattern).fgColor as { theme?: number; tint?: number };
  assert.deepEqual([b2.theme, b2.tint], [4, 0.6]);
  assert.equal((clean.getCell('B3').fill as ExcelJS.FillPattern).pattern, 'darkGrid');
  assert.equal(clean.getCell('B3').note, undefined);
});

test('only our own marks are removed, and only inside the scope', async () => {
  const host = await XlsxHost.load(await userWorkbook());
  await host.setMarks([{ sheet: 'Facts', address: 'B5' }], [{ sheet: 'Facts', address: 'B5', note: '错' }]);
  // B4's note is the user's and lies in scope; B5's mark lies outside the second scope.
  await host.setMarks([{ sheet: 'Facts', address: 'B3:B4' }], []);
  const [b4, b5] = [host.workbook.getWorksheet('Facts')!.getCell('B4'), host.workbook.getWorksheet('Facts')!.getCell('B5')];
  assert.equal(b4.note, '请填写人数');
  assert.equal(b5.note, `${MARK_PREFIX}错`);
});

test('defined names are added, redefined and read back from the file; Excel names are not ours', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('事实 表');
  wb.addWorksheet('Other');
  wb.getWorksheet('Other')!.pageSetup.printArea = 'A1:C5';
  const host = await XlsxHost.load(await bytesOf(wb));
  await host.defineNames([
    { name: 'coop_internship_local', sheet: '事实 表', address: 'C10' },
    { name: 'coop_majors', sheet: '事实 表', address: 'A20:F25' },
  ]);
  await host.defineNames([{ name: 'coop_internship_local', sheet: '事实 表', address: 'C11' }]);
  const again = await XlsxHost.load(await host.save());
  const names = (await again.names()).sort((a, b) => a.name.localeCompare(b.name));
  assert.deepEqual(names, [
    { name: 'coop_internship_local', sheet: '事实 表', address: 'C11' },
    { name: 'coop_majors', sheet: '事实 表', address: 'A20:F25' },
  ]);
  await assert.rejects(host.defineNames([{ name: 'bad name', sheet: 'Other', address: 'A1' }]), /bad name/);
});

test('dropdowns are written into the file as list validations', async () => {
  const host = XlsxHost.empty();
  await host.addSheets(['Facts']);
  await host.setListValidation([{ sheet: 'Facts', address: 'C3:C4', list: ['是', '否'] }]);
  await assert.rejects(host.setListValidation([{ sheet: 'Facts', address: 'C5', list: ['a,b'] }]), /comma/);
  const ws = (await reopen(await host.save())).getWorksheet('Facts')!;
  for (const address of ['C3', 'C4']) {
    const dv = ws.getCell(address).dataValidation;
    assert.equal(dv.type, 'list');
    assert.deepEqual(dv.formulae, ['"是,否"']);
  }
  assert.equal(ws.getCell('C5').dataValidation, undefined);
});

test('a dropdown from a range is written as a sheet-qualified absolute reference', async () => {
  const host = XlsxHost.empty();
  await host.addSheets(['事实 表']);
  await host.setListValidation([{ sheet: '事实 表', address: 'B40:B41', source: { sheet: '事实 表', address: 'A8:A37' } }]);
  await assert.rejects(host.setListValidation([{ sheet: '事实 表', address: 'B42', source: { sheet: 'Missing', address: 'A8:A37' } }]), /Missing/);
  const ws = (await reopen(await host.save())).getWorksheet('事实 表')!;
  for (const address of ['B40', 'B41']) {
    const dv = ws.getCell(address).dataValidation;
    assert.equal(dv.type, 'list');
    assert.deepEqual(dv.formulae, ["'事实 表'!$A$8:$A$37"]);
  }
  assert.equal(ws.getCell('B42').dataValidation, undefined);
});

test('formatting applies, merges are idempotent, and it all survives saving', async () => {
  const host = XlsxHost.empty();
  await host.addSheets(['Score', '汇总']);
  await assert.rejects(host.addSheets(['score']), /already exists/);
  const title = { sheet: 'Score', address: 'A1:D1', format: { merge: true, bold: true, fill: '#DDEBF7', horizontal: 'center' as const } };
  await host.format([title, { sheet: 'Score', address: 'B2:B3', format: { numberFormat: '0.00', border: true, columnWidth: 18, wrap: true, fontColor: '#C00000' } }]);
  await host.format([title]);
  const ws = (await reopen(await host.save())).getWorksheet('Score')!;
  assert.deepEqual(ws.model.merges, ['A1:D1']);
  assert.equal(ws.getCell('A1').font.bold, true);
  assert.equal((ws.getCell('A1').fill as ExcelJS.FillPattern).fgColor?.argb, 'FFDDEBF7');
  assert.equal(ws.getCell('A1').alignment.horizontal, 'center');
  assert.equal(ws.getCell('B3').numFmt, '0.00');
  assert.equal(ws.getCell('B3').border.left?.style, 'thin');
  assert.equal(ws.getCell('B3').font.color?.argb, 'FFC00000');
  assert.equal(ws.getCell('B3').alignment.wrapText, true);
  assert.equal(ws.getColumn(2).width, 18);
  assert.deepEqual(await host.sheets(), ['Score', '汇总']);
});

test('hidden columns survive saving, keep their values and width, and hiding again changes nothing', async () => {
  const host = await XlsxHost.load(await userWorkbook());
  await host.addSheets(['汇总']);
  await host.write([{ sheet: 'Facts', address: 'O3:O4', values: [['加载项记录（请勿修改）'], ['coop1:abc']] }]);
  await host.format([{ sheet: 'Facts', address: 'O1', format: { columnWidth: 10 } }]);
  await host.hideColumns([{ sheet: 'Facts', address: 'O2:O27' }, { sheet: '汇总', address: 'G1:H5' }]);
  const once = await host.save();
  await host.hideColumns([{ sheet: 'Facts', address: 'O1' }]);
  const again = await XlsxHost.load(await host.save());
  assert.deepEqual(await again.read([{ sheet: 'Facts', address: 'B3:B5' }, { sheet: 'Facts', address: 'O3:O4' }]), [[[57], ['x'], [1]], [['加载项记录（请勿修改）'], ['coop1:abc']]]);
  for (const wb of [await reopen(once), again.workbook]) {
    const facts = wb.getWorksheet('Facts')!;
    const summary = wb.getWorksheet('汇总')!;
    assert.deepEqual([14, 15, 16].map((c) => facts.getColumn(c).hidden), [false, true, false]);
    assert.equal(facts.getColumn(15).width, 10);
    assert.deepEqual([6, 7, 8, 9].map((c) => summary.getColumn(c).hidden), [false, true, true, false]);
    // The user's own sheet and columns are left as they were.
    assert.equal(wb.getWorksheet('我的 记录')!.getColumn(1).hidden, false);
    assert.equal(wb.getWorksheet('我的 记录')!.getColumn(1).width, 33);
  }
  await assert.rejects(again.hideColumns([{ sheet: '汇总', address: 'A1' }, { sheet: '不存在', address: 'A1' }]), /不存在/);
  assert.equal(again.workbook.getWorksheet('汇总')!.getColumn(1).hidden, false);
});

test('select opens the saved file on that sheet and cell, and tells the page', async () => {
  const seen: RangeRef[] = [];
  const host = await XlsxHost.load(await userWorkbook(), { onSelect: (ref) => seen.push(ref) });
  await host.select({ sheet: 'Facts', address: 'b4' });
  assert.deepEqual(seen, [{ sheet: 'Facts', address: 'B4' }]);
  const wb = await reopen(await host.save());
  assert.equal(wb.views[0].activeTab, 1);
  assert.equal(wb.getWorksheet('Facts')!.views[0].activeCell, 'B4');
  assert.notEqual((wb.getWorksheet('我的 记录')!.views[0] as { tabSelected?: boolean }).tabSelected, true);
});

test('a file that is not a workbook is refused with a readable message', async () => {
  await assert.rejects(XlsxHost.load(new TextEncoder().encode('not a zip')), /不是 \.xlsx|not a readable \.xlsx/);
});

test('cell helpers: values read like Excel', () => {
  assert.equal(plainValue({ error: '#N/A' }), '#N/A');
  assert.equal(plainValue({ text: '链接', hyperlink: 'http://x' }), '链接');
  assert.equal(plainValue(''), null);
  assert.equal(plainValue({ sharedFormula: 'A1', result: 3 }), 3);
});
