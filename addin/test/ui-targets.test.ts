/**
 * The platform targets table in the task pane (linkedom, no browser): after 生成汇总 on a
 * workbook, the pane shows the same cells as the 平台建设目标 sheet, as a table with a caption,
 * column and row headers, the college's row in its foot, and each cell's state in its text
 * (✓ ✗ 未填报) with `data-state` only for the colour.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { mountPane } from '../src/ui/pane.js';
import { testEngine } from './support/engine.js';
import { baseFacts, workbookWith, type Json } from './support/flow-fixture.js';

function facts(department: string): Json {
  const f = baseFacts();
  // 甲: 是, 192/200 = 96.00% (exactly the target: met), 1 output; 乙 leaves the three blank.
  if (department === '甲学院') return { ...f, employment: { local: 52, graduates: 200, employed: 192 }, platform: { committee: '是', research_outputs: 1 } };
  return f;
}

test('after 生成汇总 the pane shows the targets table, text first, accessible markup', async () => {
  const host = await workbookWith(['甲学院', '乙学院'], facts);
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  const pane = mountPane(document.getElementById('root') as unknown as HTMLElement, { host, engine: testEngine() });
  await pane.run('buildSummary');
  const table = document.querySelector('table.targets-table');
  assert.ok(table, 'the targets table is shown');
  assert.equal(table.querySelector('caption')?.textContent, '平台建设目标（依据考核组核实后的填报数据）');
  assert.equal(table.querySelectorAll('thead th[scope="col"]').length, 9);
  assert.deepEqual([...table.querySelectorAll('tbody th[scope="row"]')].map((th) => th.textContent), ['甲学院', '乙学院']);
  assert.equal(table.querySelector('tfoot th[scope="row"]')?.textContent, '全院');
  const cell = (department: string, id: string) => table.querySelector(`td[data-department="${department}"][data-target="${id}"]`);
  assert.equal(cell('甲学院', 'committee')?.textContent, '有 / 有 ✓');
  assert.equal(cell('甲学院', 'committee')?.getAttribute('data-state'), 'met');
  assert.equal(cell('甲学院', 'employment')?.textContent, '96.00% / 96% ✓');
  assert.equal(cell('甲学院', 'research_outputs')?.textContent, '1 / 1 ✓');
  for (const id of ['committee', 'employment', 'research_outputs', 'enterprises']) {
    assert.equal(cell('乙学院', id)?.textContent, '未填报', id);
    assert.equal(cell('乙学院', id)?.getAttribute('data-state'), 'not_reported', id);
  }
  // The college: 甲 alone reported each of the three, and met it.
  assert.equal(cell('全院', 'employment')?.textContent, '96.00%（达标 1/1）');
  assert.equal(cell('全院', 'committee')?.textContent, '1（达标 1/1）');
  assert.match(document.querySelector('.targets-legend')?.textContent ?? '', /✓ 达到.*✗ 未达到.*未填报/);
});
