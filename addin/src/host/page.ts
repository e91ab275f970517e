import type { PageText } from './host.js';

/**
 * What every printed sheet shares, whichever host prints it: A4 and these margins. Each
 * adapter converts them to its own unit (Office.js and ET take points, ExcelJS inches).
 */

/** Margins in inches: room at the bottom for a two-line footer (the signature lines). */
export const PAGE_MARGINS = { left: 0.5, right: 0.5, top: 0.75, bottom: 1, header: 0.3, footer: 0.3 } as const;

/** xlPaperA4, the paper size code of Excel's COM model, ET and the .xlsx format alike. */
export const PAPER_A4 = 9;

const points = (inches: number) => Math.round(inches * 72 * 100) / 100;

/**
 * The same margins in points (Office.js and ET), to the hundredth: 0.3 in is 21.6 pt, not
 * 21.599…. (Spelt out: WPS's old Chromium has no Object.fromEntries.)
 */
export const PAGE_MARGIN_POINTS: Record<keyof typeof PAGE_MARGINS, number> = {
  left: points(PAGE_MARGINS.left),
  right: points(PAGE_MARGINS.right),
  top: points(PAGE_MARGINS.top),
  bottom: points(PAGE_MARGINS.bottom),
  header: points(PAGE_MARGINS.header),
  footer: points(PAGE_MARGINS.footer),
};

/** A header's or footer's three parts, left to right, an absent one empty. */
export function parts(text: PageText): [string, string, string] {
  return [text.left ?? '', text.center ?? '', text.right ?? ''];
}
