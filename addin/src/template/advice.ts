/**
 * The 提升建议 sheet's plan: its columns, its values, how it looks and how it prints. One row
 * per hint (RUBRIC.md §9), every department of the workbook in turn, best gain first within
 * each; a department at its best gets one row saying so. The block is the title, the column
 * header, the rows and a closing note; its record column (record.ts) sits right beside it.
 *
 * Landscape A4, one page wide, as many pages tall as it needs, the header row repeated: the
 * 建议 column is wide enough for the engine's longest sentence on one line, so most rows
 * keep the default height (in WPS every row height set is a call of its own).
 */
import type { CellValue, FormatBlock, PageSetup } from '../host/host.js';
import { blockAddress, blockOf, blockRows, type Block } from '../host/a1.js';
import { rowHeight, DEFAULT_ROW_POINTS } from './print.js';
import { tr, type Locale } from './text.js';

/** One row of the sheet: a department's hint. */
export interface AdviceRow {
  department: string;
  line: string;
  lineName: string;
  score: number;
  max: number;
  /** The engine's sentence (with 考评： before an S2 hint). */
  text: string;
  gain: number;
}

/** A department and its rows (none: every line at its best). */
export interface AdviceDepartment {
  department: string;
  rows: AdviceRow[];
}

export const ADVICE_COLS = 6;
/**
 * Column widths in width units; null keeps the sheet's default (8.43), enough for 编号. Few
 * distinct widths, since in WPS each is a call of its own; 考核内容 holds the longest line
 * name and 建议 the engine's sentences on one line, so rows keep their default height.
 */
export const ADVICE_WIDTHS = [18, null, 36, 18, 84, 18] as const;
const DEFAULT_WIDTH = 8.43;

export function adviceHeaders(locale: Locale): string[] {
  return [
    tr(locale, '院系', 'Department'), tr(locale, '编号', 'Line'), tr(locale, '考核内容', 'Item'),
    tr(locale, '当前得分/满分', 'Score / max'), tr(locale, '建议', 'Suggestion'), tr(locale, '可增加分数', 'Points to gain'),
  ];
}

/** "19 分（满分 20）": text no host takes for a date or a fraction, as "19/20" could be. */
export function scoreOfMax(locale: Locale, score: number, max: number): string {
  return tr(locale, `${score} 分（满分 ${max}）`, `${score} of ${max}`);
}

/** How many rows the block takes for these departments. */
export function adviceRowCount(departments: readonly AdviceDepartment[]): number {
  return 3 + departments.reduce((n, d) => n + Math.max(1, d.rows.length), 0);
}

export function adviceValues(locale: Locale, year: string, departments: readonly AdviceDepartment[]): CellValue[][] {
  const pad = (row: CellValue[]) => [...row, ...Array<CellValue>(ADVICE_COLS - row.length).fill(null)];
  const out: CellValue[][] = [
    pad([tr(locale, `校企合作考核提升建议${year ? `（${year}）` : ''}`, `Cooperation assessment: how to score higher${year ? ` (${year})` : ''}`)]),
    adviceHeaders(locale),
  ];
  for (const d of departments) {
    if (d.rows.length === 0) out.push(pad([d.department, null, null, null, tr(locale, '各项均已得到最高分，没有可提高之处', 'Every line is at its best: nothing to gain')]));
    for (const r of d.rows) out.push([r.department, r.line, r.lineName, scoreOfMax(locale, r.score, r.max), r.text, r.gain]);
  }
  out.push(pad([tr(
    locale,
    '注：每条建议只改变一项填报内容、其余不变；“可增加分数”是该项单独改变时多得的分数，几条建议的分数不一定可以相加（如加分有上限）。',
    'Each suggestion changes one input, all else unchanged; "points to gain" is what that change alone adds. The points of several suggestions need not add up (bonuses are capped).',
  )]));
  return out;
}

/** Formats of the block `b`: title, header, borders, widths and wrapping (heights: adviceHeights). */
export function adviceFormat(sheet: string, b: Block): FormatBlock[] {
  const f = (block: Block, format: FormatBlock['format']): FormatBlock => ({ sheet, address: blockAddress(block), format });
  const body = blockRows(b) - 3;
  return [
    f(blockOf(b.top, b.left, 1, ADVICE_COLS), { bold: true }),
    f(blockOf(b.top + 1, b.left, 1, ADVICE_COLS), { bold: true, border: true }),
    // One block for the whole body (in WPS every block and every property is a call).
    ...(body > 0 ? [f(blockOf(b.top + 2, b.left, body, ADVICE_COLS), { border: true, wrap: true })] : []),
    ...ADVICE_WIDTHS.flatMap((w, c) => (w === null ? [] : [f(blockOf(b.top, b.left + c, 1, 1), { columnWidth: w })])),
  ];
}

function heightOf(row: readonly CellValue[] | undefined): number {
  if (!row) return DEFAULT_ROW_POINTS;
  return rowHeight(row.slice(0, ADVICE_COLS).map((text, c) => ({ text, width: ADVICE_WIDTHS[c] ?? DEFAULT_WIDTH })));
}

/**
 * The row heights to set so that every row of the block starting at row `top` fits its text:
 * only the rows whose height differs from what `before` (the cells as they are, from the top
 * of the block; none on a new sheet, whose rows have the default height) needs, runs of equal
 * height as one block. A row that no longer wraps goes back to the default height.
 */
export function adviceHeights(sheet: string, top: number, values: CellValue[][], before?: CellValue[][]): FormatBlock[] {
  const rows = Math.max(values.length, before?.length ?? 0);
  // Only the rows of the list (below the header, a suggestion in column E) wrap: the title and
  // the closing note overflow to the right at the default height.
  const listRow = (rows: CellValue[][] | undefined, r: number) => r >= 2 && rows?.[r]?.[4] !== null && rows?.[r]?.[4] !== undefined && rows[r][4] !== '';
  const want = (r: number) => (listRow(values, r) ? heightOf(values[r]) : DEFAULT_ROW_POINTS);
  const had = (r: number) => (listRow(before, r) ? heightOf(before?.[r]) : DEFAULT_ROW_POINTS);
  const out: FormatBlock[] = [];
  let r = 0;
  while (r < rows) {
    if (want(r) === had(r)) {
      r++;
      continue;
    }
    let end = r + 1;
    while (end < rows && want(end) === want(r) && want(end) !== had(end)) end++;
    out.push({ sheet, address: blockAddress(blockOf(top + r, 0, end - r, 1)), format: { rowHeight: want(r) } });
    r = end;
  }
  return out;
}

/** Landscape A4, one page wide, the header row on every page, the page number and print date. */
export function advicePageSetup(sheet: string, b: Block, locale: Locale, year: string): PageSetup {
  const escape = (text: string) => text.replace(/&/g, '&&');
  return {
    sheet,
    page: { orientation: 'landscape', pagesTall: 0 },
    printArea: blockAddress(b),
    titleRows: { top: b.top + 1, bottom: b.top + 1 },
    header: {
      left: year ? tr(locale, `考核年度：${escape(year)}`, `Year ${escape(year)}`) : '',
      center: tr(locale, '校企合作考核提升建议', 'How to score higher'),
      right: tr(locale, '打印日期：&D', 'Printed &D'),
    },
    footer: { center: tr(locale, '第 &P 页 / 共 &N 页', 'Page &P of &N') },
  };
}
