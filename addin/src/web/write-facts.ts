/**
 * Types a facts document (RUBRIC.md §3 JSON) into a department's template, the way a person
 * would: 是/否 in yes/no cells, 专职/兼职/没有 for staffing, numbers in counts, one row per
 * major and order class. The cells are found through the template's defined names, like the
 * flow finds them, so this never assumes the template's layout.
 *
 * The build uses it to make the bundled sample workbook, and the end-to-end tests to make
 * the departments' returned workbooks; the page itself never writes into input cells.
 */
import type { CellValue, Host, WriteBlock } from '../host/host.js';
import { cellAddress } from '../host/a1.js';
import { departmentKey, departmentsFromNames, fieldSuffix, type Place } from '../flow/names.js';
import { CLASS_COLUMNS, FACT_FIELDS, LEDGER_COLUMNS, MAJOR_COLUMNS, REPORT_MONTHS, type TableColumn } from '../template/fields.js';
import { nameOf } from '../flow/names.js';
import { LEDGER_SHEET } from '../template/columns.js';
import { parseBlock } from '../host/a1.js';
import { serialOfIso } from '../host/dates.js';

type Json = Record<string, unknown>;

const STAFFING: Record<string, string> = { full_time: '专职', part_time: '兼职', none: '没有' };

/** A fact as a person types it; anything that is not a plain JSON value goes in as written. */
function typed(value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return STAFFING[value] ?? value;
  if (typeof value === 'number') return value;
  return String(value);
}

function at(facts: Json, path: string): unknown {
  let v: unknown = facts;
  for (const part of path.split('.')) v = v && typeof v === 'object' ? (v as Json)[part] : undefined;
  return v;
}

function tableRows(rows: unknown, columns: readonly TableColumn[], column: 'self' | 'assessor'): CellValue[][] {
  if (!Array.isArray(rows)) return [];
  // Shared columns (names) are typed with the self column; the assessor only corrects counts.
  const mine = (c: TableColumn) => c.column === column || (column === 'self' && c.column === 'shared');
  return rows.map((row: Json) => columns.map((c) => (mine(c) ? typed(row[c.key]) : null)));
}

/**
 * Writes `facts` into the department's `self` (default) or `assessor` column. The template
 * for `facts.department` must already be in the workbook (the flow's insertTemplate).
 * Values absent from the facts leave their cells as they are.
 */
export async function writeFacts(host: Host, facts: Json, column: 'self' | 'assessor' = 'self'): Promise<void> {
  const department = String(facts.department ?? '');
  const key = departmentKey(department);
  const found = departmentsFromNames(await host.names()).find((d) => d.key === key);
  if (!found || found.missing.length > 0) {
    throw new Error(`工作簿中没有“${department}”的完整模板 / no complete template for "${department}" in the workbook`);
  }
  const place = (suffix: string) => found.places.get(suffix) as Place;
  const cell = (p: Place, rowOffset = 0) => cellAddress(p.block.top + rowOffset, p.block.left);
  const blocks: WriteBlock[] = [];
  for (const field of FACT_FIELDS) {
    const value = at(facts, field.path);
    if (value === undefined) continue;
    const p = found.places.get(fieldSuffix(field.path, column));
    // A template made before the platform inputs has no row for them: say so, never drop the value.
    if (!p) throw new Error(`“${department}”的模板没有“${field.label.zh}”一行，请重新插入模板 / the template of "${department}" has no row for ${field.path}; insert the template again`);
    blocks.push({ sheet: p.sheet, address: cell(p), values: [[typed(value)]] });
  }
  const tables: Array<[string, unknown, readonly TableColumn[]]> = [
    ['majors', facts.majors, MAJOR_COLUMNS],
    ['classes', facts.order_classes, CLASS_COLUMNS],
  ];
  for (const [suffix, rows, columns] of tables) {
    const values = tableRows(rows, columns, column);
    if (values.length === 0) continue;
    const header = place(suffix);
    const top = header.block.top + 1;
    const left = header.block.left;
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) blocks.push({ sheet: header.sheet, address: cellAddress(top + r, left + c), values: [[v]] });
      }),
    );
  }
  blocks.push(...(await ledgerWrites(host, key, facts, column)));
  await host.write(blocks);
}

/** A date of the facts as a person enters it: "2023-03-01" as a date cell (its serial), anything else as typed. */
function dated(value: unknown): CellValue {
  if (typeof value === 'string') return serialOfIso(value) ?? value;
  return typed(value);
}

/**
 * The ledger (`projects`) and the calendar (`reports.months`) on the department's ledger
 * sheet (台账): one row per project, dates as date cells; the assessors' column gets the
 * months marked rejected (退回 …). Nothing when the facts have neither or the workbook has no
 * ledger sheet.
 */
async function ledgerWrites(host: Host, key: string, facts: Json, column: 'self' | 'assessor'): Promise<WriteBlock[]> {
  const projects = facts.projects;
  const months = at(facts, 'reports.months');
  if (!Array.isArray(projects) && (months === null || typeof months !== 'object')) return [];
  const names = await host.names();
  const find = (suffix: string) => names.find((n) => n.name.toLowerCase() === nameOf(key, suffix));
  const table = find('projects');
  const calendar = find('calendar');
  if (!table || !calendar) throw new Error('工作簿中没有台账工作表 / the workbook has no ledger sheet');
  const blocks: WriteBlock[] = [];
  if (column === 'self' && Array.isArray(projects)) {
    const top = parseBlock(table.address).top + 1;
    projects.forEach((project: Json, r) =>
      LEDGER_COLUMNS.forEach((c, col) => {
        if (c.kind === 'verdict') return;
        const raw = at(project, c.path);
        const v = c.kind === 'date' ? dated(raw) : Array.isArray(raw) ? raw.join('、') : typed(raw);
        if (v !== null && v !== '') blocks.push({ sheet: table.sheet, address: cellAddress(top + r, col), values: [[v]] });
      }),
    );
  }
  if (months && typeof months === 'object') {
    const row = parseBlock(calendar.address).top + (column === 'self' ? 1 : 2);
    for (const [month, value] of Object.entries(months as Json)) {
      const i = REPORT_MONTHS.indexOf(Number(month.split('-')[1]) as (typeof REPORT_MONTHS)[number]);
      const rejected = typeof value === 'string' && /^(rejected|退回|不合格)$/i.test(value.trim());
      if (i < 0 || value === null || value === '' || rejected !== (column === 'assessor')) continue;
      blocks.push({ sheet: calendar.sheet, address: cellAddress(row, LEDGER_SHEET.months + i), values: [[rejected ? '退回' : dated(value)]] });
    }
  }
  return blocks;
}
