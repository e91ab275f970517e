/**
 * The Excel pane's summary with other departments' workbooks: .xlsx files read in memory by
 * the .xlsx host, ranked with the departments of the workbook open in Excel (the Office.js
 * workbook model), and an unreadable or bad file stopping the summary with nothing written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { insertTemplate, type FlowContext } from '../src/flow/index.js';
import { ExcelHost } from '../src/host/excel.js';
import { departmentWorkbook } from '../src/web/workbooks.js';
import { otherWorkbooksAction } from '../src/taskpane/other-workbooks.js';
import { XlsxHost } from '../src/host/xlsx.js';
import { FakeWorkbook } from './support/fake-excel.js';
import { testEngine } from './support/engine.js';
import { baseFacts } from './support/flow-fixture.js';

/** What the file picker hands over: a name and the bytes. */
function file(name: string, bytes: Uint8Array) {
  return { name, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer } as unknown as File;
}

async function departmentFile(department: string, change: (f: Record<string, unknown>) => void = () => undefined): Promise<File> {
  const facts = { ...baseFacts(), department };
  change(facts);
  const host = await departmentWorkbook(testEngine(), facts);
  return file(`${department}.xlsx`, await host.save());
}

async function excelWithOneDepartment(): Promise<{ book: FakeWorkbook; ctx: FlowContext }> {
  const book = new FakeWorkbook('Sheet1');
  const ctx: FlowContext = { host: new ExcelHost(book.run), engine: testEngine(), locale: 'zh' };
  // An empty template: its department has no facts yet, so the workbook's own side is clean
  // only when it has none; the summary here is of the files alone plus nothing local.
  return { book, ctx };
}

test('departments from picked .xlsx files are ranked into the summary sheet in Excel', async () => {
  const { book, ctx } = await excelWithOneDepartment();
  const files = [
    await departmentFile('丙学院', (f) => (f.internship = { local: 130, total: 200 })),
    await departmentFile('甲学院'),
  ];
  const r = await otherWorkbooksAction(async () => (bytes) => XlsxHost.load(bytes)).run(ctx, { department: '', year: '', files });
  assert.equal(r.ok, true, r.message);
  assert.deepEqual(r.departments?.map((d) => [d.department, d.final, d.rank, d.source]), [
    ['丙学院', 90, 1, '丙学院.xlsx'],
    ['甲学院', 88, 2, '甲学院.xlsx'],
  ]);
  assert.ok(book.sheets.some((s) => s.name === '校企合作汇总'), book.sheets.map((s) => s.name).join(','));
});

test('a file that is not a workbook, or a department with bad facts, stops the summary with nothing written', async () => {
  const { book, ctx } = await excelWithOneDepartment();
  const r0 = await insertTemplate(ctx, { department: '本院', year: '2023-2024' });
  assert.equal(r0.ok, true, r0.message);
  const before = book.snapshot();
  const r = await otherWorkbooksAction(async () => (bytes) => XlsxHost.load(bytes)).run(ctx, {
    department: '',
    year: '',
    files: [file('notes.xlsx', new TextEncoder().encode('not a zip')), await departmentFile('乙学院', (f) => (f.internship = { local: 300, total: 200 }))],
  });
  assert.equal(r.ok, false);
  assert.ok(r.problems.some((p) => p.code === 'unreadable_file' && p.message.startsWith('notes.xlsx')), JSON.stringify(r.problems));
  assert.ok(r.problems.some((p) => p.message.startsWith('乙学院.xlsx ') && p.sheet === '' && p.address === ''), JSON.stringify(r.problems));
  assert.equal(book.snapshot(), before);
});
