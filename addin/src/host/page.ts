import type { PageText } from './host.js';

/**
 * What every printed sheet shares, whichever host prints it: A4 and these margins. Each
 * adapter converts them to its own unit (Office.js and ET take points, ExcelJS inches).
 */

/** Margins in inches: room at the bottom for a two-line footer (the signature lines). */
export const PAGE_MARGINS = { left: 0.5, right: 0.5, top: 0.75, bottom: 1, header: 0.3, footer: 0.3 } as const;

/** xlPaperA4, the paper size code of Excel's COM model, ET and the .xlsx format alike. */
export const PAPER_A4 = 9;

export const POINTS_PER_INCH = 72;

/** A header's or footer's three parts, left to right, an absent one empty. */
export function parts(text: PageText): [string, string, string] {
  return [text.left ?? '', text.center ?? '', text.right ?? ''];
}
