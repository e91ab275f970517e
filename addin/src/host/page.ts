import type { PageText } from './host.js';

/**
 * What every printed sheet shares, whichever host prints it: A4 and these margins. Each
 * adapter converts them to its own unit (Office.js and ET take points, ExcelJS inches).
 */

/** The page's six margins, named as Office.js (`leftMargin` …) and ET (`LeftMargin` …) name theirs. */
export const MARGIN_EDGES = ['left', 'right', 'top', 'bottom', 'header', 'footer'] as const;
export type MarginEdge = (typeof MARGIN_EDGES)[number];

/** Margins in inches: room at the bottom for a two-line footer (the signature lines). */
export const PAGE_MARGINS = { left: 0.5, right: 0.5, top: 0.75, bottom: 1, header: 0.3, footer: 0.3 } as const;

/** xlPaperA4, the paper size code of Excel's COM model, ET and the .xlsx format alike. */
export const PAPER_A4 = 9;

const points = (inches: number) => Math.round(inches * 72 * 100) / 100;

/**
 * The same margins in points (Office.js and ET), to the hundredth: 0.3 in is 21.6 pt, not
 * 21.599…. (A loop: WPS's old Chromium has no Object.fromEntries.)
 */
export const PAGE_MARGIN_POINTS = {} as Record<MarginEdge, number>;
for (const edge of MARGIN_EDGES) PAGE_MARGIN_POINTS[edge] = points(PAGE_MARGINS[edge]);

/** A header's or footer's three parts, left to right, an absent one empty. */
export function parts(text: PageText): [string, string, string] {
  return [text.left ?? '', text.center ?? '', text.right ?? ''];
}
