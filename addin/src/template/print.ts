/**
 * How the add-in's sheets print: the page setup of each (A4, orientation, one page wide,
 * print area, repeated header rows, page breaks, headers and footers) and the height of rows
 * holding wrapped text, computed from the text and the column width because no host fits a
 * row to text a program writes.
 *
 * Headers and footers use the codes Excel, WPS and LibreOffice share: `&P` the page, `&N`
 * the number of pages, `&D` the date of printing; a literal ampersand is `&&`.
 */
import type { PageSetup, PageText } from '../host/host.js';
import { tr, type Locale } from './text.js';
import { blockAddress, type Block } from '../host/a1.js';

/** Points per line of 11-point text (CJK fonts need about 14.3; a little air on top). */
const LINE_POINTS = 15;
/** The default row height of a sheet, in points: a row of one line is left at it. */
export const DEFAULT_ROW_POINTS = 15;
/**
 * How many width units (the width of "0", the unit of a column width) a Chinese character
 * takes at 11 points: about 2 in Excel and WPS, a little more with LibreOffice's fallback fonts.
 */
const WIDE_UNITS = 2.1;
/** A cell's inner padding, in width units, that text cannot use. */
const PADDING_UNITS = 1;

function escapeCodes(text: string): string {
  return text.replace(/&/g, '&&');
}

/** East Asian wide and full-width characters (CJK, full-width punctuation and forms). */
function isWide(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000;
}

/**
 * The lines `text` wraps to in a cell `width` units wide: each paragraph breaks where the next
 * character would pass the edge (Chinese text breaks anywhere; a Latin word is not kept
 * whole, which errs towards a line too many rather than too few).
 */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(2, width - PADDING_UNITS);
  let lines = 0;
  for (const paragraph of text.split(/\r\n|\n|\r/)) {
    let line = 0;
    let count = 1;
    for (const ch of paragraph) {
      const w = isWide(ch) ? WIDE_UNITS : 1;
      if (line + w > usable) {
        count++;
        line = 0;
      }
      line += w;
    }
    lines += count;
  }
  return lines;
}

/**
 * The height, in points, of a row whose cells hold `cells` (text and the width of the cell,
 * merged cells as the sum of their columns): enough for the tallest, never below the default.
 */
export function rowHeight(cells: Array<{ text: unknown; width: number }>): number {
  const lines = Math.max(1, ...cells.map((c) => (typeof c.text === 'string' && c.text !== '' ? wrappedLines(c.text, c.width) : 1)));
  return lines === 1 ? DEFAULT_ROW_POINTS : lines * LINE_POINTS + 3;
}

/** Page N of M, in the user's language. */
function pages(locale: Locale): string {
  return tr(locale, '第 &P 页 / 共 &N 页', 'Page &P of &N');
}

function printedOn(locale: Locale): string {
  return tr(locale, '打印日期：&D', 'Printed &D');
}

/** The footer of a department's sheets: who and which year, the page, the date of printing. */
function departmentFooter(locale: Locale, department: string, year: string): PageText {
  const who = escapeCodes(department) + (year ? `　${escapeCodes(year)}` : '');
  return { left: who, center: pages(locale), right: printedOn(locale) };
}

/**
 * The facts sheet: landscape, one page wide. No repeated header rows: its field header would
 * stand over the majors and order-class tables, whose columns are others.
 */
export function factsPageSetup(sheet: string, locale: Locale, department: string, year: string): PageSetup {
  return { sheet, page: { orientation: 'landscape', pagesTall: 0 }, footer: departmentFooter(locale, department, year) };
}

/**
 * The score sheet: landscape, one page wide, the print area from A1 to `lastRow` (column N);
 * `breakBefore` (a sheet just inserted) starts the reasons on a page of their own.
 */
export function scorePageSetup(sheet: string, locale: Locale, department: string, year: string, lastRow: number, breakBefore?: number): PageSetup {
  return {
    sheet, page: { orientation: 'landscape', pagesTall: 0 },
    printArea: `A1:N${lastRow + 1}`,
    ...(breakBefore !== undefined ? { breaksBefore: [breakBefore] } : {}),
    footer: departmentFooter(locale, department, year),
  };
}

/** A department sheet's footer alone, for fillScores: the department and year as they stand. */
export function footerOnly(sheet: string, locale: Locale, department: string, year: string): PageSetup {
  return { sheet, footer: departmentFooter(locale, department, year) };
}

/** The instructions: one portrait page. */
export function instructionsPageSetup(sheet: string, locale: Locale): PageSetup {
  return { sheet, page: { orientation: 'portrait', pagesTall: 1 }, footer: { center: pages(locale), right: printedOn(locale) } };
}

/**
 * A result sheet the office files (汇总, 年度考核): one portrait page (up to 30 departments
 * fit at a readable size), its column header repeated should it ever run on, the year and the
 * weights above, the date of printing, and the signature lines at the foot of the page.
 */
export function resultPageSetup(sheet: string, block: Block, locale: Locale, year: string, weighting: string, signer: { zh: string; en: string }): PageSetup {
  // The block's first row is its title, the second its column header.
  return {
    sheet, page: { orientation: 'portrait', pagesTall: 1 },
    printArea: blockAddress(block),
    titleRows: { top: block.top + 1, bottom: block.top + 1 },
    header: {
      left: year ? tr(locale, `考核年度：${escapeCodes(year)}`, `Year ${escapeCodes(year)}`) : '',
      center: tr(locale, `最终得分 ${weighting}`, `Final ${weighting}`),
      right: printedOn(locale),
    },
    footer: {
      left: tr(locale, '考核组成员签字：\n日期：', 'Assessors (signature):\nDate:'),
      center: pages(locale),
      right: tr(locale, `${signer.zh}签字：\n日期：`, `${signer.en} (signature):\nDate:`),
    },
  };
}

/**
 * The 平台建设目标 sheet: A4 landscape (eight targets across), one page wide and as many tall
 * as the departments need, its column header repeated on every page, the year above, the date
 * of printing and the page number below.
 */
export function targetsPageSetup(sheet: string, block: Block, locale: Locale, year: string): PageSetup {
  // The block's first two rows are its title and note, the third its column header.
  return {
    sheet, page: { orientation: 'landscape', pagesTall: 0 },
    printArea: blockAddress(block),
    titleRows: { top: block.top + 2, bottom: block.top + 2 },
    header: {
      left: year ? tr(locale, `考核年度：${escapeCodes(year)}`, `Year ${escapeCodes(year)}`) : '',
      center: tr(locale, '平台建设目标', 'Platform targets'),
      right: printedOn(locale),
    },
    footer: { left: '', center: pages(locale), right: '' },
  };
}
