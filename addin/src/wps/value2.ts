/**
 * Turns what WPS hands back from `Range.Value2` into the flow's rows × columns of plain
 * values, and the flow's values into what `Value2` accepts.
 *
 * Why this is needed: the same read comes back in different shapes. A one-cell range gives
 * a scalar; a block gives a row-major array of rows; some WPS builds (older Linux ones
 * especially) give a wrapper object instead: a VBArray-like object (`getItem`, `lbound`,
 * `ubound`, `toArray`) or an array-like `{length, 0: …}`. Cell values themselves may come
 * wrapped too (an object whose `valueOf()` is the value). Anything not understood here
 * gives `null` from `normaliseBlock`, and the adapter then reads the block cell by cell.
 */
import type { CellValue } from '../host/host.js';

/** One value as the flow sees it; `undefined` when the value's shape is not understood. */
export function plainCell(value: unknown): CellValue | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return undefined; // Value2 never gives dates; a Date means a wrong shape
  if (typeof value === 'object') {
    // A wrapped scalar: its valueOf() is the value (and an unwrapped object is itself).
    const inner = (value as { valueOf(): unknown }).valueOf();
    if (inner !== value && (inner === null || typeof inner !== 'object')) return plainCell(inner);
  }
  return undefined;
}

interface VBArrayLike {
  getItem(...indexes: number[]): unknown;
  lbound(dimension?: number): number;
  ubound(dimension?: number): number;
}

function isVBArrayLike(value: object): value is VBArrayLike {
  const v = value as Partial<VBArrayLike>;
  return typeof v.getItem === 'function' && typeof v.lbound === 'function' && typeof v.ubound === 'function';
}

/** An array, or an array-like object `{length, 0: …, 1: …}`, as an array; otherwise null. */
function asArray(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (value !== null && typeof value === 'object') {
    const length = (value as { length?: unknown }).length;
    if (typeof length === 'number' && Number.isInteger(length) && length >= 0) {
      return Array.from(value as ArrayLike<unknown>);
    }
  }
  return null;
}

function plainRow(row: unknown[], columns: number): CellValue[] | null {
  if (row.length !== columns) return null;
  const out: CellValue[] = [];
  for (const cell of row) {
    const v = plainCell(cell);
    if (v === undefined) return null;
    out.push(v);
  }
  return out;
}

/**
 * `Value2` of a block of `rows` × `columns` cells as rows of plain values, or `null` when
 * its shape does not fit the block (the caller then falls back to reading cell by cell).
 */
export function normaliseBlock(value: unknown, rows: number, columns: number): CellValue[][] | null {
  if (rows === 1 && columns === 1) {
    const single = plainCell(value);
    if (single !== undefined) return [[single]];
  }
  if (value !== null && typeof value === 'object' && isVBArrayLike(value)) {
    return fromVBArray(value, rows, columns);
  }
  const outer = asArray(value);
  if (!outer) return null;
  // Row-major rows: [[a, b], [c, d]].
  if (outer.length === rows && outer.every((row) => asArray(row) !== null)) {
    const out: CellValue[][] = [];
    for (const row of outer) {
      const plain = plainRow(asArray(row) as unknown[], columns);
      if (!plain) return null;
      out.push(plain);
    }
    return out;
  }
  // A flat list is unambiguous only for a single row or a single column.
  if (outer.length === rows * columns && (rows === 1 || columns === 1)) {
    const flat = plainRow(outer, rows * columns);
    if (!flat) return null;
    return rows === 1 ? [flat] : flat.map((v) => [v]);
  }
  return null;
}

function fromVBArray(value: VBArrayLike, rows: number, columns: number): CellValue[][] | null {
  const r0 = value.lbound(1);
  const c0 = value.lbound(2);
  if (value.ubound(1) - r0 + 1 !== rows || value.ubound(2) - c0 + 1 !== columns) return null;
  const out: CellValue[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: CellValue[] = [];
    for (let c = 0; c < columns; c++) {
      const v = plainCell(value.getItem(r0 + r, c0 + c));
      if (v === undefined) return null;
      row.push(v);
    }
    out.push(row);
  }
  return out;
}

/**
 * A flow value as written through `Value2`: empty cells as "" (which ET stores as an empty
 * cell), and text that ET would parse as a formula (leading "=") behind the apostrophe
 * prefix, so that what the add-in writes is always a plain value.
 */
export function toValue2(value: CellValue): string | number | boolean {
  if (value === null) return '';
  if (typeof value === 'string' && /^[=+@-]/.test(value) && !/^-?\d/.test(value)) return `'${value}`;
  return value;
}
