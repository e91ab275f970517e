/**
 * Test helpers for the workbook flow: a facts document (RUBRIC.md §3) typed into a
 * department's template cell by cell, as a person would, found through the template's
 * defined names; and the golden base facts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CellValue } from '../../src/host/host.js';
import type { FlowContext, Locale } from '../../src/flow/index.js';
import { cellAddress, parseBlock } from '../../src/host/a1.js';
import { departmentKey, fieldSuffix, nameOf } from '../../src/flow/names.js';
import { CLASS_COLUMNS, FACT_FIELDS, MAJOR_COLUMNS } from '../../src/template/fields.js';
import { MemoryHost } from './memory-host.js';
import { testEngine } from './engine.js';

export type Json = Record<string, unknown>;

export function baseFacts(): Json {
  const path = fileURLToPath(new URL('../../../tests/cases/base-facts.json', import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as Json;
}

/** The §3 example with every line at its best: a total of 118 (worked in flow-hints.test.ts). */
export function bestFacts(): Json {
  return {
    ...baseFacts(),
    staffing: 'full_time',
    plans: { annual_plan: true, annual_summary: true, semester_plan: true, semester_summary: true },
    majors: [
      { name: '机电一体化技术', partners: 6, campus_base: true, external_base: true },
      { name: '工业机器人技术', partners: 1, campus_base: true, external_base: true },
    ],
    curriculum: { meeting_semesters: 2, textbooks: 5 },
    order_classes: [{ name: '三一重工订单班', major: '机电一体化技术', students: 32 }, { name: '中联订单班', major: '工业机器人技术', students: 30 }],
    internship: { local: 170, total: 200 },
    reports: { due: 8, missed: 0 },
    faculty: { teachers: 40, seconded: 8, courses: 60, engineer_courses: 6 },
  };
}

export function context(host: MemoryHost, locale: Locale = 'zh'): FlowContext {
  return { host, engine: testEngine(), locale };
}

const STAFFING: Record<string, string> = { full_time: '专职', part_time: '兼职', none: '没有' };

function typed(v: unknown): CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string') return STAFFING[v] ?? v;
  if (typeof v === 'number') return v;
  return String(v);
}

function at(facts: Json, path: string): unknown {
  let v: unknown = facts;
  for (const part of path.split('.')) v = v && typeof v === 'object' ? (v as Json)[part] : undefined;
  return v;
}

/** Where a named input cell of a department is now ("sheet", "A1"). */
export function inputCell(host: MemoryHost, department: string, suffix: string): { sheet: string; address: string } {
  const n = host.name(nameOf(departmentKey(department), suffix));
  if (!n) throw new Error(`no name ${suffix} for ${department}`);
  const b = parseBlock(n.address);
  return { sheet: n.sheet, address: cellAddress(b.top, b.left) };
}

export function fieldCell(host: MemoryHost, department: string, path: string, column: 'self' | 'assessor' = 'self') {
  return inputCell(host, department, fieldSuffix(path, column));
}

/** The cell of table row `row` (0-based), column index `col` of the majors or classes table. */
export function tableCell(host: MemoryHost, department: string, table: 'majors' | 'classes', row: number, col: number) {
  const n = host.name(nameOf(departmentKey(department), table));
  if (!n) throw new Error(`no ${table} table for ${department}`);
  const b = parseBlock(n.address);
  return { sheet: n.sheet, address: cellAddress(b.top + 1 + row, b.left + col) };
}

/** Types the facts into the department's self or assessor column (untouched cells stay). */
export function typeFacts(host: MemoryHost, facts: Json, column: 'self' | 'assessor' = 'self'): void {
  const department = String(facts.department);
  for (const f of FACT_FIELDS) {
    const v = at(facts, f.path);
    if (v === undefined) continue;
    const c = fieldCell(host, department, f.path, column);
    host.set(c.sheet, c.address, typed(v));
  }
  const tables: Array<['majors' | 'classes', unknown, typeof MAJOR_COLUMNS]> = [
    ['majors', facts.majors, MAJOR_COLUMNS],
    ['classes', facts.order_classes, CLASS_COLUMNS],
  ];
  for (const [table, rows, columns] of tables) {
    if (!Array.isArray(rows)) continue;
    rows.forEach((row: Json, r) =>
      columns.forEach((col, i) => {
        const mine = col.column === column || (column === 'self' && col.column === 'shared');
        if (!mine || row[col.key] === undefined) return;
        const c = tableCell(host, department, table, r, i);
        host.set(c.sheet, c.address, typed(row[col.key]));
      }),
    );
  }
}

/** A workbook holding one template per department, each filled with `facts(department, i)`. */
export async function workbookWith(departments: string[], facts: (department: string, i: number) => Json): Promise<MemoryHost> {
  const { insertTemplate } = await import('../../src/flow/index.js');
  const host = new MemoryHost();
  const ctx = context(host);
  for (const [i, d] of departments.entries()) {
    const r = await insertTemplate(ctx, { department: d, year: '2023-2024' });
    if (!r.ok) throw new Error(r.message);
    typeFacts(host, { ...facts(d, i), department: d });
  }
  host.resetCalls();
  return host;
}
