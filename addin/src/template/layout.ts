/**
 * The template workbook as data: what goes in which cell of a department's facts sheet
 * (填报表) and score sheet (评分表), and of the shared instructions sheet (填报说明).
 *
 * Positions here are used once, when the sheets are inserted; afterwards every reader finds
 * its cells through the row tags and the two block names made here (see tags.ts), so users
 * may insert rows, move tables down and rename sheets.
 */
import type { CellValue, DefinedName, FormatBlock, ListValidation, PageSetup, RangeRef, WriteBlock } from '../host/host.js';
import type { RubricInfo } from '../engine/types.js';
import { tr, type Locale } from './text.js';
import { blockAddress, blockOf, cellAddress, type Block } from '../host/a1.js';
import { nameOf } from './names.js';
import { fieldTag, tagText } from './tags.js';
import { ownedWrite } from './record.js';
import { DEFAULT_ROW_POINTS, factsPageSetup, instructionsPageSetup, rowHeight, scorePageSetup } from './print.js';
import { FACTS_COLUMNS, SCORE_COLUMNS, SCORE_FINAL } from './columns.js';
import {
  BOOL_LIST,
  CLASS_COLUMNS,
  FACT_FIELDS,
  MAJOR_COLUMNS,
  PLATFORM_LINE,
  TABLE_ROWS,
  type Text,
} from './fields.js';

/** What inserting one sheet takes; each list goes to the host in one batched call. */
export interface SheetPlan {
  writes: WriteBlock[];
  formats: FormatBlock[];
  names: DefinedName[];
  validations: ListValidation[];
  /** The record columns (see ../flow/own.ts), hidden once the sheet is written. */
  hidden: RangeRef[];
  /** How the sheet prints (./print.ts). */
  pageSetups: PageSetup[];
}

/**
 * Headings only a department's template holds (the facts table's assessor column, the score
 * sheet's record column): a sheet showing one without row tags is a template of the first
 * scheme, read through its defined names (see tags.ts).
 */
export const TEMPLATE_HEADINGS: readonly string[] = ['考核组考评', 'Assessor (S2)', '加载项记录（请勿修改）', 'Add-in record (do not edit)'];

const HEADER_FILL = '#DDEBF7';
export const SELF_FILL = '#FFF2CC';
export const ASSESSOR_FILL = '#E2EFDA';
/** The majors table's cells the add-in computes from the ledger (not typed). */
export const COMPUTED_FILL = '#D9D9D9';
const RECORD_FONT = '#A6A6A6';

function t(locale: Locale, text: Text): string {
  return locale === 'en' ? text.en : text.zh;
}

function cell(sheet: string, row: number, col: number, value: CellValue): WriteBlock {
  return { sheet, address: cellAddress(row, col), values: [[value]] };
}

function rowWrite(sheet: string, row: number, col: number, values: CellValue[]): WriteBlock {
  return { sheet, address: blockAddress(blockOf(row, col, 1, values.length)), values: [values] };
}

function fmt(sheet: string, b: Block, format: FormatBlock['format']): FormatBlock {
  return { sheet, address: blockAddress(b), format };
}

/* ------------------------------------------------------------------ facts sheet (填报表) */

/** Rows of the facts sheet, 0-based. */
export const FACTS_LAYOUT = {
  fieldHeader: 4,
  firstField: 5,
} as const;

/** The majors table's header row on a facts sheet as inserted (a blank row and a title above it). */
export const MAJORS_HEADER_ROW = FACTS_LAYOUT.firstField + FACT_FIELDS.length + 2;

/**
 * Writes the row tags (see tags.ts) of a sheet into its tag column and names its block. The
 * tags are not shown: the number format ";;;" displays nothing, text included (the column
 * stays visible, so that only the score sheet's record column is ever hidden, and a tag
 * shows in the formula bar to whoever selects it).
 */
function tagColumn(plan: SheetPlan, sheet: string, key: string, suffix: 'facts' | 'scores', tags: Map<number, string>, lastRow: number): void {
  const col = suffix === 'facts' ? FACTS_COLUMNS.tag : SCORE_COLUMNS.tag;
  const column = Array.from({ length: lastRow + 1 }, (_, r) => [tags.has(r) ? tagText(key, tags.get(r) as string) : null]);
  plan.writes.push({ sheet, address: blockAddress(blockOf(0, col, lastRow + 1, 1)), values: column });
  plan.formats.push(fmt(sheet, blockOf(0, col, lastRow + 1, 1), { numberFormat: ';;;' }));
  plan.names.push({ name: nameOf(key, suffix), sheet, address: blockAddress({ top: 0, left: 0, bottom: lastRow, right: col }) });
}

export function factsSheetPlan(sheet: string, key: string, department: string, year: string, locale: Locale, rubric: RubricInfo): SheetPlan {
  const plan: SheetPlan = { writes: [], formats: [], names: [], validations: [], hidden: [], pageSetups: [factsPageSetup(sheet, locale, department, year)] };
  const tags = new Map<number, string>();
  const lineName = (id: string) => rubric.lines.find((l) => l.id === id)?.name ?? id;

  plan.writes.push(cell(sheet, 0, 0, tr(locale, '校企合作考核填报表', 'School–enterprise cooperation assessment: facts')));
  plan.formats.push(fmt(sheet, blockOf(0, 0, 1, 7), { bold: true, merge: true, horizontal: 'center' }));
  plan.writes.push(rowWrite(sheet, 1, 0, [tr(locale, '院系名称', 'Department'), department, null, tr(locale, '考核年度', 'Year'), year || null]));
  tags.set(1, 'department');
  plan.formats.push(fmt(sheet, blockOf(1, 1, 1, 1), { fill: SELF_FILL, border: true }));
  plan.formats.push(fmt(sheet, blockOf(1, 4, 1, 1), { fill: SELF_FILL, border: true }));
  plan.writes.push(cell(sheet, 2, 0, tr(
    locale,
    '黄色“院系自评”栏由院系填写；绿色“考核组考评”栏由考核组核实后填写，空白表示按院系自评认定。详见“填报说明”。',
    'Yellow "self" cells: the department. Green "assessor" cells: the assessment group after checking; blank means accepted as reported. See the instructions sheet.',
  )));
  plan.formats.push(fmt(sheet, blockOf(2, 0, 1, 7), { merge: true, wrap: true }));

  const h = FACTS_LAYOUT.fieldHeader;
  plan.writes.push(rowWrite(sheet, h, 0, [
    tr(locale, '编号', 'Line'),
    tr(locale, '考核内容', 'Assessment line'),
    tr(locale, '填报项', 'Input'),
    tr(locale, '院系自评', 'Self (S1)'),
    tr(locale, '考核组考评', 'Assessor (S2)'),
    tr(locale, '填写说明', 'How to fill'),
  ]));
  plan.formats.push(fmt(sheet, blockOf(h, 0, 1, 6), { bold: true, fill: HEADER_FILL, border: true, horizontal: 'center' }));
  let row: number = FACTS_LAYOUT.firstField;
  for (const f of FACT_FIELDS) {
    const [id, name] = f.platform ? [t(locale, PLATFORM_LINE.id), t(locale, PLATFORM_LINE.name)] : [f.line, lineName(f.line)];
    plan.writes.push(rowWrite(sheet, row, 0, [id, name, t(locale, f.label), null, null, t(locale, f.hint)]));
    tags.set(row, fieldTag(f.path));
    const list = f.kind === 'bool' ? BOOL_LIST : f.list;
    if (list) plan.validations.push({ sheet, address: blockAddress(blockOf(row, 3, 1, 2)), list });
    row++;
  }
  plan.formats.push(fmt(sheet, blockOf(FACTS_LAYOUT.firstField, 0, FACT_FIELDS.length, 6), { border: true, wrap: true }));
  plan.formats.push(fmt(sheet, blockOf(FACTS_LAYOUT.firstField, 3, FACT_FIELDS.length, 1), { fill: SELF_FILL }));
  plan.formats.push(fmt(sheet, blockOf(FACTS_LAYOUT.firstField, 4, FACT_FIELDS.length, 1), { fill: ASSESSOR_FILL }));

  row += 1;
  // The majors' names (every prepared row of the table) are the 所属专业 dropdown of the
  // order-class table: a range source, so the choices are whatever the table holds.
  const majorNames: RangeRef = {
    sheet,
    address: blockAddress(blockOf(row + 2, MAJOR_COLUMNS.findIndex((c) => c.key === 'name'), TABLE_ROWS, 1)),
  };
  tags.set(row + 1, 'majors');
  row = table(plan, sheet, row, 'majors', tr(locale, '专业情况（每个专业一行，B1、C2、C3 据此评分）', 'Majors (one row each; lines B1, C2, C3)'), MAJOR_COLUMNS, locale);
  row += 1;
  tags.set(row + 1, 'classes');
  const lastRow = table(plan, sheet, row, 'classes', tr(locale, '订单班情况（订单班/定向班/现代学徒制班，每班一行，C3、C4 据此评分）', 'Order classes (one row each; lines C3, C4)'), CLASS_COLUMNS, locale, { major: majorNames });

  const widths = [6, 22, 34, 12, 12, 30, 14];
  widths.forEach((w, c) => plan.formats.push(fmt(sheet, blockOf(0, c, 1, 1), { columnWidth: w })));
  tagColumn(plan, sheet, key, 'facts', tags, lastRow - 1);
  return plan;
}

/**
 * Writes a titled table with a header row (tagged by the caller) and TABLE_ROWS prepared rows;
 * returns the next free row. `sources` gives columns (by key: the self and the assessor column alike) a dropdown
 * of a range's values.
 */
function table(
  plan: SheetPlan,
  sheet: string,
  titleRow: number,
  _table: 'majors' | 'classes',
  title: string,
  columns: typeof MAJOR_COLUMNS,
  locale: Locale,
  sources: Partial<Record<string, RangeRef>> = {},
): number {
  const width = columns.length;
  plan.writes.push(cell(sheet, titleRow, 0, title));
  plan.formats.push(fmt(sheet, blockOf(titleRow, 0, 1, width), { bold: true, merge: true }));
  const header = titleRow + 1;
  plan.writes.push(rowWrite(sheet, header, 0, columns.map((c) => t(locale, c.label))));
  plan.formats.push(fmt(sheet, blockOf(header, 0, 1, width), { bold: true, fill: HEADER_FILL, border: true, wrap: true, horizontal: 'center' }));
  plan.formats.push(fmt(sheet, blockOf(header + 1, 0, TABLE_ROWS, width), { border: true }));
  columns.forEach((c, i) => {
    const body = blockOf(header + 1, i, TABLE_ROWS, 1);
    if (c.column === 'self') plan.formats.push(fmt(sheet, body, { fill: SELF_FILL }));
    if (c.column === 'assessor') plan.formats.push(fmt(sheet, body, { fill: ASSESSOR_FILL }));
    if (c.kind === 'bool') plan.validations.push({ sheet, address: blockAddress(body), list: BOOL_LIST });
    const source = sources[c.key];
    if (source) plan.validations.push({ sheet, address: blockAddress(body), source });
  });
  return header + 1 + TABLE_ROWS;
}

/* ------------------------------------------------------------------ score sheet (评分表) */

/**
 * Score sheet columns (0-based): A 编号, B 项目, C 考核内容, D 分值, E–H 自评, I–L 考评, M–N 说明,
 * O record, P row tags (columns.ts).
 *
 * Rows: title, 院系 line (the `head` place, tag "head"), two header rows, one row per rubric
 * line (tag "line"; the `lines` place on column A), then 合计 (tag "total": base, deductions,
 * bonuses and score totals under their columns) and the final row (tag "final"): B–D merged,
 * labelled "最终得分 Sm = S1×40% + S2×60%", and E–L merged into the one cell that holds Sm,
 * spanning the 自评 and 考评 columns rather than sitting under 自评·基础分; M shows the sum
 * worked out. The add-in's output block (the `out` place) is E–N of the line rows, 合计 and
 * the final row, with its record column O (see ../flow/own.ts); within the final row it
 * writes Sm into E (the merged cell) and nothing into F–L.
 *
 * Below them, for paper: a note, the signature lines, and, after a page break, the reasons
 * (SCORE_REASONS): one row per line (tag "reason"), its id and name, and E–N merged into the
 * cell where fillScores writes why points were lost or gained, for S1 and S2 (the `reasons`
 * place, record column O). Templates made before the reasons block write the reasons into
 * M–N of the line rows instead (fill.ts tells them apart by the `reasons` place).
 */
export { SCORE_COLUMNS, SCORE_FINAL };
const FIRST_LINE_ROW = 4;

/** Where the reasons block sits below the final row, and the widths it is laid out for. */
export const SCORE_REASONS = {
  /** Rows from the final row down to the reasons block's title (note, blank, 2 signature rows, blank). */
  titleOffset: 5,
  /** Rows from the title down to the first reason row (the title, its header row). */
  firstOffset: 2,
  /** Width of the merged reasons cell E–N, in column-width units. */
  width: 7 * 8 + 2 * 24,
  /** Width of M and N (the 合计 and final rows' notes) in today's template, and before. */
  noteWidth: 24,
  oldNoteWidth: 48,
} as const;

/** Column widths of the score sheet, A–N (O, the record, is hidden). */
const SCORE_WIDTHS = [6, 18, 30, 6, 7, 7, 7, 7, 7, 7, 7, 7, SCORE_REASONS.noteWidth, SCORE_REASONS.noteWidth];

/** The head block (院系、年度 line) of the score sheet, written by insert and by fill. */
export function headValues(locale: Locale, department: string, year: string): CellValue[][] {
  // Column A is labelled 院系 already: the head holds the name itself, then the year.
  const text = department + (year ? tr(locale, `　　考核年度：${year}`, `    Year: ${year}`) : '');
  const row: CellValue[] = [text];
  while (row.length < SCORE_COLUMNS.outWidth + 3) row.push(null);
  return [row];
}

/**
 * The score sheet. `namedPlaces`: also name its places one by one (`…_head`, `…_lines`,
 * `…_out`), for a department whose facts sheet is of the first scheme and found by names.
 */
export function scoreSheetPlan(sheet: string, key: string, department: string, year: string, locale: Locale, rubric: RubricInfo, namedPlaces = false): SheetPlan {
  const plan: SheetPlan = { writes: [], formats: [], names: [], validations: [], hidden: [], pageSetups: [] };
  const lastCol = SCORE_COLUMNS.out + SCORE_COLUMNS.outWidth - 1; // N
  const recordCol = lastCol + 1; // O

  plan.writes.push(cell(sheet, 0, 0, tr(locale, '校企合作考核评分表', 'School–enterprise cooperation assessment: scores')));
  plan.formats.push(fmt(sheet, blockOf(0, 0, 1, lastCol + 1), { bold: true, merge: true, horizontal: 'center' }));
  plan.writes.push(cell(sheet, 1, 0, tr(locale, '院系', 'Dept.')));
  const head: Block = { top: 1, left: 1, bottom: 1, right: lastCol };
  plan.writes.push(ownedWrite({ sheet, block: head }, headValues(locale, department, year)));
  const tags = new Map<number, string>([[1, 'head']]);

  plan.writes.push({
    sheet,
    address: blockAddress(blockOf(2, 0, 2, recordCol + 1)),
    values: [
      [
        tr(locale, '编号', 'Line'), tr(locale, '项目', 'Category'), tr(locale, '考核内容', 'Assessment line'), tr(locale, '分值', 'Max'),
        tr(locale, '院系自评', 'Self (S1)'), null, null, null,
        tr(locale, '考核组考评', 'Assessor (S2)'), null, null, null,
        tr(locale, '自评说明', 'Reasons (self)'), tr(locale, '考评说明', 'Reasons (assessor)'),
        tr(locale, '加载项记录（请勿修改）', 'Add-in record (do not edit)'),
      ],
      [
        null, null, null, null,
        tr(locale, '基础分', 'Base'), tr(locale, '扣分', 'Deduction'), tr(locale, '加分', 'Bonus'), tr(locale, '得分', 'Score'),
        tr(locale, '基础分', 'Base'), tr(locale, '扣分', 'Deduction'), tr(locale, '加分', 'Bonus'), tr(locale, '得分', 'Score'),
        null, null, null,
      ],
    ],
  });
  plan.formats.push(fmt(sheet, blockOf(2, 0, 2, lastCol + 1), { bold: true, fill: HEADER_FILL, border: true, horizontal: 'center', wrap: true }));
  for (const c of [0, 1, 2, 3, 12, 13]) plan.formats.push(fmt(sheet, blockOf(2, c, 2, 1), { merge: true }));
  plan.formats.push(fmt(sheet, blockOf(2, 4, 1, 4), { merge: true }));
  plan.formats.push(fmt(sheet, blockOf(2, 8, 1, 4), { merge: true }));

  let row = FIRST_LINE_ROW;
  const lineRows: CellValue[][] = [];
  for (const cat of rubric.categories) {
    const lines = rubric.lines.filter((l) => l.category === cat.id);
    if (lines.length === 0) continue;
    const first = row;
    for (const l of lines) {
      const name = l.bonus_cap > 0 ? tr(locale, `${l.name}（加分上限 ${l.bonus_cap}）`, `${l.name} (bonus ≤ ${l.bonus_cap})`) : l.name;
      tags.set(row, 'line');
      lineRows.push([l.id, row === first ? tr(locale, `${cat.name}（${cat.max}分）`, `${cat.name} (${cat.max})`) : null, name, l.max]);
      // A long line name wraps in C: the row grows to show it (nothing fits rows on write).
      const height = rowHeight([{ text: name, width: SCORE_WIDTHS[SCORE_COLUMNS.line] }]);
      if (height > DEFAULT_ROW_POINTS) plan.formats.push(fmt(sheet, blockOf(row, 0, 1, 1), { rowHeight: height }));
      row++;
    }
    if (lines.length > 1) plan.formats.push(fmt(sheet, blockOf(first, 1, lines.length, 1), { merge: true, wrap: true }));
  }
  const nLines = lineRows.length;
  plan.writes.push({ sheet, address: blockAddress(blockOf(FIRST_LINE_ROW, 0, nLines, 4)), values: lineRows });

  const totalRow = FIRST_LINE_ROW + nLines;
  const finalRow = totalRow + 1;
  plan.writes.push(rowWrite(sheet, totalRow, 0, [null, tr(locale, '合计', 'Total'), tr(locale, '基础分合计、扣分合计、加分合计、总分', 'base, deductions, bonuses, total'), rubric.lines.reduce((s, l) => s + l.max, 0)]));
  const weighting = weightingText(rubric.weights);
  plan.writes.push(rowWrite(sheet, finalRow, 0, [null, tr(locale, `最终得分 ${weighting}`, `Final score ${weighting}`), null, null]));
  tags.set(totalRow, 'total');
  tags.set(finalRow, 'final');
  if (namedPlaces) {
    plan.names.push(
      { name: nameOf(key, 'head'), sheet, address: blockAddress(head) },
      { name: nameOf(key, 'lines'), sheet, address: blockAddress(blockOf(FIRST_LINE_ROW, 0, nLines, 1)) },
      { name: nameOf(key, 'out'), sheet, address: blockAddress(blockOf(FIRST_LINE_ROW, SCORE_COLUMNS.out, nLines + 2, SCORE_COLUMNS.outWidth)) },
    );
  }
  const note = tr(
    locale,
    '说明：考评栏空白的填报项按院系自评认定；各项扣分、加分原因见下方（打印时为第 2 页）。得分由“校企合作考核”加载项按填报表计算后写入数值（不含公式），无加载项也可查看。O 列（已隐藏）为加载项记录，请勿修改。',
    'Blank assessor inputs are accepted as reported; the reasons for every line are below (page 2 in print). Scores are written as plain values by the add-in from the facts sheet, readable without it. Column O (hidden) is the add-in\'s record: do not edit.',
  );
  plan.writes.push(cell(sheet, finalRow + 1, 0, note));
  plan.formats.push(fmt(sheet, blockOf(finalRow + 1, 0, 1, lastCol + 1), { merge: true, wrap: true, rowHeight: rowHeight([{ text: note, width: sum(SCORE_WIDTHS) }]) }));

  // The signature lines, on the first page under the scores: room to sign on each.
  const signRow = finalRow + 3;
  const who = [tr(locale, '考核组成员签字：', 'Assessors (signature):'), tr(locale, '院系负责人签字：', 'Head of department (signature):')];
  who.forEach((text, i) => {
    plan.writes.push(cell(sheet, signRow + i, 0, text), cell(sheet, signRow + i, 8, tr(locale, '日期：', 'Date:')));
    plan.formats.push(fmt(sheet, blockOf(signRow + i, 0, 1, 8), { merge: true }), fmt(sheet, blockOf(signRow + i, 8, 1, 6), { merge: true }));
  });
  plan.formats.push(fmt(sheet, blockOf(signRow, 0, 2, lastCol + 1), { rowHeight: 30 }));

  // The reasons, from a page of their own: one row per line, E–N merged for the text.
  const reasonsTitle = finalRow + SCORE_REASONS.titleOffset;
  const firstReason = reasonsTitle + SCORE_REASONS.firstOffset;
  const lastReason = firstReason + nLines - 1;
  plan.writes.push(cell(sheet, reasonsTitle, 0, tr(locale, `各项扣分、加分原因（${department}）`, `Reasons for every line (${department})`)));
  plan.formats.push(fmt(sheet, blockOf(reasonsTitle, 0, 1, lastCol + 1), { bold: true, merge: true, horizontal: 'center' }));
  plan.writes.push(rowWrite(sheet, reasonsTitle + 1, 0, [
    tr(locale, '编号', 'Line'), tr(locale, '考核内容', 'Assessment line'), null, null,
    tr(locale, '扣分、加分原因（自评 S1 / 考评 S2）', 'Reasons (self S1 / assessor S2)'),
  ]));
  plan.formats.push(fmt(sheet, blockOf(reasonsTitle + 1, 0, 1, lastCol + 1), { bold: true, fill: HEADER_FILL, border: true, horizontal: 'center' }));
  plan.writes.push({ sheet, address: blockAddress(blockOf(firstReason, 0, nLines, 2)), values: lineRows.map((r) => [r[0], r[2]]) });
  for (const r of [reasonsTitle + 1, ...Array.from({ length: nLines }, (_, i) => firstReason + i)]) {
    plan.formats.push(fmt(sheet, blockOf(r, 1, 1, 3), { merge: true }), fmt(sheet, blockOf(r, SCORE_COLUMNS.out, 1, SCORE_COLUMNS.outWidth), { merge: true }));
  }
  for (let r = firstReason; r <= lastReason; r++) tags.set(r, 'reason');
  plan.formats.push(fmt(sheet, blockOf(firstReason, 0, nLines, lastCol + 1), { border: true, wrap: true }));

  plan.formats.push(fmt(sheet, blockOf(FIRST_LINE_ROW, 0, nLines + 2, lastCol + 1), { border: true }));
  plan.formats.push(fmt(sheet, blockOf(FIRST_LINE_ROW, 12, nLines + 2, 2), { wrap: true }));
  // A long line name wraps within C, in the row grown for it above.
  plan.formats.push(fmt(sheet, blockOf(FIRST_LINE_ROW, SCORE_COLUMNS.line, nLines, 1), { wrap: true }));
  plan.formats.push(fmt(sheet, blockOf(totalRow, 0, 2, lastCol + 1), { bold: true }));
  plan.formats.push(fmt(sheet, blockOf(FIRST_LINE_ROW, 4, nLines + 2, 8), { numberFormat: '0.##', horizontal: 'center' }));
  // The final row: its label across B–D, and Sm in a cell of its own across E–L.
  plan.formats.push(fmt(sheet, blockOf(finalRow, 1, 1, 3), { merge: true, horizontal: 'center' }));
  plan.formats.push(fmt(sheet, blockOf(finalRow, SCORE_COLUMNS.out + SCORE_FINAL.value, 1, SCORE_FINAL.merged), { merge: true, horizontal: 'center' }));
  // The record column stays grey and headed "请勿修改" for a user who un-hides it.
  plan.formats.push(fmt(sheet, blockOf(1, recordCol, lastReason, 1), { fontColor: RECORD_FONT }));
  tagColumn(plan, sheet, key, 'scores', tags, lastReason);
  plan.hidden.push({ sheet, address: blockAddress(blockOf(1, recordCol, lastReason, 1)) });
  // Column O (the record) is hidden: its width would show nothing.
  SCORE_WIDTHS.forEach((w, c) => plan.formats.push(fmt(sheet, blockOf(0, c, 1, 1), { columnWidth: w })));
  plan.pageSetups.push(scorePageSetup(sheet, locale, department, year, lastReason, reasonsTitle));
  return plan;
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/** "Sm = S1×40% + S2×60%": the weighting as the sheets and their print headers state it. */
export function weightingText(weights: { self: number; assessor: number }): string {
  return `Sm = S1×${pct(weights.self)} + S2×${pct(weights.assessor)}`;
}

function pct(x: number): string {
  return `${Math.round(x * 10000) / 100}%`;
}

/* ------------------------------------------------------------------ instructions (填报说明) */

/** The instructions sheet; the weights are the rubric's (the rubric is data: next year's may differ). */
export function instructionsPlan(sheet: string, locale: Locale, weights: { self: number; assessor: number }): SheetPlan {
  const [self, assessor] = [pct(weights.self), pct(weights.assessor)];
  const zh = [
    '校企合作考核填报说明',
    `依据：《校企合作考核评价工作方案（试行稿）》及《校企合作考核指标体系（试行）》。最终得分 Sm = 自评分 S1 × ${self} + 考核组考评分 S2 × ${assessor}。`,
    '一、谁填什么',
    '1. 各二级学院（院系）在“院系名-填报”表的黄色“院系自评”栏和专业、订单班表中填写本院系情况，据此得到自评分 S1。',
    '2. 考核组查阅原始材料后，在绿色“考核组考评”栏填写核实后的数值；空白表示按院系自评认定（视为核实无误），据此得到考评分 S2。',
    '3. 产教研合作中心用“生成汇总”汇集各院系的 S1、S2、Sm 与名次，用“复制到年度考核表”得到年度综合考核表所需内容。',
    '二、填写形式',
    '1. 是/否项：填 是、否，也可填 √、×、有、无、Y、N（下拉选择即可）。',
    '2. 人数、次数等：填整数（如 12），不要填小数；空白表示未填，不视为 0。',
    '3. 工作人员：专职、兼职或没有。讨论会学期数：0、1 或 2。',
    '4. 专业表每个专业一行，订单班表每班一行，“所属专业”须与专业表中的名称一致（先填专业表，再从下拉列表选择）；读到第一个空行为止，行不够时可插入行。',
    '5. “院系名-台账”工作表：月报栏填每月报告经OA上报的日期（考核组可标“退回”）；合作项目台账每个协议一行（考核组可标“不认定”）。台账有记录时，专业表的合作企业数、校内/校外实训基地由加载项计算（灰色）；月报有日期时，全年应上报次数、未按时上报次数须留空。日期可填日期或 2023-09-04、2023年9月4日 等文字。',
    '6. 编号为“平台”的三行（毕业生就业人数、成立专业建设委员会、年度科研成果数）用于“平台建设目标”表，不计分，可不填；未填的目标显示为“未填报”。',
    '三、操作顺序',
    '插入填报模板 → 填写 → 检查填报（有问题的单元格标色并附批注，改正后再次检查即清除）→ 计算得分（写入评分表）→ 生成汇总 → 复制到年度考核表。',
    '四、注意',
    '1. 加载项只写入评分表的得分、说明列和它自己生成的汇总表，不改动填报内容；若这些位置被手工填了其他内容，加载项会停下并列出单元格。',
    '2. 评分表和汇总表最右侧隐藏的“加载项记录”列供加载项识别自己写入的内容，请勿修改。',
    '3. 一个工作簿可包含多个院系：每个院系一组“填报”“评分”表，工作表可改名、可插入行。',
  ];
  const en = [
    'School–enterprise cooperation assessment: instructions',
    `Final score Sm = self score S1 × ${self} + assessor score S2 × ${assessor}.`,
    '1. Who fills what',
    'Departments fill the yellow "self" column and the majors and order-class tables of their facts sheet: this gives S1.',
    'The assessment group enters verified values in the green "assessor" column; a blank assessor cell means accepted as reported: this gives S2.',
    'The office builds the ranked summary and copies it into the annual appraisal form.',
    '2. Accepted forms',
    'Yes/no: 是/否, √/×, 有/无, Y/N, yes/no. Counts: whole numbers; a blank is missing, not zero.',
    'Staffing: 专职 (full-time), 兼职 (part-time), 没有 (none). Meeting semesters: 0, 1 or 2.',
    'Tables: one row per major or class, read down to the first blank row; insert rows when you need more. A class\'s major is chosen from the majors table (dropdown).',
    'Ledger sheet (台账): the date each monthly report went through OA (assessors may mark 退回) and one row per agreement (assessors may mark 不认定). With ledger rows the majors\' partners and training bases are computed (grey); with report dates the two A3 counts stay blank. Dates may be date cells or text such as 2023-09-04.',
    'The three rows marked "平台" (graduates employed, specialty committee, research outputs) feed the platform targets sheet; they are not scored and may be left blank (shown as not reported).',
    '3. Order of work',
    'Insert template → fill in → validate (bad cells are marked until fixed) → fill scores → build summary → copy for the appraisal form.',
    '4. Notes',
    'The add-in writes only its own output cells and sheets and never changes inputs; if something else is there it stops and names the cells.',
    'Do not edit the hidden "add-in record" column at the right of the score and summary sheets.',
    'A workbook may hold several departments, each with its own facts and score sheets; sheets may be renamed and rows inserted.',
  ];
  const lines = locale === 'en' ? en : zh;
  // The title and the section headings ("一、…", "1. Who fills what") are bold: found by their
  // form, so that a line added to a section moves no heading.
  const heading = locale === 'en' ? /^\d+\. [A-Z]/ : /^[一二三四五六七八九十]、/;
  const heads = lines.flatMap((l, i) => (i === 0 || heading.test(l) ? [i] : []));
  return {
    writes: [{ sheet, address: blockAddress(blockOf(0, 0, lines.length, 1)), values: lines.map((l) => [l]) }],
    formats: [
      fmt(sheet, blockOf(0, 0, 1, 1), { columnWidth: 110 }),
      fmt(sheet, blockOf(0, 0, lines.length, 1), { wrap: true }),
      ...heads.map((r) => fmt(sheet, blockOf(r, 0, 1, 1), { bold: true })),
    ],
    names: [],
    validations: [],
    hidden: [],
    pageSetups: [instructionsPageSetup(sheet, locale)],
  };
}
