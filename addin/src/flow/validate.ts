/**
 * 检查填报 — validates every department's S1 and S2 facts, marks each bad input cell with the
 * engine's message and clears the marks of cells that have been fixed (host.setMarks makes the
 * marks inside the input blocks exactly the current problems). Writes no cell value.
 */
import type { CellMark, Host } from '../host/host.js';
import type { ActionReport, FlowContext, FlowProblem, Locale } from './index.js';
import { errorsOnly, gather, inputProblems, noDepartments, type Gathered } from './workbook.js';
import { inAction } from './session.js';
import { tr } from './text.js';

/** One mark per cell; several problems on one cell share its note, one per line. */
export function marksFor(problems: FlowProblem[]): CellMark[] {
  const byCell = new Map<string, CellMark>();
  for (const p of problems) {
    if (!p.sheet || !p.address) continue;
    const id = `${p.sheet}\u0000${p.address}`;
    const mark = byCell.get(id);
    if (mark) {
      if (!mark.note.split('\n').includes(p.message)) mark.note += `\n${p.message}`;
    } else byCell.set(id, { sheet: p.sheet, address: p.address, note: p.message });
  }
  return [...byCell.values()];
}

export interface Checked {
  gathered: Gathered;
  problems: FlowProblem[];
}

/** Validates what `gather` read and refreshes the marks (one host call). */
export async function checkAndMark(host: Host, ctx: FlowContext, gathered: Gathered): Promise<Checked> {
  const problems: FlowProblem[] = [...gathered.damaged];
  for (const d of gathered.departments) problems.push(...inputProblems(ctx.engine, ctx.locale, d));
  if (gathered.markScope.length > 0) {
    const fills = gathered.departments.flatMap((d) => d.fills);
    // Problems of a whole template (damaged, copied) have no input cell to mark.
    // The ledger's warnings are listed, not marked: a mark means "fix this".
    const marks = marksFor(errorsOnly(problems).filter((p) => p.code !== 'template_damaged' && p.code !== 'copied_template'));
    await host.setMarks(gathered.markScope, marks, { fills });
  }
  return { gathered, problems };
}

export function problemSummary(locale: Locale, all: FlowProblem[]): string {
  const problems = errorsOnly(all);
  const warnings = all.length - problems.length;
  if (problems.length === 0) return warningSummary(locale, warnings);
  const departments = new Set(problems.map((p) => p.department).filter(Boolean)).size;
  return tr(
    locale,
    `发现 ${problems.length} 个问题${departments > 1 ? `（涉及 ${departments} 个院系）` : ''}，已在单元格上标出`,
    `${problems.length} problem${problems.length === 1 ? '' : 's'} found${departments > 1 ? ` in ${departments} departments` : ''}; the cells are marked`,
  ) + (warnings > 0 ? warningSummary(locale, warnings, true) : '');
}

/** "另有 N 条台账提醒": the ledger's warnings, which never block anything. */
export function warningSummary(locale: Locale, warnings: number, also = false): string {
  if (warnings === 0) return '';
  return also
    ? tr(locale, `；另有 ${warnings} 条台账提醒（不影响得分）`, `; also ${warnings} ledger warning${warnings === 1 ? '' : 's'} (scores unaffected)`)
    : tr(locale, `${warnings} 条台账提醒（不影响得分）`, `${warnings} ledger warning${warnings === 1 ? '' : 's'} (scores unaffected)`);
}

export async function validateWorkbook(ctx: FlowContext): Promise<ActionReport> {
  return inAction(ctx, () => validate(ctx));
}

async function validate(ctx: FlowContext): Promise<ActionReport> {
  const gathered = await gather(ctx.host, ctx.locale, { marks: true });
  if (gathered.departments.length === 0 && gathered.damaged.length === 0) {
    return { action: 'validate', ok: false, message: noDepartments(ctx.locale).message, problems: [noDepartments(ctx.locale)], written: [] };
  }
  const { problems } = await checkAndMark(ctx.host, ctx, gathered);
  const n = gathered.departments.length;
  const errors = errorsOnly(problems).length;
  const warnings = problems.length - errors;
  return {
    action: 'validate',
    ok: errors === 0,
    message:
      errors === 0
        ? tr(ctx.locale, `检查通过：${n} 个院系的自评栏和考评栏均无问题`, `All good: no problems in the self and assessor columns of ${n} department${n === 1 ? '' : 's'}`) +
          warningSummary(ctx.locale, warnings, true)
        : problemSummary(ctx.locale, problems),
    problems,
    written: [],
  };
}
