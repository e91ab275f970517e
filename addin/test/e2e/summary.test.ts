/**
 * The office's afternoon: six departments' returned workbooks dropped at once, one of them
 * still wrong. The wrong one is listed with its cells and blocks the summary; once removed,
 * the page ranks the rest and the downloaded summary workbook, read back with ExcelJS, holds
 * the finals and shared ranks worked by hand below, plus the text for the appraisal form.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { XlsxHost } from '../../src/host/xlsx.js';
import { SUMMARY_NAME } from '../../src/flow/names.js';
import { baseFacts, departmentBytes, downloadOf, openPage, openSession, patched, screenshot, tempDir, tempFile, type Json, type Session } from './support.js';

let s: Session;
before(async () => {
  s = await openSession();
});
after(async () => {
  await s?.close();
});

/**
 * Worked by hand from RUBRIC.md, starting from the §3 department (S1 = 88):
 * - 机电工程学院: unchanged, assessors accept → 88 / 88 → Sm 88.
 * - 信息工程学院: 120/200 local interns = 60% exactly → C5 20 (+1) → S1 89; assessors found
 *   114 → C5 19 → S2 88. Sm = 0.4×89 + 0.6×88 = 35.6 + 52.8 = 88.4.
 * - 经济管理学院: 40/200 employed locally = 20% → C6 10, no bonus (−3) → S1 85; accepted → S2 85; Sm 85.
 * - 建筑工程学院: S1 88; assessors found no cooperation staff → A2 0 (−1) → S2 87.
 *   Sm = 35.2 + 52.2 = 87.4.
 * - 艺术设计学院: S1 89 as 信息工程学院; assessors found 2 missed reports → A3 8 (−1) → S2 88.
 *   Sm = 88.4, equal to 信息工程学院.
 * - 化工学院: 5 textbooks → C1 bonus 5 (+3) → S1 91; assessors count 2 textbooks (−3) and 3 missed
 *   reports → A3 7 (−2) → S2 86. Sm = 36.4 + 51.6 = 88.
 * Ranks: 88.4 and 88.4 share 1; 88 and 88 share 3; 87.4 is 5; 85 is 6.
 */
const DEPARTMENTS: Array<{ department: string; self: Json; assessor?: Json; s1: number; s2: number; final: number; rank: number }> = [
  { department: '机电工程学院', self: {}, s1: 88, s2: 88, final: 88, rank: 3 },
  { department: '信息工程学院', self: { internship: { local: 120 } }, assessor: { internship: { local: 114 } }, s1: 89, s2: 88, final: 88.4, rank: 1 },
  { department: '经济管理学院', self: { employment: { local: 40 } }, s1: 85, s2: 85, final: 85, rank: 6 },
  { department: '建筑工程学院', self: {}, assessor: { staffing: 'none' }, s1: 88, s2: 87, final: 87.4, rank: 5 },
  { department: '艺术设计学院', self: { internship: { local: 120 } }, assessor: { reports: { missed: 2 } }, s1: 89, s2: 88, final: 88.4, rank: 1 },
  { department: '化工学院', self: { curriculum: { textbooks: 5 } }, assessor: { curriculum: { textbooks: 2 }, reports: { missed: 3 } }, s1: 91, s2: 86, final: 88, rank: 3 },
];

test('six departments: errors per workbook block the summary; the downloaded summary ranks them right', async () => {
  const dir = tempDir();
  const files: string[] = [];
  for (const d of DEPARTMENTS) {
    const facts = patched(baseFacts(), { ...d.self, department: d.department });
    files.push(tempFile(dir, `${d.department}.xlsx`, await departmentBytes(facts, d.assessor)));
  }
  const wrong = patched(baseFacts(), { department: '护理学院', internship: { local: 'abc' } });
  files.push(tempFile(dir, '护理学院.xlsx', await departmentBytes(wrong)));

  const page = await openPage(s);
  await page.setInputFiles('#batch-files', files);
  const bad = page.locator('li.workbook[data-file="护理学院.xlsx"]');
  await bad.waitFor();
  assert.equal(await bad.getAttribute('data-status'), 'bad');
  const problem = bad.locator('ol.problems li');
  assert.equal(await problem.count(), 1);
  assert.equal(await problem.getAttribute('data-code'), 'not_a_number');
  assert.match((await problem.textContent()) ?? '', /!D\d+/, 'the error names its cell');
  assert.equal(await page.locator('li.workbook[data-status="ok"]').count(), DEPARTMENTS.length);
  assert.equal(await page.locator('#download-summary').isDisabled(), true, 'no summary while a workbook is wrong');
  await screenshot(page, '05-summary-blocked');

  await bad.locator('button.remove').click();
  await page.locator('table.ranking').waitFor();
  for (const d of DEPARTMENTS) {
    const row = page.locator(`table.ranking tr[data-department="${d.department}"]`);
    const cell = async (col: string) => Number(await row.locator(`td[data-col="${col}"]`).textContent());
    assert.deepEqual(
      { s1: await cell('s1'), s2: await cell('s2'), final: await cell('final'), rank: await cell('rank') },
      { s1: d.s1, s2: d.s2, final: d.final, rank: d.rank },
      `${d.department} on screen`,
    );
  }
  await screenshot(page, '06-summary-ranked');

  const got = await downloadOf(page, () => page.click('#download-summary'));
  assert.ok(got, 'the summary workbook downloads');
  const host = await XlsxHost.load(got.bytes);
  const place = (await host.names()).find((n) => n.name === SUMMARY_NAME);
  assert.ok(place, 'the summary carries its defined name');
  const [rows] = await host.read([place]);
  // Header rows first (title, column names), then one row per department: rank, department, S1, S2, Sm, source.
  const data = rows.slice(2).filter((r) => r[1] !== null);
  assert.equal(data.length, DEPARTMENTS.length);
  for (const d of DEPARTMENTS) {
    const r = data.find((x) => x[1] === d.department);
    assert.ok(r, `${d.department} in the downloaded summary`);
    assert.deepEqual(r.slice(0, 5), [d.rank, d.department, d.s1, d.s2, d.final], `${d.department} in the file`);
  }
  const ranks = data.map((r) => r[0]);
  assert.deepEqual(ranks, [...ranks].sort((a, b) => Number(a) - Number(b)), 'sorted by rank');

  // The appraisal text: a header line, then one tab-separated line per department.
  const tsv = await page.locator('#appraisal-text').inputValue();
  const lines = tsv.trim().split(/\r?\n/);
  assert.equal(lines.length, DEPARTMENTS.length + 1);
  for (const d of DEPARTMENTS) {
    const line = lines.find((l) => l.split('\t').includes(d.department));
    assert.ok(line, `${d.department} in the appraisal text`);
    const cells = line.split('\t');
    assert.ok(cells.includes(String(d.final)) && cells.includes(String(d.rank)), `${d.department}: ${line}`);
  }
  assert.ok((await host.sheets()).length >= 2, 'the summary sheet and the print-ready appraisal sheet');
  assert.deepEqual(s.errors, []);
  assert.deepEqual(s.escaped, []);
});
