/**
 * Reads a department's facts out of its sheets: the department's own values (S1 facts) and
 * the same facts with every non-blank assessor value put over them (S2 facts), plus the map
 * from each engine path back to the cell it came from, so errors land on the right cell.
 *
 * Values go to the engine raw ("１２", "是", "√"): cell values are understood once, in Rust.
 * Blank cells are left out (missing, never zero).
 */
import type { CellValue, FillRef, RangeRef } from '../host/host.js';
import { blockAddress, cellAddress, type Block } from '../host/a1.js';
import { fieldSuffix, type DepartmentNames, type Place } from './names.js';
import {
  CLASS_COLUMNS,
  FACT_FIELDS,
  MAJOR_COLUMNS,
  TABLE_READ_LIMIT,
  TABLE_ROWS,
  type FactField,
  type TableColumn,
} from '../template/fields.js';
import { ASSESSOR_FILL, COMPUTED_FILL, SELF_FILL } from '../template/layout.js';
import { MAJORS_RECORD } from '../template/columns.js';
import { foreignCells } from '../template/record.js';
import { LEDGER_COLUMNS, REPORT_MONTHS } from '../template/fields.js';
import { LEDGER_SHEET } from '../template/columns.js';
import { ledgerReads, readLedger, type LedgerRead } from './ledger.js';
import { isBlank, setPath, type Facts } from './facts.js';


export interface Location {
  sheet: string;
  address: string;
}

interface PathCells {
  self?: Location;
  assessor?: Location;
  /** The assessor's cell holds a value (so S2 errors on this path belong to it). */
  assessorFilled?: boolean;
}

export interface DepartmentData {
  key: string;
  /** Where the department's inputs and outputs are (named or tagged places). */
  places: Map<string, Place>;
  department: string;
  year: string;
  self: Facts;
  assessor: Facts;
  /** No assessor value anywhere: S2 = S1 by the "blank = accepted as reported" rule. */
  assessorBlank: boolean;
  cells: Map<string, PathCells>;
  departmentCell: Location;
  /** Every input block, for host.setMarks' scope. */
  inputs: RangeRef[];
  /** The template's fill of the input cells, given back when a mark goes (host.setMarks). */
  fills: FillRef[];
  /** Tables that run past what the reader reads (no blank row found): their last row read. */
  overflow: Location[];
  /** The ledger sheet as read (empty for a template without one). */
  ledger: LedgerRead;
  /**
   * With ledger rows: the majors table's computed cells (B–G of each major's row, record in
   * column I) as read, which 计算得分 writes (../flow/fill.ts).
   */
  computed?: ComputedMajors;
  /**
   * With no ledger rows: the computed cells that still hold what 计算得分 wrote from a
   * ledger since emptied. They are no input (left out of the facts): a person must type
   * the value, and 计算得分 / 清除得分 clear them.
   */
  stale: StaleCell[];
}

/** A computed cell of the majors table left over from a ledger that is now empty. */
export interface StaleCell extends Location {
  /** `majors[i].partners` and the like. */
  path: string;
  column: 'self' | 'assessor';
  /** Its row within the majors table (0 = majors[0]). */
  row: number;
  /** What it holds, and its row's record, as read (a write checks they are unchanged). */
  value: CellValue;
  record: CellValue;
}

/** The majors table's computed columns: partners, campus base, external base (self, assessor). */
export interface ComputedMajors {
  sheet: string;
  /** The sheet row of majors[0]. */
  top: number;
  /** Per major row, B through I (the tag column H between, the record in I) as read. */
  current: CellValue[][];
}

/** The majors table's columns (0-based within the table) that the ledger computes. */
export const COMPUTED_COLUMNS = MAJOR_COLUMNS.map((c, i) => (c.key === 'name' ? -1 : i)).filter((i) => i >= 0);
const COMPUTED_FIRST = Math.min(...COMPUTED_COLUMNS);
const COMPUTED_LAST = Math.max(...COMPUTED_COLUMNS);

/** The owned block of a major's computed cells (its record apart, in MAJORS_RECORD). */
export function computedBlock(sheet: string, row: number) {
  return { sheet, block: { top: row, left: COMPUTED_FIRST, bottom: row, right: COMPUTED_LAST }, record: MAJORS_RECORD };
}


function single(place: Place): RangeRef {
  return { sheet: place.sheet, address: cellAddress(place.block.top, place.block.left) };
}

function tableRegion(header: Place, width: number, stopRow?: number): Block {
  const top = header.block.top + 1;
  let bottom = header.block.top + TABLE_READ_LIMIT;
  if (stopRow !== undefined && stopRow > header.block.top) bottom = Math.min(bottom, stopRow - 1);
  return { top, left: header.block.left, bottom: Math.max(top, bottom), right: header.block.left + width - 1 };
}

function regions(d: DepartmentNames): { majors: Place; classes: Place } {
  const majorsHeader = d.places.get('majors') as Place;
  const classesHeader = d.places.get('classes') as Place;
  // The majors table ends above the order-class table's title row (the row right above its
  // header) when that sits below it on the same sheet; the reader stops at the first blank
  // row in any case.
  const stop = classesHeader.sheet === majorsHeader.sheet ? classesHeader.block.top - 1 : undefined;
  return {
    majors: { sheet: majorsHeader.sheet, block: tableRegion(majorsHeader, MAJOR_COLUMNS.length, stop) },
    classes: { sheet: classesHeader.sheet, block: tableRegion(classesHeader, CLASS_COLUMNS.length) },
  };
}

/**
 * The inputs this department's template has a place for: every input, but for platform inputs
 * (fields.ts `platform`) in a template made before them.
 */
export function fieldsOf(d: DepartmentNames): FactField[] {
  return FACT_FIELDS.filter((f) => d.places.has(fieldSuffix(f.path, 'self')) && d.places.has(fieldSuffix(f.path, 'assessor')));
}

/** The blocks to read for one department, in the order `assemble` expects. */
export function factReads(d: DepartmentNames): RangeRef[] {
  const p = (s: string) => d.places.get(s) as Place;
  const refs: RangeRef[] = [single(p('department')), single(p('year'))];
  for (const f of fieldsOf(d)) {
    refs.push(single(p(fieldSuffix(f.path, 'self'))), single(p(fieldSuffix(f.path, 'assessor'))));
  }
  const { majors, classes } = regions(d);
  refs.push({ sheet: majors.sheet, address: blockAddress(majors.block) });
  refs.push({ sheet: classes.sheet, address: blockAddress(classes.block) });
  const ledger = ledgerReads(d.places);
  if (ledger.length > 0) {
    refs.push(...ledger);
    // The computed cells' record, to tell the add-in's values from a person's.
    refs.push({ sheet: majors.sheet, address: blockAddress({ ...majors.block, left: MAJORS_RECORD, right: MAJORS_RECORD }) });
  }
  return refs;
}


function firstCell(v: CellValue[][] | undefined): CellValue {
  return v?.[0]?.[0] ?? null;
}

function text(v: CellValue): string {
  return v === null ? '' : String(v).trim();
}

/** Reads table rows until the first blank row into (self entries, assessor entries). */
function readTable(
  region: Place,
  values: CellValue[][],
  columns: readonly TableColumn[],
  listPath: string,
  cells: Map<string, PathCells>,
): { self: Facts[]; assessor: Facts[]; assessorFilled: boolean; overflow?: Location } {
  const self: Facts[] = [];
  let ended = false;
  const assessor: Facts[] = [];
  let assessorFilled = false;
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    if (columns.every((_, c) => isBlank(row[c]))) {
      ended = true;
      break;
    }
    const i = self.length;
    const s: Facts = {};
    const a: Facts = {};
    columns.forEach((col, c) => {
      const v = row[c] ?? null;
      const path = `${listPath}[${i}].${col.key}`;
      const loc = { sheet: region.sheet, address: cellAddress(region.block.top + r, region.block.left + c) };
      const entry = cells.get(path) ?? {};
      if (col.column === 'assessor') {
        entry.assessor = loc;
        entry.assessorFilled = !isBlank(v);
        if (!isBlank(v)) {
          a[col.key] = v;
          assessorFilled = true;
        }
      } else {
        entry.self = loc;
        if (!isBlank(v)) {
          s[col.key] = v;
          if (!(col.key in a)) a[col.key] = v;
        }
      }
      cells.set(path, entry);
    });
    self.push(s);
    assessor.push(a);
  }
  // "no_majors" and list-wide problems point at the first row of the table.
  cells.set(listPath, {
    self: { sheet: region.sheet, address: cellAddress(region.block.top, region.block.left) },
  });
  // No blank row before the end of what was read: rows may lie beyond it, unread. Say so
  // rather than score a cut-off list.
  const last = { sheet: region.sheet, address: cellAddress(region.block.bottom, region.block.left) };
  return { self, assessor, assessorFilled, overflow: ended || values.length === 0 ? undefined : last };
}

/**
 * A table's columns with the template's fill (self yellow, assessor green, shared none), over
 * the rows it prepared or, when longer, the rows in use and one more: where marks can be.
 */
function tableFills(region: Place, columns: readonly TableColumn[], used: number, computed = false): FillRef[] {
  const rows = Math.min(Math.max(TABLE_ROWS, used + 1), region.block.bottom - region.block.top + 1);
  return columns.map((col, c) => ({
    sheet: region.sheet,
    address: blockAddress({ top: region.block.top, left: region.block.left + c, bottom: region.block.top + rows - 1, right: region.block.left + c }),
    fill: computed && col.column !== 'shared' ? COMPUTED_FILL : col.column === 'self' ? SELF_FILL : col.column === 'assessor' ? ASSESSOR_FILL : null,
  }));
}

/** The ledger sheet's input cells with the template's fill: the calendar and the table's rows. */
function ledgerFills(places: Map<string, Place>, used: number): FillRef[] {
  const calendar = places.get('calendar');
  const projects = places.get('projects');
  if (!calendar || !projects) return [];
  const months = (row: number, fill: string): FillRef => ({
    sheet: calendar.sheet,
    address: blockAddress({ top: row, left: LEDGER_SHEET.months, bottom: row, right: LEDGER_SHEET.months + REPORT_MONTHS.length - 1 }),
    fill,
  });
  const top = projects.block.top + 1;
  const rows = Math.max(TABLE_ROWS, used + 1);
  // One block per fill (the department's columns, then the assessors' last one): WPS pays
  // its calls per block when it looks for marks by their fill.
  const verdict = LEDGER_COLUMNS.findIndex((c) => c.kind === 'verdict');
  return [
    months(calendar.block.top + 1, SELF_FILL),
    months(calendar.block.top + 2, ASSESSOR_FILL),
    { sheet: projects.sheet, address: blockAddress({ top, left: 0, bottom: top + rows - 1, right: verdict - 1 }), fill: SELF_FILL },
    { sheet: projects.sheet, address: blockAddress({ top, left: verdict, bottom: top + rows - 1, right: verdict }), fill: ASSESSOR_FILL },
  ];
}

/** Turns the values read by `factReads` into the department's S1 and S2 facts. */
export function assemble(d: DepartmentNames, values: CellValue[][][]): DepartmentData {
  const p = (s: string) => d.places.get(s) as Place;
  const at = (place: Place): Location => ({ sheet: place.sheet, address: cellAddress(place.block.top, place.block.left) });
  const cells = new Map<string, PathCells>();
  const department = text(firstCell(values[0]));
  const year = text(firstCell(values[1]));
  // Blank leaves travel as null (an empty cell) so the engine reports `missing` on the leaf's
  // own path; the year is informational and left out when blank.
  const self: Facts = { department: firstCell(values[0]) };
  if (year) self.year = firstCell(values[1]);
  cells.set('department', { self: at(p('department')) });
  cells.set('year', { self: at(p('year')) });
  let assessorBlank = true;
  let i = 2;
  const assessor: Facts = { ...self };
  const fields = fieldsOf(d);
  for (const f of fields) {
    const sv = firstCell(values[i++]);
    const av = firstCell(values[i++]);
    if (!isBlank(sv)) setPath(self, f.path, sv);
    else if (!f.optional) setPath(self, f.path, null);
    const merged = isBlank(av) ? sv : av;
    if (!isBlank(merged)) setPath(assessor, f.path, merged);
    else if (!f.optional) setPath(assessor, f.path, null);
    if (!isBlank(av)) assessorBlank = false;
    cells.set(f.path, {
      self: at(p(fieldSuffix(f.path, 'self'))),
      assessor: at(p(fieldSuffix(f.path, 'assessor'))),
      assessorFilled: !isBlank(av),
    });
  }
  const { majors, classes } = regions(d);
  const majorValues = values[i++] ?? [];
  const classValues = values[i++] ?? [];
  const ledger = readLedger(d.places, values.slice(i, i + 2), year, cells);
  const records = values[i + 2] ?? [];
  // With ledger rows the majors' partners and bases are the ledger's: cells the add-in wrote
  // there are left out of the facts (the engine derives them); a person's value stays in,
  // and the engine answers it with derived_input on its cell.
  let computed: ComputedMajors | undefined;
  let readMajors = majorValues;
  const stale: StaleCell[] = [];
  if (ledgerReads(d.places).length > 0) {
    const current = majorValues.map((row, r) => [...row.slice(COMPUTED_FIRST, COMPUTED_LAST + 1), ...Array<CellValue>(MAJORS_RECORD - COMPUTED_LAST - 1).fill(null), records[r]?.[0] ?? null]);
    // The add-in's own computed cells (value as recorded) are no input, with ledger rows or
    // without; a value a person typed over one (foreign to the record) is theirs.
    const own = (r: number, c: number) =>
      COMPUTED_COLUMNS.includes(c) && !isBlank(majorValues[r][c]) &&
      !foreignCells(computedBlock(majors.sheet, majors.block.top + r), [current[r]]).includes(cellAddress(majors.block.top + r, majors.block.left + c));
    if (ledger.self) computed = { sheet: majors.sheet, top: majors.block.top, current };
    readMajors = majorValues.map((row, r) => row.map((v, c) => {
      if (!own(r, c)) return v;
      if (!ledger.self) {
        const col = MAJOR_COLUMNS[c];
        stale.push({
          sheet: majors.sheet, address: cellAddress(majors.block.top + r, majors.block.left + c),
          path: `majors[${r}].${col.key}`, column: col.column === 'assessor' ? 'assessor' : 'self', row: r, value: v, record: current[r][current[r].length - 1],
        });
      }
      return null;
    }));
  }
  const m = readTable(majors, readMajors, MAJOR_COLUMNS, 'majors', cells);
  const c = readTable(classes, classValues, CLASS_COLUMNS, 'order_classes', cells);
  if (ledger.self) {
    self.projects = ledger.self;
    assessor.projects = ledger.assessor;
  }
  if (ledger.selfMonths) {
    setPath(self, 'reports.months', ledger.selfMonths);
    setPath(assessor, 'reports.months', ledger.assessorMonths);
  }
  if (ledger.assessorFilled) assessorBlank = false;
  self.majors = m.self;
  assessor.majors = m.assessor;
  self.order_classes = c.self;
  assessor.order_classes = c.assessor;
  if (m.assessorFilled || c.assessorFilled) assessorBlank = false;
  const inputs: RangeRef[] = factReads(d);
  const fills: FillRef[] = [
    ...[p('department'), p('year')].map((place) => ({ ...single(place), fill: SELF_FILL })),
    ...fields.flatMap((f) => [
      { ...single(p(fieldSuffix(f.path, 'self'))), fill: SELF_FILL },
      { ...single(p(fieldSuffix(f.path, 'assessor'))), fill: ASSESSOR_FILL },
    ]),
    ...tableFills(majors, MAJOR_COLUMNS, m.self.length, !!ledger.self),
    ...tableFills(classes, CLASS_COLUMNS, c.self.length),
    ...ledgerFills(d.places, ledger.self?.length ?? 0),
  ];
  return {
    key: d.key,
    places: d.places,
    department: department || d.key,
    year,
    self,
    assessor,
    assessorBlank,
    cells,
    departmentCell: at(p('department')),
    inputs,
    fills,
    overflow: [m.overflow, c.overflow, ledger.overflow].filter((x): x is Location => x !== undefined),
    ledger,
    computed,
    stale,
  };
}

/** The cell an engine path points at, falling back to its parents, then to the department cell. */
export function locate(data: DepartmentData, path: string, column: 'self' | 'assessor'): Location & { column?: 'self' | 'assessor' } {
  let probe = path;
  for (;;) {
    const entry = data.cells.get(probe);
    if (entry) {
      if (column === 'assessor' && entry.assessor) return { ...entry.assessor, column: 'assessor' };
      if (entry.self) return { ...entry.self, column: entry.assessor ? 'self' : undefined };
    }
    const cut = Math.max(probe.lastIndexOf('.'), probe.lastIndexOf('['));
    if (cut <= 0) return data.departmentCell;
    probe = probe.slice(0, cut);
  }
}

/** Whether the assessor typed a value for this path (S2 errors then belong to that cell). */
export function assessorFilled(data: DepartmentData, path: string): boolean {
  return data.cells.get(path)?.assessorFilled === true;
}
