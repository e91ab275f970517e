/**
 * buildSummary, readDepartments and appraisalText: departments of the open workbook and of
 * other workbooks ranked with shared ranks, the 汇总 and 年度考核 sheets written once and
 * left unchanged by a second run, foreign data and hand edits stopping the run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appraisalText, buildSummary, readDepartments } from '../src/flow/index.js';
import { SUMMARY_NAME } from '../src/flow/names.js';
import { parseBlock, cellAddress } from '../src/host/a1.js';
import { baseFacts, context, fieldCell, workbookWith, type Json } from './support/flow-fixture.js';
import { testEngine } from './support/engine.js';
import type { MemoryHost } from './support/memory-host.js';

/** 丙 90 (65% local interns), 甲 88, 乙 88, 丁 86 (3 reports missed). */
function facts(department: string): Json {
  const f = baseFacts();
  if (department === '丙学院') f.internship = { local: 130, total: 200 };
  if (department === '丁学院') f.reports = { due: 8, missed: 3 };
  return f;
}

async function fourDepartments(): Promise<MemoryHost> {
  return workbookWith(['甲学院', '乙学院', '丙学院', '丁学院'], facts);
}

function summaryBlock(host: MemoryHost) {
  const n = host.name(SUMMARY_NAME)!;
  return { sheet: n.sheet, block: parseBlock(n.address), values: host.getBlock(n.sheet, n.address) };
}

test('the summary ranks departments by Sm with shared ranks, highest first', async () => {
  const host = await fourDepartments();
  const r = await buildSummary(context(host));
  assert.equal(r.ok, true, r.message);
  assert.deepEqual(r.departments?.map((d) => [d.department, d.final, d.rank]), [
    ['丙学院', 90, 1], ['甲学院', 88, 2], ['乙学院', 88, 2], ['丁学院', 86, 4],
  ]);
  const s = summaryBlock(host);
  assert.equal(s.sheet, '校企合作汇总');
  assert.match(String(s.values[0][0]), /校企合作考核汇总（2023-2024）/);
  assert.deepEqual(s.values[1].slice(0, 5), ['名次', '院系', '自评分 S1', '考评分 S2', '最终得分 Sm']);
  assert.deepEqual(s.values.slice(2).map((row) => row.slice(0, 5)), [
    [1, '丙学院', 90, 90, 90], [2, '甲学院', 88, 88, 88], [2, '乙学院', 88, 88, 88], [4, '丁学院', 86, 86, 86],
  ]);
});

test('the 汇总, 平台建设目标 and 年度考核 sheets hide their record column when they are made, and only then', async () => {
  const host = await fourDepartments();
  const ctx = context(host);
  host.resetCalls();
  assert.equal((await buildSummary(ctx)).ok, true);
  assert.equal((await appraisalText(ctx)).ok, true);
  // One call per action: 生成汇总 hides the records of both its sheets at once.
  assert.equal(host.calls.hideColumns, 2);
  // The department column and the eight targets (A–I); the record is J.
  assert.deepEqual(host.hiddenColumns('平台建设目标'), ['J']);
  const summary = summaryBlock(host);
  assert.equal(summary.block.right, 6, 'the name spans the block and, last, its record (G)');
  assert.deepEqual(host.hiddenColumns(summary.sheet), ['G']);
  assert.deepEqual(host.hiddenColumns('年度考核'), ['G']);
  // Hidden, the records are still read: a second run finds every cell its own.
  assert.match(String(host.get(summary.sheet, 'G3')), /^coop1:/);
  const before = host.snapshot();
  host.resetCalls();
  assert.equal((await buildSummary(ctx)).ok, true);
  assert.equal((await appraisalText(ctx)).ok, true);
  assert.equal(host.calls.hideColumns, 0);
  assert.equal(host.snapshot(), before);
});

test('a second summary changes nothing; a shorter one clears the rows it no longer needs', async () => {
  const host = await fourDepartments();
  const ctx = context(host);
  await buildSummary(ctx, [{ department: '外院', s1: 90, s2: 90, source: '外院.xlsx' }]);
  assert.deepEqual(summaryBlock(host).values.slice(2).map((r) => [r[1], r[0]]), [['丙学院', 1], ['外院', 1], ['甲学院', 3], ['乙学院', 3], ['丁学院', 5]]);
  const first = host.snapshot();
  await buildSummary(ctx, [{ department: '外院', s1: 90, s2: 90, source: '外院.xlsx' }]);
  assert.equal(host.snapshot(), first);
  const shorter = await buildSummary(ctx);
  assert.equal(shorter.ok, true, shorter.message);
  const s = summaryBlock(host);
  assert.equal(s.values.length, 6);
  assert.deepEqual(host.getBlock(s.sheet, `A7:G7`), [[null, null, null, null, null, null, null]]);
});

test('departments read from another workbook join the summary', async () => {
  const other = await workbookWith(['戊学院'], () => {
    const f = baseFacts();
    f.employment = { local: 30, graduates: 200 }; // 15%: −3 → S1 82
    return f;
  });
  const read = await readDepartments(other, testEngine(), 'zh');
  assert.deepEqual(read.problems, []);
  assert.deepEqual(read.departments.map((d) => [d.department, d.s1, d.s2, d.year]), [['戊学院', 82, 82, '2023-2024']]);
  // Two host calls, whatever the workbook holds: the names, then one read.
  assert.equal(other.totalCalls(), 2);

  const host = await fourDepartments();
  const r = await buildSummary(context(host), read.departments.map((d) => ({ ...d, source: '戊学院.xlsx' })));
  assert.equal(r.ok, true, r.message);
  assert.deepEqual(r.departments?.map((d) => [d.department, d.rank, d.source]), [
    ['丙学院', 1, '丙学院-填报'], ['甲学院', 2, '甲学院-填报'], ['乙学院', 2, '乙学院-填报'], ['丁学院', 4, '丁学院-填报'], ['戊学院', 5, '戊学院.xlsx'],
  ]);
});

test('readDepartments reports a department with bad inputs instead of scoring it', async () => {
  const other = await workbookWith(['戊学院'], () => baseFacts());
  const c = fieldCell(other, '戊学院', 'faculty.courses');
  other.set(c.sheet, c.address, '很多');
  const read = await readDepartments(other, testEngine(), 'zh');
  assert.deepEqual(read.departments, []);
  assert.deepEqual(read.problems.map((p) => [p.sheet, p.address, p.code]), [[c.sheet, c.address, 'not_a_number']]);
});

test('the same department twice, or a department with errors, stops the summary', async () => {
  const host = await fourDepartments();
  const dup = await buildSummary(context(host), [{ department: '甲学院', s1: 80, s2: 80 }]);
  assert.equal(dup.ok, false);
  assert.equal(dup.problems[0].code, 'duplicate_department');
  const c = fieldCell(host, '乙学院', 'internship.total');
  host.set(c.sheet, c.address, 0);
  host.resetCalls();
  const bad = await buildSummary(context(host));
  assert.equal(bad.ok, false);
  assert.equal(bad.problems[0].code, 'zero_total');
  assert.equal(host.calls.write + host.calls.addSheets, 0);
});

test('a record from elsewhere that cannot be ranked stops the summary with the engine message', async () => {
  const host = await fourDepartments();
  host.resetCalls();
  const r = await buildSummary(context(host), [{ department: '外院', s1: 200, s2: 90 }]);
  assert.equal(r.ok, false);
  assert.equal(r.problems[0].code, 'bad_record');
  assert.match(r.message, /200/);
  assert.equal(host.calls.write, 0);
});

test('foreign data in the summary stops it with nothing written', async () => {
  const host = await fourDepartments();
  const ctx = context(host);
  await buildSummary(ctx);
  const s = summaryBlock(host);
  const cell = cellAddress(s.block.top + 3, s.block.left + 2);
  host.set(s.sheet, cell, 99);
  // One more department would grow the block: the row below must be checked as well.
  const below = cellAddress(s.block.bottom + 1, s.block.left + 1);
  host.set(s.sheet, below, '手写备注');
  const before = host.snapshot();
  const r = await buildSummary(ctx, [{ department: '外院', s1: 70, s2: 70 }]);
  assert.equal(r.ok, false);
  assert.deepEqual(r.problems.map((p) => p.address), [cell, below]);
  assert.equal(host.snapshot(), before);
});

test('the appraisal text and sheet follow the summary; a second run changes nothing', async () => {
  const host = await fourDepartments();
  const ctx = context(host);
  await buildSummary(ctx, [{ department: '外院', s1: 87, s2: 91.5 }]); // 0.4×87 + 0.6×91.5 = 89.7
  const r = await appraisalText(ctx);
  assert.equal(r.ok, true, r.message);
  assert.equal(
    r.tsv,
    [
      '序号\t院系\t自评分 S1（40%）\t考评分 S2（60%）\t校企合作考核得分 Sm\t名次',
      '1\t丙学院\t90\t90\t90\t1',
      '2\t外院\t87\t91.5\t89.7\t2',
      '3\t甲学院\t88\t88\t88\t3',
      '4\t乙学院\t88\t88\t88\t3',
      '5\t丁学院\t86\t86\t86\t5',
      '',
    ].join('\r\n'),
  );
  assert.ok(host.sheetNames().includes('年度考核'));
  assert.deepEqual(host.getBlock('年度考核', 'A2:F3'), [
    ['序号', '院系', '自评分 S1（40%）', '考评分 S2（60%）', '校企合作考核得分 Sm', '名次'],
    [1, '丙学院', 90, 90, 90, 1],
  ]);
  const first = host.snapshot();
  const again = await appraisalText(ctx);
  assert.equal(again.tsv, r.tsv);
  assert.equal(host.snapshot(), first);
});

test('without a summary the appraisal ranks the workbook itself; a hand-edited summary is refused', async () => {
  const host = await fourDepartments();
  const ctx = context(host);
  const direct = await appraisalText(ctx);
  assert.equal(direct.ok, true, direct.message);
  assert.deepEqual(direct.departments?.map((d) => d.rank), [1, 2, 2, 4]);
  await buildSummary(ctx);
  const s = summaryBlock(host);
  host.set(s.sheet, cellAddress(s.block.top + 2, s.block.left + 4), 100);
  const r = await appraisalText(ctx);
  assert.equal(r.ok, false);
  assert.equal(r.problems[0].code, 'summary_edited');
  assert.equal(r.tsv, undefined);
});

test('the appraisal sheet and text take the weights from the rubric in use, not 40% / 60%', async () => {
  const { readFileSync } = await import('node:fs');
  const rubric = JSON.parse(readFileSync(new URL('../../rubrics/2023-trial.json', import.meta.url), 'utf8')) as Json;
  rubric.weights = { self: '0.3', assessor: '0.7' };
  const engine = testEngine();
  const withRubric = <T extends object | undefined>(o: T) => ({ ...(o ?? {}), rubric }) as T;
  // Next year's rubric: another weighting, handed to every engine call.
  const other: typeof engine = {
    ...engine,
    rubricInfo: () => ({ ...engine.rubricInfo(), weights: { self: 0.3, assessor: 0.7 } }),
    rankDepartments: (rows, o) => engine.rankDepartments(rows, withRubric(o)),
    weightedScore: (a, b, o) => engine.weightedScore(a, b, withRubric(o)),
  };
  const host = await fourDepartments();
  const r = await appraisalText({ host, engine: other, locale: 'zh' }, );
  assert.equal(r.ok, true, r.message);
  assert.equal(r.tsv?.split('\r\n')[0], '序号\t院系\t自评分 S1（30%）\t考评分 S2（70%）\t校企合作考核得分 Sm\t名次');
  const sheet = host.getBlock('年度考核', 'A1:A7').map((row) => row[0]);
  assert.equal(sheet[6], '注：Sm = S1×30% + S2×70%，四舍五入保留 2 位小数；得分相同者名次并列。');
  const en = await appraisalText({ host: await fourDepartments(), engine: other, locale: 'en' });
  assert.equal(en.tsv?.split('\r\n')[0], 'No.\tDepartment\tSelf S1 (30%)\tAssessor S2 (70%)\tCooperation score Sm\tRank');
});

test('a column inserted between the summary and its record is survived: the record is found by the name, the new column left alone', async () => {
  const host = await fourDepartments();
  const ctx = context(host);
  assert.equal((await buildSummary(ctx)).ok, true);
  const { sheet } = summaryBlock(host);
  host.insertColumns(sheet, 6, 1); // a new column G; the record moves to H
  host.set(sheet, 'G3', '备注：已核对');
  assert.match(String(host.get(sheet, 'H3')), /^coop1:/);
  const again = await buildSummary(ctx, [{ department: '外院', s1: 80, s2: 80 }]);
  assert.equal(again.ok, true, again.message);
  assert.equal(host.get(sheet, 'G3'), '备注：已核对', "the user's column is not written");
  assert.equal(host.get(sheet, 'G7'), null);
  assert.match(String(host.get(sheet, 'H7')), /^coop1:/, 'the new row has its record in the moved column');
  // The summary's block and its moved record; then the 平台建设目标 sheet's block and record
  // (title, note, header, four departments with facts, the college: 外院 has scores only).
  assert.deepEqual(again.written.map((w) => [w.sheet, w.address]), [[sheet, 'A1:F7'], [sheet, 'H1:H7'], ['平台建设目标', 'A1:J8']]);
  assert.equal((await appraisalText(ctx)).ok, true, 'the appraisal reads the summary through the same name');
});

test('a deleted record column or a column inserted into the summary is explained, nothing written', async () => {
  for (const [edit, at, count] of [['record deleted', 6, -1], ['column inserted into the block', 2, 1]] as const) {
    const host = await fourDepartments();
    const ctx = context(host);
    assert.equal((await buildSummary(ctx)).ok, true);
    const { sheet } = summaryBlock(host);
    host.insertColumns(sheet, at, count);
    const before = host.snapshot();
    const r = await buildSummary(ctx);
    assert.equal(r.ok, false, edit);
    assert.deepEqual(r.problems.map((p) => [p.code, p.address]), [['result_reshaped', 'A1']], edit);
    const span = count < 0 ? 'A1:F6' : 'A1:H6';
    assert.equal(
      r.message,
      `校企合作汇总!${span}（加载项写入的 6 列及其右侧隐藏的记录列）中插入或删除了列，加载项无法确认哪些单元格是它写入的，未写入任何内容：请撤销该操作；若其中没有需要保留的内容，也可删除工作表“校企合作汇总”后重新运行`,
      edit,
    );
    assert.equal(host.snapshot(), before, `${edit}: nothing written`);
  }
});

test('a summary of the first results (its name over the block alone) is still read, and its name then spans the record', async () => {
  const host = await fourDepartments();
  const ctx = context(host);
  assert.equal((await buildSummary(ctx)).ok, true);
  const n = host.name(SUMMARY_NAME)!;
  await host.defineNames([{ ...n, address: 'A1:F6' }]); // as earlier versions named it
  const again = await buildSummary(ctx);
  assert.equal(again.ok, true, again.message);
  assert.equal(host.name(SUMMARY_NAME)?.address, 'A1:G6');
});
