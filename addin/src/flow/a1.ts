/**
 * A1 references as numbers and back. The flow finds its cells through defined names, then
 * needs to step from a named anchor to the cells beside and below it; these helpers do
 * that arithmetic and nothing else. Rows and columns are 0-based here, 1-based in A1 text.
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

export function parseCell(text: string): Cell {
  const m = CELL.exec(text.trim());
  if (!m) throw new Error(`not an A1 cell reference: "${text}"`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** "B3" or "B3:D10" (either corner order) → block. */
export function parseBlock(text: string): Block {
  const parts = text.split(':');
  if (parts.length > 2) throw new Error(`not an A1 block reference: "${text}"`);
  const a = parseCell(parts[0]);
  const b = parts.length === 2 ? parseCell(parts[1]) : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A single cell prints as "B3", a block as "B3:D10". */
export function blockAddress(b: Block): string {
  const first = cellAddress(b.top, b.left);
  return b.top === b.bottom && b.left === b.right ? first : `${first}:${cellAddress(b.bottom, b.right)}`;
}

export function blockOf(top: number, left: number, rows: number, cols: number): Block {
  return { top, left, bottom: top + rows - 1, right: left + cols - 1 };
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
