/**
 * Every action is one session with the host: it looks, then changes, then `flush` sends what
 * the host queued (Excel: the action's last round trip). When the action fails half-way (the
 * host itself threw), what was queued is dropped, so nothing of a half-done action lands.
 */
import { WriteConflict, type Host, type RangeRef } from '../host/host.js';
import type { ActionReport, FlowContext } from './index.js';
import { foreignMessage, foreignProblem } from './own.js';

/**
 * Runs `action` as one session; `onConflict` turns a flush the host refused because cells
 * changed between the action's check and its write (`WriteConflict`) into the answer.
 */
export async function inSession<T>(host: Host, action: () => Promise<T>, onConflict?: (cells: RangeRef[], result: T) => T): Promise<T> {
  let result: T;
  try {
    result = await action();
  } catch (error) {
    // The action's own error is the one to report, even if dropping the queue fails too.
    try {
      await host.discard();
    } catch {
      // nothing more to drop
    }
    throw error;
  }
  try {
    await host.flush();
  } catch (error) {
    if (error instanceof WriteConflict && onConflict) return onConflict(error.cells, result);
    throw error;
  }
  return result;
}

/**
 * An action's session. A user who typed into an output cell while the action ran (Excel lets
 * them between two round trips) made that cell foreign after the check: the host put every
 * checked block back as it found it, and the action reports the cells, nothing written.
 */
export function inAction(ctx: FlowContext, action: () => Promise<ActionReport>): Promise<ActionReport> {
  return inSession(ctx.host, action, (cells, report) => {
    const problems = cells.map((c) => foreignProblem(ctx.locale, c.sheet, c.address));
    return { action: report.action, ok: false, message: foreignMessage(ctx.locale, problems), problems, written: [] };
  });
}
