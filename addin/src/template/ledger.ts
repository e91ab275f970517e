/**
 * The ledger sheet (院系名-台账, issue #10): a department's report calendar (月报) and its
 * project ledger (合作项目台账), the evidence A3, B1 and C2 are scored from (RUBRIC.md §7, §8).
 *
 * Top to bottom: a title and a note, the calendar (the due months across; the date each
 * report went through OA; the assessors' 退回/不合格), then the ledger table (one row per
 * agreement, LEDGER_COLUMNS, the assessors' 考评认定 last). The month row carries the tag
 * "calendar" and the table's header row the tag "projects" in column P; the sheet's tagged
 * block is named `coop_<key>_ledger` (./tags.ts), so rows may be inserted and the sheet
 * renamed like the other two.
 */
import type { RangeRef } from '../host/host.js';
import { blockAddress, blockOf, cellAddress } from '../host/a1.js';
import { tr, type Locale } from './text.js';
import { nameOf } from './names.js';
import { tagText, BLOCK_SUFFIXES } from './tags.js';
import { LEDGER_SHEET } from './columns.js';
import { factsPageSetup } from './print.js';
import { ASSESSOR_FILL, SELF_FILL, type SheetPlan } from './layout.js';
import { DATE_FORMAT, FORMS_LIST, LEDGER_COLUMNS, REJECT_LIST, REPORT_MONTHS, TABLE_ROWS, VERDICT_LIST } from './fields.js';

const HEADER_FILL = '#DDEBF7';

/** Rows of the ledger sheet as inserted, 0-based (readers find them through the tags). */
export const LEDGER_LAYOUT = { calendarTitle: 3, months: 4, projectsTitle: 8, projects: 9 } as const;

/** "9月" … or "Sep" …: the label of a due month. */
export function monthLabel(locale: Locale, month: number): string {
  const en = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return tr(locale, `${month}月`, en[month - 1]);
}

/**
 * The ledger sheet of one department. `majorNames`: the facts sheet's majors names block,
 * the 所属专业 dropdown (a range source, so it offers whatever the majors table holds).
 */
export function ledgerSheetPlan(sheet: string, key: string, department: string, year: string, locale: Locale, majorNames: RangeRef): SheetPlan {
  const plan: SheetPlan = { writes: [], formats: [], names: [], validations: [], hidden: [], pageSetups: [factsPageSetup(sheet, locale, department, year)] };
  const width = LEDGER_SHEET.width;
  const at = (row: number, col: number, rows = 1, cols = 1) => blockAddress(blockOf(row, col, rows, cols));
  const put = (row: number, col: number, values: Array<string | null>) => plan.writes.push({ sheet, address: at(row, col, 1, values.length), values: [values] });
  const format = (row: number, col: number, rows: number, cols: number, f: SheetPlan['formats'][number]['format']) => plan.formats.push({ sheet, address: at(row, col, rows, cols), format: f });

  put(0, 0, [tr(locale, `合作项目台账与月报（${department}）`, `Project ledger and monthly reports (${department})`)]);
  format(0, 0, 1, width, { bold: true, merge: true, horizontal: 'center' });
  put(1, 0, [tr(
    locale,
    '黄色栏由院系填写，绿色栏由考核组填写（空白表示认定）。台账有记录时，填报表专业表中的合作企业数、校内/校外实训基地由加载项据台账计算（灰色，请勿填写）；月报有日期时，全年应上报次数、未按时上报次数据此计算，须留空。日期填日期格式或 2023-09-04 等文字均可。',
    'Yellow: the department; green: the assessors (blank means accepted). With ledger rows, the majors table\'s partner enterprises and training bases are computed from the ledger (grey, do not type); with report dates, the A3 counts on the facts sheet are computed and must stay blank. Dates may be date cells or text such as 2023-09-04.',
  )]);
  format(1, 0, 1, width, { merge: true, wrap: true, rowHeight: 48 });

  // The calendar: due months across, then the OA dates (self), then the assessors' marks.
  const m = LEDGER_LAYOUT.months;
  const months = REPORT_MONTHS.length;
  put(LEDGER_LAYOUT.calendarTitle, 0, [tr(locale, '月报上报情况（每月5日前经OA上报，寒暑假除外）', 'Monthly reports (through OA by the 5th; none in vacation months)')]);
  format(LEDGER_LAYOUT.calendarTitle, 0, 1, width, { bold: true, merge: true });
  put(m, 0, [tr(locale, '月份', 'Month'), ...REPORT_MONTHS.map((month) => monthLabel(locale, month))]);
  put(m + 1, 0, [tr(locale, '经OA上报日期', 'Sent through OA on')]);
  put(m + 2, 0, [tr(locale, '考核组认定', 'Assessors')]);
  format(m, 0, 1, months + 1, { bold: true, fill: HEADER_FILL, border: true, horizontal: 'center' });
  format(m + 1, 0, 2, months + 1, { border: true });
  format(m + 1, LEDGER_SHEET.months, 1, months, { fill: SELF_FILL, numberFormat: DATE_FORMAT });
  format(m + 2, LEDGER_SHEET.months, 1, months, { fill: ASSESSOR_FILL });
  plan.validations.push({ sheet, address: at(m + 2, LEDGER_SHEET.months, 1, months), list: REJECT_LIST });

  // The ledger table: one row per agreement.
  const h = LEDGER_LAYOUT.projects;
  put(LEDGER_LAYOUT.projectsTitle, 0, [tr(locale, '合作项目台账（每个合作协议一行，读到第一个空行为止）', 'Project ledger (one row per agreement, read down to the first blank row)')]);
  format(LEDGER_LAYOUT.projectsTitle, 0, 1, width, { bold: true, merge: true });
  put(h, 0, LEDGER_COLUMNS.map((c) => tr(locale, c.label.zh, c.label.en)));
  format(h, 0, 1, width, { bold: true, fill: HEADER_FILL, border: true, wrap: true, horizontal: 'center' });
  format(h + 1, 0, TABLE_ROWS, width, { border: true });
  LEDGER_COLUMNS.forEach((c, col) => {
    const body = at(h + 1, col, TABLE_ROWS, 1);
    plan.formats.push({ sheet, address: body, format: { fill: c.kind === 'verdict' ? ASSESSOR_FILL : SELF_FILL, ...(c.kind === 'date' ? { numberFormat: DATE_FORMAT } : {}) } });
    if (c.kind === 'major') plan.validations.push({ sheet, address: body, source: majorNames });
    // Any words of RUBRIC.md §7 may be typed beside the common combinations offered.
    if (c.kind === 'forms') plan.validations.push({ sheet, address: body, list: FORMS_LIST, open: true });
    if (c.kind === 'verdict') plan.validations.push({ sheet, address: body, list: VERDICT_LIST });
  });
  // Text such as a credit code stays text (18 characters would otherwise turn into a number).
  format(h + 1, LEDGER_COLUMNS.findIndex((c) => c.path === 'credit_code'), TABLE_ROWS, 1, { numberFormat: '@' });
  const widths = [12, 26, 22, 18, 24, 12, 12, 12, 12, 12, 12, 10];
  widths.forEach((w, c) => format(0, c, 1, 1, { columnWidth: w }));

  // The tags (hidden by their number format, like the other sheets') and the block's name.
  const column = Array.from({ length: h + 1 }, (_, r) => [r === m ? tagText(key, 'calendar') : r === h ? tagText(key, 'projects') : null]);
  plan.writes.push({ sheet, address: at(0, LEDGER_SHEET.tag, h + 1, 1), values: column });
  format(0, LEDGER_SHEET.tag, h + 1, 1, { numberFormat: ';;;' });
  plan.names.push({ name: nameOf(key, BLOCK_SUFFIXES.ledger), sheet, address: blockAddress({ top: 0, left: 0, bottom: h, right: LEDGER_SHEET.tag }) });
  return plan;
}

/** Where the cursor goes on a new ledger sheet: the first row of the table. */
export function ledgerStart(): string {
  return cellAddress(LEDGER_LAYOUT.projects + 1, 0);
}

/** The majors' names of a facts sheet (its majors table's first column, the rows prepared). */
export function majorNamesRef(sheet: string, majorsHeaderRow: number): RangeRef {
  return { sheet, address: blockAddress(blockOf(majorsHeaderRow + 1, 0, TABLE_ROWS, 1)) };
}
