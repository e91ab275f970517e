/**
 * Facts as the flow builds them for the engine (RUBRIC.md §3): plain objects filled path by
 * path from cells, a blank cell left out (missing, never zero). Shared by the facts sheet's
 * reader (read.ts) and the ledger's (ledger.ts).
 */
import type { CellValue } from '../host/host.js';

export type Facts = Record<string, unknown>;

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Sets `value` at a dotted path ("internship.local"), making the objects on the way. */
export function setPath(target: Facts, path: string, value: unknown): void {
  const parts = path.split('.');
  let obj = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof obj[part] !== 'object' || obj[part] === null) obj[part] = {};
    obj = obj[part] as Facts;
  }
  obj[parts[parts.length - 1]] = value;
}
