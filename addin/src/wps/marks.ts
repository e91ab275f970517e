/**
 * Marks on bad input cells in WPS 表格: the light red fill plus a comment (ET's 批注) whose
 * text starts with MARK_PREFIX. The text format is shared with the other hosts
 * (`host/mark-text.ts`), so a workbook marked in WPS is cleaned in Excel and back.
 *
 * Finding our earlier marks: instead of visiting every cell of the scope, the sheet's
 * Comments collection is walked (one call per comment, and comments are few), so the cost
 * does not grow with the size of the template.
 *
 * What is given back when a mark goes: the user's own comment (kept under ours) and the
 * cell's own fill colour (kept on a line of our note, because ET has no hidden place for
 * it). A cell whose fill the user changed after we marked it keeps the user's fill.
 */
import type { CellMark, RangeRef } from '../host/host.js';
import { composeMarkNote, MARK_FILL, parseMarkNote } from '../host/mark-text.js';
import { cellAddress, contains, parseBlock, type Block, type Cell } from '../host/a1.js';
import { bgr, hexOfBgr } from './colour.js';
import { XL_COLOR_INDEX_NONE, type EtInterior, type EtRange, type EtWorksheet } from './et.js';

const MARK_BGR = bgr(MARK_FILL);

/** "$B$3", "B3" or "B3:D10" → the top-left cell. */
function topLeft(address: string): Cell {
  const block = parseBlock(address);
  return { row: block.top, col: block.left };
}

/**
 * The fill of a cell as "#RRGGBB", or undefined for no fill or an odd value. `colour` is
 * `interior.Color`, already read by the caller; a cell without fill also reads white, so
 * ColorIndex tells the two apart.
 */
function fillOf(colour: unknown, interior: EtInterior): string | undefined {
  if (typeof colour !== 'number' || interior.ColorIndex === XL_COLOR_INDEX_NONE) return undefined;
  return hexOfBgr(colour);
}

/** Removes one of our marks from a cell: our note goes, the user's note and fill come back. */
function unmark(range: EtRange, noteText: string): void {
  const note = parseMarkNote(noteText);
  range.Comment?.Delete();
  if (note.userNote) range.AddComment(note.userNote);
  const interior = range.Interior;
  if (interior.Color === MARK_BGR) {
    if (note.ownFill) interior.Color = bgr(note.ownFill);
    else interior.ColorIndex = XL_COLOR_INDEX_NONE;
  }
}

/** Marks one cell with `message`, keeping what the mark covers so that it can come back. */
function mark(range: EtRange, message: string): void {
  const existing = range.Comment;
  const text = existing ? existing.Text() : '';
  const before = parseMarkNote(text);
  const interior = range.Interior;
  const colour = interior.Color;
  // Already ours: keep the user's note and fill recorded the first time.
  const ownFill = before.ours ? before.ownFill : colour === MARK_BGR ? undefined : fillOf(colour, interior);
  const wanted = composeMarkNote(message, before.userNote, ownFill);
  if (text !== wanted) {
    existing?.Delete();
    range.AddComment(wanted);
  }
  if (colour !== MARK_BGR) interior.Color = MARK_BGR;
}

/**
 * Makes the marks inside `scope` exactly `marks` (see `Host.setMarks`). `sheet` finds a
 * worksheet by name (the caller caches them).
 */
export function applyMarks(sheet: (name: string) => EtWorksheet, scope: RangeRef[], marks: CellMark[]): void {
  // A mark names one cell; given a block, its top-left cell carries the mark.
  const wanted = new Map<string, { sheet: string; row: number; col: number; note: string }>();
  for (const m of marks) {
    const { row, col } = topLeft(m.address);
    wanted.set(`${m.sheet}\u0000${row},${col}`, { sheet: m.sheet, row, col, note: m.note });
  }
  const blocksBySheet = new Map<string, Block[]>();
  for (const ref of scope) {
    const blocks = blocksBySheet.get(ref.sheet) ?? [];
    blocks.push(parseBlock(ref.address));
    blocksBySheet.set(ref.sheet, blocks);
  }
  for (const [name, blocks] of blocksBySheet) {
    const comments = sheet(name).Comments;
    // Walk backwards: deleting a comment renumbers the ones after it.
    for (let i = comments.Count; i >= 1; i--) {
      const comment = comments.Item(i);
      const text = comment.Text();
      if (!parseMarkNote(text).ours) continue;
      const range = comment.Parent;
      const at = topLeft(range.Address(false, false));
      if (!blocks.some((block) => contains(block, at))) continue;
      if (wanted.has(`${name}\u0000${at.row},${at.col}`)) continue;
      unmark(range, text);
    }
  }
  for (const m of wanted.values()) {
    mark(sheet(m.sheet).Range(cellAddress(m.row, m.col)), m.note);
  }
}
