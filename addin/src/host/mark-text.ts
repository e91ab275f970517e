/**
 * The text of a mark's note, and what taking a mark off gives back, shared by every host
 * adapter so that a workbook marked by one host (the web page, WPS) is recognised and cleaned
 * by another (Excel), and back.
 *
 * A note is ours when it starts with MARK_PREFIX. The user's own note, if the cell had one,
 * is kept below ours after ORIGINAL_NOTE and comes back when the mark goes. The note holds
 * nothing else: the fill a cell gets back is the template's colour for that cell, which the
 * flow hands to `setMarks` (`MarkOptions.fills`), or a colour the host keeps out of sight
 * itself (the .xlsx host, in the mark fill's background). Notes written by earlier versions
 * end our part with an ORIGINAL_FILL line; it is still read, and still wins, because it holds
 * the cell's fill exactly as it was.
 *
 * The prefix, separator and colour are the same as in `xlsx-marks.ts` (the ExcelJS host).
 */

import type { FillRef } from './host.js';
import { contains, parseBlock, type Cell } from './a1.js';

/**
 * The mark's light red: one step off the red of Excel's own "Bad" cell style (#FFC7CE, which
 * marks made before used, EARLIER_MARK_FILL), the same to the eye. The exact colour is the
 * add-in's signature: a cell of the input blocks showing it is marked by us even after the
 * user deleted our note, while a user's "Bad" cell is never taken for ours.
 */
export const MARK_FILL = '#FFC7CD';
export const EARLIER_MARK_FILL = '#FFC7CE';
export const MARK_PREFIX = '【校企合作考核】';
export const ORIGINAL_NOTE = '\n—— 原批注 / original note ——\n';
const ORIGINAL_FILL = '\n原底色 / original fill: ';

export interface MarkNote {
  /** True when the note was written by this add-in. */
  ours: boolean;
  /** The note the user had before the mark ('' when none); the whole text when not ours. */
  userNote: string;
  /** The cell's own fill colour the mark replaced, as "#RRGGBB", if any. */
  ownFill?: string;
}

/** Reads a note's text; `''` (no note) reads as "not ours, no user note". */
export function parseMarkNote(text: string): MarkNote {
  if (!text.startsWith(MARK_PREFIX)) return { ours: false, userNote: text };
  const at = text.indexOf(ORIGINAL_NOTE);
  const head = at < 0 ? text : text.slice(0, at);
  const userNote = at < 0 ? '' : text.slice(at + ORIGINAL_NOTE.length);
  const fillAt = head.lastIndexOf(ORIGINAL_FILL);
  const colour = fillAt < 0 ? '' : head.slice(fillAt + ORIGINAL_FILL.length).trim();
  return /^#[0-9A-Fa-f]{6}$/.test(colour) ? { ours: true, userNote, ownFill: colour.toUpperCase() } : { ours: true, userNote };
}

/** The note for a marked cell: our message, then the user's own note to give back later. */
export function composeMarkNote(message: string, userNote: string): string {
  return MARK_PREFIX + message + (userNote ? ORIGINAL_NOTE + userNote : '');
}

/** What a cell gets back when our mark goes; a field left out is left as the cell has it. */
export interface GiveBack {
  /** The user's own note ('' : no note at all). */
  note?: string;
  /** The fill: a colour "#RRGGBB", or null for no fill. */
  fill?: string | null;
}

/**
 * Taking our mark off one cell, decided once for every host. `note` is the cell's note text
 * ('' when it has none), `fill` its fill colour now (none: null), `templateFill` the
 * template's colour for it (none: no fill). A host that kept the cell's own colour itself
 * gives that back instead (the .xlsx host).
 *
 * The mark's fill goes even when the user deleted our note (MARK_FILL, our signature, on a
 * cell without any note), but not under someone else's note, and a cell whose fill the user
 * changed after we marked it keeps the user's fill. Undefined: nothing of ours on the cell.
 */
export function giveBack(note: string, fill: string | null | undefined, templateFill?: string): GiveBack | undefined {
  const parsed = parseMarkNote(note);
  const signed = sameColour(fill, MARK_FILL);
  if (!parsed.ours && !(note === '' && signed)) return undefined;
  const marked = signed || (parsed.ours && sameColour(fill, EARLIER_MARK_FILL));
  return {
    note: parsed.ours ? parsed.userNote : undefined,
    fill: marked ? (parsed.ownFill ?? templateFill ?? null) : undefined,
  };
}

/**
 * The template's fill of a cell, from `MarkOptions.fills` (blocks parsed once): a colour, or
 * undefined for none.
 */
export function templateFills(fills: FillRef[] = []): (sheet: string, cell: Cell) => string | undefined {
  const blocks = fills.map((f) => ({ sheet: f.sheet, block: parseBlock(f.address), fill: f.fill ?? undefined }));
  return (sheet, cell) => blocks.find((b) => b.sheet === sheet && contains(b.block, cell))?.fill;
}

/** Same colour, whatever the case of the hex digits. */
export function sameColour(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.toUpperCase() === b.toUpperCase();
}
