/**
 * The number of host calls per action does not grow with the number of departments: every
 * action runs with the same calls, per method, for 1 and for 50 departments (each with three
 * majors and two order classes). The counts are printed for the report.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appraisalText, buildSummary, fillScores, insertTemplate, validateWorkbook, type ActionReport } from '../src/flow/index.js';
import { baseFacts, context, workbookWith } from './support/flow-fixture.js';
import type { MemoryHost } from './support/memory-host.js';

type Counts = Record<string, Record<string, number>>;

async function measure(n: number): Promise<Counts> {
  const names = Array.from({ length: n }, (_, i) => `第${i + 1}学院`);
  const host = await workbookWith(names, () => baseFacts());
  const ctx = context(host);
  const counts: Counts = {};
  const run = async (label: string, action: () => Promise<ActionReport>, host: MemoryHost) => {
    host.resetCalls();
    const r = await action();
    assert.equal(r.ok, true, `${label}: ${r.message}`);
    counts[label] = { ...host.calls, total: host.totalCalls() };
  };
  await run('validate', () => validateWorkbook(ctx), host);
  await run('fillScores', () => fillScores(ctx), host);
  await run('fillScores (again)', () => fillScores(ctx), host);
  await run('buildSummary', () => buildSummary(ctx), host);
  await run('buildSummary (again)', () => buildSummary(ctx), host);
  await run('appraisalText', () => appraisalText(ctx), host);
  await run('appraisalText (again)', () => appraisalText(ctx), host);
  await run('insertTemplate (one more)', () => insertTemplate(ctx, { department: '新学院' }), host);
  return counts;
}

test('host calls per action are the same for 1 and for 50 departments', async () => {
  const one = await measure(1);
  const fifty = await measure(50);
  const rows = Object.keys(one).map((action) => `${action.padEnd(26)} 1 dept: ${String(one[action].total).padStart(2)}   50 depts: ${String(fifty[action].total).padStart(2)}   ${JSON.stringify(Object.fromEntries(Object.entries(one[action]).filter(([k, v]) => v > 0 && k !== 'total')))}`);
  console.log(`host calls per action\n${rows.join('\n')}`);
  assert.deepEqual(fifty, one);
  // And small: no action needs more than nine host calls (insertTemplate: eight, plus one
  // hideColumns for the record columns), and at most two of them look at the workbook (the
  // rest are changes an adapter may queue until the action's flush: Excel's third sync).
  for (const [action, c] of Object.entries(one)) {
    assert.ok(c.total <= 9, `${action}: ${c.total}`);
    const looks = c.survey + c.lookup + c.read + c.sheets + c.names;
    assert.ok(looks <= 2, `${action}: ${looks} looks`);
  }
  // The record columns are hidden by the action that makes them, in one call, and only then.
  for (const action of ['insertTemplate (one more)', 'buildSummary', 'appraisalText']) assert.equal(one[action].hideColumns, 1, action);
  for (const action of ['validate', 'fillScores', 'fillScores (again)', 'buildSummary (again)', 'appraisalText (again)']) assert.equal(one[action].hideColumns, 0, action);
});
