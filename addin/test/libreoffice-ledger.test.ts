/**
 * A ledger and calendar typed in LibreOffice Calc (issue #10 "Real files"), scored through the
 * web page's path (the .xlsx host over ExcelJS). The template is made by the flow, goes
 * through LibreOffice to flat ODS (.fods), gets the example's rows written into its XML as
 * LibreOffice stores typed cells — once as real date cells (`office:value-type="date"
 * office:date-value="2023-03-01"`), once as text dates ("2023/3/1", "2023年3月1日" …) — and
 * is saved as .xlsx by LibreOffice again. Both score as worked by hand from RUBRIC.md §7, §8
 * (test/support/ledger-fixture.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fillScores, validateWorkbook } from '../src/flow/index.js';
import { XlsxHost } from '../src/host/xlsx.js';
import { departmentWorkbook } from '../src/web/workbooks.js';
import type { CellValue } from '../src/host/host.js';
import { testEngine } from './support/engine.js';
import { baseFacts, type Json } from './support/flow-fixture.js';
import { throughLibreOffice } from './support/libreoffice.js';
import { EXAMPLE_EQUIVALENT, EXAMPLE_WARNINGS, exampleCalendar, exampleLedger, isoOf, ledgerCell, calendarCell, serial, type Cells } from './support/ledger-fixture.js';

const DEPT = '机电工程学院';
const engine = testEngine();

/** A cell the XML edit turns into a typed date cell; it travels as this text until then. */
const marker = (iso: string) => `@@DATE:${iso}@@`;

/**
 * The example's values as typed: `dates` 'cells' writes every date as a date cell (marked for
 * the XML edit), 'text' as text in the forms people type (ISO, 2023/3/1, 2023年3月1日, 2023.3.1).
 */
function typed(v: CellValue, dates: 'cells' | 'text', i: number): CellValue {
  const day = typeof v === 'number' ? isoOf(v) : typeof v === 'string' && /^\d{4}[-/.年]/.test(v) ? normalise(v) : undefined;
  if (day === undefined) return v;
  if (dates === 'cells') return marker(day);
  const [y, m, d] = day.split('-').map(Number);
  return [`${y}-${m}-${d}`, `${y}/${m}/${d}`, `${y}年${m}月${d}日`, `${y}.${m}.${d}`][i % 4];
}

/** "2023/9/15", "2023年9月20日", "2024.1.8", "2023-10-05" → "2023-09-15" … (the example's text dates). */
function normalise(text: string): string {
  const [y, m, d] = text.split(/[^0-9]+/).filter(Boolean).map(Number);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Turns each marked cell of the flat ODS into a date cell, as LibreOffice saves a typed date. */
function dateCells(fods: string): { xml: string; count: number } {
  let count = 0;
  const xml = fods.replace(/<table:table-cell([^>]*)>\s*<text:p>@@DATE:(\d{4}-\d{2}-\d{2})@@<\/text:p>\s*<\/table:table-cell>/g, (_, attrs: string, iso: string) => {
    count++;
    const kept = attrs.replace(/\s(?:office|calcext):value-type="[^"]*"/g, '');
    return `<table:table-cell${kept} office:value-type="date" office:date-value="${iso}" calcext:value-type="date"><text:p>${iso}</text:p></table:table-cell>`;
  });
  return { xml, count };
}

async function typedInLibreOffice(dates: 'cells' | 'text'): Promise<XlsxHost> {
  const base = baseFacts();
  const made = await departmentWorkbook(engine, { ...base, reports: undefined, majors: (base.majors as Json[]).map((m) => ({ name: m.name })) });
  const names = await made.names();
  const cells: Cells = { name: (n) => names.find((d) => d.name.toLowerCase() === n.toLowerCase()), set: () => undefined };
  const writes: Array<{ sheet: string; address: string; values: CellValue[][] }> = [];
  let i = 0;
  exampleLedger().forEach((row, r) => {
    for (const [path, v] of Object.entries(row)) writes.push({ ...ledgerCell(cells, DEPT, r, path), values: [[typed(v, dates, i++)]] });
  });
  const { dates: oa, marks } = exampleCalendar();
  for (const [m, v] of Object.entries(oa)) writes.push({ ...calendarCell(cells, DEPT, Number(m), 'self'), values: [[typed(v, dates, i++)]] });
  for (const [m, v] of Object.entries(marks)) writes.push({ ...calendarCell(cells, DEPT, Number(m), 'assessor'), values: [[v]] });
  await made.write(writes);

  const fods = new TextDecoder().decode(await throughLibreOffice(await made.save(), 'department.xlsx', 'fods'));
  const edited = dates === 'cells' ? dateCells(fods) : { xml: fods, count: 0 };
  // Every date of the example (28 in the ledger, 7 OA dates) became a date cell.
  if (dates === 'cells') assert.equal(edited.count, 35);
  const xlsx = await throughLibreOffice(new TextEncoder().encode(edited.xml), 'department.fods', 'xlsx');
  return XlsxHost.load(xlsx);
}

for (const dates of ['cells', 'text'] as const) {
  test(`a ledger typed in LibreOffice with ${dates === 'cells' ? 'real date cells' : 'text dates'} scores as RUBRIC.md says through the web page`, async () => {
    const host = await typedInLibreOffice(dates);
    const signed = { sheet: `${DEPT}-台账`, address: 'F11' };
    const [[[first]]] = await host.read([signed]);
    // A date cell reaches the flow as its serial; a text date as the text typed.
    assert.equal(first, dates === 'cells' ? serial(2023, 3, 1) : '2023-3-1');
    const ctx = { host, engine, locale: 'zh' as const };
    const checked = await validateWorkbook(ctx);
    assert.equal(checked.ok, true, checked.message);
    const r = await fillScores(ctx);
    assert.equal(r.ok, true, r.message);
    const total = (side: 'self' | 'assessor') => {
      const s = engine.scoreDepartment({ ...baseFacts(), ...EXAMPLE_EQUIVALENT[side] }, { locale: 'zh' });
      assert.ok(s.ok);
      return s.total;
    };
    assert.deepEqual([r.departments![0].s1, r.departments![0].s2], [total('self'), total('assessor')]);
    assert.deepEqual(Object.fromEntries(r.problems.map((p) => [p.path, p.code])), EXAMPLE_WARNINGS);
  });
}
