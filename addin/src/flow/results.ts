/**
 * The flow's own result sheets (汇总, 年度考核): where they are, and writing them safely.
 * A result sheet is found through its defined name, which covers exactly the block the last
 * run wrote; a new run writes the union of that block and its own (so rows a shorter list no
 * longer needs are cleared, not left behind) after checking every cell of it is still ours.
 */
import type { CellValue, DefinedName, FormatBlock, Host, RangeRef } from '../host/host.js';
import type { FlowProblem, Locale } from './index.js';
import { blockAddress, blockOf, sameBlock, union, type Block } from '../host/a1.js';
import { placeOf } from './names.js';
import { foreignMessage, foreignProblems, ownedWrite, padTo, readRef, type OwnedBlock } from './own.js';
import { freeSheetName } from './insert.js';

/** The record column beside a block (see own.ts). */
function recordColumn(b: Block): Block {
  return { top: b.top, bottom: b.bottom, left: b.right + 1, right: b.right + 1 };
}

/** Where a result of `rows` × `cols` goes: over the previous run's block, or on a new sheet. */
export interface ResultPlan {
  name: string;
  /**
   * The previous run's sheet, the union block to check and write, and the previous run's own
   * block; absent on a first run.
   */
  existing?: { target: OwnedBlock; own: Block; previous: Block };
  rows: number;
  cols: number;
}

export function planResult(names: DefinedName[], name: string, rows: number, cols: number): ResultPlan {
  const place = placeOf(names, name);
  if (!place) return { name, rows, cols };
  const own = blockOf(place.block.top, place.block.left, rows, cols);
  return { name, rows, cols, existing: { target: { sheet: place.sheet, block: union(own, place.block) }, own, previous: place.block } };
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
}

export type ResultOutcome = { ok: true; written: RangeRef[]; sheet: string } | { ok: false; problems: FlowProblem[]; message: string };

/**
 * Checks ownership (nothing written if any cell is foreign), then writes, formats and names
 * the block; `sheets` are the workbook's sheets as the action's survey found them.
 */
export async function writeResult(
  host: Host,
  locale: Locale,
  plan: ResultPlan,
  sheets: string[],
  current: CellValue[][] | undefined,
  sheet: ResultSheet,
): Promise<ResultOutcome> {
  let target: OwnedBlock;
  let own: Block;
  if (plan.existing) {
    const foreign = foreignProblems(locale, [{ owned: plan.existing.target, current: current ?? [] }]);
    if (foreign.length > 0) return { ok: false, problems: foreign, message: foreignMessage(locale, foreign) };
    target = plan.existing.target;
    own = plan.existing.own;
  } else {
    // A sheet of our base name that we did not make (no name points at it) is the user's:
    // take a free variant rather than write into it.
    const name = freeSheetName(sheet.baseName, sheets);
    await host.addSheets([name]);
    own = blockOf(0, 0, plan.rows, plan.cols);
    target = { sheet: name, block: own };
  }
  // A rewrite guards what it checked; a first run writes onto a sheet it has just added.
  const write = ownedWrite(target, padTo(sheet.values, target.block), plan.existing ? current : undefined);
  await host.write([write]);
  // A block of the same place and size as the last run's keeps its formats and its name.
  if (!plan.existing || !sameBlock(plan.existing.previous, own)) {
    await host.format(sheet.format(target.sheet, own));
    await host.defineNames([{ name: plan.name, sheet: target.sheet, address: blockAddress(own) }]);
  }
  // The record column is hidden when it is made, on the new sheet; later runs leave its
  // visibility to the user (one who un-hid it to look keeps seeing it).
  if (!plan.existing) await host.hideColumns([{ sheet: target.sheet, address: blockAddress(recordColumn(target.block)) }]);
  return { ok: true, written: [{ sheet: write.sheet, address: write.address }], sheet: target.sheet };
}
