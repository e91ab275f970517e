/**
 * The text of a mark's note, shared by every host adapter so that a workbook marked by one
 * host (the web page, WPS) is recognised and cleaned by another (Excel), and back.
 *
 * A note is ours when it starts with MARK_PREFIX. The user's own note, if the cell had one,
 * is kept below ours after ORIGINAL_NOTE and comes back when the mark goes. Hosts that cannot
 * hide the cell's own fill colour anywhere else (Office.js has no invisible place for it)
 * keep it on an ORIGINAL_FILL line, so that the template's input colour returns too.
 *
 * The prefix, separator and colour are the same as in `xlsx-marks.ts` (the ExcelJS host).
 */

/** The light red Excel itself uses for "bad" cells. */
export const MARK_FILL = '#FFC7CE';
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

/** The note for a marked cell: our message first, then what we must give back later. */
export function composeMarkNote(message: string, userNote: string, ownFill?: string): string {
  return MARK_PREFIX + message + (ownFill ? ORIGINAL_FILL + ownFill.toUpperCase() : '') + (userNote ? ORIGINAL_NOTE + userNote : '');
}

/** Same colour, whatever the case of the hex digits. */
export function sameColour(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.toUpperCase() === b.toUpperCase();
}
