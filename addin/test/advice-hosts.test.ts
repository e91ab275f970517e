/**
 * 怎样提高得分 and 生成提升建议 through both spreadsheet adapters with the real engine: Excel
 * (ExcelHost on the queued Office.js workbook model) and WPS (WpsHost on the fake ET object
 * model). The hints lead to the cells as the flow located them; the sheet carries the §3
 * example's hints (worked by hand in flow-hints.test.ts), in at most 3 syncs in Excel, and a
 * second run changes no cell.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adviceSheet, fillScores, insertTemplate, type FlowContext } from '../src/flow/index.js';
import { ExcelHost } from '../src/host/excel.js';
import { WpsHost } from '../src/host/wps.js';
import { FakeWorkbook } from './support/fake-excel.js';
import { FakeEtApplication } from './support/fake-et.js';
import { excelTypist } from './support/call-bench.js';
import { baseFacts, fieldCell, typeFacts } from './support/flow-fixture.js';
import { cellOf, typeFacts as typeIntoEt } from './support/wps-facts.js';
import { fieldSuffix } from '../src/flow/names.js';
import { testEngine } from './support/engine.js';

const DEPT = '机电工程学院';
const C5 = '本地实习再增加 6 人（达到 120 人）可少扣 1 分';

test('Excel: the hints locate their cells, the 提升建议 sheet in at most 3 syncs, a second run changes nothing', async () => {
  const book = new FakeWorkbook('Sheet1');
  const ctx: FlowContext = { host: new ExcelHost(book.run, { markNotes: 'notes' }), engine: testEngine(), locale: 'zh' };
  assert.equal((await insertTemplate(ctx, { department: DEPT, year: '2023-2024' })).ok, true);
  typeFacts(excelTypist(book), { ...baseFacts(), department: DEPT });
  const scored = await fillScores(ctx);
  assert.equal(scored.ok, true, scored.message);
  const hint = scored.departments![0].hints!.find((h) => h.path === 'internship.local')!;
  assert.equal(hint.text, C5);
  assert.deepEqual({ sheet: hint.sheet, address: hint.address }, fieldCell(excelTypist(book), DEPT, 'internship.local'));
  await ctx.host.select(hint);
  assert.deepEqual(book.selection, { sheet: hint.sheet, address: hint.address });

  let before = book.syncs;
  const r = await adviceSheet(ctx);
  assert.equal(r.ok, true, r.message);
  assert.ok(book.syncs - before <= 3, `${book.syncs - before} syncs`);
  const sheet = book.sheet('提升建议');
  const suggestions = [...Array(11).keys()].map((i) => sheet.value(`E${3 + i}`));
  assert.ok(suggestions.includes(C5), suggestions.join(' | '));
  assert.equal(sheet.value('B3'), 'C3');
  assert.equal(sheet.value('F3'), 4);
  // Every cell holding something (reading a range gives the model's cells an empty entry).
  const filled = () => JSON.stringify(book.sheets.map((s) => [s.name, [...s.cells].filter(([, c]) => c.value !== '').map(([a, c]) => [a, c.value])]));
  const cells = filled();
  before = book.syncs;
  assert.equal((await adviceSheet(ctx)).ok, true);
  assert.ok(book.syncs - before <= 3);
  assert.equal(filled(), cells);
});

test('WPS: the hints locate their cells, the 提升建议 sheet written, a second run changes nothing', async () => {
  const app = new FakeEtApplication();
  const ctx: FlowContext = { host: new WpsHost(app), engine: testEngine(), locale: 'zh' };
  assert.equal((await insertTemplate(ctx, { department: DEPT, year: '2023-2024' })).ok, true);
  typeIntoEt(app, DEPT, { ...baseFacts(), department: DEPT });
  const scored = await fillScores(ctx);
  assert.equal(scored.ok, true, scored.message);
  const hint = scored.departments![0].hints!.find((h) => h.path === 'internship.local')!;
  const cell = cellOf(app, DEPT, fieldSuffix('internship.local', 'self'));
  assert.deepEqual({ sheet: hint.sheet, address: hint.address }, { sheet: cell.sheet, address: cell.address });
  assert.equal(app.valueAt(hint.sheet, hint.address), 114);

  const r = await adviceSheet(ctx);
  assert.equal(r.ok, true, r.message);
  const suggestions = [...Array(11).keys()].map((i) => app.valueAt('提升建议', `E${3 + i}`));
  assert.ok(suggestions.includes(C5), suggestions.join(' | '));
  assert.equal(app.valueAt('提升建议', 'D3'), '6 分（满分 10）', 'text, not taken for a date or a number');
  const values = () => [...Array(16).keys()].map((i) => ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((c) => app.valueAt('提升建议', `${c}${i + 1}`)));
  const first = JSON.stringify(values());
  assert.equal((await adviceSheet(ctx)).ok, true);
  assert.equal(JSON.stringify(values()), first);
});
