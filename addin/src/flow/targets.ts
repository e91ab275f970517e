/**
 * 平台建设目标 (RUBRIC.md §10), the part of 生成汇总 that reports the platform targets: the
 * engine's `platformTargets` over every department's assessor-verified facts (the S2 facts,
 * as scored), made into a table of text cells, and written to a sheet of its own, owned like
 * the 汇总 sheet through its record column (./results.ts).
 */
import type { CellValue, DefinedName } from '../host/host.js';
import type { Engine, PlatformResult, TargetRow } from '../engine/types.js';
import type { DepartmentRecord, Locale } from './index.js';
import { planResult, prepareResult, type ResultPlan } from './results.js';
import { tr } from './text.js';
import { TARGETS_HEAD_ROWS, targetsFills, targetsFormat, targetsValues, type TargetCell, type TargetsRow, type TargetsTable } from '../template/targets.js';
import { targetsPageSetup } from '../template/print.js';

export type { TargetCell, TargetsRow, TargetsTable, TargetState } from '../template/targets.js';

export const TARGETS_NAME = 'coop_targets_out';

/** Targets measured as a percentage (their actual and goal are shown with "%"). */
const PERCENT_TARGETS = new Set(['majors_co_built', 'employment']);
/** The yes/no target: its actual is 1 or 0. */
const YES_NO_TARGET = 'committee';

/**
 * A percentage to 2 decimals, half up, as written in decimal: the number is first read back
 * at 15 significant digits (what a double holds of 1.005 is 1.00499999…, which toFixed alone
 * rounds down).
 */
function twoDecimals(x: number): string {
  const hundredths = Number((x * 100).toPrecision(15));
  return (Math.sign(hundredths) * Math.round(Math.abs(hundredths)) / 100).toFixed(2);
}

/** A number as the table shows it: percentages to 2 decimals (display only), counts whole. */
function shown(locale: Locale, id: string, value: number): string {
  if (id === YES_NO_TARGET) return value >= 1 ? tr(locale, '有', 'yes') : tr(locale, '没有', 'no');
  if (PERCENT_TARGETS.has(id)) return `${twoDecimals(value)}%`;
  return String(value);
}

/** The goal as the header and the cells show it: "≥ 3", "≥ 96%", "100%", "有". */
function goal(locale: Locale, id: string, target: number): string {
  if (id === YES_NO_TARGET) return tr(locale, '有', 'yes');
  if (id === 'majors_co_built') return `${target}%`;
  return `≥ ${target}${PERCENT_TARGETS.has(id) ? '%' : ''}`;
}

/** One department's cell: "实际 / 目标 ✓", "… ✗", 未填报 or 不适用 (with the count it shows). */
export function departmentCell(locale: Locale, t: TargetRow): TargetCell {
  const actual = t.actual ?? null;
  if (actual === null) return { id: t.id, text: tr(locale, '未填报', 'not reported'), state: 'not_reported' };
  const value = shown(locale, t.id, actual);
  const met = t.met ?? null;
  if (met === null) return { id: t.id, text: tr(locale, `不适用（${value}）`, `n/a (${value})`), state: 'not_applicable' };
  const target = t.id === YES_NO_TARGET ? goal(locale, t.id, t.target) : shown(locale, t.id, t.target).replace('.00%', '%');
  return { id: t.id, text: `${value} / ${target} ${met ? '✓' : '✗'}`, state: met ? 'met' : 'not_met' };
}

/** One department handed to `targetsTable`: its name and its S2 facts. */
export interface TargetsInput {
  department: string;
  facts: unknown;
}

/**
 * The table of the engine's answer for `inputs` (facts that already passed validation). The
 * engine refusing facts the flow has validated is a fault of the add-in: it is thrown.
 */
export function targetsTable(engine: Engine, locale: Locale, inputs: TargetsInput[], without: string[] = []): TargetsTable {
  const result: PlatformResult = engine.platformTargets(inputs.map((i) => i.facts), { locale });
  const departments: TargetsRow[] = result.departments.map((d, i) => {
    if (!d.ok) throw new Error(`internal: "${inputs[i].department}" passed validation but has no platform targets: ${d.errors.map((e) => `${e.path} ${e.code}`).join(', ')}`);
    return { department: inputs[i].department, cells: d.targets.map((t) => departmentCell(locale, t)) };
  });
  // Every department has every target, with the same goal: the first one's give the header.
  const first = result.departments[0];
  if (!first?.ok) throw new Error('internal: targetsTable needs at least one department');
  const targets = first.targets.map((t) => ({ id: t.id, name: t.name, goal: goal(locale, t.id, t.target) }));
  const college: TargetsRow = {
    department: tr(locale, '全院', 'College'),
    cells: result.college.map((c) => {
      const actual = c.actual ?? null;
      const counted = tr(locale, `（达标 ${c.departments_met}/${c.departments_reported}）`, ` (met ${c.departments_met}/${c.departments_reported})`);
      // The college's committee figure is the number of departments with one, not yes/no.
      const value = actual === null ? null : c.id === YES_NO_TARGET ? String(actual) : shown(locale, c.id, actual);
      return { id: c.id, text: value === null ? tr(locale, '未填报', 'not reported') : value + counted, state: 'college' };
    }),
  };
  return { targets, departments, college, without };
}

/** The records of a summary that carry facts, and the names of those that do not. */
export function targetsInputs(records: DepartmentRecord[]): { inputs: TargetsInput[]; without: string[] } {
  return {
    inputs: records.filter((r) => r.facts !== undefined).map((r) => ({ department: r.department, facts: r.facts })),
    without: records.filter((r) => r.facts === undefined).map((r) => r.department),
  };
}

/** The department column and the eight targets of §10. */
export const TARGET_COLUMNS = 9;

/** Where the targets sheet goes, for `departments` rows (title, note, header and college rows around them). */
export function planTargets(names: DefinedName[], departments: number): ResultPlan {
  return planResult(names, TARGETS_NAME, TARGETS_HEAD_ROWS + departments + 1, TARGET_COLUMNS);
}

/**
 * The targets sheet's work (ownership checked by prepareResult: nothing to write over a cell
 * that is not ours), with the fills that repeat each cell's state set on every run; the
 * summary applies it together with its own sheet's.
 */
export function prepareTargets(
  locale: Locale,
  plan: ResultPlan,
  sheets: string[],
  current: CellValue[][] | undefined,
  table: TargetsTable,
  year: string,
): ReturnType<typeof prepareResult> {
  return prepareResult(locale, plan, sheets, current, {
    baseName: tr(locale, '平台建设目标', 'Platform targets'),
    values: targetsValues(locale, table, year),
    format: targetsFormat(locale, table),
    page: (sheet, block) => targetsPageSetup(sheet, block, locale, year),
    everyRun: (sheet, written) => targetsFills(sheet, written.top, written.left, table, written.bottom - written.top + 1 - TARGETS_HEAD_ROWS),
  });
}
