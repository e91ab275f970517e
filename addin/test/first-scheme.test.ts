/**
 * Workbooks made with the first template scheme (one defined name per input, no row tags)
 * still validate, score and summarise, through the in-memory host, the WPS adapter (which
 * then lists the workbook's names, as it did before) and the Excel adapter; insertTemplate
 * finds such a department (nothing inserted twice) and gives it a new score sheet it can find.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSummary, fillScores, insertTemplate, validateWorkbook, type FlowContext } from '../src/flow/index.js';
import { departmentKey, nameOf } from '../src/flow/names.js';
import { ExcelHost, nameFormula } from '../src/host/excel.js';
import { WpsHost } from '../src/host/wps.js';
import type { DefinedName } from '../src/host/host.js';
import { baseFacts, context, typeFacts } from './support/flow-fixture.js';
import { MemoryHost } from './support/memory-host.js';
import { toFirstScheme } from './support/first-scheme.js';
import { FakeEtApplication } from './support/fake-et.js';
import { etNames, typeFacts as typeIntoEt } from './support/wps-facts.js';
import { FakeWorkbook } from './support/fake-excel.js';
import { excelNames, excelTypist } from './support/call-bench.js';
import { testEngine } from './support/engine.js';

const OLD = '甲学院';
const NEW = '乙学院';

function memoryHands(host: MemoryHost) {
  return {
    names: () => host.allNamed(),
    define: (names: DefinedName[]) => void host.defineNames(names),
    remove: (name: string) => host.deleteName(name),
    clear: (sheet: string, address: string) => host.set(sheet, address, null),
  };
}

test('first scheme, in memory: validated, scored, summarised beside a department of today’s template', async () => {
  const host = new MemoryHost();
  const ctx = context(host);
  for (const d of [OLD, NEW]) {
    assert.equal((await insertTemplate(ctx, { department: d, year: '2023-2024' })).ok, true);
    typeFacts(host, { ...baseFacts(), department: d });
  }
  toFirstScheme(memoryHands(host), OLD);
  assert.equal(host.name(nameOf(departmentKey(OLD), 'facts')), undefined, 'no block name left');
  assert.ok(host.name(nameOf(departmentKey(OLD), 'internship_local_self')), 'one name per input');

  const checked = await validateWorkbook(ctx);
  assert.equal(checked.ok, true, checked.message);
  const filled = await fillScores(ctx);
  assert.equal(filled.ok, true, filled.message);
  assert.deepEqual(filled.departments?.map((d) => [d.department, d.s1, d.final]).sort(), [[NEW, 88, 88], [OLD, 88, 88]]);
  const summary = await buildSummary(ctx);
  assert.deepEqual(summary.departments?.map((d) => d.rank), [1, 1]);

  // Found by insertTemplate: the same department is not inserted twice …
  const before = host.snapshot();
  const again = await insertTemplate(ctx, { department: OLD });
  assert.match(again.message, /已在工作表/);
  assert.equal(host.snapshot(), before);
  // … and a deleted score sheet comes back as one the flow finds by the same scheme.
  host.deleteSheet(`${OLD}-评分`);
  const renewed = await insertTemplate(ctx, { department: OLD });
  assert.match(renewed.message, /重新插入评分表/);
  const refilled = await fillScores(ctx);
  assert.equal(refilled.ok, true, refilled.message);
  assert.equal(refilled.departments?.find((d) => d.department === OLD)?.s1, 88);
});

test('first scheme, in WPS: the adapter lists the names again and scores the department', async () => {
  const app = new FakeEtApplication();
  const ctx: FlowContext = { host: new WpsHost(app), engine: testEngine(), locale: 'zh' };
  for (const d of [OLD, NEW]) {
    assert.equal((await insertTemplate(ctx, { department: d })).ok, true);
    typeIntoEt(app, d, baseFacts());
  }
  toFirstScheme(
    {
      names: () => etNames(app),
      define: (names) => names.forEach((n) => app.book.Names.Add(n.name, nameFormula(n))),
      remove: (name) => app.book.Names.Item(name).Delete(),
      clear: (sheet, address) => app.type(sheet, address, ''),
    },
    OLD,
  );
  assert.equal((await validateWorkbook(ctx)).ok, true);
  const filled = await fillScores(ctx);
  assert.equal(filled.ok, true, filled.message);
  assert.deepEqual(filled.departments?.map((d) => [d.department, d.s1]).sort(), [[NEW, 88], [OLD, 88]]);
});

test('first scheme, in Excel: found by its names and scored in three syncs', async () => {
  const book = new FakeWorkbook('Sheet1');
  const ctx: FlowContext = { host: new ExcelHost(book.run, { markNotes: 'notes' }), engine: testEngine(), locale: 'zh' };
  for (const d of [OLD, NEW]) {
    assert.equal((await insertTemplate(ctx, { department: d })).ok, true);
    typeFacts(excelTypist(book), { ...baseFacts(), department: d });
  }
  toFirstScheme(
    {
      names: () => excelNames(book),
      define: (names) => names.forEach((n) => book.names.set(n.name, nameFormula(n))),
      remove: (name) => book.names.delete([...book.names.keys()].find((k) => k.toLowerCase() === name.toLowerCase()) ?? name),
      clear: (sheet, address) => book.sheet(sheet).set(address, [['']]),
    },
    OLD,
  );
  const syncs = book.syncs;
  const filled = await fillScores(ctx);
  assert.equal(filled.ok, true, filled.message);
  assert.ok(book.syncs - syncs <= 3);
  assert.deepEqual(filled.departments?.map((d) => [d.department, d.s1]).sort(), [[NEW, 88], [OLD, 88]]);
});
