/**
 * 平台建设目标 (RUBRIC.md §10) from real ledger sheets: two departments type their 台账 as a
 * person would, 生成汇总 writes the sheet from the S2 facts (rows marked 不认定 left out), in
 * the memory host, the fake Excel (Office.js) and the fake ET (WPS). Worked by hand from §10
 * and §7 (the rows are described in test/support/ledger-fixture.ts):
 *
 * 机电工程学院 (the example, with 三一's credit code typed in): S2 counts rows 0 三一, 1 中联,
 * 2 徐工, 3 埃斯顿 (not filed: a warning, still counting), 6 汇川 (expires 2024-03-31, inside
 * the year); 4 正泰 expired before it, 5 新松 is struck.
 * - enterprises 5 ✓; platform projects 0 ✗; co-built 电气 (汇川 专业建设) 1 of 3 = 33.33% ✗;
 *   industry college 0 ✗; campus bases 中联, 埃斯顿 = 2, not applicable without a college.
 * 信息工程学院: S2 counts rows 0–3 (比亚迪 struck).
 * - enterprises 三一重工, 华为, 中联 = 3 ✓; platform projects rows 1, 3 = 2 ✗; co-built 电气,
 *   机电 = 2 of 3 = 66.67% ✗ (100% had 比亚迪 not been struck); industry college 1 ✓; campus
 *   base 1 with an industry college ✓.
 * 全院: enterprises distinct across the college — 三一 (one credit code under two names),
 * 中联 (one name), 徐工, 埃斯顿, 汇川, 华为 = 6 (达标 2/2); platform projects 0 + 2 = 2 (0/2);
 * co-built (1 + 2) / (3 + 3) = 50.00% (0/2); industry college 1 (1/2); training base 2 + 1
 * = 3, met by 1 of the 1 department it applies to.
 * Neither department gives committee, employed or research outputs: 未填报 throughout.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSummary, insertTemplate, type FlowContext } from '../src/flow/index.js';
import { TARGETS_NAME } from '../src/flow/targets.js';
import { ExcelHost } from '../src/host/excel.js';
import { WpsHost } from '../src/host/wps.js';
import { FakeWorkbook } from './support/fake-excel.js';
import { FakeEtApplication } from './support/fake-et.js';
import { excelTypist } from './support/call-bench.js';
import { etNames, typeFacts as typeIntoEt } from './support/wps-facts.js';
import { baseFacts, context, typeFacts, type Json } from './support/flow-fixture.js';
import { MemoryHost } from './support/memory-host.js';
import { testEngine } from './support/engine.js';
import { exampleLedger, ledgerCell, SANY_CODE, secondLedger, typeLedger, type Cells, type LedgerRow } from './support/ledger-fixture.js';

const NONE = '未填报';
const LEDGERS: Record<string, LedgerRow[]> = {
  机电工程学院: exampleLedger().map((row, i) => (i === 0 ? { ...row, credit_code: SANY_CODE } : row)),
  信息工程学院: secondLedger(),
};

/** Rows 4–6 of 平台建设目标, columns A–I, as worked above. */
const EXPECTED = [
  ['机电工程学院', '5 / 3 ✓', '0 / 3 ✗', '33.33% / 100% ✗', '0 / 1 ✗', NONE, '不适用（2）', NONE, NONE],
  ['信息工程学院', '3 / 3 ✓', '2 / 3 ✗', '66.67% / 100% ✗', '1 / 1 ✓', NONE, '1 / 1 ✓', NONE, NONE],
  ['全院', '6（达标 2/2）', '2（达标 0/2）', '50.00%（达标 0/2）', '1（达标 1/2）', NONE, '3（达标 1/1）', NONE, NONE],
];
const COLUMNS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'];

/** The department's facts beside its ledger: the majors' names only (the ledger gives the rest). */
function facts(department: string): Json {
  const base = baseFacts();
  return { ...base, department, majors: (base.majors as Json[]).map((m) => ({ name: m.name })) };
}

async function templates(ctx: FlowContext, type: (department: string) => void): Promise<void> {
  for (const d of Object.keys(LEDGERS)) {
    assert.equal((await insertTemplate(ctx, { department: d, year: '2023-2024' })).ok, true);
    type(d);
  }
}

test('memory host: 生成汇总 gives the ledger targets of two departments\' 台账 sheets and the college; again changes nothing', async () => {
  const host = new MemoryHost();
  const ctx = context(host);
  await templates(ctx, (d) => {
    typeFacts(host, facts(d));
    typeLedger(host, d, LEDGERS[d]);
  });
  const r = await buildSummary(ctx);
  assert.equal(r.ok, true, r.message);
  const n = host.name(TARGETS_NAME)!;
  assert.deepEqual(host.getBlock(n.sheet, n.address).slice(3).map((row) => row.slice(0, 9)), EXPECTED);
  const before = host.snapshot();
  assert.equal((await buildSummary(ctx)).ok, true);
  assert.equal(host.snapshot(), before, 'running twice changes nothing more');
});

test('fake Excel: the same sheet from the same 台账 sheets', async () => {
  const book = new FakeWorkbook('Sheet1');
  const ctx: FlowContext = { host: new ExcelHost(book.run, { markNotes: 'notes' }), engine: testEngine(), locale: 'zh' };
  const hands = excelTypist(book);
  await templates(ctx, (d) => {
    typeFacts(hands, facts(d));
    typeLedger(hands as unknown as Cells, d, LEDGERS[d]);
  });
  const r = await buildSummary(ctx);
  assert.equal(r.ok, true, r.message);
  const sheet = book.sheet('平台建设目标');
  assert.deepEqual([4, 5, 6].map((row) => COLUMNS.map((c) => sheet.value(`${c}${row}`))), EXPECTED);
});

test('fake WPS (ET): the same sheet from the same 台账 sheets', async () => {
  const app = new FakeEtApplication();
  const ctx: FlowContext = { host: new WpsHost(app), engine: testEngine(), locale: 'zh' };
  const cells: Cells = {
    name: (n) => etNames(app).find((d) => d.name.toLowerCase() === n.toLowerCase()),
    set: (sheet, address, v) => app.type(sheet, address, v),
  };
  await templates(ctx, (d) => {
    typeIntoEt(app, d, facts(d));
    typeLedger(cells, d, LEDGERS[d]);
  });
  // The credit code is the one typed (a text cell keeps it as text in every host).
  const code = ledgerCell(cells, '机电工程学院', 0, 'credit_code');
  assert.equal(app.valueAt(code.sheet, code.address), SANY_CODE);
  const r = await buildSummary(ctx);
  assert.equal(r.ok, true, r.message);
  assert.deepEqual([4, 5, 6].map((row) => COLUMNS.map((c) => app.valueAt('平台建设目标', `${c}${row}`) ?? null)), EXPECTED);
});
