/**
 * The 平台建设目标 sheet (RUBRIC.md §10) as data: departments down, the eight targets across,
 * the college's row last. Every cell says in text whether its target is met ("✓", "✗",
 * 未填报, 不适用); the fill (green, red, grey) only repeats it, for whoever reads colours.
 *
 * The table itself (`TargetsTable`) is what the flow makes of the engine's
 * `platformTargets`; the pane and the web page show the same table (../ui, ../web).
 */
import type { CellValue, FormatBlock } from '../host/host.js';
import { blockAddress, blockOf, type Block } from '../host/a1.js';
import { tr, type Locale } from './text.js';
import { rowHeight } from './print.js';

/** How one department stands on one target; the college's cells are `college`. */
export type TargetState = 'met' | 'not_met' | 'not_reported' | 'not_applicable' | 'college';

export interface TargetCell {
  /** The target's id (RUBRIC.md §10: "enterprises" … "research_outputs"). */
  id: string;
  /** What the cell shows: "2 / 3 ✗", "有 / 有 ✓", "未填报", "不适用（2）", "5（达标 1/2）". */
  text: string;
  state: TargetState;
}

export interface TargetsRow {
  department: string;
  cells: TargetCell[];
}

export interface TargetsTable {
  /** The targets in the engine's order: id, name (in the locale) and the goal as shown. */
  targets: Array<{ id: string; name: string; goal: string }>;
  departments: TargetsRow[];
  college: TargetsRow;
  /** Departments handed in with scores only (no facts): not in the table, named in the note. */
  without: string[];
}

/** Rows above the departments: the title, the note saying which facts, the column header. */
export const TARGETS_HEAD_ROWS = 3;

/** Fills that repeat what the text says (never the only signal). */
export const TARGET_FILLS: Record<TargetState, string> = {
  met: '#C6EFCE',
  not_met: '#FFC7CE',
  not_reported: '#E7E6E6',
  not_applicable: '#E7E6E6',
  college: '#FFFFFF',
};
const HEADER_FILL = '#DDEBF7';
const NAME_WIDTH = 18;
const TARGET_WIDTH = 15;

/** Columns of the sheet: the department, then one per target. */
export function targetsColumns(table: TargetsTable): number {
  return 1 + table.targets.length;
}

/** Which facts the table is measured from, and how to read its marks. */
export function targetsNote(locale: Locale, table: TargetsTable): string {
  const without = table.without.length === 0
    ? ''
    : tr(locale, `另有 ${table.without.join('、')} 只提供了分数、没有填报数据，未列入。`, ` Not listed (scores only, no facts): ${table.without.join(', ')}.`);
  return tr(
    locale,
    `依据：考核组核实后的填报数据（考评栏，空白按院系自评），即计算考评分 S2 的数据。每格为“实际 / 目标”：✓ 达到，✗ 未达到；未填报：缺少该项数据（未填合作项目台账时，企业、项目、共建专业、产业学院、实训基地各项均为未填报）；不适用：没有产业学院时不考核多功能实训基地。全院行：企业按全院去重计数，比例为各院系合计之比，其余为合计；括号内为达标院系数 / 填报院系数。${without}`,
    `From the assessors' verified facts (the assessor column; blank = as reported), the facts S2 is scored from. Each cell is "actual / target": ✓ met, ✗ not met; 未填报 not reported (without the project ledger, the enterprise, project, co-built major, industry college and training base targets are not reported); 不适用 not applicable (no industry college, so no training base is required). College row: enterprises counted once across the college, percentages as ratios of the sums, the rest summed; in brackets the departments that met it / reported it.${without}`,
  );
}

/** The sheet's values: title, note, header, one row per department, the college's row. */
export function targetsValues(locale: Locale, table: TargetsTable, year: string): CellValue[][] {
  const width = targetsColumns(table);
  const pad = (row: CellValue[]) => [...row, ...Array<CellValue>(width - row.length).fill(null)];
  const title = tr(locale, `平台建设目标${year ? `（${year}）` : ''}`, `Platform targets${year ? ` (${year})` : ''}`);
  const header = [
    tr(locale, '院系', 'Department'),
    ...table.targets.map((t) => tr(locale, `${t.name}\n目标 ${t.goal}`, `${t.name}\ntarget ${t.goal}`)),
  ];
  return [
    pad([title]),
    pad([targetsNote(locale, table)]),
    header,
    ...table.departments.map((d) => [d.department, ...d.cells.map((c) => c.text)]),
    [table.college.department, ...table.college.cells.map((c) => c.text)],
  ];
}

function f(sheet: string, block: Block, format: FormatBlock['format']): FormatBlock {
  return { sheet, address: blockAddress(block), format };
}

/** Layout formats of the block `b` (title, note, header, borders, widths), set when it moves or grows. */
export function targetsFormat(locale: Locale, table: TargetsTable) {
  return (sheet: string, b: Block): FormatBlock[] => {
    const width = b.right - b.left + 1;
    const rows = b.bottom - b.top + 1;
    const note = targetsNote(locale, table);
    const headerHeight = rowHeight(table.targets.map((t) => ({ text: `${t.name}\n目标 ${t.goal}`, width: TARGET_WIDTH })));
    return [
      f(sheet, blockOf(b.top, b.left, 1, width), { bold: true, merge: true, horizontal: 'center' }),
      f(sheet, blockOf(b.top + 1, b.left, 1, width), { merge: true, wrap: true, rowHeight: rowHeight([{ text: note, width: NAME_WIDTH + TARGET_WIDTH * (width - 1) }]) }),
      f(sheet, blockOf(b.top + 2, b.left, 1, width), { bold: true, fill: HEADER_FILL, border: true, horizontal: 'center', wrap: true, rowHeight: headerHeight }),
      f(sheet, blockOf(b.top + 3, b.left, Math.max(1, rows - 3), width), { border: true, wrap: true }),
      f(sheet, blockOf(b.top + 3, b.left + 1, Math.max(1, rows - 3), width - 1), { horizontal: 'center' }),
      // The college's cells add "（达标 m/n）" to the figure: room for two lines, whatever the counts.
      f(sheet, blockOf(b.bottom, b.left, 1, width), { bold: true, rowHeight: rowHeight([{ text: '82.50%\n（达标 12/15）', width: TARGET_WIDTH }]) }),
      f(sheet, blockOf(b.top, b.left, 1, 1), { columnWidth: NAME_WIDTH }),
      f(sheet, blockOf(b.top, b.left + 1, 1, width - 1), { columnWidth: TARGET_WIDTH }),
    ];
  };
}

/**
 * The fills of the rows below the header, set on every run (a cell's state changes with the
 * facts even when the block stays put): each target cell by its state, the department
 * column and the college's row white, and rows a shorter list no longer uses white too.
 * `rows` is how many rows below the header the block written spans.
 */
export function targetsFills(sheet: string, top: number, left: number, table: TargetsTable, rows: number): FormatBlock[] {
  const width = targetsColumns(table);
  const first = top + TARGETS_HEAD_ROWS;
  const out: FormatBlock[] = [f(sheet, blockOf(first, left, rows, 1), { fill: TARGET_FILLS.college })];
  const body = [...table.departments, table.college];
  for (let r = 0; r < rows; r++) {
    const cells = body[r]?.cells;
    if (!cells || cells.every((c) => c.state === 'college')) {
      out.push(f(sheet, blockOf(first + r, left + 1, 1, width - 1), { fill: TARGET_FILLS.college }));
      continue;
    }
    // Neighbours of one state share a block: fewer commands in Excel, shorter references in WPS.
    for (let i = 0; i < cells.length; ) {
      let end = i + 1;
      while (end < cells.length && cells[end].state === cells[i].state) end++;
      out.push(f(sheet, blockOf(first + r, left + 1 + i, 1, end - i), { fill: TARGET_FILLS[cells[i].state] }));
      i = end;
    }
  }
  return out;
}
