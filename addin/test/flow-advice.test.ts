/**
 * 生成提升建议 on the in-memory host with the real engine: one sheet listing every department's
 * hints, best gain first within each, worked by hand on the RUBRIC §3 example (see
 * flow-hints.test.ts for the working); an owned sheet like the 汇总 (record column hidden,
 * a second run changes nothing, foreign data stops the run and is named, a longer list
 * checks the rows below, a shorter one clears what it no longer needs); A4 landscape printing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adviceSheet, ACTIONS } from '../src/flow/index.js';
import { ADVICE_NAME } from '../src/flow/advice.js';
import { adviceHeights } from '../src/template/advice.js';
import { cellAddress, parseBlock } from '../src/host/a1.js';
import { baseFacts, bestFacts, context, fieldCell, typeFacts, workbookWith } from './support/flow-fixture.js';
import type { MemoryHost } from './support/memory-host.js';

function adviceBlock(host: MemoryHost) {
  const n = host.name(ADVICE_NAME)!;
  return { sheet: n.sheet, block: parseBlock(n.address), values: host.getBlock(n.sheet, n.address) };
}

/** The §3 example's hints as sheet rows: line, its name (RUBRIC §2), score of max, gain. */
const EXAMPLE_ROWS: Array<[string, string, string, number]> = [
  ['C3', '订单培养：订单专业数量', '6 分（满分 10）', 4],
  ['C1', '课程开发', '4 分（满分 5）', 3],
  ['C7', '师资队伍建设', '7 分（满分 10）', 3],
  ['B1', '校企合作企业数量', '9 分（满分 10）', 3],
  ['C1', '课程开发', '4 分（满分 5）', 1],
  ['C5', '学生跟（顶）岗实习', '19 分（满分 20）', 1],
  ['B1', '校企合作企业数量', '9 分（满分 10）', 1],
  ['C2', '校企共建校内、校外实训基地', '3 分（满分 5）', 1],
  ['C2', '校企共建校内、校外实训基地', '3 分（满分 5）', 1],
  ['A4', '院系有校企合作计划、总结', '4 分（满分 5）', 1],
  ['A2', '院系有校企合作专（兼）职工作人员', '1 分（满分 2）', 1],
];

test('the action is offered after the appraisal form, in both languages', () => {
  const i = ACTIONS.findIndex((a) => a.id === 'adviceSheet');
  assert.equal(ACTIONS[i - 1].id, 'appraisalText');
  assert.equal(ACTIONS[i].label.zh, '生成提升建议');
  assert.ok(ACTIONS[i].label.en && ACTIONS[i].hint.en);
});

test('one sheet: every department in workbook order, its hints best gain first, a department at its best said so', async () => {
  const host = await workbookWith(['甲学院', '乙学院'], (d) => (d === '乙学院' ? bestFacts() : baseFacts()));
  const r = await adviceSheet(context(host));
  assert.equal(r.ok, true, r.message);
  assert.match(r.message, /2 个院系的 11 条提升建议/);
  const s = adviceBlock(host);
  assert.equal(s.sheet, '提升建议');
  assert.equal(s.values[0][0], '校企合作考核提升建议（2023-2024）');
  assert.deepEqual(s.values[1].slice(0, 6), ['院系', '编号', '考核内容', '当前得分/满分', '建议', '可增加分数']);
  const rows = s.values.slice(2, 2 + 11);
  assert.deepEqual(rows.map((row) => [row[0], row[1], row[2], row[3], row[5]]), EXAMPLE_ROWS.map(([line, name, score, gain]) => ['甲学院', line, name, score, gain]));
  assert.equal(rows[5][4], '本地实习再增加 6 人（达到 120 人）可少扣 1 分');
  assert.deepEqual(s.values[13].slice(0, 6), ['乙学院', null, null, null, '各项均已得到最高分，没有可提高之处', null]);
  assert.match(String(s.values[14][0]), /^注：每条建议只改变一项填报内容/);
  assert.equal(s.values.length, 15);
  assert.equal(s.block.right, 6, 'the name spans the six columns and, last, the record (G)');
  assert.deepEqual(host.hiddenColumns(s.sheet), ['G']);
  // Every suggestion of the example fits its line: no row is made taller.
  assert.deepEqual(host.formats.filter((f) => f.sheet === s.sheet && f.format.rowHeight !== undefined), []);
});

test('printing: A4 landscape, one page wide, the header row repeated, the block as print area', async () => {
  const host = await workbookWith(['甲学院'], () => baseFacts());
  assert.equal((await adviceSheet(context(host))).ok, true);
  const setup = host.pageSetups.find((p) => p.sheet === '提升建议')!;
  assert.deepEqual(setup.page, { orientation: 'landscape', pagesTall: 0 });
  assert.equal(setup.printArea, 'A1:F14');
  assert.deepEqual(setup.titleRows, { top: 1, bottom: 1 });
  assert.match(setup.header?.left ?? '', /2023-2024/);
  assert.match(setup.footer?.center ?? '', /&P/);
});

test('a second run changes nothing; a shorter list clears the rows it no longer needs', async () => {
  const host = await workbookWith(['甲学院'], () => baseFacts());
  const ctx = context(host);
  assert.equal((await adviceSheet(ctx)).ok, true);
  const first = host.snapshot();
  host.resetCalls();
  assert.equal((await adviceSheet(ctx)).ok, true);
  assert.equal(host.snapshot(), first);
  assert.deepEqual([host.calls.format, host.calls.pageSetup, host.calls.defineNames, host.calls.hideColumns], [0, 0, 0, 0], 'no format, page, name or column set again');
  // The missing semester summary handed in, the staff made full-time: two hints fewer.
  typeFacts(host, { department: '甲学院', staffing: 'full_time', plans: { semester_summary: true } });
  const r = await adviceSheet(ctx);
  assert.equal(r.ok, true, r.message);
  const s = adviceBlock(host);
  assert.equal(s.values.length, 12, 'title, header, 9 hints, note');
  assert.ok(!s.values.some((row) => row[1] === 'A2' || row[1] === 'A4'));
  assert.deepEqual(host.getBlock(s.sheet, 'A13:G14'), [Array(7).fill(null), Array(7).fill(null)]);
});

test('foreign data in the sheet, or below it where a longer list would go, stops the run with nothing written', async () => {
  const host = await workbookWith(['甲学院'], () => ({ ...baseFacts(), staffing: 'full_time' }));
  const ctx = context(host);
  assert.equal((await adviceSheet(ctx)).ok, true);
  const s = adviceBlock(host);
  const inside = cellAddress(s.block.top + 3, s.block.left + 4);
  host.set(s.sheet, inside, '我的批注');
  // Back to 兼职: one hint more, so the row below the block is needed and must be checked.
  typeFacts(host, { department: '甲学院', staffing: 'part_time' });
  const below = cellAddress(s.block.bottom + 1, s.block.left + 2);
  host.set(s.sheet, below, '手写');
  const before = host.snapshot();
  const r = await adviceSheet(ctx);
  assert.equal(r.ok, false);
  assert.deepEqual(r.problems.map((p) => [p.code, p.address]), [['foreign_data', inside], ['foreign_data', below]]);
  assert.match(r.message, /未写入任何内容/);
  assert.equal(host.snapshot(), before);
});

test('a sheet named 提升建议 that the add-in did not make is left alone', async () => {
  const host = await workbookWith(['甲学院'], () => baseFacts());
  host.addUserSheet('提升建议');
  host.set('提升建议', 'A1', '我自己的表');
  const r = await adviceSheet(context(host));
  assert.equal(r.ok, true, r.message);
  assert.equal(host.get('提升建议', 'A1'), '我自己的表');
  assert.notEqual(adviceBlock(host).sheet, '提升建议');
});

test('a department with bad inputs stops the sheet, the cell named', async () => {
  const host = await workbookWith(['甲学院'], () => baseFacts());
  const cell = fieldCell(host, '甲学院', 'internship.local');
  host.set(cell.sheet, cell.address, '很多');
  const r = await adviceSheet(context(host));
  assert.equal(r.ok, false);
  assert.deepEqual(r.problems.map((p) => [p.address, p.code]), [[cell.address, 'not_a_number']]);
  assert.match(r.message, /未生成提升建议/);
  assert.equal(host.name(ADVICE_NAME), undefined);
});

test('in English: the headers, the score of max and the engine sentences', async () => {
  const host = await workbookWith(['甲学院'], () => baseFacts());
  const r = await adviceSheet(context(host, 'en'));
  assert.equal(r.ok, true, r.message);
  const s = adviceBlock(host);
  assert.equal(s.sheet, 'Suggestions');
  assert.deepEqual(s.values[1].slice(0, 6), ['Department', 'Line', 'Item', 'Score / max', 'Suggestion', 'Points to gain']);
  const c5 = s.values.find((row) => row[1] === 'C5')!;
  assert.equal(c5[3], '19 of 20');
  assert.match(String(c5[4]), /local intern.*120/i);
});

test('a list longer than the room read with the sheet costs one read more, and still checks every row it needs', async () => {
  const host = await workbookWith(['甲学院'], () => baseFacts());
  const ctx = context(host);
  assert.equal((await adviceSheet(ctx)).ok, true);
  const s = adviceBlock(host);
  assert.equal(s.values.length, 14, 'title, header, the 11 hints of the example, note');
  // The assessors disagree on many lines: S1's 11 hints plus 14 of S2 make 28 rows, past the
  // 3 + 24 read with the sheet.
  typeFacts(host, {
    department: '甲学院', leadership: { deputy: false }, staffing: 'none', plans: { annual_plan: false },
    curriculum: { meeting_semesters: 0, textbooks: 0 }, internship: { local: 110 }, faculty: { seconded: 6, engineer_courses: 5 },
    majors: [{ name: '机电一体化技术', partners: 2, campus_base: false }],
  }, 'assessor');
  const last = cellAddress(s.block.top + 27, s.block.left + 4);
  host.set(s.sheet, last, '手写');
  host.resetCalls();
  const r = await adviceSheet(ctx);
  assert.equal(r.ok, false);
  assert.deepEqual(r.problems.map((p) => p.address), [last]);
  assert.equal(host.calls.read, 2);
  host.set(s.sheet, last, null);
  const again = await adviceSheet(ctx);
  assert.equal(again.ok, true, again.message);
  assert.equal(adviceBlock(host).values.length, 28);
  assert.equal(adviceBlock(host).values.filter((row) => String(row[4]).startsWith('考评：')).length, 14);
});

test('row heights follow the text: a suggestion that wraps gets its lines, and the default back once it no longer does', () => {
  const row = (text: string) => ['甲学院', 'C5', '学生跟（顶）岗实习', '19 分（满分 20）', text, 1];
  const title = ['校企合作考核提升建议', null, null, null, null, null];
  const header = ['院系', '编号', '考核内容', '当前得分/满分', '建议', '可增加分数'];
  const note = ['注：' + '很长的说明'.repeat(20), null, null, null, null, null];
  // 84 units hold 39 Chinese characters a line (2.1 units each, 1 unit of padding): 100 take 3 lines.
  const long = '多'.repeat(100);
  const first = adviceHeights('提升建议', 0, [title, header, row('短'), row(long), row(long), note]);
  assert.deepEqual(first, [{ sheet: '提升建议', address: 'A4:A5', format: { rowHeight: 3 * 15 + 3 } }], 'only the two long rows, as one block; never the note');
  assert.deepEqual(adviceHeights('提升建议', 0, [title, header, row('短'), row(long), row(long), note], [title, header, row('短'), row(long), row(long), note]), [], 'unchanged: nothing');
  assert.deepEqual(
    adviceHeights('提升建议', 10, [title, header, row('短'), note], [title, header, row('短'), row(long), row(long), note]),
    [{ sheet: '提升建议', address: 'A14:A15', format: { rowHeight: 15 } }],
    'the rows a shorter list cleared go back to the default height',
  );
});
