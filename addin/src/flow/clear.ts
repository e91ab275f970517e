/**
 * 清除标记 and 清除得分 — taking back what the add-in put into a workbook, with the same care
 * as putting it there.
 *
 * - `clearMarks` takes every mark off the departments' inputs (fill and note), giving back
 *   the user's own note and the template's colour, and also finds marks whose note the user
 *   deleted (`sweep`). It changes no value.
 * - `clearScores` empties the score sheets' output cells (scores, reasons, Sm) and their
 *   records, after the same ownership check as fillScores: if any of those cells holds
 *   something the add-in did not write, nothing is cleared and the cells are named. With
 *   them go the majors' computed cells a ledger since emptied left (../flow/derived.ts); the
 *   departments' facts, the heading line and the 汇总 / 年度考核 sheets stay as they are.
 */
import type { WriteBlock } from '../host/host.js';
import type { ActionReport, FlowContext, FlowProblem } from './index.js';
import { foreignMessage, foreignProblems, ownedWrite, padTo, readRef } from './own.js';
import { scorePlaces } from './fill.js';
import { staleClears } from './derived.js';
import { inAction } from './session.js';
import { tr } from './text.js';
import { gather, noDepartments } from './workbook.js';

export async function clearMarks(ctx: FlowContext): Promise<ActionReport> {
  return inAction(ctx, async () => {
    const { host, locale } = ctx;
    const gathered = await gather(host, locale, { marks: true });
    if (gathered.departments.length === 0 && gathered.damaged.length === 0) {
      return { action: 'clearMarks', ok: false, message: noDepartments(locale).message, problems: [noDepartments(locale)], written: [] };
    }
    const fills = gathered.departments.flatMap((d) => d.fills);
    await host.setMarks(gathered.markScope, [], { fills, sweep: true });
    const n = gathered.departments.length + gathered.damaged.length;
    return {
      action: 'clearMarks',
      ok: true,
      message: tr(locale, `已清除 ${n} 个院系填报表上的标记（单元格内容未改动）`, `Marks cleared from the facts sheets of ${n} department${n === 1 ? '' : 's'} (no value changed)`),
      problems: [],
      written: [],
    };
  });
}

export async function clearScores(ctx: FlowContext): Promise<ActionReport> {
  return inAction(ctx, async () => {
    const { host, locale } = ctx;
    const gathered = await gather(host, locale, { scores: true });
    const fail = (problems: FlowProblem[], message: string): ActionReport => ({ action: 'clearScores', ok: false, message, problems, written: [] });
    if (gathered.departments.length === 0 && gathered.damaged.length === 0) return fail([noDepartments(locale)], noDepartments(locale).message);
    // A damaged template's output cells cannot be told apart: clear nothing, say which.
    if (gathered.damaged.length > 0) return fail(gathered.damaged, gathered.damaged[0].message);
    const planned = gathered.departments.map((d) => {
      const { out } = scorePlaces(d.places);
      return { owned: out, current: gathered.cells.get(readRef(out)), department: d.department };
    });
    const foreign = foreignProblems(locale, planned);
    if (foreign.length > 0) return fail(foreign, foreignMessage(locale, foreign, { zh: '未清除任何内容', en: 'Nothing cleared' }));
    // With them, the majors' computed cells a ledger since emptied left (a person's stay).
    const stale = gathered.departments.map(staleClears);
    const writes: WriteBlock[] = [...planned.map((p) => ownedWrite(p.owned, padTo([], p.owned.block), p.current)), ...stale.flatMap((c) => c.writes)];
    await host.write(writes);
    const formats = stale.flatMap((c) => c.formats);
    if (formats.length > 0) await host.format(formats);
    const n = planned.length;
    const left = stale.reduce((sum, c) => sum + c.formats.length, 0);
    return {
      action: 'clearScores',
      ok: true,
      message: tr(locale, `已清除 ${n} 个院系评分表中加载项写入的得分`, `Scores the add-in wrote cleared from ${n} department${n === 1 ? '' : 's'}' score sheets`) +
        (left > 0 ? tr(locale, `，以及台账清空后专业表中留下的 ${left} 个计算值`, `, and ${left} value${left === 1 ? '' : 's'} the emptied ledger left in the majors tables`) : ''),
      problems: [],
      written: writes.map((w) => ({ sheet: w.sheet, address: w.address })),
    };
  });
}
