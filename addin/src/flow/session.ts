/**
 * Every action is one session with the host: it looks, then changes, then `flush` sends what
 * the host queued (Excel: the action's last round trip). When the action fails half-way (the
 * host itself threw), what was queued is dropped, so nothing of a half-done action lands.
 */
import type { Host } from '../host/host.js';

export async function inSession<T>(host: Host, action: () => Promise<T>): Promise<T> {
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
  await host.flush();
  return result;
}
