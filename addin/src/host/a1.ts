/**
 * A1 references as numbers and back — the one place that parses and prints them, with the
 * sheet-qualified references of defined names. Addresses are the Host contract
 * (`RangeRef.address`), so every host, the flow, the web page and the tests step between
 * cells through these helpers and nothing else.
 *
 * Rows and columns are 0-based here ("A1" is row 0, column 0), 1-based only in A1 text. APIs
 * that count from 1 (ExcelJS, WPS 表格's ET) add 1 where they call them.
 */

export interface Cell {
  row: number;
  col: number;
}

/** A rectangular block, inclusive on both ends. */
export interface Block {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;

/** "A" → 0, "Z" → 25, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0 → "A", 26 → "AA". */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "B3" or "$B$3" → { row: 2, col: 1 }. */
export function parseCell(text: string): Cell {
  const m = CELL.exec(text.trim());
  if (!m) throw new Error(`不是有效的单元格地址 / not an A1 cell reference: "${text}"`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** "B3" or "B3:D10" (with or without `$`, either corner order) → block. */
export function parseBlock(text: string): Block {
  const parts = text.split(':');
  if (parts.length > 2) throw new Error(`不是有效的区域地址 / not an A1 block reference: "${text}"`);
  const a = parseCell(parts[0]);
  const b = parts.length === 2 ? parseCell(parts[1]) : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** (2, 1) → "B3"; with `absolute`, "$B$3". */
export function cellAddress(row: number, col: number, absolute = false): string {
  const $ = absolute ? '$' : '';
  return `${$}${columnLetters(col)}${$}${row + 1}`;
}

/** A single cell prints as "B3", a block as "B3:D10"; with `absolute`, "$B$3:$D$10". */
export function blockAddress(b: Block, absolute = false): string {
  const first = cellAddress(b.top, b.left, absolute);
  return b.top === b.bottom && b.left === b.right ? first : `${first}:${cellAddress(b.bottom, b.right, absolute)}`;
}

export function blockOf(top: number, left: number, rows: number, cols: number): Block {
  return { top, left, bottom: top + rows - 1, right: left + cols - 1 };
}

/** The one-cell block at the top-left corner of `b`. */
export function topLeft(b: Block): Block {
  return { top: b.top, left: b.left, bottom: b.top, right: b.left };
}

export function blockRows(b: Block): number {
  return b.bottom - b.top + 1;
}

export function blockCols(b: Block): number {
  return b.right - b.left + 1;
}

/** The smallest block holding both. */
export function union(a: Block, b: Block): Block {
  return {
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  };
}

export function intersects(a: Block, b: Block): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function sameBlock(a: Block, b: Block): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

export function contains(b: Block, cell: Cell): boolean {
  return cell.row >= b.top && cell.row <= b.bottom && cell.col >= b.left && cell.col <= b.right;
}

/** Every cell of the block, row by row. */
export function* cellsOf(b: Block): Generator<Cell> {
  for (let row = b.top; row <= b.bottom; row++) {
    for (let col = b.left; col <= b.right; col++) yield { row, col };
  }
}

/**
 * The workbook-level reference of a defined name: `'事实 表'!$B$3:$C$5`. The sheet name is
 * always quoted (and its apostrophes doubled) because Chinese names and spaces need it and
 * quoting a plain name is still valid.
 */
export function nameReference(sheet: string, address: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${blockAddress(parseBlock(address), true)}`;
}

/**
 * `'事实 表'!$B$3:$C$5` → sheet and plain address; `null` for anything that is not one range
 * (constants, unions, and `#REF!`: a name whose cells were deleted names nothing usable).
 */
export function parseNameReference(reference: string): { sheet: string; address: string } | null {
  if (reference.includes('#REF!')) return null;
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?)$/.exec(reference.trim());
  if (!m) return null;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return { sheet, address: blockAddress(parseBlock(m[3])) };
}
