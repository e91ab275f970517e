/**
 * The ledger sheet typed as a person would (test/flow-ledger.test.ts and the host tests): a
 * worked example of RUBRIC.md §7 and §8 for 机电工程学院 in 2023-2024, with date cells held
 * as the 1900-system serial numbers every host hands over, and dates typed as text.
 */
import type { CellValue } from '../../src/host/host.js';
import { cellAddress, parseBlock } from '../../src/host/a1.js';
import { departmentKey, nameOf } from '../../src/flow/names.js';
import { LEDGER_COLUMNS, REPORT_MONTHS } from '../../src/template/fields.js';
import { LEDGER_SHEET } from '../../src/template/columns.js';

/** The serial number of a date, 1900 date system (day 1 = 1900-01-01, Excel's 1900-02-29 counted). */
export function serial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

export interface Cells {
  set(sheet: string, address: string, v: CellValue): void;
  name(name: string): { sheet: string; address: string } | undefined;
}

function place(host: Cells, department: string, what: 'projects' | 'calendar') {
  const n = host.name(nameOf(departmentKey(department), what));
  if (!n) throw new Error(`no ${what} for ${department}`);
  return { sheet: n.sheet, block: parseBlock(n.address) };
}

/** The cell of ledger row `row` (0-based) and column `path` ('' for 考评认定). */
export function ledgerCell(host: Cells, department: string, row: number, path: string): { sheet: string; address: string } {
  const p = place(host, department, 'projects');
  const col = LEDGER_COLUMNS.findIndex((c) => c.path === path);
  if (col < 0) throw new Error(`no ledger column ${path}`);
  return { sheet: p.sheet, address: cellAddress(p.block.top + 1 + row, col) };
}

/** The calendar's cell of a due month (9 … 6): the OA date or the assessors' mark. */
export function calendarCell(host: Cells, department: string, month: number, row: 'self' | 'assessor'): { sheet: string; address: string } {
  const p = place(host, department, 'calendar');
  const i = REPORT_MONTHS.indexOf(month as (typeof REPORT_MONTHS)[number]);
  return { sheet: p.sheet, address: cellAddress(p.block.top + (row === 'self' ? 1 : 2), LEDGER_SHEET.months + i) };
}

/** One ledger row as typed: LEDGER_COLUMNS' paths → cell values ('' is the 考评认定 column). */
export type LedgerRow = Record<string, CellValue>;

export function typeLedger(host: Cells, department: string, rows: LedgerRow[]): void {
  rows.forEach((row, r) => {
    for (const [path, v] of Object.entries(row)) {
      const c = ledgerCell(host, department, r, path);
      host.set(c.sheet, c.address, v);
    }
  });
}

export function typeCalendar(host: Cells, department: string, dates: Record<number, CellValue>, marks: Record<number, CellValue> = {}): void {
  for (const [m, v] of Object.entries(dates)) {
    const c = calendarCell(host, department, Number(m), 'self');
    host.set(c.sheet, c.address, v);
  }
  for (const [m, v] of Object.entries(marks)) {
    const c = calendarCell(host, department, Number(m), 'assessor');
    host.set(c.sheet, c.address, v);
  }
}

/**
 * The worked example (year 2023-2024: 2023-09-01 … 2024-08-31; 第一学期 to 2024-01-31):
 * 0 三一重工 机电 订单班+校外基地, signed 2023-03-01 filed 03-06: counts, no warning.
 * 1 中联重科 机电 校内基地, signed "2023/9/15" filed "2023年9月20日", no 2nd self-check:
 *   self_check_missing at projects[1].self_checks.2.
 * 2 徐工集团 机电 岗位实习, signed 2022-06-01 filed 06-20 (19 days): filing_late.
 * 3 埃斯顿 工业机器人 校内基地, signed 2023-10-10, not filed: not_filed.
 * 4 正泰电器 电气 校外基地, expired 2023-08-31 (the day before the year): does not count.
 * 5 新松机器人 工业机器人 校外基地, signed 2023-11-01: counts in S1, struck (不认定) from S2.
 * 6 汇川技术 电气 专业建设, expires 2024-03-31 inside the year, no renewal: expired.
 * Majors derived — S1: 机电 3 家 (校内 中联, 校外 三一), 工业机器人 2 家 (校内 埃斯顿, 校外 新松),
 * 电气 1 家 (no base); S2: 工业机器人 1 家, 校内 only; the rest as S1.
 */
export function exampleLedger(): LedgerRow[] {
  return [
    { id: 'JD-01', enterprise: '三一重工股份有限公司', major: '机电一体化技术', forms: '订单班、校外实训基地', signed: serial(2023, 3, 1), filed: serial(2023, 3, 6), expires: serial(2026, 2, 28), 'self_checks.1': serial(2024, 1, 10), 'self_checks.2': serial(2024, 6, 20) },
    { id: 'JD-02', enterprise: '中联重科股份有限公司', major: '机电一体化技术', forms: '校内实训基地', signed: '2023/9/15', filed: '2023年9月20日', 'self_checks.1': '2024.1.8' },
    { id: 'JD-03', enterprise: '徐工集团', major: '机电一体化技术', forms: '岗位实习', signed: serial(2022, 6, 1), filed: serial(2022, 6, 20), expires: serial(2025, 5, 31), 'self_checks.1': serial(2024, 1, 9), 'self_checks.2': serial(2024, 6, 9) },
    { id: 'JQ-01', enterprise: '埃斯顿自动化', major: '工业机器人技术', forms: '校内实训基地', signed: serial(2023, 10, 10), 'self_checks.1': serial(2024, 1, 15), 'self_checks.2': serial(2024, 6, 15) },
    { id: 'DQ-01', enterprise: '正泰电器', major: '电气自动化技术', forms: '校外实训基地', signed: serial(2021, 3, 1), filed: serial(2021, 3, 5), expires: serial(2023, 8, 31) },
    { id: 'JQ-02', enterprise: '新松机器人', major: '工业机器人技术', forms: '校外实训基地', signed: serial(2023, 11, 1), filed: serial(2023, 11, 3), 'self_checks.1': serial(2024, 1, 10), 'self_checks.2': serial(2024, 6, 10), '': '不认定' },
    { id: 'DQ-02', enterprise: '汇川技术', major: '电气自动化技术', forms: '专业建设', signed: serial(2022, 9, 1), filed: serial(2022, 9, 5), expires: serial(2024, 3, 31), 'self_checks.1': serial(2024, 1, 12), 'self_checks.2': serial(2024, 3, 20) },
  ];
}

/**
 * The calendar: 9月 2023-09-04, 10月 "2023-10-05" (on the 5th: on time), 11月 2023-11-07 (late),
 * 12月 2023-12-01, 3月 2024-03-05, 4月 none, 5月 2024-05-06 (late), 6月 2024-06-03: S1 misses
 * 3 of 8; the assessors return 3月 (退回): S2 misses 4.
 */
export function exampleCalendar(): { dates: Record<number, CellValue>; marks: Record<number, CellValue> } {
  return {
    dates: { 9: serial(2023, 9, 4), 10: '2023-10-05', 11: serial(2023, 11, 7), 12: serial(2023, 12, 1), 3: serial(2024, 3, 5), 5: serial(2024, 5, 6), 6: serial(2024, 6, 3) },
    marks: { 3: '退回' },
  };
}

/** The facts the example stands for, typed directly (majors counts, A3 counts), for S1 and S2. */
export const EXAMPLE_EQUIVALENT = {
  self: {
    reports: { due: 8, missed: 3 },
    majors: [
      { name: '机电一体化技术', partners: 3, campus_base: true, external_base: true },
      { name: '工业机器人技术', partners: 2, campus_base: true, external_base: true },
      { name: '电气自动化技术', partners: 1, campus_base: false, external_base: false },
    ],
  },
  assessor: {
    reports: { due: 8, missed: 4 },
    majors: [
      { name: '机电一体化技术', partners: 3, campus_base: true, external_base: true },
      { name: '工业机器人技术', partners: 1, campus_base: true, external_base: false },
      { name: '电气自动化技术', partners: 1, campus_base: false, external_base: false },
    ],
  },
};

/** The warnings the example gives (S1), path → code, worked by hand above. */
export const EXAMPLE_WARNINGS: Record<string, string> = {
  'projects[1].self_checks.2': 'self_check_missing',
  'projects[2].filed': 'filing_late',
  'projects[3].filed': 'not_filed',
  'projects[6].expires': 'expired',
};

/** A serial as the ISO date RUBRIC.md's JSON writes ("2023-03-01"). */
export function isoOf(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The example as facts (RUBRIC.md §7, §8 JSON) for S1: the ledger rows with every date cell
 * as an ISO date (written into date cells by writeFacts) and the text dates as typed; the
 * calendar's OA dates likewise. The assessors' marks are not facts of S1.
 */
export function exampleFacts(year: string): Record<string, unknown> {
  const asJson = (v: CellValue) => (typeof v === 'number' ? isoOf(v) : v);
  const projects = exampleLedger().map((row) => {
    const p: Record<string, unknown> = {};
    for (const [path, v] of Object.entries(row)) {
      if (path === '' || v === null) continue;
      if (path.startsWith('self_checks.')) p.self_checks = { ...(p.self_checks as object), [path.slice(12)]: asJson(v) };
      else p[path] = path === 'id' || path === 'enterprise' || path === 'major' || path === 'forms' ? v : asJson(v);
    }
    return p;
  });
  const first = Number(year.slice(0, 4));
  const months = Object.fromEntries(Object.entries(exampleCalendar().dates).map(([m, v]) => [`${Number(m) >= 9 ? first : first + 1}-${String(m).padStart(2, '0')}`, asJson(v)]));
  return { projects, reports: { months } };
}

/** 三一重工's 统一社会信用代码 (the engine's cases use it: a valid check character). */
export const SANY_CODE = '91430100MA4L16JK0C';

/**
 * A second department's ledger (same three majors), for the platform targets (RUBRIC.md
 * §10), every row signed and filed within 2023-2024:
 * 0 三一重工 (credit code SANY_CODE: the same enterprise as 三一重工股份有限公司 with that code)
 *   机电 产业学院+校内实训基地.
 * 1 华为技术有限公司 工业机器人 科技创新.
 * 2 中联重科股份有限公司 (no code: the same name as the example's row 1) 电气 专业建设.
 * 3 华为技术有限公司 机电 专业建设+科技创新.
 * 4 比亚迪 工业机器人 专业建设, struck (不认定): left out of S2.
 */
export function secondLedger(): LedgerRow[] {
  const row = (id: string, enterprise: string, major: string, forms: string, month: number, extra: LedgerRow = {}): LedgerRow => ({
    id, enterprise, major, forms, signed: serial(2023, month, 1), filed: serial(2023, month, 3), 'self_checks.1': serial(2024, 1, 10), 'self_checks.2': serial(2024, 6, 10), ...extra,
  });
  return [
    row('XX-01', '三一重工', '机电一体化技术', '产业学院、校内实训基地', 10, { credit_code: SANY_CODE }),
    row('XX-02', '华为技术有限公司', '工业机器人技术', '科技创新', 9),
    row('XX-03', '中联重科股份有限公司', '电气自动化技术', '专业建设', 11),
    row('XX-04', '华为技术有限公司', '机电一体化技术', '专业建设、科技创新', 12),
    row('XX-05', '比亚迪', '工业机器人技术', '专业建设', 10, { '': '不认定' }),
  ];
}
