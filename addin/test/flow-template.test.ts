/**
 * insertTemplate on the in-memory host: the sheets, every defined name the flow relies on,
 * the dropdowns, several departments in one workbook, and a second run that changes nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { insertTemplate, ACTIONS } from '../src/flow/index.js';
import { departmentKey, nameOf, requiredSuffixes, fieldSuffix } from '../src/flow/names.js';
import { BOOL_LIST, CLASS_COLUMNS, FACT_FIELDS, MAJOR_COLUMNS, STAFFING_LIST, TABLE_ROWS } from '../src/template/fields.js';
import { instructionsPlan, SCORE_FINAL } from '../src/template/layout.js';
import { blockAddress, blockOf, cellAddress, parseBlock } from '../src/host/a1.js';
import { MemoryHost } from './support/memory-host.js';
import { context } from './support/flow-fixture.js';

test('the template adds instructions, facts and score sheets with every defined name', async () => {
  const host = new MemoryHost();
  const r = await insertTemplate(context(host), { department: '机电工程学院', year: '2023-2024' });
  assert.equal(r.ok, true, r.message);
  assert.deepEqual(host.sheetNames(), ['填报说明', '机电工程学院-填报', '机电工程学院-评分', '机电工程学院-台账']);
  const key = departmentKey('机电工程学院');
  for (const suffix of requiredSuffixes()) assert.ok(host.name(nameOf(key, suffix)), `name ${suffix}`);
  const dept = host.name(nameOf(key, 'department'));
  assert.equal(host.get(dept!.sheet, dept!.address), '机电工程学院');
  const year = host.name(nameOf(key, 'year'));
  assert.equal(host.get(year!.sheet, year!.address), '2023-2024');
  // The self and assessor cells of every input sit side by side on one row, both empty.
  for (const f of FACT_FIELDS) {
    const s = parseBlock(host.name(nameOf(key, fieldSuffix(f.path, 'self')))!.address);
    const a = parseBlock(host.name(nameOf(key, fieldSuffix(f.path, 'assessor')))!.address);
    assert.equal(s.top, a.top, f.path);
    assert.equal(a.left, s.left + 1, f.path);
    assert.equal(host.get('机电工程学院-填报', host.name(nameOf(key, fieldSuffix(f.path, 'self')))!.address), null);
  }
  // The score sheet's header names the college's columns.
  const header = host.getBlock('机电工程学院-评分', 'A3:N4').flat();
  for (const label of ['项目', '考核内容', '分值', '院系自评', '考核组考评', '扣分', '加分', '得分']) assert.ok(header.includes(label), label);
  assert.match(String(host.get('填报说明', 'A2')), /40%/);
  assert.equal(r.written.length > 0, true);
});

test('every yes/no and choice cell has a dropdown', async () => {
  const host = new MemoryHost();
  await insertTemplate(context(host), { department: '机电工程学院' });
  const key = departmentKey('机电工程学院');
  const listAt = (sheet: string, address: string) => {
    const cell = parseBlock(address);
    return host.validations.find((v) => {
      const b = parseBlock(v.address);
      return v.sheet === sheet && cell.top >= b.top && cell.top <= b.bottom && cell.left >= b.left && cell.left <= b.right;
    })?.list;
  };
  for (const f of FACT_FIELDS) {
    for (const column of ['self', 'assessor'] as const) {
      const n = host.name(nameOf(key, fieldSuffix(f.path, column)))!;
      const list = listAt(n.sheet, n.address);
      if (f.kind === 'bool') assert.deepEqual(list, BOOL_LIST, f.path);
      else if (f.path === 'staffing') assert.deepEqual(list, STAFFING_LIST);
      else if (f.kind === 'choice') assert.ok(list, f.path);
      else assert.equal(list, undefined, `${f.path} is a count, not a choice`);
    }
  }
  // The base columns of the majors table (D–G under the header) carry the yes/no list.
  const majors = parseBlock(host.name(nameOf(key, 'majors'))!.address);
  for (let c = 3; c <= 6; c++) {
    assert.deepEqual(listAt('机电工程学院-填报', `${String.fromCharCode(65 + c)}${majors.top + 2}`), BOOL_LIST);
  }
});

test('the order classes\' 所属专业 cells drop down the names of the majors table', async () => {
  const host = new MemoryHost();
  await insertTemplate(context(host), { department: '机电工程学院' });
  const key = departmentKey('机电工程学院');
  const facts = '机电工程学院-填报';
  const majors = parseBlock(host.name(nameOf(key, 'majors'))!.address);
  const classes = parseBlock(host.name(nameOf(key, 'classes'))!.address);
  const majorCol = CLASS_COLUMNS.findIndex((c) => c.key === 'major');
  const nameCol = MAJOR_COLUMNS.findIndex((c) => c.key === 'name');
  const ranged = host.validations.filter((v) => v.source && v.sheet === facts);
  // One rule on the facts sheet (the ledger sheet has its own, test/flow-ledger.test.ts): the 所属专业 column (shared, no assessor twin) over every prepared row …
  assert.deepEqual(ranged.map((v) => ({ sheet: v.sheet, address: v.address })), [
    { sheet: facts, address: blockAddress(blockOf(classes.top + 1, classes.left + majorCol, TABLE_ROWS, 1)) },
  ]);
  // … whose choices are the majors table's name column, every prepared row of it.
  assert.deepEqual(ranged[0].source, { sheet: facts, address: blockAddress(blockOf(majors.top + 1, majors.left + nameCol, TABLE_ROWS, 1)) });
  assert.equal(host.get(facts, cellAddress(majors.top, majors.left + nameCol)), '专业名称');
  assert.equal(host.get(facts, cellAddress(classes.top, classes.left + majorCol)), '所属专业');
  // Rows inserted inside the majors table widen the source, as Excel moves absolute references.
  host.insertRows(facts, majors.top + 3, 2);
  const moved = host.validations.find((v) => v.source)!;
  assert.deepEqual(moved.source, { sheet: facts, address: blockAddress(blockOf(majors.top + 1, majors.left + nameCol, TABLE_ROWS + 2, 1)) });
});

test('the score sheet gives Sm a labelled final row and a merged cell of its own', async () => {
  const host = new MemoryHost();
  await insertTemplate(context(host), { department: '机电工程学院' });
  const key = departmentKey('机电工程学院');
  const score = '机电工程学院-评分';
  const out = parseBlock(host.name(nameOf(key, 'out'))!.address);
  const finalRow = out.bottom;
  assert.equal(host.get(score, cellAddress(finalRow - 1, 1)), '合计');
  assert.equal(host.get(score, cellAddress(finalRow, 1)), '最终得分 Sm = S1×40% + S2×60%');
  const merged = host.formats.filter((f) => f.sheet === score && f.format.merge && parseBlock(f.address).top === finalRow).map((f) => f.address);
  const valueCol = out.left + SCORE_FINAL.value;
  assert.deepEqual(merged.sort(), [
    blockAddress(blockOf(finalRow, 1, 1, 3)),
    blockAddress(blockOf(finalRow, valueCol, 1, SCORE_FINAL.merged)),
  ].sort());
  // Sm's cell spans both the self and the assessor columns (E–L) and stays inside the output block.
  assert.equal(valueCol, 4);
  assert.equal(valueCol + SCORE_FINAL.merged - 1, 11);
  assert.equal(out.left + SCORE_FINAL.worked, 12);
});

test('a second department joins the workbook; the same one again changes nothing', async () => {
  const host = new MemoryHost();
  const ctx = context(host);
  await insertTemplate(ctx, { department: '机电工程学院' });
  const second = await insertTemplate(ctx, { department: '信息工程学院' });
  assert.equal(second.ok, true);
  assert.deepEqual(host.sheetNames(), ['填报说明', '机电工程学院-填报', '机电工程学院-评分', '机电工程学院-台账', '信息工程学院-填报', '信息工程学院-评分', '信息工程学院-台账']);
  const before = host.snapshot();
  const again = await insertTemplate(ctx, { department: '信息工程学院' });
  assert.equal(again.ok, true);
  assert.deepEqual(again.written, []);
  assert.match(again.message, /已在工作表/);
  assert.equal(host.snapshot(), before);
});

test('the record column is hidden by insertTemplate, still read and written by the flow; a second insert changes nothing', async () => {
  const { fillScores } = await import('../src/flow/index.js');
  const { typeFacts, baseFacts } = await import('./support/flow-fixture.js');
  const host = new MemoryHost();
  const ctx = context(host);
  const score = '机电工程学院-评分';
  const r = await insertTemplate(ctx, { department: '机电工程学院', year: '2023-2024' });
  assert.equal(r.ok, true, r.message);
  assert.equal(host.calls.hideColumns, 1, 'hidden in the same action, in one call');
  assert.deepEqual(host.hiddenColumns(score), ['O']);
  assert.deepEqual(host.hiddenColumns('机电工程学院-填报'), [], 'the facts sheet has no record column');
  assert.deepEqual(host.hiddenColumns('填报说明'), []);
  // Every record column of the score sheet's owned blocks is the hidden one.
  const key = departmentKey('机电工程学院');
  for (const suffix of ['head', 'out']) assert.equal(parseBlock(host.name(nameOf(key, suffix))!.address).right + 1, 14, suffix);
  // Hiding changes no value: the header a user finds on un-hiding it, grey, and the head's record.
  assert.equal(host.get(score, 'O3'), '加载项记录（请勿修改）');
  assert.match(String(host.get(score, 'O2')), /^coop1:/);
  assert.ok(host.formats.some((f) => f.sheet === score && f.format.fontColor === '#A6A6A6' && parseBlock(f.address).left === 14 && parseBlock(f.address).top <= 2));

  // The same department again: nothing written, nothing hidden, the workbook unchanged.
  const before = host.snapshot();
  host.resetCalls();
  const again = await insertTemplate(ctx, { department: '机电工程学院' });
  assert.equal(again.ok, true, again.message);
  assert.deepEqual(again.written, []);
  assert.equal(host.calls.hideColumns, 0);
  assert.equal(host.snapshot(), before);

  // The flow reads the hidden records: a second fill recognises its own output through them.
  typeFacts(host, baseFacts());
  const filled = await fillScores(ctx);
  assert.equal(filled.ok, true, filled.message);
  assert.match(String(host.get(score, 'O5')), /^coop1:/);
  const refilled = await fillScores(ctx);
  assert.equal(refilled.ok, true, refilled.message);
  assert.deepEqual(host.hiddenColumns(score), ['O']);
  // A user who un-hid the column keeps it visible: only the action that makes it hides it.
  host.unhideColumns(score);
  assert.equal((await fillScores(ctx)).ok, true);
  assert.deepEqual(host.hiddenColumns(score), []);
  assert.equal(host.get(score, 'O3'), '加载项记录（请勿修改）');
});

test("a user's sheet of the same name is left alone: the template takes a free name", async () => {
  const host = new MemoryHost();
  host.addUserSheet('机电工程学院-填报');
  host.set('机电工程学院-填报', 'A1', '我的数据');
  await insertTemplate(context(host), { department: '机电工程学院' });
  assert.equal(host.get('机电工程学院-填报', 'A1'), '我的数据');
  assert.ok(host.sheetNames().includes('机电工程学院-填报 (2)'));
  assert.equal(host.name(nameOf(departmentKey('机电工程学院'), 'department'))!.sheet, '机电工程学院-填报 (2)');
});

test('a deleted score sheet is inserted again and the facts sheet is kept', async () => {
  const { validateWorkbook, fillScores } = await import('../src/flow/index.js');
  const { typeFacts, baseFacts } = await import('./support/flow-fixture.js');
  const host = new MemoryHost();
  const ctx = context(host);
  await insertTemplate(ctx, { department: '机电工程学院', year: '2023-2024' });
  typeFacts(host, baseFacts());
  host.deleteSheet('机电工程学院-评分');
  const damaged = await validateWorkbook(ctx);
  assert.equal(damaged.ok, false);
  assert.equal(damaged.problems[0].code, 'template_damaged');
  assert.match(damaged.problems[0].message, /重新插入模板/);
  const facts = host.getBlock('机电工程学院-填报', 'A1:G70');
  const again = await insertTemplate(ctx, { department: '机电工程学院' });
  assert.equal(again.ok, true);
  assert.match(again.message, /重新插入评分表/);
  assert.deepEqual(host.getBlock('机电工程学院-填报', 'A1:G70'), facts);
  // The ledger sheet stays where it was; only the score sheet is new.
  assert.deepEqual(host.sheetNames(), ['填报说明', '机电工程学院-填报', '机电工程学院-台账', '机电工程学院-评分']);
  const filled = await fillScores(ctx);
  assert.equal(filled.ok, true, filled.message);
  assert.equal(filled.departments?.[0].s1, 88);
});

test('English locale labels the template in English and names stay the same', async () => {
  const host = new MemoryHost();
  await insertTemplate(context(host, 'en'), { department: 'Mechatronics' });
  assert.deepEqual(host.sheetNames(), ['Instructions', 'Mechatronics-facts', 'Mechatronics-scores', 'Mechatronics-ledger']);
  assert.ok(host.name(nameOf(departmentKey('Mechatronics'), 'internship_local_self')));
});

test('the action list gives the UI ids and labels in both languages', () => {
  assert.deepEqual(ACTIONS.map((a) => a.id), ['insertTemplate', 'addLedger', 'validate', 'fillScores', 'buildSummary', 'appraisalText', 'adviceSheet', 'clearMarks', 'clearScores']);
  for (const a of ACTIONS) assert.ok(a.label.zh && a.label.en && a.hint.zh && a.hint.en);
});

test('a row tag typed over is reported: the department is damaged, named by the missing place', async () => {
  const { validateWorkbook } = await import('../src/flow/index.js');
  const host = new MemoryHost();
  const ctx = context(host);
  await insertTemplate(ctx, { department: '机电工程学院' });
  const key = departmentKey('机电工程学院');
  const local = parseBlock(host.name(nameOf(key, fieldSuffix('internship.local', 'self')))!.address);
  // Column H looks empty (its number format shows nothing): someone types a remark there.
  host.set('机电工程学院-填报', `H${local.top + 1}`, '备注');
  const report = await validateWorkbook(ctx);
  assert.equal(report.ok, false);
  const damaged = report.problems.find((p) => p.code === 'template_damaged');
  assert.ok(damaged, JSON.stringify(report.problems));
  assert.match(damaged.message, /行标记.*internship_local_self.*重新插入模板/);
  assert.equal(damaged.sheet, '机电工程学院-填报');
});

test('a column inserted into a department’s score sheet is explained as such, not as lost tags', async () => {
  const { fillScores } = await import('../src/flow/index.js');
  const host = new MemoryHost();
  const ctx = context(host);
  await insertTemplate(ctx, { department: '机电工程学院' });
  host.insertColumns('机电工程学院-评分', 14, 1); // between the reasons (N) and the record (O)
  const r = await fillScores(ctx);
  assert.equal(r.ok, false);
  assert.equal(r.problems[0].code, 'template_damaged');
  assert.match(r.problems[0].message, /^工作表“机电工程学院-评分”中插入或删除了列，加载项的行标记不在原来的列中，找不到院系模板 d[0-9a-z]{6} 的 coop_d[0-9a-z]{6}_out、coop_d[0-9a-z]{6}_head、coop_d[0-9a-z]{6}_lines：请撤销该操作（Ctrl\+Z）；要加列，请加在表格右侧之外$/);
});

test('a department sheet copied inside the workbook is reported with what to do, and neither copy is read', async () => {
  const { validateWorkbook } = await import('../src/flow/index.js');
  const host = new MemoryHost();
  const ctx = context(host);
  await insertTemplate(ctx, { department: '机电工程学院' });
  await insertTemplate(ctx, { department: '信息工程学院' });
  host.copySheet('机电工程学院-填报', '机电工程学院-填报 (2)');
  const r = await validateWorkbook(ctx);
  const copied = r.problems.filter((p) => p.code === 'copied_template');
  assert.equal(copied.length, 1);
  assert.deepEqual([copied[0].sheet, copied[0].address], ['机电工程学院-填报 (2)', 'A2'], 'the copy, at its first tagged row');
  assert.equal(
    copied[0].message,
    `院系模板 ${departmentKey('机电工程学院')} 出现在 2 个工作表中（“机电工程学院-填报”、“机电工程学院-填报 (2)”），应是复制工作表产生的副本：复制的工作表不会成为新的院系，加载项也无法确定读哪一份，因此暂不读取该院系。请删除多余的副本；若要为另一个院系填报，请用“插入填报模板”插入该院系的模板，再把内容粘贴过去`,
  );
  assert.ok(r.problems.every((p) => p.code === 'copied_template' || p.department === '信息工程学院'), 'the other department is read as before');
  assert.equal(host.mark('机电工程学院-填报 (2)', 'A2'), undefined, 'no mark there');
  host.deleteSheet('机电工程学院-填报 (2)');
  assert.ok((await validateWorkbook(ctx)).problems.every((p) => p.code !== 'copied_template'));
});

test('the instructions state the rubric\'s weights, not fixed ones', () => {
  const text = (weights: { self: number; assessor: number }, locale: 'zh' | 'en') =>
    instructionsPlan('说明', locale, weights).writes.flatMap((w) => w.values.flat()).join('\n');
  assert.match(text({ self: 0.4, assessor: 0.6 }, 'zh'), /最终得分 Sm = 自评分 S1 × 40% \+ 考核组考评分 S2 × 60%/);
  assert.match(text({ self: 0.5, assessor: 0.5 }, 'zh'), /自评分 S1 × 50% \+ 考核组考评分 S2 × 50%/);
  assert.match(text({ self: 0.3, assessor: 0.7 }, 'en'), /self score S1 × 30% \+ assessor score S2 × 70%/);
});
