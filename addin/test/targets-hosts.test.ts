/**
 * 平台建设目标 through the two real adapters, on their fakes with the real engine: Excel
 * (the queued Office.js model: still at most 3 syncs for 生成汇总) and WPS (the fake ET
 * application: values, BGR fills, landscape page, hidden record column). The same two
 * departments as worked by hand in flow-targets.test.ts:
 * - 甲学院: committee 是 → 有 / 有 ✓; 196/200 employed = 98.00% ✓; 3 outputs → 3 / 1 ✓.
 * - 乙学院: committee 否 → 没有 / 有 ✗; 150/200 = 75.00% ✗; 0 outputs → 0 / 1 ✗.
 * - 全院: committee 1 (met 1/2); (196 + 150) / 400 = 86.50% (met 1/2); outputs 3 (met 1/2).
 * No ledger: the five ledger targets are 未填报.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSummary, insertTemplate, type FlowContext } from '../src/flow/index.js';
import { ExcelHost } from '../src/host/excel.js';
import { WpsHost } from '../src/host/wps.js';
import { bgr } from '../src/wps/colour.js';
import { TARGET_FILLS } from '../src/template/targets.js';
import { FakeWorkbook } from './support/fake-excel.js';
import { FakeEtApplication } from './support/fake-et.js';
import { excelTypist } from './support/call-bench.js';
import { typeFacts, type Json } from './support/flow-fixture.js';
import { typeFacts as typeIntoEt } from './support/wps-facts.js';
import { testEngine } from './support/engine.js';

const base = (): Json => JSON.parse(readFileSync(fileURLToPath(new URL('../../tests/cases/base-facts.json', import.meta.url)), 'utf8')) as Json;

function facts(department: string): Json {
  const f = base();
  const platform = department === '甲学院' ? { employed: 196, committee: '是', outputs: 3 } : { employed: 150, committee: '否', outputs: 0 };
  return { ...f, department, employment: { ...(f.employment as Json), employed: platform.employed }, platform: { committee: platform.committee, research_outputs: platform.outputs } };
}

const NONE = '未填报';
/** Rows 4–6 of the sheet, columns A–I. */
const EXPECTED = [
  ['甲学院', NONE, NONE, NONE, NONE, '有 / 有 ✓', NONE, '98.00% / 96% ✓', '3 / 1 ✓'],
  ['乙学院', NONE, NONE, NONE, NONE, '没有 / 有 ✗', NONE, '75.00% / 96% ✗', '0 / 1 ✗'],
  ['全院', NONE, NONE, NONE, NONE, '1（达标 1/2）', NONE, '86.50%（达标 1/2）', '3（达标 1/2）'],
];
const COLUMNS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];

test('Excel: 生成汇总 writes 平台建设目标 with its fills in at most 3 syncs; a second run changes nothing', async () => {
  const book = new FakeWorkbook('Sheet1');
  const ctx: FlowContext = { host: new ExcelHost(book.run, { markNotes: 'notes' }), engine: testEngine(), locale: 'zh' };
  for (const d of ['甲学院', '乙学院']) {
    assert.equal((await insertTemplate(ctx, { department: d, year: '2023-2024' })).ok, true);
    typeFacts(excelTypist(book), facts(d));
  }
  const before = book.syncs;
  const r = await buildSummary(ctx);
  assert.equal(r.ok, true, r.message);
  assert.ok(book.syncs - before <= 3, `${book.syncs - before} syncs`);
  const sheet = book.sheet('平台建设目标');
  assert.deepEqual([4, 5, 6].map((row) => COLUMNS.map((c) => sheet.value(`${c}${row}`))), EXPECTED);
  assert.equal(sheet.cell('F4')?.fill, TARGET_FILLS.met);
  assert.equal(sheet.cell('F5')?.fill, TARGET_FILLS.not_met);
  assert.equal(sheet.cell('B4')?.fill, TARGET_FILLS.not_reported);
  assert.deepEqual([...sheet.hiddenColumns], [9], 'the record column J');
  const state = book.snapshot();
  assert.equal((await buildSummary(ctx)).ok, true);
  assert.equal(book.snapshot(), state, 'running twice changes nothing more');
});

test('WPS: 生成汇总 writes 平台建设目标 with its fills, A4 landscape; a second run changes nothing', async () => {
  const app = new FakeEtApplication();
  const ctx: FlowContext = { host: new WpsHost(app), engine: testEngine(), locale: 'zh' };
  for (const d of ['甲学院', '乙学院']) {
    assert.equal((await insertTemplate(ctx, { department: d, year: '2023-2024' })).ok, true);
    typeIntoEt(app, d, facts(d));
  }
  const r = await buildSummary(ctx);
  assert.equal(r.ok, true, r.message);
  assert.deepEqual([4, 5, 6].map((row) => COLUMNS.map((c) => app.valueAt('平台建设目标', `${c}${row}`) ?? null)), EXPECTED);
  assert.equal(app.cellAt('平台建设目标', 'F4')?.fill, bgr(TARGET_FILLS.met));
  assert.equal(app.cellAt('平台建设目标', 'H5')?.fill, bgr(TARGET_FILLS.not_met));
  assert.equal(app.cellAt('平台建设目标', 'B5')?.fill, bgr(TARGET_FILLS.not_reported));
  const sheet = app.snapshot().sheets.find((s) => s.name === '平台建设目标');
  assert.ok(sheet);
  assert.deepEqual(sheet.hidden, [10], 'the record column J (ET counts columns from 1)');
  assert.equal(sheet.page.Orientation, 2, 'xlLandscape');
  assert.equal(sheet.page.PaperSize, 9, 'xlPaperA4');
  const state = JSON.stringify(app.snapshot());
  assert.equal((await buildSummary(ctx)).ok, true);
  assert.equal(JSON.stringify(app.snapshot()), state, 'running twice changes nothing more');
});
