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
 * template's colour for the cell (`MarkOptions.fills`; ET has no hidden place to keep the
 * cell's own). A cell whose fill the user changed after we marked it keeps the user's fill.
 * A mark whose comment the user deleted has only its fill left; finding it costs calls per
 * block of the scope, so only an action that asks for it (`sweep`, 清除标记) looks.
 */
import type { CellMark, FillRef, MarkOptions, RangeRef } from '../host/host.js';
import { composeMarkNote, giveBack, MARK_FILL, parseMarkNote, templateFills } from '../host/mark-text.js';
import { blockAddress, blockCols, blockRows, cellAddress, contains, parseBlock, type Block, type Cell } from '../host/a1.js';
import { multiArea } from '../host/areas.js';
import { bgr, hexOfBgr } from './colour.js';
import { XL_COLOR_INDEX_NONE, type EtInterior, type EtRange, type EtWorksheet } from './et.js';

const MARK_BGR = bgr(MARK_FILL);

/** "$B$3", "B3" or "B3:D10" → the top-left cell. */
function topLeft(address: string): Cell {
  const block = parseBlock(address);
  return { row: block.top, col: block.left };
}

/** Gives a cell its fill back as `giveBack` decided (undefined: leave it). */
function setFill(interior: EtInterior, fill: string | null | undefined): void {
  if (fill === undefined) return;
  if (fill) interior.Color = bgr(fill);
  else interior.ColorIndex = XL_COLOR_INDEX_NONE;
}

/** Removes one of our marks from a cell: our note goes, the user's note and fill come back. */
function unmark(range: EtRange, noteText: string, templateFill: string | undefined): void {
  const interior = range.Interior;
  const colour = interior.Color;
  const back = giveBack(noteText, typeof colour === 'number' ? hexOfBgr(colour) : null, templateFill);
  if (!back) return;
  if (back.note !== undefined) {
    range.Comment?.Delete();
    if (back.note) range.AddComment(back.note);
  }
  setFill(interior, back.fill);
}

/** Marks one cell with `message`, keeping the user's own note so that it can come back. */
function mark(range: EtRange, message: string): void {
  const existing = range.Comment;
  const text = existing ? existing.Text() : '';
  const wanted = composeMarkNote(message, parseMarkNote(text).userNote);
  if (text !== wanted) {
    existing?.Delete();
    range.AddComment(wanted);
  }
  const interior = range.Interior;
  if (interior.Color !== MARK_BGR) interior.Color = MARK_BGR;
}

/**
 * Marks whose note the user deleted: the mark's fill alone, on a cell with no note. ET tells
 * one colour for a whole (multi-area) range, or null when its cells differ, so each group of
 * blocks of one template colour costs three calls when it holds no mark, and only a group
 * that does is split, in halves, down to the red cells. `skip` tells the cells already dealt
 * with (any note, ours or not, and the cells to be marked).
 */
function sweep(ws: EtWorksheet, fills: FillRef[], skip: (cell: Cell) => boolean): void {
  const byFill = new Map<string | null, Block[]>();
  for (const f of fills) byFill.set(f.fill, [...(byFill.get(f.fill) ?? []), parseBlock(f.address)]);
  const search = (block: Block, fill: string | null): void => {
    const inside = ws.Range(blockAddress(block)).Interior;
    const colour = inside.Color;
    if (colour !== null && colour !== undefined && colour !== MARK_BGR) return;
    if (blockRows(block) === 1 && blockCols(block) === 1) {
      const cell = { row: block.top, col: block.left };
      if (colour === MARK_BGR && !skip(cell)) setFill(inside, giveBack('', MARK_FILL, fill ?? undefined)?.fill);
      return;
    }
    const tall = blockRows(block) >= blockCols(block);
    const half = tall ? block.top + Math.floor((blockRows(block) - 1) / 2) : block.left + Math.floor((blockCols(block) - 1) / 2);
    search(tall ? { ...block, bottom: half } : { ...block, right: half }, fill);
    search(tall ? { ...block, top: half + 1 } : { ...block, left: half + 1 }, fill);
  };
  for (const [fill, blocks] of byFill) {
    for (const reference of multiArea(blocks)) {
      const colour = ws.Range(reference).Interior.Color;
      if (colour !== null && colour !== undefined && colour !== MARK_BGR) continue;
      for (const part of reference.split(',')) search(parseBlock(part), fill);
    }
  }
}

/**
 * Makes the marks inside `scope` exactly `marks` (see `Host.setMarks`). `sheet` finds a
 * worksheet by name (the caller caches them).
 */
export function applyMarks(sheet: (name: string) => EtWorksheet, scope: RangeRef[], marks: CellMark[], options: MarkOptions = {}): void {
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
  const templateFill = templateFills(options.fills);
  for (const [name, blocks] of blocksBySheet) {
    const comments = sheet(name).Comments;
    const noted = new Set<string>();
    // Walk backwards: deleting a comment renumbers the ones after it.
    for (let i = comments.Count; i >= 1; i--) {
      const comment = comments.Item(i);
      const text = comment.Text();
      const ours = parseMarkNote(text).ours;
      // Someone else's note matters only to the sweep (a red cell under it is not ours).
      if (!ours && !options.sweep) continue;
      const range = comment.Parent;
      const at = topLeft(range.Address(false, false));
      noted.add(cellAddress(at.row, at.col));
      if (!ours || !blocks.some((block) => contains(block, at))) continue;
      if (wanted.has(`${name}\u0000${at.row},${at.col}`)) continue;
      unmark(range, text, templateFill(name, at));
    }
    if (options.sweep) {
      const fills = (options.fills ?? []).filter((f) => f.sheet === name);
      sweep(sheet(name), fills, (cell) => noted.has(cellAddress(cell.row, cell.col)) || wanted.has(`${name}\u0000${cell.row},${cell.col}`));
    }
  }
  for (const m of wanted.values()) {
    mark(sheet(m.sheet).Range(cellAddress(m.row, m.col)), m.note);
  }
}
