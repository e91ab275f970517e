/**
 * The flow's own result sheets (汇总, 年度考核): where they are, and writing them safely.
 * A result sheet is found through its defined name, which covers exactly the block the last
 * run wrote and, as its last column, the block's record (own.ts); a new run writes the union
 * of that block and its own (so rows a shorter list no longer needs are cleared, not left
 * behind) after checking every cell of it is still ours.
 *
 * The name finds the record: columns the user inserts between the block and its record
 * widen the name and move the record, which stays its last column, so the run goes on and
 * leaves those columns alone. Names of the first results (the block alone, its record right
 * beside) are still read, and renamed by the next run. Columns inserted into the block
 * itself, or a record column deleted, are explained instead of reported cell by cell.
 */
import type { CellValue, DefinedName, FormatBlock, Host, PageSetup, RangeRef, WriteBlock } from '../host/host.js';
import type { FlowProblem, Locale } from './index.js';
import { blockAddress, blockCols, blockOf, cellAddress, sameBlock, union, type Block } from '../host/a1.js';
import { placeOf } from './names.js';
import { foreignMessage, foreignProblems, ownedWrites, padTo, readRef, type OwnedBlock } from './own.js';
import { sheetRef, tr } from './text.js';
import { freeSheetName } from './insert.js';

/**
 * A result block of `cols` columns as its name gives it: the first `cols` columns of the name
 * and the record in its last column, or, for a name as wide as the block (the first results,
 * or a column since deleted), the block with its record right beside. `span` is the name's.
 */
export function ownedPlace(names: DefinedName[], name: string, cols: number): (OwnedBlock & { span: Block }) | undefined {
  const place = placeOf(names, name);
  if (!place) return undefined;
  const span = place.block;
  if (blockCols(span) <= cols) return { sheet: place.sheet, block: span, span };
  return { sheet: place.sheet, block: { ...span, right: span.left + cols - 1 }, record: span.right, span };
}

/** Where a result of `rows` × `cols` goes: over the previous run's block, or on a new sheet. */
export interface ResultPlan {
  name: string;
  /**
   * The previous run's sheet, the union block to check and write, and the previous run's own
   * block; absent on a first run.
   */
  existing?: { target: OwnedBlock; own: Block; previous: Block; span: Block };
  rows: number;
  cols: number;
}

export function planResult(names: DefinedName[], name: string, rows: number, cols: number): ResultPlan {
  const place = ownedPlace(names, name, cols);
  if (!place) return { name, rows, cols };
  const own = blockOf(place.block.top, place.block.left, rows, cols);
  const target = { sheet: place.sheet, block: union(own, place.block), record: place.record };
  return { name, rows, cols, existing: { target, own, previous: place.block, span: place.span } };
}

/** What to read before writing: the whole target with its record column (none on a first run). */
export function resultReads(plan: ResultPlan): RangeRef[] {
  return plan.existing ? [readRef(plan.existing.target)] : [];
}

export interface ResultSheet {
  /** Sheet name for a first run; a free variant is taken if a sheet of that name exists. */
  baseName: string;
  values: CellValue[][];
  format: (sheet: string, block: Block) => FormatBlock[];
  /** How the sheet prints, the block written being `block`. */
  page: (sheet: string, block: Block) => PageSetup;
  /**
   * Formats that follow the values rather than the block (a cell's colour by its state), set
   * on every run over `written`, the whole block written (the last run's rows included).
   */
  everyRun?: (sheet: string, written: Block) => FormatBlock[];
}

export type ResultOutcome = { ok: true; written: RangeRef[]; sheet: string } | { ok: false; problems: FlowProblem[]; message: string };

/** What writing one result takes, host call by host call; `applyResults` makes the calls. */
export interface ResultWork {
  sheet: string;
  /** The new sheet to add first (a first run). */
  addSheet?: string;
  writes: WriteBlock[];
  formats: FormatBlock[];
  names: DefinedName[];
  pages: PageSetup[];
  hide: RangeRef[];
}

/**
 * Checks ownership (nothing to write if any cell is foreign) and works out the writes,
 * formats, name and page setup of one result; `sheets` are the workbook's sheets as the
 * action's survey found them (and any sheet another result of the action adds).
 */
export function prepareResult(
  locale: Locale,
  plan: ResultPlan,
  sheets: string[],
  current: CellValue[][] | undefined,
  sheet: ResultSheet,
): { ok: true; work: ResultWork } | Extract<ResultOutcome, { ok: false }> {
  let target: OwnedBlock;
  let own: Block;
  let addSheet: string | undefined;
  if (plan.existing) {
    target = plan.existing.target;
    own = plan.existing.own;
    const refused = resultRefused(locale, plan, current);
    if (refused) return refused;
  } else {
    // A sheet of our base name that we did not make (no name points at it) is the user's:
    // take a free variant rather than write into it.
    addSheet = freeSheetName(sheet.baseName, sheets);
    own = blockOf(0, 0, plan.rows, plan.cols);
    target = { sheet: addSheet, block: own };
  }
  // A rewrite guards what it checked; a first run writes onto a sheet it has just added.
  const writes = ownedWrites(target, padTo(sheet.values, target.block), plan.existing ? current : undefined);
  const recordCol = target.record ?? target.block.right + 1;
  const named: Block = { ...own, right: recordCol };
  const work: ResultWork = { sheet: target.sheet, addSheet, writes, formats: [], names: [], pages: [], hide: [] };
  // A block of the same place and size as the last run's keeps its formats; the name is
  // set again only when it no longer spans the block and its record.
  if (!plan.existing || !sameBlock(plan.existing.previous, own)) work.formats.push(...sheet.format(target.sheet, own));
  if (sheet.everyRun) work.formats.push(...sheet.everyRun(target.sheet, target.block));
  if (!plan.existing || !sameBlock(plan.existing.span, named)) {
    work.names.push({ name: plan.name, sheet: target.sheet, address: blockAddress(named) });
  }
  // How it prints follows the block and the title (which holds the year the page header
  // repeats); a run that changes neither leaves it (each setting is a call of its own in WPS).
  if (!plan.existing || !sameBlock(plan.existing.previous, own) || current?.[0]?.[0] !== sheet.values[0][0]) {
    work.pages.push(sheet.page(target.sheet, own));
  }
  // The record column is hidden when it is made, on the new sheet; later runs leave its
  // visibility to the user (one who un-hid it to look keeps seeing it).
  if (!plan.existing) work.hide.push({ sheet: target.sheet, address: blockAddress({ ...named, left: recordCol }) });
  return { ok: true, work };
}

/** Makes the host calls of one or more results together: one call per kind, none for an empty one. */
export async function applyResults(host: Host, works: ResultWork[]): Promise<void> {
  const all = <T>(pick: (w: ResultWork) => T[]) => works.flatMap(pick);
  const added = works.flatMap((w) => (w.addSheet ? [w.addSheet] : []));
  if (added.length > 0) await host.addSheets(added);
  await host.write(all((w) => w.writes));
  const formats = all((w) => w.formats);
  if (formats.length > 0) await host.format(formats);
  const names = all((w) => w.names);
  if (names.length > 0) await host.defineNames(names);
  const pages = all((w) => w.pages);
  if (pages.length > 0) await host.pageSetup(pages);
  const hide = all((w) => w.hide);
  if (hide.length > 0) await host.hideColumns(hide);
}

/** The outcome of an applied result: its sheet and every block it wrote. */
export function resultWritten(work: ResultWork): Extract<ResultOutcome, { ok: true }> {
  return { ok: true, written: work.writes.map((w) => ({ sheet: w.sheet, address: w.address })), sheet: work.sheet };
}

/** prepareResult and applyResults for an action that writes one result. */
export async function writeResult(
  host: Host,
  locale: Locale,
  plan: ResultPlan,
  sheets: string[],
  current: CellValue[][] | undefined,
  sheet: ResultSheet,
): Promise<ResultOutcome> {
  const prepared = prepareResult(locale, plan, sheets, current, sheet);
  if (!prepared.ok) return prepared;
  await applyResults(host, [prepared.work]);
  return resultWritten(prepared.work);
}

/**
 * Why a result may not be written over the previous run's block (cells not ours, or columns
 * inserted or deleted), or undefined when it may; an action writing two results checks both
 * before writing either.
 */
export function resultRefused(locale: Locale, plan: ResultPlan, current: CellValue[][] | undefined): Extract<ResultOutcome, { ok: false }> | undefined {
  if (!plan.existing) return undefined;
  const { span, target } = plan.existing;
  const foreign = foreignProblems(locale, [{ owned: target, current: current ?? [] }]);
  if (foreign.length === 0) return undefined;
  // Foreign cells under a name of the wrong width, or beside a record column gone empty,
  // come from columns inserted or deleted, not from values typed: say so.
  const width = blockCols(span);
  const reshaped = width !== plan.cols + 1 && (width !== plan.cols || recordGone(target, current ?? []));
  if (reshaped) {
    const problem = reshapedProblem(locale, target.sheet, span, plan.cols);
    return { ok: false, problems: [problem], message: problem.message };
  }
  return { ok: false, problems: foreign, message: foreignMessage(locale, foreign) };
}

/** Every record cell of the block empty while the block holds something: the record went. */
function recordGone(o: OwnedBlock, current: CellValue[][]): boolean {
  const at = (o.record ?? o.block.right + 1) - o.block.left;
  const empty = (v: CellValue | undefined) => v === null || v === undefined || v === '';
  return current.every((row) => empty(row[at])) && current.some((row) => row.slice(0, blockCols(o.block)).some((v) => !empty(v)));
}

function reshapedProblem(locale: Locale, sheet: string, span: Block, cols: number): FlowProblem {
  const ref = sheetRef(sheet, blockAddress(span));
  return {
    sheet,
    address: cellAddress(span.top, span.left),
    path: 'output',
    code: 'result_reshaped',
    message: tr(
      locale,
      `${ref}（加载项写入的 ${cols} 列及其右侧隐藏的记录列）中插入或删除了列，加载项无法确认哪些单元格是它写入的，未写入任何内容：请撤销该操作；若其中没有需要保留的内容，也可删除工作表“${sheet}”后重新运行`,
      `Columns were inserted into or deleted from ${ref} (the add-in's ${cols} columns and its hidden record column right of them), so the add-in cannot tell its own cells and wrote nothing: undo that, or, if nothing there needs keeping, delete sheet "${sheet}" and run again`,
    ),
  };
}
