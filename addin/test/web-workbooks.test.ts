/**
 * The flow over real .xlsx files through the ExcelJS host, with the file saved and read back
 * between actions, as the web page and the Excel pane's "other workbooks" do: the workbooks
 * the page hands out score as the golden case says, every action keeps what the product does
 * not own, and running an action again leaves the file as it was.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { appraisalText, buildSummary, fillScores, insertTemplate, validateWorkbook, type ActionReport, type FlowContext } from '../src/flow/index.js';
import { XlsxHost } from '../src/host/xlsx.js';
import { departmentWorkbook, templateWorkbook } from '../src/web/workbooks.js';
import { testEngine } from './support/engine.js';

const facts = JSON.parse(readFileSync(fileURLToPath(new URL('../../tests/cases/base-facts.json', import.meta.url)), 'utf8')) as Record<string, unknown>;
const engine = testEngine();

async function reopen(host: XlsxHost): Promise<XlsxHost> {
  return XlsxHost.load(await host.save());
}

function ctx(host: XlsxHost): FlowContext {
  return { host, engine, locale: 'zh' };
}

/** Every sheet's values, for comparing two saved workbooks. */
async function values(host: XlsxHost): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const ws of host.workbook.worksheets) {
    const cells: Record<string, unknown> = {};
    ws.eachRow((row) => row.eachCell((cell) => (cells[cell.address] = [cell.value, cell.note ?? null])));
    out[ws.name] = cells;
  }
  return out;
}

test('a department workbook typed from the §3 facts scores 88, and S2 follows the assessors', async () => {
  const plain = await reopen(await departmentWorkbook(engine, facts));
  const report = await fillScores(ctx(plain));
  assert.equal(report.ok, true, report.message);
  assert.deepEqual(report.departments?.map((d) => [d.department, d.s1, d.s2, d.final]), [['机电工程学院', 88, 88, 88]]);
  // Assessors found 120 local interns of 200 (60%): C5 20 instead of 19 → S2 89, Sm 0.4×88 + 0.6×89 = 88.6.
  const corrected = await reopen(await departmentWorkbook(engine, facts, { internship: { local: 120 } }));
  const again = await fillScores(ctx(corrected));
  assert.deepEqual(again.departments?.map((d) => [d.s1, d.s2, d.final]), [[88, 89, 88.6]]);
});

test('the empty template is the flow’s own and has nothing to score yet', async () => {
  const host = await XlsxHost.load(await templateWorkbook(engine));
  const report = await validateWorkbook(ctx(host));
  assert.equal(report.ok, false);
  // Blank inputs and an empty majors table: nothing typed yet, nothing else wrong.
  assert.deepEqual([...new Set(report.problems.map((p) => p.code))].sort(), ['missing', 'no_majors']);
  // The downloaded file hides the score sheet's record column O, header and all, and nothing else.
  const hidden = host.workbook.worksheets.map((ws) => [ws.name, Array.from({ length: 20 }, (_, i) => i + 1).filter((c) => ws.getColumn(c).hidden)]);
  assert.deepEqual(hidden.filter(([, cols]) => cols.length > 0), [[host.workbook.worksheets.find((ws) => ws.name.endsWith('评分'))!.name, [15]]]);
  const score = host.workbook.worksheets.find((ws) => ws.name.endsWith('评分'))!;
  assert.equal(score.getCell('O3').value, '加载项记录（请勿修改）');
});

test('every action keeps cells and sheets the product does not own, and a second run changes nothing', async () => {
  let host = await departmentWorkbook(engine, facts);
  const own = host.workbook.addWorksheet('自有表');
  own.getCell('A1').value = '自有数据';
  own.getCell('B2').value = { formula: 'A1&"!"', result: '自有数据!' };
  const factsSheet = host.workbook.worksheets.find((w) => w.name.endsWith('填报'))!;
  factsSheet.getCell('J6').value = '旁注';
  host = await reopen(host);

  const run = async (action: (c: FlowContext) => Promise<ActionReport>): Promise<ActionReport> => {
    const report = await action(ctx(host));
    host = await reopen(host);
    assert.equal(host.workbook.getWorksheet('自有表')!.getCell('A1').value, '自有数据');
    assert.equal(host.workbook.getWorksheet('自有表')!.getCell('B2').formula, 'A1&"!"');
    assert.equal(host.workbook.getWorksheet(factsSheet.name)!.getCell('J6').value, '旁注');
    return report;
  };
  const actions = [validateWorkbook, fillScores, (c: FlowContext) => buildSummary(c), appraisalText];
  for (const action of actions) assert.equal((await run(action)).ok, true);
  const once = await values(host);
  for (const action of actions) assert.equal((await run(action)).ok, true);
  assert.deepEqual(await values(host), once, 'the second run wrote nothing new');

  // Inserting a second department's template adds its sheets and touches nothing else.
  const inserted = await run((c) => insertTemplate(c, { department: '信息工程学院', year: '2023-2024' }));
  assert.equal(inserted.ok, true, inserted.message);
  const after = await values(host);
  for (const [sheet, cells] of Object.entries(once)) assert.deepEqual(after[sheet], cells, `${sheet} unchanged by insertTemplate`);
});
