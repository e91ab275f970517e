/**
 * Workbooks that went through LibreOffice Calc (opened and saved again as .xlsx, as a
 * department without Excel does) still read right: the RUBRIC.md §3 department made by the
 * flow, re-saved by LibreOffice, validates clean and scores 88 (S1 = S2 = 88, Sm = 88); a
 * second run changes nothing; and a value typed wrong is still found at its cell.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillScores, validateWorkbook, type FlowContext } from '../src/flow/index.js';
import { XlsxHost } from '../src/host/xlsx.js';
import { departmentWorkbook } from '../src/web/workbooks.js';
import { testEngine } from './support/engine.js';
import { baseFacts } from './support/flow-fixture.js';
import { throughLibreOffice } from './support/libreoffice.js';

const engine = testEngine();

async function resaved(facts: Record<string, unknown>): Promise<XlsxHost> {
  const made = await departmentWorkbook(engine, facts);
  return XlsxHost.load(await throughLibreOffice(await made.save(), 'department.xlsx', 'xlsx'));
}

test('the §3 department re-saved by LibreOffice validates clean and scores 88, and a second run changes nothing', async () => {
  const host = await resaved(baseFacts());
  const ctx: FlowContext = { host, engine, locale: 'zh' };
  const checked = await validateWorkbook(ctx);
  assert.deepEqual(checked.problems, []);
  const scored = await fillScores(ctx);
  assert.equal(scored.ok, true, scored.message);
  assert.deepEqual(scored.departments?.map((d) => [d.department, d.s1, d.s2, d.final]), [['机电工程学院', 88, 88, 88]]);
  // Scored once more, through LibreOffice again: the add-in still owns what it wrote.
  const again = await XlsxHost.load(await throughLibreOffice(await host.save(), 'scored.xlsx', 'xlsx'));
  const second = await fillScores({ host: again, engine, locale: 'zh' });
  assert.equal(second.ok, true, `${second.message} ${JSON.stringify(second.problems.slice(0, 3))}`);
  assert.deepEqual(second.departments?.map((d) => d.final), [88]);
});

test('a bad value survives the round trip and is reported at its cell', async () => {
  const facts = { ...baseFacts(), internship: { local: '很多', total: 200 } };
  const host = await resaved(facts);
  const checked = await validateWorkbook({ host, engine, locale: 'zh' });
  assert.equal(checked.ok, false);
  const bad = checked.problems.find((p) => p.path === 'internship.local');
  assert.ok(bad, JSON.stringify(checked.problems));
  assert.equal(bad.code, 'not_a_number');
  assert.ok(bad.sheet && bad.address, 'located at a cell');
});
