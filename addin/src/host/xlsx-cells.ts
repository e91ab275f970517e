/**
 * Small, pure helpers of the .xlsx host: A1 references, defined-name references, and the
 * reading of ExcelJS cell values as the flow's plain `CellValue`s. Kept apart from the host
 * class so that they can be tested without a workbook.
 */
import type { CellValue } from './host.js';

/** A rectangle of 1-based rows and columns. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** "A" → 1, "AB" → 28. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1 → "A", 28 → "AB". */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

function parseCell(ref: string): { row: number; col: number } {
  const m = CELL.exec(ref.trim());
  if (!m) throw new Error(`不是有效的单元格地址 / not a cell address: "${ref}"`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

/** "B3" or "B3:D10" (with or without `$`) → the rectangle, corners in any order. */
export function parseBox(address: string): Box {
  const parts = address.split(':');
  if (parts.length > 2) throw new Error(`不是有效的区域地址 / not a range address: "${address}"`);
  const a = parseCell(parts[0]);
  const b = parts.length === 2 ? parseCell(parts[1]) : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** The rectangle as "B3" (one cell) or "B3:D10". */
export function boxAddress(box: Box): string {
  const tl = columnLetters(box.left) + box.top;
  const br = columnLetters(box.right) + box.bottom;
  return tl === br ? tl : `${tl}:${br}`;
}

export function intersects(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function sameBox(a: Box, b: Box): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

/** Every cell of the rectangle, row by row. */
export function* cellsOf(box: Box): Generator<{ row: number; col: number }> {
  for (let row = box.top; row <= box.bottom; row++) {
    for (let col = box.left; col <= box.right; col++) yield { row, col };
  }
}

/**
 * The workbook-level reference of a defined name: `'事实 表'!$B$3:$C$5`. The sheet name is
 * always quoted (and its apostrophes doubled) because Chinese names and spaces need it and
 * quoting a plain name is still valid.
 */
export function nameReference(sheet: string, address: string): string {
  const box = parseBox(address);
  const abs = (row: number, col: number) => `$${columnLetters(col)}$${row}`;
  const tl = abs(box.top, box.left);
  const br = abs(box.bottom, box.right);
  return `'${sheet.replace(/'/g, "''")}'!${tl === br ? tl : `${tl}:${br}`}`;
}

/** `'事实 表'!$B$3:$C$5` → sheet and plain address; `null` for anything that is not one range. */
export function parseNameReference(reference: string): { sheet: string; address: string } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)$/.exec(reference.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return { sheet, address: boxAddress(parseBox(m[3])) };
}

// Excel's day 0 is 1899-12-30 (the 1900 leap-year bug folded in); ExcelJS hands dates out as
// UTC instants of that calendar.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * An ExcelJS cell value as the flow sees it. Formulas give their cached result, rich text
 * its plain text, hyperlinks their text, dates Excel's serial number (what Office.js and
 * WPS hand out too), errors their code ("#N/A"), so that every host reads the same.
 */
export function plainValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value === '' ? null : value;
  }
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) return plainValue(v.result);
    if (Array.isArray(v.richText)) {
      return plainValue((v.richText as Array<{ text?: unknown }>).map((r) => String(r.text ?? '')).join(''));
    }
    if ('hyperlink' in v) return plainValue(v.text);
    if (typeof v.error === 'string') return v.error;
  }
  return String(value);
}

/** The text of a note, whether ExcelJS holds it as a string or as rich text. */
export function noteText(note: unknown): string {
  if (note === null || note === undefined) return '';
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: Array<{ text?: unknown }> }).texts;
  return Array.isArray(texts) ? texts.map((t) => String(t.text ?? '')).join('') : '';
}

/** "#ffc7ce" → "FFFFC7CE", the ARGB form ExcelJS stores. */
export function argb(hex: string): string {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(hex.trim());
  if (!m) throw new Error(`不是有效的颜色 / not a colour "#RRGGBB": "${hex}"`);
  return `FF${m[1].toUpperCase()}`;
}
