/**
 * The record that tells the add-in's own cells from the user's ("never lose the user's data").
 *
 * Every block the flow writes has a record column right beside it: per row one cell holding
 * "coop1:" and a hash of every value written in that row ("-" for an empty cell). A cell is
 * ours when it is empty or still holds exactly what the record says we wrote; a record cell is
 * ours when it is empty or a well-formed record. The record travels with its row (row
 * insertions, sheet copies between workbooks), which a separate state sheet would not. The
 * template writes the first record (the score sheet's head); the flow checks and rewrites
 * them (../flow/own.ts).
 */
import type { CellValue, RangeRef, WriteBlock } from '../host/host.js';
import { blockAddress, blockCols, blockRows, cellAddress, type Block } from '../host/a1.js';
import { fnv1a } from './names.js';

const RECORD_TAG = 'coop1:';

/** A block the flow writes; its record column is `block.right + 1`. */
export interface OwnedBlock {
  sheet: string;
  block: Block;
  /**
   * The record's column (0-based) when a defined name says where it is: columns the user
   * inserted between the block and its record push it to the right. Default: right beside.
   */
  record?: number;
}

function recordColumn(o: OwnedBlock): number {
  return o.record ?? o.block.right + 1;
}

/** The block through its record column (and any columns between): what must be read before writing. */
export function readRef(o: OwnedBlock): RangeRef {
  return { sheet: o.sheet, address: blockAddress({ ...o.block, right: recordColumn(o) }) };
}

const DAY_MS = 86_400_000;
/** Day 0 of the 1900 date system as spreadsheets count it today (serial 1 = 1900-01-01). */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * The number a spreadsheet makes of text written into a cell as if typed, or undefined when
 * it keeps the text: WPS parses what the add-in writes like typed input, so "65%" becomes
 * 0.65, "2024-03-05" the date serial 45356 and "1,200" 1200. Such a cell still holds what the
 * add-in wrote; only the host changed its form.
 */
export function typedNumber(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (String(Number(t)) === t) return Number(t);
  const grouped = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.exec(t);
  if (grouped) return Number(t.replace(/,/g, ''));
  const percent = /^([+-]?\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (percent) return Number(percent[1]) / 100;
  const date = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)$/.exec(t);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2] ?? date[4]), Number(date[3] ?? date[5])];
    const at = Date.UTC(y, m - 1, d);
    const real = new Date(at);
    // 2024-02-30 stays text, as it does in the spreadsheet; serials before 1900-03-01 differ
    // by Excel's phantom 1900-02-29, and no such date is ever written by the add-in.
    if (real.getUTCMonth() !== m - 1 || real.getUTCDate() !== d || y < 1901) return undefined;
    return Math.round((at - SERIAL_EPOCH) / DAY_MS);
  }
  return undefined;
}

function digest(v: string | number | boolean): string {
  return fnv1a(`${typeof v}:${String(v)}`).toString(36);
}

/**
 * A written value's hash. Text a host may parse into a number hashes as that number, and a
 * number by its 15 significant digits (what a spreadsheet keeps of 65 / 100), so the record
 * holds whichever form the cell ends up in.
 */
function hashValue(v: CellValue): string {
  if (v === null) return '-';
  const n = typeof v === 'string' ? typedNumber(v) : typeof v === 'number' ? v : undefined;
  return digest(n === undefined ? v : Number(n.toPrecision(15)));
}

/** The hash records written before hashValue knew percentages and dates carry: numeric text only. */
function earlierHash(v: CellValue): string {
  if (v === null) return '-';
  return digest(typeof v === 'string' && v.trim() !== '' && String(Number(v)) === v ? Number(v) : v);
}

function isEmpty(v: CellValue | undefined): boolean {
  return v === null || v === undefined || v === '';
}

function recordFor(row: CellValue[]): CellValue {
  if (row.every((v) => v === null)) return null;
  return RECORD_TAG + row.map(hashValue).join('.');
}

function parseRecord(v: CellValue, width: number): string[] | undefined {
  if (typeof v !== 'string' || !v.startsWith(RECORD_TAG)) return undefined;
  const parts = v.slice(RECORD_TAG.length).split('.');
  return parts.length === width ? parts : undefined;
}

/** Foreign cells of one block: "sheet!A1" addresses, in reading order. */
export function foreignCells(o: OwnedBlock, current: CellValue[][]): string[] {
  const width = blockCols(o.block);
  const at = recordColumn(o) - o.block.left;
  const out: string[] = [];
  for (let r = 0; r < blockRows(o.block); r++) {
    const row = current[r] ?? [];
    const recordCell = row[at] ?? null;
    const record = isEmpty(recordCell) ? undefined : parseRecord(recordCell, width);
    for (let c = 0; c < width; c++) {
      const v = row[c] ?? null;
      if (isEmpty(v)) continue;
      if (!record || (record[c] !== hashValue(v) && record[c] !== earlierHash(v))) out.push(cellAddress(o.block.top + r, o.block.left + c));
    }
    if (!isEmpty(recordCell) && !record) out.push(cellAddress(o.block.top + r, recordColumn(o)));
  }
  return out;
}

/**
 * The write of `values` (block rows × cols) together with its records; `expect`, the block and
 * record as read and checked (foreignCells), lets the host refuse a write the user overtook.
 */
export function ownedWrite(o: OwnedBlock, values: CellValue[][], expect?: CellValue[][]): WriteBlock {
  const [write] = ownedWrites({ sheet: o.sheet, block: o.block }, values, expect);
  return write;
}

/**
 * ownedWrite for a record that may stand apart (`o.record`): the block and its record column
 * as two writes, leaving the user's columns between them alone; `expect` is readRef's read.
 */
export function ownedWrites(o: OwnedBlock, values: CellValue[][], expect?: CellValue[][]): WriteBlock[] {
  const width = blockCols(o.block);
  if (values.length !== blockRows(o.block) || values.some((r) => r.length !== width)) {
    throw new Error(`internal: ${blockAddress(o.block)} expects ${blockRows(o.block)}×${width} values`);
  }
  const records = values.map(recordFor);
  const col = recordColumn(o);
  if (col === o.block.right + 1) {
    return [{ sheet: o.sheet, address: blockAddress({ ...o.block, right: col }), values: values.map((row, r) => [...row, records[r]]), ...(expect ? { expect } : {}) }];
  }
  const part = (from: number, to: number) => (expect ? { expect: expect.map((row) => row.slice(from, to)) } : {});
  return [
    { sheet: o.sheet, address: blockAddress(o.block), values, ...part(0, width) },
    { sheet: o.sheet, address: blockAddress({ ...o.block, left: col, right: col }), values: records.map((v) => [v]), ...part(col - o.block.left, col - o.block.left + 1) },
  ];
}

/** Pads `values` with empty rows/columns to fill `block` (clears rows a shorter run no longer uses). */
export function padTo(values: CellValue[][], block: Block): CellValue[][] {
  const rows = blockRows(block);
  const cols = blockCols(block);
  const out: CellValue[][] = [];
  for (let r = 0; r < rows; r++) {
    const src = values[r] ?? [];
    const row: CellValue[] = [];
    for (let c = 0; c < cols; c++) row.push(src[c] ?? null);
    out.push(row);
  }
  return out;
}
