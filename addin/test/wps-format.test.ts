/**
 * Formats in WPS set once per sheet, property and value over multi-area references
 * (src/host/wps-format.ts) leave exactly the workbook that setting them block by block
 * (src/wps/format.ts) leaves, for the whole template; and the grouping keeps the order that
 * matters where blocks of different values overlap.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFormats } from '../src/host/wps-format.js';
import { AreaGroups, MAX_REFERENCE, multiArea } from '../src/host/areas.js';
import { applyFormat } from '../src/wps/format.js';
import { parseBlock } from '../src/host/a1.js';
import type { FormatBlock } from '../src/host/host.js';
import { factsSheetPlan, instructionsPlan, scoreSheetPlan } from '../src/template/layout.js';
import { CallCounter, countCalls, FakeEtApplication } from './support/fake-et.js';
import { testEngine } from './support/engine.js';
import type { EtApplication, EtWorksheet } from '../src/wps/et.js';

function bookWith(sheets: string[]): FakeEtApplication {
  const app = new FakeEtApplication();
  app.book.list[0].Name = sheets[0];
  for (const name of sheets.slice(1)) (app.book.Worksheets.Add(undefined, app.book.list[app.book.list.length - 1]) as EtWorksheet).Name = name;
  return app;
}

const finder = (app: EtApplication) => (name: string) => app.ActiveWorkbook!.Worksheets.Item(name) as EtWorksheet;

test("the template's formats, grouped, leave the workbook they leave one block at a time, in far fewer calls", () => {
  const rubric = testEngine().rubricInfo();
  const formats: FormatBlock[] = [
    ...factsSheetPlan('填报', 'd000001', '机电工程学院', '2023-2024', 'zh', rubric).formats,
    ...scoreSheetPlan('评分', 'd000001', '机电工程学院', '2023-2024', 'zh', rubric).formats,
    ...instructionsPlan('说明', 'zh', { self: 0.4, assessor: 0.6 }).formats,
  ];
  const sheets = ['填报', '评分', '说明'];
  const oneByOne = bookWith(sheets);
  const slow = new CallCounter();
  const slowApp = countCalls(oneByOne as EtApplication, slow);
  for (const f of formats) applyFormat(finder(slowApp)(f.sheet).Range(f.address), f.format);
  const grouped = bookWith(sheets);
  const fast = new CallCounter();
  applyFormats(finder(countCalls(grouped as EtApplication, fast)), formats);
  assert.deepEqual(grouped.snapshot(), oneByOne.snapshot());
  // Both count their sheet look-ups too (three calls each time a sheet is asked for).
  assert.ok(fast.total * 2 < slow.total, `${fast.total} calls grouped, ${slow.total} one block at a time`);
});

test('a block over which another value was set later starts a group after that one', () => {
  const groups = new AreaGroups<string>();
  groups.add('S', 'fill', 'red', 'A1:B2');
  groups.add('S', 'fill', 'blue', 'B2:C3');
  groups.add('S', 'fill', 'red', 'C3'); // over blue: must come after it
  groups.add('S', 'fill', 'red', 'E5'); // joins the last red group
  groups.add('S', 'bold', 'yes', 'A1');
  assert.deepEqual(
    groups.groups.map((g) => [g.property, g.value, g.blocks.length]),
    [['fill', 'red', 1], ['fill', 'blue', 1], ['fill', 'red', 2], ['bold', 'yes', 1]],
  );
});

test('multi-area references stay within the 255 characters Range() takes', () => {
  const blocks = Array.from({ length: 60 }, (_, i) => parseBlock(`A${i * 3 + 1}:G${i * 3 + 2}`));
  const references = multiArea(blocks);
  assert.ok(references.length > 1);
  assert.ok(references.every((r) => r.length <= MAX_REFERENCE));
  assert.equal(references.join(',').split(',').length, 60);
});
