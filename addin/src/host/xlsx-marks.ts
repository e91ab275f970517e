/**
 * Marks on bad input cells in an ExcelJS workbook: a fill and a note, made so that they can be
 * recognised and taken off again later, in another session or another host, on the file the
 * user saved.
 *
 * - The note's text follows `mark-text.ts`, shared with the Excel and WPS hosts: it starts
 *   with MARK_PREFIX (that is how "only marks this add-in made are ever removed" is decided)
 *   and keeps the user's own note below ours, so that a file marked here is cleaned
 *   correctly by Excel or WPS, and back.
 * - The cell's own solid fill is kept in the mark fill's background colour. Excel draws a
 *   solid fill with its foreground colour only, so the copy is invisible and survives saving,
 *   theme colours and tints exactly; a mark made by Excel or WPS has none, and the cell gets
 *   the template's colour back (`giveBack`).
 * - A patterned or gradient fill cannot be kept either way, so such a cell keeps its fill and
 *   is marked by its note alone: the user's formatting matters more than our mark's colour.
 */
import type { Cell, Color, Fill } from 'exceljs';
import { composeMarkNote, EARLIER_MARK_FILL, giveBack, MARK_FILL, MARK_PREFIX, parseMarkNote } from './mark-text.js';
import { argb, noteText } from './xlsx-cells.js';

export { MARK_FILL, MARK_PREFIX };

const MARK_ARGB = argb(MARK_FILL);
const EARLIER_ARGB = argb(EARLIER_MARK_FILL);

type LooseColour = Partial<Color> & { indexed?: number };

function solidColour(fill: Fill | undefined): LooseColour | undefined {
  if (fill && fill.type === 'pattern' && fill.pattern === 'solid') return fill.fgColor;
  return undefined;
}

/** Our mark's fill, or the one of marks made before (see EARLIER_MARK_FILL). */
function hasMarkFill(cell: Cell): boolean {
  const colour = solidColour(cell.fill)?.argb?.toUpperCase();
  return colour === MARK_ARGB || colour === EARLIER_ARGB;
}

/** A real colour, as opposed to ExcelJS's `indexed: 64`, the "automatic" non-colour. */
function isColour(c: LooseColour | undefined): c is LooseColour {
  return !!c && (!!c.argb || c.theme !== undefined || (c.indexed !== undefined && c.indexed !== 64));
}

/** "FFDDEBF7" → "#DDEBF7"; theme and indexed colours have no hex form. */
function hexOf(c: LooseColour | undefined): string | undefined {
  return c?.argb && /^[0-9A-Fa-f]{8}$/.test(c.argb) ? `#${c.argb.slice(2).toUpperCase()}` : undefined;
}


function setNote(cell: Cell, text: string): void {
  if (text) {
    cell.note = text;
    return;
  }
  // ExcelJS has no public way to delete a note: assigning any value makes a (blank) note.
  // It keeps a loaded note twice, on the cell and in the model of the cell's value, and
  // writes whichever it finds, so both must go.
  const inner = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  inner._comment = undefined;
  if (inner._value?.model && typeof inner._value.model === 'object') delete inner._value.model.comment;
}

function setFill(cell: Cell, fill: Fill): void {
  // A fresh style object: ExcelJS may share one style object between the cells of a row or
  // column, and changing it in place would recolour cells we were not asked to touch.
  cell.style = { ...cell.style, fill };
}

/** Marks the cell with the message; marking a marked cell again only replaces the message. */
export function mark(cell: Cell, message: string): void {
  const before = parseMarkNote(noteText(cell.note));
  if (before.ours && hasMarkFill(cell)) {
    // Already ours: what was recorded the first time is what must come back.
    setNote(cell, composeMarkNote(message, before.userNote));
    return;
  }
  const fill = cell.fill;
  const own = solidColour(fill);
  const plain = !fill || (fill.type === 'pattern' && fill.pattern === 'none');
  if (isColour(own) || plain) {
    const markFill: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_ARGB } };
    if (isColour(own)) markFill.bgColor = { ...own };
    setFill(cell, markFill);
  }
  setNote(cell, composeMarkNote(message, before.userNote));
}

/**
 * Takes our mark off the cell (our note, or our fill alone when the user deleted the note),
 * giving back its own fill (`templateFill` when the mark kept none) and note; a cell without
 * a mark of ours is left alone.
 */
export function unmark(cell: Cell, templateFill?: string): void {
  const back = giveBack(noteText(cell.note), hexOf(solidColour(cell.fill)) ?? null, templateFill);
  if (!back) return;
  if (back.fill !== undefined) {
    const fill = cell.fill as Fill & { bgColor?: LooseColour };
    const stash = fill.type === 'pattern' ? fill.bgColor : undefined;
    const own: LooseColour | undefined = isColour(stash) ? stash : back.fill ? { argb: argb(back.fill) } : undefined;
    setFill(cell, own ? { type: 'pattern', pattern: 'solid', fgColor: { ...own } as Partial<Color> } : { type: 'pattern', pattern: 'none' });
  }
  if (back.note !== undefined) setNote(cell, back.note);
}
