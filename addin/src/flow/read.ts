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
import { ASSESSOR_FILL, SELF_FILL } from '../template/layout.js';

export type Facts = Record<string, unknown>;

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
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
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
  return refs;
}

function setPath(target: Facts, path: string, value: unknown): void {
  const parts = path.split('.');
  let obj = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof obj[part] !== 'object' || obj[part] === null) obj[part] = {};
    obj = obj[part] as Facts;
  }
  obj[parts[parts.length - 1]] = value;
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
function tableFills(region: Place, columns: readonly TableColumn[], used: number): FillRef[] {
  const rows = Math.min(Math.max(TABLE_ROWS, used + 1), region.block.bottom - region.block.top + 1);
  return columns.map((col, c) => ({
    sheet: region.sheet,
    address: blockAddress({ top: region.block.top, left: region.block.left + c, bottom: region.block.top + rows - 1, right: region.block.left + c }),
    fill: col.column === 'self' ? SELF_FILL : col.column === 'assessor' ? ASSESSOR_FILL : null,
  }));
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
  const m = readTable(majors, values[i++] ?? [], MAJOR_COLUMNS, 'majors', cells);
  const c = readTable(classes, values[i++] ?? [], CLASS_COLUMNS, 'order_classes', cells);
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
    ...tableFills(majors, MAJOR_COLUMNS, m.self.length),
    ...tableFills(classes, CLASS_COLUMNS, c.self.length),
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
    overflow: [m.overflow, c.overflow].filter((x): x is Location => x !== undefined),
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
