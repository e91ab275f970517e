/**
 * 生成提升建议 — on demand, one printable sheet of every department's hints (RUBRIC.md §9,
 * which facts' hints: ./hints.ts): 院系, 编号, 考核内容, 当前得分/满分, 建议, 可增加分数, best gain
 * first within each department. The sheet is the add-in's through its record column, as the
 * 汇总 sheet is (./results.ts): a second run rewrites only its own cells, stops and names any
 * cell holding someone else's data, and changes nothing when nothing changed.
 *
 * Host calls: the survey and one read, as every action (../flow/workbook.ts `gather`); the
 * read takes the previous sheet's block and room below it for a longer list. Only a list
 * longer than that room (departments with many majors lacking partners or bases) costs one
 * read more.
 */
import type { CellValue } from '../host/host.js';
import type { ActionReport, FlowContext, FlowProblem, Locale } from './index.js';
import { blockRows, sameBlock } from '../host/a1.js';
import { departmentHints } from './hints.js';
import { planResult, resultReads, writeResult, type ResultPlan } from './results.js';
import { inAction } from './session.js';
import { tr } from './text.js';
import { gather, inputProblems, noDepartments, scoreBoth, type Gathered } from './workbook.js';
import { ADVICE_COLS, adviceFormat, adviceHeights, advicePageSetup, adviceRowCount, adviceValues, type AdviceDepartment } from '../template/advice.js';
import type { Engine } from '../engine/types.js';

/** The defined name over the sheet's block and its record. */
export const ADVICE_NAME = 'coop_advice_out';

/**
 * Rows read per department below the previous block's top: the §3 example has 11 hints, and
 * a department needs several majors lacking everything to pass this.
 */
export const ADVICE_ROWS_READ = 24;

/** Every department's hints as the sheet's rows; departments with input problems are reported instead. */
export function adviceOf(engine: Engine, locale: Locale, g: Gathered): { departments: AdviceDepartment[]; problems: FlowProblem[]; years: string[] } {
  const problems: FlowProblem[] = [...g.damaged];
  const departments: AdviceDepartment[] = [];
  const years: string[] = [];
  const assessor = tr(locale, '考评：', 'Assessor: ');
  for (const d of g.departments) {
    const own = inputProblems(engine, locale, d);
    if (own.length > 0) {
      problems.push(...own);
      continue;
    }
    const { s1, s2 } = scoreBoth(engine, locale, d);
    const rows = departmentHints(d, s1, s2).map((h) => ({
      department: d.department, line: h.line, lineName: h.lineName, score: h.score, max: h.max,
      text: (h.facts === 'assessor' ? assessor : '') + h.text, gain: h.gain,
    }));
    departments.push({ department: d.department, rows });
    years.push(d.year);
  }
  return { departments, problems, years };
}

export async function adviceSheet(ctx: FlowContext): Promise<ActionReport> {
  return inAction(ctx, () => advise(ctx));
}

async function advise(ctx: FlowContext): Promise<ActionReport> {
  const { host, engine, locale } = ctx;
  let names: Parameters<typeof planResult>[0] = [];
  let room = planResult([], ADVICE_NAME, 0, ADVICE_COLS);
  const gathered = await gather(host, locale, {
    results: [ADVICE_NAME],
    extraFor: (found, departments) => {
      names = found;
      room = planResult(found, ADVICE_NAME, 3 + departments * ADVICE_ROWS_READ, ADVICE_COLS);
      return resultReads(room);
    },
  });
  const fail = (problems: FlowProblem[], message: string): ActionReport => ({ action: 'adviceSheet', ok: false, message, problems, written: [] });
  if (gathered.departments.length === 0 && gathered.damaged.length === 0) return fail([noDepartments(locale)], noDepartments(locale).message);
  const { departments, problems, years } = adviceOf(engine, locale, gathered);
  if (problems.length > 0) {
    return fail(problems, tr(locale, `未生成提升建议：工作簿中的院系有 ${problems.length} 个问题，请先检查填报`, `No suggestions: ${problems.length} problems in this workbook's departments; validate first`));
  }

  const plan = planResult(names, ADVICE_NAME, adviceRowCount(departments), ADVICE_COLS);
  const current = await currentOf(ctx, plan, room, gathered.extra[0]);
  // The title's year: the departments' common year, if they agree.
  const year = new Set(years).size === 1 ? years[0] : '';
  const values = adviceValues(locale, year, departments);
  // The row heights follow the text whenever it changed, also where writeResult leaves the
  // formats of a block the same size as before alone.
  const heights = (sheet: string, top: number) => adviceHeights(sheet, top, values, current);
  const outcome = await writeResult(host, locale, plan, gathered.sheets, current, {
    baseName: tr(locale, '提升建议', 'Suggestions'),
    values,
    format: (sheet, block) => [...adviceFormat(sheet, block), ...heights(sheet, block.top)],
    page: (sheet, block) => advicePageSetup(sheet, block, locale, year),
  });
  if (!outcome.ok) return fail(outcome.problems, outcome.message);
  if (plan.existing && sameBlock(plan.existing.previous, plan.existing.own)) {
    const changed = heights(outcome.sheet, plan.existing.own.top);
    if (changed.length > 0) await host.format(changed);
  }
  const hints = departments.reduce((n, d) => n + d.rows.length, 0);
  return {
    action: 'adviceSheet',
    ok: true,
    message: tr(locale, `已在“${outcome.sheet}”中列出 ${departments.length} 个院系的 ${hints} 条提升建议`, `${hints} suggestions for ${departments.length} department${departments.length === 1 ? '' : 's'} listed in "${outcome.sheet}"`),
    problems: [],
    written: outcome.written,
  };
}

/**
 * What the sheet's target holds now: taken from the read of the previous block and the room
 * below it, or, for a list longer than that room, read again (the one extra host call).
 */
async function currentOf(ctx: FlowContext, plan: ResultPlan, room: ResultPlan, read: CellValue[][] | undefined): Promise<CellValue[][] | undefined> {
  if (!plan.existing || !room.existing) return undefined;
  const rows = blockRows(plan.existing.target.block);
  if (rows <= blockRows(room.existing.target.block)) return (read ?? []).slice(0, rows);
  const [values] = await ctx.host.read(resultReads(plan));
  return values;
}
