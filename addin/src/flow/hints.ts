/**
 * 怎样提高得分 — the engine's hints (RUBRIC.md §9) for one department, each tied to the input
 * cell its `path` names, so the pane, the web page and the 提升建议 sheet can say what to
 * change and take the user there.
 *
 * Which facts' hints: a department scores itself first, so the hints of its own facts (S1)
 * are always given. The final figure also rests on the assessors' score (S2); where the
 * assessors' values changed what a line would take (its S2 hints differ from its S1 hints),
 * the S2 hints of that line are given too, pointing at the assessor's cells. A line the
 * assessors left as reported shows its hints once.
 */
import type { LineScore } from '../engine/types.js';
import { cellAddress, parseBlock } from '../host/a1.js';
import { locate, type DepartmentData, type Location } from './read.js';
import type { Scored } from './workbook.js';

/** The engine's hint (`items[].hints[]`). */
export type Hint = LineScore['hints'][number];

export interface LocatedHint {
  /** The line's id ("C5") and name, its max and the score of the facts the hint is for. */
  line: string;
  lineName: string;
  max: number;
  score: number;
  /** Whose facts: the department's own (S1) or with the assessors' values (S2). */
  facts: 'self' | 'assessor';
  path: string;
  gain: number;
  /** The engine's sentence, in the locale the department was scored in. */
  text: string;
  /** The input cell to change. */
  sheet: string;
  address: string;
}

/** Best gain first; equal gains by path (the engine's order), then S1 before S2. */
export function byGain(a: LocatedHint, b: LocatedHint): number {
  return b.gain - a.gain || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || (a.facts === b.facts ? 0 : a.facts === 'self' ? -1 : 1);
}

function sameHints(a: Hint[], b: Hint[]): boolean {
  return a.length === b.length && a.every((h, i) => h.path === b[i].path && h.text === b[i].text && h.gain === b[i].gain);
}

/**
 * The cell a hint's path names. A major's inputs the ledger derives go to the ledger table's
 * first empty row. Paths that name a whole entry or list, not an input, go to the input to
 * fill: `majors[i]` (C2, a base lacking) to the first lacking base's cell;
 * `order_classes` (C3, C4: one more class) to the order-class table's first empty row.
 */
export function hintCell(data: DepartmentData, hint: Hint, column: 'self' | 'assessor'): Location {
  // With ledger rows a major's partners and bases are the ledger's (RUBRIC.md §7, §9): what
  // to change is a project to add, not the grey computed cell. (A3, which the calendar
  // derives, has no hints: missed reports cannot be undone.)
  if (data.ledger.self && LEDGER_DERIVED.test(hint.path)) return firstEmptyLedgerRow(data);
  const entry = /^majors\[\d+\]$/.test(hint.path);
  if (entry && Array.isArray(hint.needed) && typeof hint.needed[0] === 'string') {
    return strip(locate(data, `${hint.path}.${hint.needed[0]}`, column));
  }
  if (hint.path === 'order_classes') return firstEmptyClassRow(data);
  return strip(locate(data, hint.path, column));
}

/** The majors' inputs the ledger derives, and the entry C2's hints name. */
const LEDGER_DERIVED = /^majors\[\d+\](?:\.(?:partners|campus_base|external_base))?$/;

/** The ledger table's row under its last project (the rows read run to the first blank one), column A. */
function firstEmptyLedgerRow(data: DepartmentData): Location {
  const top = data.cells.get('projects')!.self!;
  const at = parseBlock(top.address);
  return { sheet: top.sheet, address: cellAddress(at.top + (data.ledger.self?.length ?? 0), at.left) };
}

function strip(at: Location & { column?: unknown }): Location {
  return { sheet: at.sheet, address: at.address };
}

/** The row under the last order class read (the table's first row when it has none). */
function firstEmptyClassRow(data: DepartmentData): Location {
  const classes = Array.isArray(data.self.order_classes) ? data.self.order_classes.length : 0;
  const last = classes > 0 ? data.cells.get(`order_classes[${classes - 1}].name`)?.self : undefined;
  if (!last) return strip(locate(data, 'order_classes', 'self'));
  const at = parseBlock(last.address);
  return { sheet: last.sheet, address: cellAddress(at.top + 1, at.left) };
}

function located(data: DepartmentData, line: LineScore, facts: 'self' | 'assessor'): LocatedHint[] {
  return line.hints.map((h) => ({
    line: line.id, lineName: line.name, max: line.max, score: line.score, facts,
    path: h.path, gain: h.gain, text: h.text, ...hintCell(data, h, facts),
  }));
}

/** Every hint of the department by the rule above, best gain first. */
export function departmentHints(data: DepartmentData, s1: Scored, s2: Scored): LocatedHint[] {
  const out: LocatedHint[] = [];
  for (const self of s1.items) {
    out.push(...located(data, self, 'self'));
    const assessor = s2.items.find((i) => i.id === self.id);
    if (!data.assessorBlank && assessor && !sameHints(self.hints, assessor.hints)) out.push(...located(data, assessor, 'assessor'));
  }
  return out.sort(byGain);
}
