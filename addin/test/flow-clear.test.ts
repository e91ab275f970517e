/**
 * 清除标记 and 清除得分 (clearMarks, clearScores) through the flow contract: marks go from every
 * input (with the template's colours handed to the host, and a sweep for marks whose note was
 * deleted), scores go from the score sheets' own cells only, and a foreign value stops the
 * clearing before anything is cleared. Also the pane and the WPS ribbon offer both.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIONS, clearMarks, clearScores, fillScores, validateWorkbook } from '../src/flow/index.js';
import { departmentKey, nameOf } from '../src/flow/names.js';
import { cellAddress, parseBlock } from '../src/host/a1.js';
import { flowActions } from '../src/ui/pane.js';
import { BUTTONS } from '../src/wps/ribbon.js';
import { baseFacts, context, fieldCell, tableCell, workbookWith } from './support/flow-fixture.js';

const DEPT = '机电工程学院';

function outBlock(host: Awaited<ReturnType<typeof workbookWith>>) {
  const n = host.name(nameOf(departmentKey(DEPT), 'out'))!;
  const b = parseBlock(n.address);
  return { sheet: n.sheet, block: b, values: () => host.getBlock(n.sheet, `${cellAddress(b.top, b.left)}:${cellAddress(b.bottom, b.right + 1)}`) };
}

test('clearScores empties the scores and their records, leaves the facts, and fill writes them again', async () => {
  const host = await workbookWith([DEPT], () => baseFacts());
  const ctx = context(host);
  assert.equal((await fillScores(ctx)).ok, true);
  const out = outBlock(host);
  const filled = out.values();
  assert.ok(filled.flat().some((v) => v !== null));
  const local = fieldCell(host, DEPT, 'internship.local');
  const before = host.get(local.sheet, local.address);
  const r = await clearScores(ctx);
  assert.equal(r.ok, true, r.message);
  assert.equal(r.message, '已清除 1 个院系评分表中加载项写入的得分');
  assert.ok(out.values().flat().every((v) => v === null), 'scores and records empty');
  assert.equal(host.get(local.sheet, local.address), before, 'facts untouched');
  assert.equal(host.get(out.sheet, 'B2'), `${DEPT}　　考核年度：2023-2024`, 'the heading stays');
  assert.deepEqual(r.written.map((w) => w.sheet), [out.sheet]);
  assert.equal((await fillScores(ctx)).ok, true);
  assert.deepEqual(out.values(), filled);
});

test('clearScores clears nothing while an output cell holds something the add-in did not write, and names it', async () => {
  const host = await workbookWith([DEPT], () => baseFacts());
  const ctx = context(host);
  await fillScores(ctx);
  const out = outBlock(host);
  const typed = cellAddress(out.block.top + 2, out.block.left + 1);
  host.set(out.sheet, typed, 7);
  const before = out.values();
  const r = await clearScores(ctx);
  assert.equal(r.ok, false);
  assert.deepEqual(r.problems.map((p) => [p.code, p.sheet, p.address]), [['foreign_data', out.sheet, typed]]);
  assert.equal(r.message, `未清除任何内容：以下输出单元格中有不是加载项写入的内容：'机电工程学院-评分'!${typed}`);
  assert.deepEqual(out.values(), before, 'nothing cleared');
});

test('clearMarks takes every mark off, sweeping with the template colours; clearing an empty workbook says what is missing', async () => {
  const host = await workbookWith([DEPT], () => baseFacts());
  const ctx = context(host);
  const c = fieldCell(host, DEPT, 'internship.total');
  host.set(c.sheet, c.address, '两百');
  const v = await validateWorkbook(ctx);
  assert.equal(v.ok, false);
  assert.ok(host.mark(c.sheet, c.address));
  // Validation hands the template's colours over too, without a sweep.
  assert.equal(host.markOptions?.sweep, undefined);
  const r = await clearMarks(ctx);
  assert.equal(r.ok, true, r.message);
  assert.equal(r.message, '已清除 1 个院系填报表上的标记（单元格内容未改动）');
  assert.equal(host.mark(c.sheet, c.address), undefined);
  assert.equal(host.get(c.sheet, c.address), '两百', 'no value changes');
  assert.equal(host.markOptions?.sweep, true);
  const fillOf = (at: { sheet: string; address: string }) => {
    const cell = parseBlock(at.address);
    return host.markOptions?.fills?.find((f) => {
      const b = parseBlock(f.address);
      return f.sheet === at.sheet && cell.top >= b.top && cell.top <= b.bottom && cell.left >= b.left && cell.left <= b.right;
    })?.fill;
  };
  assert.equal(fillOf(c), '#FFF2CC', 'a self input is yellow');
  assert.equal(fillOf(fieldCell(host, DEPT, 'internship.total', 'assessor')), '#E2EFDA', 'an assessor input green');
  assert.equal(fillOf(tableCell(host, DEPT, 'majors', 0, 0)), null, "a major's name has no colour");
  assert.equal(fillOf(tableCell(host, DEPT, 'majors', 29, 2)), '#E2EFDA', 'the 30th prepared row too');

  const { MemoryHost } = await import('./support/memory-host.js');
  const empty = await clearMarks(context(new MemoryHost()));
  assert.deepEqual([empty.ok, empty.problems[0].code], [false, 'no_template']);
  assert.equal((await clearScores(context(new MemoryHost()))).problems[0].code, 'no_template');
});

test('the pane shows 清除标记 and 清除得分 (Clear marks, Clear scores); the WPS ribbon has both', () => {
  const pane = flowActions().map((a) => [a.id, a.label.zh, a.label.en]);
  assert.deepEqual(pane.slice(-2), [['clearMarks', '清除标记', 'Clear marks'], ['clearScores', '清除得分', 'Clear scores']]);
  assert.equal(ACTIONS.length, pane.length);
  assert.equal(BUTTONS.btnCoopClearMarks, 'clearMarks');
  assert.equal(BUTTONS.btnCoopClearScores, 'clearScores');
});
