/**
 * Facts (RUBRIC.md §3) → the arguments a person would pass to each line's custom function,
 * shaped as a spreadsheet delivers them: single cells as values, table columns as 2D
 * column blocks, blank cells as "". Shared by the Excel and WPS function tests, so both
 * hosts are checked against the golden cases the same way.
 */
type Facts = Record<string, unknown>;

const BLANK = '';

function isCellValue(v: unknown): boolean {
  return v === null || v === undefined || ['string', 'number', 'boolean'].includes(typeof v);
}

/** A scalar argument; undefined when the fact is not something a cell can hold. */
function cellOf(v: unknown): unknown {
  if (!isCellValue(v)) throw new Unmappable();
  return v === undefined ? null : v;
}

/** A column block; an empty list is one blank cell (a range is never empty). */
function column(values: unknown[]): unknown[][] {
  if (values.length === 0) return [[BLANK]];
  return values.map((v) => {
    if (!isCellValue(v)) throw new Unmappable();
    return [v === undefined || v === null ? BLANK : v];
  });
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Columns of one table, read together as the functions read them: the first row blank in
 * every column ends the table. Facts with such a row before the end cannot be laid out
 * as cells (the later rows would be cut off), so they are Unmappable.
 */
function table(...columns: unknown[][]): unknown[][][] {
  const length = Math.max(0, ...columns.map((c) => c.length));
  for (let i = 0; i < length; i++) if (columns.every((c) => blank(c[i]))) throw new Unmappable();
  return columns.map(column);
}

/** A fact shape no spreadsheet can produce (e.g. an object where a number goes). */
export class Unmappable extends Error {}

function obj(facts: Facts, key: string): Record<string, unknown> {
  const v = facts[key];
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw new Unmappable();
  return v as Record<string, unknown>;
}

function rows(facts: Facts, key: string): Array<Record<string, unknown>> {
  const v = facts[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || !v.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r))) throw new Unmappable();
  return v as Array<Record<string, unknown>>;
}

/** Function id and arguments for one rubric line; throws Unmappable when no cell layout fits. */
export function lineCall(line: string, facts: Facts): { id: string; args: unknown[] } {
  switch (line) {
    case 'A1': {
      const l = obj(facts, 'leadership');
      return { id: 'LEADERSHIP', args: [cellOf(l.principal), cellOf(l.deputy)] };
    }
    case 'A2':
      return { id: 'STAFFING', args: [cellOf(facts.staffing)] };
    case 'A3': {
      const r = obj(facts, 'reports');
      return { id: 'REPORTS', args: [cellOf(r.missed), cellOf(r.due)] };
    }
    case 'A4': {
      const p = obj(facts, 'plans');
      return { id: 'PLANS', args: [p.annual_plan, p.annual_summary, p.semester_plan, p.semester_summary].map(cellOf) };
    }
    case 'B1': {
      const m = rows(facts, 'majors');
      return { id: 'PARTNERS', args: table(m.map((r) => r.partners), m.map((r) => r.name)) };
    }
    case 'C1': {
      const c = obj(facts, 'curriculum');
      return { id: 'CURRICULUM', args: [cellOf(c.meeting_semesters), cellOf(c.textbooks)] };
    }
    case 'C2': {
      const m = rows(facts, 'majors');
      return { id: 'BASES', args: table(m.map((r) => r.campus_base), m.map((r) => r.external_base), m.map((r) => r.name)) };
    }
    case 'C3': {
      const m = rows(facts, 'majors');
      const o = rows(facts, 'order_classes');
      return { id: 'ORDERMAJORS', args: [...table(m.map((r) => r.name)), ...table(o.map((r) => r.major), o.map((r) => r.name))] };
    }
    case 'C4': {
      const o = rows(facts, 'order_classes');
      return { id: 'ORDERCLASSES', args: table(o.map((r) => r.students), o.map((r) => r.name)) };
    }
    case 'C5': {
      const i = obj(facts, 'internship');
      return { id: 'INTERNSHIP', args: [cellOf(i.local), cellOf(i.total)] };
    }
    case 'C6': {
      const e = obj(facts, 'employment');
      return { id: 'EMPLOYMENT', args: [cellOf(e.local), cellOf(e.graduates)] };
    }
    case 'C7': {
      const f = obj(facts, 'faculty');
      return { id: 'FACULTY', args: [f.teachers, f.seconded, f.courses, f.engineer_courses].map(cellOf) };
    }
    default:
      throw new Error(`unknown line ${line}`);
  }
}

/** The lines whose function reports an error at this facts path. */
export function linesForPath(path: string): string[] {
  const head = path.split(/[.[]/)[0];
  const simple: Record<string, string> = {
    leadership: 'A1', staffing: 'A2', reports: 'A3', plans: 'A4', curriculum: 'C1', internship: 'C5', employment: 'C6', faculty: 'C7',
  };
  if (simple[head]) return [simple[head]];
  if (path === 'majors') return ['B1', 'C2', 'C3'];
  if (/^majors\[\d+\]\.name$/.test(path)) return ['B1', 'C2', 'C3'];
  if (/^majors\[\d+\]\.partners$/.test(path)) return ['B1'];
  if (/^majors\[\d+\]\.(campus_base|external_base)$/.test(path)) return ['C2'];
  if (/^order_classes\[\d+\]\.students$/.test(path)) return ['C4'];
  if (/^order_classes\[\d+\]\.major$/.test(path)) return ['C3'];
  if (/^order_classes\[\d+\]\.name$/.test(path)) return ['C3', 'C4'];
  return [];
}
