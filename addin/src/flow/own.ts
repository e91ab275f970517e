/**
 * "Never lose the user's data": the problems the flow reports when a cell it must write is not
 * its own (the record that decides it: ../template/record.ts).
 */
import type { CellValue } from '../host/host.js';
import type { FlowProblem, Locale } from './index.js';
import { foreignCells, type OwnedBlock } from '../template/record.js';
import { cellList, sheetRef, tr } from './text.js';

export { foreignCells, ownedWrite, ownedWrites, padTo, readRef, typedNumber, type OwnedBlock } from '../template/record.js';

export function foreignProblem(locale: Locale, sheet: string, address: string, department?: string): FlowProblem {
  return {
    sheet,
    address,
    path: 'output',
    code: 'foreign_data',
    message: tr(
      locale,
      `${sheetRef(sheet, address)} 是加载项的输出单元格，但其中的内容不是加载项写入的；请移走或清空后再运行`,
      `${sheetRef(sheet, address)} is an output cell of the add-in but holds something the add-in did not write; move or clear it, then run again`,
    ),
    department,
  };
}

/** Checks every planned write; returns the foreign cells as problems (empty: safe to write). */
export function foreignProblems(locale: Locale, planned: Array<{ owned: OwnedBlock; current: CellValue[][]; department?: string }>): FlowProblem[] {
  const problems: FlowProblem[] = [];
  for (const p of planned) {
    for (const address of foreignCells(p.owned, p.current)) problems.push(foreignProblem(locale, p.owned.sheet, address, p.department));
  }
  return problems;
}

/** "Nothing written: …" (or, for an action that clears, `lead` such as "Nothing cleared"). */
export function foreignMessage(locale: Locale, problems: FlowProblem[], lead = { zh: '未写入任何内容', en: 'Nothing written' }): string {
  const cells = problems.map((p) => sheetRef(p.sheet, p.address));
  return tr(
    locale,
    `${lead.zh}：以下输出单元格中有不是加载项写入的内容：${cellList(locale, cells)}`,
    `${lead.en}: these output cells hold data the add-in did not write: ${cellList(locale, cells)}`,
  );
}
