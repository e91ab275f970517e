/**
 * Reads a department's ledger sheet (台账, ../template/ledger.ts) into the facts: the project
 * ledger as `projects[]` (RUBRIC.md §7) and the report calendar as `reports.months` (§8), for
 * S1 (every non-blank row, the OA dates) and S2 (without the rows the assessors marked 不认定;
 * the months they marked 退回/不合格 as rejected), with the map from each path to its cell.
 *
 * Values go to the engine as the host gives them: a date cell as its serial number (every
 * adapter hands dates over so, ../host/dates.ts), a date typed as text as that text; the engine
 * reads both (§7 "Dates"). Nothing is parsed here but the year, to name the months.
 */
import type { CellValue, RangeRef } from '../host/host.js';
import { blockAddress, cellAddress, type Block } from '../host/a1.js';
import type { Place } from './names.js';
import { isBlank, setPath, type Facts } from './facts.js';
import { LEDGER_SHEET } from '../template/columns.js';
import { LEDGER_COLUMNS, REPORT_MONTHS, STRUCK, TABLE_READ_LIMIT, VERDICT_LIST, YEAR_FIRST_MONTH } from '../template/fields.js';


export interface Location {
  sheet: string;
  address: string;
}

/** Where an engine path's values sit (as read.ts keeps them). */
export interface PathCells {
  self?: Location;
  assessor?: Location;
  assessorFilled?: boolean;
}

export interface LedgerRead {
  /** `projects` for S1 and S2; undefined when the ledger has no row (the workbook works as before). */
  self?: Facts[];
  assessor?: Facts[];
  /** S2's project i is S1's project `s2Rows[i]` (rows marked 不认定 are left out of S2). */
  s2Rows: number[];
  /** `reports.months` for S1 and S2; undefined when every cell of the calendar is blank. */
  selfMonths?: Facts;
  assessorMonths?: Facts;
  /** Any assessor value on the sheet (a verdict or a month's mark). */
  assessorFilled: boolean;
  /** 考评认定 cells holding something other than 认定/不认定. */
  badVerdicts: Location[];
  /** The ledger table has no blank row within what was read: its last row read. */
  overflow?: Location;
}


/** The calendar block: the month row, the OA dates and the assessors' marks. */
function calendarBlock(place: Place): Block {
  const top = place.block.top;
  return { top, left: 0, bottom: top + 2, right: LEDGER_SHEET.months + REPORT_MONTHS.length - 1 };
}

/** The ledger table's rows below its header, as far as the reader looks. */
function projectsBlock(place: Place): Block {
  const top = place.block.top + 1;
  return { top, left: 0, bottom: place.block.top + TABLE_READ_LIMIT, right: LEDGER_SHEET.width - 1 };
}

/** The blocks to read (in `readLedger`'s order); none for a template without a ledger sheet. */
export function ledgerReads(places: Map<string, Place>): RangeRef[] {
  const calendar = places.get('calendar');
  const projects = places.get('projects');
  if (!calendar || !projects) return [];
  return [
    { sheet: calendar.sheet, address: blockAddress(calendarBlock(calendar)) },
    { sheet: projects.sheet, address: blockAddress(projectsBlock(projects)) },
  ];
}

/** "2023-09" for September of the year "2023-2024"; undefined when the year names no year. */
export function monthKey(year: string, month: number): string | undefined {
  const first = /^\s*(\d{4})/.exec(year)?.[1];
  if (!first) return undefined;
  const y = Number(first) + (month >= YEAR_FIRST_MONTH ? 0 : 1);
  return `${y}-${String(month).padStart(2, '0')}`;
}


/**
 * The ledger and calendar out of the values `ledgerReads` read; every path found is added to
 * `cells`. `year` is the facts sheet's 考核年度 as typed.
 */
export function readLedger(places: Map<string, Place>, values: CellValue[][][], year: string, cells: Map<string, PathCells>): LedgerRead {
  const out: LedgerRead = { s2Rows: [], assessorFilled: false, badVerdicts: [] };
  const calendar = places.get('calendar');
  const projects = places.get('projects');
  if (!calendar || !projects) return out;
  readCalendar(calendar, values[0] ?? [], year, cells, out);
  readProjects(projects, values[1] ?? [], cells, out);
  return out;
}

function readCalendar(place: Place, values: CellValue[][], year: string, cells: Map<string, PathCells>, out: LedgerRead): void {
  const block = calendarBlock(place);
  const [dates = [], marks = []] = [values[1], values[2]];
  const col = (i: number) => LEDGER_SHEET.months + i;
  const used = REPORT_MONTHS.some((_, i) => !isBlank(dates[col(i)]) || !isBlank(marks[col(i)]));
  const at = (row: number, c: number): Location => ({ sheet: place.sheet, address: cellAddress(block.top + row, c) });
  // The calendar's own problems (its year, `{}`) point at the first date cell.
  cells.set('reports.months', { self: at(1, col(0)) });
  if (!used) return;
  const self: Facts = {};
  const assessor: Facts = {};
  REPORT_MONTHS.forEach((month, i) => {
    const key = monthKey(year, month);
    if (!key) return; // the engine reports the year itself (`missing` / `not_a_date` at year)
    const date = dates[col(i)] ?? null;
    const mark = marks[col(i)] ?? null;
    if (!isBlank(date)) self[key] = date;
    // The assessors' mark (退回 / 不合格) is the month's value in S2; the engine reads it.
    if (!isBlank(mark)) assessor[key] = mark;
    else if (!isBlank(date)) assessor[key] = date;
    if (!isBlank(mark)) out.assessorFilled = true;
    cells.set(`reports.months.${key}`, { self: at(1, col(i)), assessor: at(2, col(i)), assessorFilled: !isBlank(mark) });
  });
  out.selfMonths = self;
  out.assessorMonths = assessor;
}

function readProjects(place: Place, values: CellValue[][], cells: Map<string, PathCells>, out: LedgerRead): void {
  const block = projectsBlock(place);
  const verdictCol = LEDGER_COLUMNS.findIndex((c) => c.kind === 'verdict');
  const self: Facts[] = [];
  const assessor: Facts[] = [];
  let ended = false;
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    if (LEDGER_COLUMNS.every((c, i) => c.kind === 'verdict' || isBlank(row[i]))) {
      ended = true;
      break;
    }
    const i = self.length;
    const project: Facts = {};
    LEDGER_COLUMNS.forEach((c, col) => {
      if (c.kind === 'verdict') return;
      const v = row[col] ?? null;
      const loc = { sheet: place.sheet, address: cellAddress(block.top + r, col) };
      cells.set(`projects[${i}].${c.path}`, { self: loc });
      // Required fields travel as null when blank so the engine says `missing` at their cell.
      if (!isBlank(v)) setPath(project, c.path, v);
      else if (c.path === 'enterprise' || c.path === 'signed' || c.path === 'major' || c.path === 'forms') project[c.path] = null;
    });
    const verdictCell = { sheet: place.sheet, address: cellAddress(block.top + r, verdictCol) };
    const verdict = row[verdictCol] ?? null;
    const said = isBlank(verdict) ? '' : String(verdict).normalize('NFKC').replace(/\s/g, '');
    // The row's own problems (e.g. a wrong verdict) point at its first cell; the assessors' at the verdict.
    cells.set(`projects[${i}]`, { self: { sheet: place.sheet, address: cellAddress(block.top + r, 0) }, assessor: verdictCell, assessorFilled: said !== '' });
    if (said !== '') out.assessorFilled = true;
    if (said !== '' && !VERDICT_LIST.includes(said)) out.badVerdicts.push(verdictCell);
    self.push(project);
    if (said !== STRUCK) {
      out.s2Rows.push(i);
      assessor.push(project);
    }
  }
  cells.set('projects', { self: { sheet: place.sheet, address: cellAddress(block.top, 0) } });
  if (self.length > 0) {
    out.self = self;
    out.assessor = assessor;
  }
  if (!ended && values.length > 0) out.overflow = { sheet: place.sheet, address: cellAddress(block.bottom, 0) };
}

/**
 * An S2 path as the S1 path of the same ledger row ("projects[1].filed" of S2 is S1's
 * "projects[2].filed" when S1's row 1 was struck), so S2 problems land on the right row.
 */
export function s1Path(path: string, s2Rows: number[]): string {
  const m = /^projects\[(\d+)\](.*)$/.exec(path);
  if (!m) return path;
  const row = s2Rows[Number(m[1])];
  return row === undefined ? path : `projects[${row}]${m[2]}`;
}
