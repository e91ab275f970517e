/**
 * 平台建设目标 (RUBRIC.md §10) in the add-in: the table made of the engine's platformTargets
 * (expectations worked by hand from §10 and §7: every target, absent inputs 未填报 and never
 * met, no ledger → the ledger targets not reported, the college's counts summed and ratios
 * of sums), and the sheet 生成汇总 writes from the assessors' verified facts: owned through
 * its record column, unchanged by a second run, stopped by a cell it does not own, and
 * workbooks made before the platform inputs validated and scored as before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSummary, fillScores, validateWorkbook } from '../src/flow/index.js';
import { targetsTable, TARGETS_NAME } from '../src/flow/targets.js';
import { blockAddress, blockOf, cellAddress, contains, parseBlock } from '../src/host/a1.js';
import { FACTS_COLUMNS } from '../src/template/columns.js';
import { TARGET_FILLS } from '../src/template/targets.js';
import { baseFacts, context, fieldCell, workbookWith, type Json } from './support/flow-fixture.js';
import { testEngine } from './support/engine.js';
import type { MemoryHost } from './support/memory-host.js';

const IDS = ['enterprises', 'platform_projects', 'majors_co_built', 'industry_college', 'committee', 'training_base', 'employment', 'research_outputs'];

/** A department's facts without the ledger-derived major fields, with a ledger of `projects`. */
function withLedger(department: string, majors: string[], projects: Json[], extra: Json = {}): Json {
  const f = baseFacts();
  return {
    ...f,
    ...extra,
    department,
    majors: majors.map((name) => ({ name })),
    order_classes: [],
    projects,
  };
}

const project = (enterprise: string, major: string, forms: string[], signed = '2023-03-01'): Json => ({ enterprise, major, forms, signed });

/**
 * 甲 (ledger): A 机电 [major_building, research]; B 机器人 [industry_college, campus_base,
 * entrepreneurship]; A 机器人 [equipment_sharing, research]; C 机电 [major_building] signed
 * 2024-09-15, after the year (2023-09-01 … 2024-08-31): it does not count. employed 190/200,
 * committee 是, research outputs 2.
 * 乙 (no ledger): employed 194/200, committee 否, research outputs not given.
 * 丙 (ledger, one major X): A X [campus_base, major_building]; D X [other]. No committee, no
 * employed, research outputs 0.
 */
function threeDepartments(): Array<{ department: string; facts: Json }> {
  const 甲 = withLedger('甲学院', ['机电一体化技术', '工业机器人技术'], [
    project('A公司', '机电一体化技术', ['major_building', 'research']),
    project('B公司', '工业机器人技术', ['industry_college', 'campus_base', 'entrepreneurship'], '2023-10-01'),
    project('A公司', '工业机器人技术', ['equipment_sharing', 'research']),
    project('C公司', '机电一体化技术', ['major_building'], '2024-09-15'),
  ], { employment: { local: 52, graduates: 200, employed: 190 }, platform: { committee: '是', research_outputs: 2 } });
  const 乙 = { ...baseFacts(), department: '乙学院', employment: { local: 52, graduates: 200, employed: 194 }, platform: { committee: '否' } };
  const 丙 = withLedger('丙学院', ['X专业'], [
    project('A公司', 'X专业', ['campus_base', 'major_building']),
    project('D公司', 'X专业', ['other']),
  ], { platform: { research_outputs: 0 } });
  return [甲, 乙, 丙].map((facts) => ({ department: String(facts.department), facts }));
}

test('the targets table: every target of every department, worked by hand from RUBRIC §10', () => {
  const table = targetsTable(testEngine(), 'zh', threeDepartments());
  assert.deepEqual(table.targets.map((t) => [t.id, t.goal]), [
    ['enterprises', '≥ 3'], ['platform_projects', '≥ 3'], ['majors_co_built', '100%'], ['industry_college', '≥ 1'],
    ['committee', '有'], ['training_base', '≥ 1'], ['employment', '≥ 96%'], ['research_outputs', '≥ 1'],
  ]);
  const cells = (i: number) => table.departments[i].cells.map((c) => [c.id, c.text, c.state]);
  // 甲: enterprises A, B (C's project does not count) = 2; projects 1 (research), 2
  // (entrepreneurship), 3 (equipment sharing and research: once) = 3; co-built 机电 of 2
  // majors = 50%; one industry college, so the one campus base applies; 190/200 = 95%.
  assert.deepEqual(cells(0), [
    ['enterprises', '2 / 3 ✗', 'not_met'],
    ['platform_projects', '3 / 3 ✓', 'met'],
    ['majors_co_built', '50.00% / 100% ✗', 'not_met'],
    ['industry_college', '1 / 1 ✓', 'met'],
    ['committee', '有 / 有 ✓', 'met'],
    ['training_base', '1 / 1 ✓', 'met'],
    ['employment', '95.00% / 96% ✗', 'not_met'],
    ['research_outputs', '2 / 1 ✓', 'met'],
  ]);
  // 乙 has no ledger: its five ledger targets are not reported, never met by default.
  assert.deepEqual(cells(1), [
    ['enterprises', '未填报', 'not_reported'],
    ['platform_projects', '未填报', 'not_reported'],
    ['majors_co_built', '未填报', 'not_reported'],
    ['industry_college', '未填报', 'not_reported'],
    ['committee', '没有 / 有 ✗', 'not_met'],
    ['training_base', '未填报', 'not_reported'],
    ['employment', '97.00% / 96% ✓', 'met'],
    ['research_outputs', '未填报', 'not_reported'],
  ]);
  // 丙: no industry college, so its campus base is shown but the target does not apply.
  assert.deepEqual(cells(2), [
    ['enterprises', '2 / 3 ✗', 'not_met'],
    ['platform_projects', '0 / 3 ✗', 'not_met'],
    ['majors_co_built', '100.00% / 100% ✓', 'met'],
    ['industry_college', '0 / 1 ✗', 'not_met'],
    ['committee', '未填报', 'not_reported'],
    ['training_base', '不适用（1）', 'not_applicable'],
    ['employment', '未填报', 'not_reported'],
    ['research_outputs', '0 / 1 ✗', 'not_met'],
  ]);
  // The college: enterprises distinct across it (A, B, D); co-built (1 + 1) / (2 + 1) and
  // employment (190 + 194) / (200 + 200) as ratios of sums; the rest summed over the
  // departments whose input is present; (met / reported).
  assert.equal(table.college.department, '全院');
  assert.deepEqual(table.college.cells.map((c) => [c.id, c.text]), [
    ['enterprises', '3（达标 0/2）'],
    ['platform_projects', '3（达标 1/2）'],
    ['majors_co_built', '66.67%（达标 1/2）'],
    ['industry_college', '1（达标 1/2）'],
    ['committee', '1（达标 1/2）'],
    ['training_base', '2（达标 1/1）'],
    ['employment', '96.00%（达标 1/2）'],
    ['research_outputs', '2（达标 1/2）'],
  ]);
});

test('without any ledger the ledger targets are not reported for the college either', () => {
  const [, 乙] = threeDepartments();
  const table = targetsTable(testEngine(), 'en', [乙, { department: '丁学院', facts: { ...baseFacts(), department: '丁学院' } }]);
  assert.deepEqual(table.departments[1].cells.map((c) => c.text), Array(8).fill('not reported'));
  assert.deepEqual(table.college.cells.map((c) => [c.id, c.text]), [
    ['enterprises', 'not reported'],
    ['platform_projects', 'not reported'],
    ['majors_co_built', 'not reported'],
    ['industry_college', 'not reported'],
    // 乙's 否 counts as reported (0 departments with one); 丁 gave nothing.
    ['committee', '0 (met 0/1)'],
    ['training_base', 'not reported'],
    ['employment', '97.00% (met 1/1)'],
    ['research_outputs', 'not reported'],
  ]);
});

/** The facts of the workbook tests: 甲 and 乙 with platform inputs, 丙 without. */
function platformFacts(department: string): Json {
  const f = baseFacts();
  if (department === '甲学院') return { ...f, employment: { local: 52, graduates: 200, employed: 196 }, platform: { committee: '是', research_outputs: 3 } };
  if (department === '乙学院') return { ...f, employment: { local: 52, graduates: 200, employed: 150 }, platform: { committee: '否', research_outputs: 0 } };
  return f;
}

function targetsBlock(host: MemoryHost) {
  const n = host.name(TARGETS_NAME);
  assert.ok(n, 'the targets sheet is named');
  return { sheet: n.sheet, block: parseBlock(n.address), values: host.getBlock(n.sheet, n.address) };
}

test('生成汇总 writes 平台建设目标 from the assessors\' facts, with the college last; a second run changes nothing', async () => {
  const host = await workbookWith(['甲学院', '乙学院', '丙学院'], platformFacts);
  // The assessors found 180 of 甲's 200 graduates employed (90%), not 196 (98%).
  const employed = fieldCell(host, '甲学院', 'employment.employed', 'assessor');
  host.set(employed.sheet, employed.address, 180);
  const ctx = context(host);
  const r = await buildSummary(ctx);
  assert.equal(r.ok, true, r.message);
  assert.match(r.message, /平台建设目标见“平台建设目标”/);
  const t = targetsBlock(host);
  assert.equal(t.sheet, '平台建设目标');
  assert.equal(blockAddress(t.block), 'A1:J7', 'title, note, header, three departments, the college; the record in J');
  assert.equal(t.values[0][0], '平台建设目标（2023-2024）');
  assert.match(String(t.values[1][0]), /^依据：考核组核实后的填报数据（考评栏，空白按院系自评），即计算考评分 S2 的数据。/);
  assert.deepEqual(t.values[2].slice(0, 9).map((v) => String(v).split('\n')[0]), [
    '院系', '参与平台建设的优质企业（家）', '科技创新、创新创业、设备共享项目（个）', '校企共建专业占比（%）', '产业学院（个）',
    '专业建设委员会', '多功能实训基地（有产业学院时，个）', '就业率（%）', '科研成果（项）',
  ]);
  const body = t.values.slice(3).map((row) => row.slice(0, 9));
  const none = '未填报';
  assert.deepEqual(body, [
    ['甲学院', none, none, none, none, '有 / 有 ✓', none, '90.00% / 96% ✗', '3 / 1 ✓'],
    ['乙学院', none, none, none, none, '没有 / 有 ✗', none, '75.00% / 96% ✗', '0 / 1 ✗'],
    ['丙学院', none, none, none, none, none, none, none, none],
    // committee 1 + 0; employment (180 + 150) / (200 + 200) = 82.5%; outputs 3 + 0.
    ['全院', none, none, none, none, '1（达标 1/2）', none, '82.50%（达标 0/2）', '3（达标 1/2）'],
  ]);
  assert.match(String(t.values[3][9]), /^coop1:/, 'each row carries its record');
  assert.deepEqual(r.targets?.departments.map((d) => d.department), ['甲学院', '乙学院', '丙学院']);
  // The fills repeat the text: 甲's committee green, its employment red, 丙's grey.
  // The last fill set over the cell (neighbours of one state share a block).
  const fillOf = (row: number, col: number) => {
    const hits = host.formats.filter((f) => f.sheet === t.sheet && f.format.fill && contains(parseBlock(f.address), { row, col }));
    return hits[hits.length - 1]?.format.fill;
  };
  assert.equal(fillOf(3, 5), TARGET_FILLS.met);
  assert.equal(fillOf(3, 7), TARGET_FILLS.not_met);
  assert.equal(fillOf(5, 1), TARGET_FILLS.not_reported);
  assert.equal(fillOf(4, 5), TARGET_FILLS.not_met, '乙学院 committee 否: red');
  assert.equal(fillOf(6, 5), TARGET_FILLS.college, 'the college row white');

  const before = host.snapshot();
  const again = await buildSummary(ctx);
  assert.equal(again.ok, true, again.message);
  assert.equal(host.snapshot(), before, 'running twice changes nothing more');
});

test('a cell of 平台建设目标 holding someone else\'s data stops 生成汇总 with nothing written, and is named', async () => {
  const host = await workbookWith(['甲学院', '乙学院'], platformFacts);
  const ctx = context(host);
  assert.equal((await buildSummary(ctx)).ok, true);
  const { sheet } = targetsBlock(host);
  host.set(sheet, 'C4', '待核实');
  // A fact changes, so the summary would be rewritten too: neither sheet may be.
  const c = fieldCell(host, '乙学院', 'reports.missed', 'assessor');
  host.set(c.sheet, c.address, 5);
  const before = host.snapshot();
  const r = await buildSummary(ctx);
  assert.equal(r.ok, false);
  assert.deepEqual(r.problems.map((p) => [p.code, p.sheet, p.address]), [['foreign_data', sheet, 'C4']]);
  assert.match(r.message, /平台建设目标!C4/);
  assert.equal(host.snapshot(), before, 'nothing written, the summary included');
});

test('a shorter list clears the rows it no longer needs on 平台建设目标; records handed in with scores only are named, not listed', async () => {
  const host = await workbookWith(['甲学院', '乙学院'], platformFacts);
  const ctx = context(host);
  assert.equal((await buildSummary(ctx, [{ department: '外院', s1: 90, s2: 90, facts: { ...platformFacts('乙学院'), department: '外院' } }])).ok, true);
  assert.equal(blockAddress(targetsBlock(host).block), 'A1:J7');
  const r = await buildSummary(ctx, [{ department: '外院', s1: 90, s2: 90 }]);
  assert.equal(r.ok, true, r.message);
  const t = targetsBlock(host);
  assert.equal(blockAddress(t.block), 'A1:J6');
  assert.match(String(t.values[1][0]), /另有 外院 只提供了分数、没有填报数据，未列入。/);
  assert.deepEqual(host.getBlock(t.sheet, 'A7:J7'), [Array(10).fill(null)], 'the row the longer list used is cleared');
  assert.equal(host.get(t.sheet, 'A6'), '全院');
});

test('a workbook made before the platform inputs (no rows for them) validates and scores as before; its targets are 未填报', async () => {
  const host = await workbookWith(['甲学院'], () => baseFacts());
  const ctx = context(host);
  assert.equal((await fillScores(ctx)).ok, true);
  const fresh = await workbookWith(['甲学院'], () => baseFacts());
  // Take the three platform rows out of the template, as one made before them: no tag, no value.
  for (const path of ['employment.employed', 'platform.committee', 'platform.research_outputs']) {
    const c = fieldCell(fresh, '甲学院', path);
    const row = parseBlock(c.address).top;
    for (let col = 0; col <= FACTS_COLUMNS.tag; col++) fresh.set(c.sheet, cellAddress(row, col), null);
  }
  const old = context(fresh);
  const v = await validateWorkbook(old);
  assert.equal(v.ok, true, v.message);
  const f = await fillScores(old);
  assert.equal(f.ok, true, f.message);
  assert.deepEqual(f.departments?.map((d) => [d.s1, d.s2]), [[88, 88]], 'the example of RUBRIC §3 still scores 88');
  // The score sheet is what it is with today's template.
  const scores = (h: MemoryHost) => h.getBlock('甲学院-评分', blockAddress(blockOf(0, 0, 30, 15)));
  assert.deepEqual(scores(fresh), scores(host));
  const s = await buildSummary(old);
  assert.equal(s.ok, true, s.message);
  assert.deepEqual(targetsBlock(fresh).values[3].slice(0, 9), ['甲学院', ...IDS.map(() => '未填报')]);
});

test('the template labels the platform inputs 平台 · 平台建设目标（不计分）, 就业人数 right under 毕业生总人数', async () => {
  const host = await workbookWith(['甲学院'], () => baseFacts());
  const row = (path: string) => {
    const c = fieldCell(host, '甲学院', path);
    const top = parseBlock(c.address).top;
    return { top, values: host.getBlock(c.sheet, blockAddress(blockOf(top, 0, 1, 3)))[0] };
  };
  assert.equal(row('employment.employed').top, row('employment.graduates').top + 1);
  for (const [path, label] of [
    ['employment.employed', '毕业生就业人数'],
    ['platform.committee', '成立专业建设委员会'],
    ['platform.research_outputs', '年度科研成果数（论文、专利、专著、课题）'],
  ]) assert.deepEqual(row(path).values, ['平台', '平台建设目标（不计分）', label], path);
  // A scored input keeps its rubric line.
  assert.deepEqual(row('employment.graduates').values.slice(0, 1), ['C6']);
});

test('in English the sheet and the table speak English, the marks the same', async () => {
  const host = await workbookWith(['甲学院'], platformFacts);
  const r = await buildSummary(context(host, 'en'));
  assert.equal(r.ok, true, r.message);
  const t = targetsBlock(host);
  assert.equal(t.sheet, 'Platform targets');
  assert.equal(t.values[0][0], 'Platform targets (2023-2024)');
  assert.match(String(t.values[1][0]), /^From the assessors' verified facts/);
  assert.deepEqual(t.values[3].slice(0, 9), ['甲学院', 'not reported', 'not reported', 'not reported', 'not reported', 'yes / yes ✓', 'not reported', '98.00% / 96% ✓', '3 / 1 ✓']);
  assert.equal(t.values[4][0], 'College');
});

test('facts with a ledger reach the sheet through 生成汇总: the ledger targets of a department from another workbook', async () => {
  const host = await workbookWith(['乙学院'], platformFacts);
  const [甲] = threeDepartments();
  // 甲学院 read from its own workbook (readDepartments hands its S2 facts on with its scores).
  const r = await buildSummary(context(host), [{ department: '甲学院', s1: 88, s2: 88, facts: 甲.facts }]);
  assert.equal(r.ok, true, r.message);
  const t = targetsBlock(host);
  assert.deepEqual(t.values.slice(3).map((row) => row.slice(0, 9)), [
    ['乙学院', '未填报', '未填报', '未填报', '未填报', '没有 / 有 ✗', '未填报', '75.00% / 96% ✗', '0 / 1 ✗'],
    ['甲学院', '2 / 3 ✗', '3 / 3 ✓', '50.00% / 100% ✗', '1 / 1 ✓', '有 / 有 ✓', '1 / 1 ✓', '95.00% / 96% ✗', '2 / 1 ✓'],
    // Only 甲 keeps a ledger: the college's ledger figures are its own, reported by 1.
    ['全院', '2（达标 0/1）', '3（达标 1/1）', '50.00%（达标 0/1）', '1（达标 1/1）', '1（达标 1/2）', '1（达标 1/1）', '85.00%（达标 0/2）', '2（达标 1/2）'],
  ]);
});

test('percentages show 2 decimals rounded half up as written in decimal; counts and yes/no as they are', async () => {
  const { departmentCell } = await import('../src/flow/targets.js');
  const cell = (id: string, actual: number | undefined, target: number, met: boolean | undefined) =>
    departmentCell('zh', { id, name: id, actual, target, met, note: '' }).text;
  assert.equal(cell('employment', 1.005, 96, false), '1.01% / 96% ✗', 'not 1.00 (toFixed of the double under 1.005)');
  assert.equal(cell('employment', 200 / 3, 96, false), '66.67% / 96% ✗');
  assert.equal(cell('employment', 96, 96, true), '96.00% / 96% ✓', 'exactly the target meets it');
  assert.equal(cell('majors_co_built', 100, 100, true), '100.00% / 100% ✓');
  assert.equal(cell('committee', 0, 1, false), '没有 / 有 ✗');
  assert.equal(cell('training_base', 2, 1, undefined), '不适用（2）');
  assert.equal(cell('research_outputs', undefined, 1, undefined), '未填报');
});
