/**
 * The engine's JavaScript face (RUBRIC.md §5 and §6), as TypeScript types. The Wasm module
 * built from the Rust crate (`pkg/coop_engine.js` at the repository root, made by
 * `scripts/build-wasm.sh`) exports these functions; `engine.ts` instantiates it
 * synchronously from bytes embedded in the bundle and hands out an `Engine`.
 */

/** A raw cell value or plain JSON: the engine reads "１２", "是", "√", " 12 " itself. */
export type Raw = string | number | boolean | null | undefined;

export interface Problem {
  /** Which input, e.g. "internship.local", "majors[2].partners", "order_classes[0].major". */
  path: string;
  /** Stable code: missing, not_a_number, not_an_integer, negative, not_a_bool, unknown_choice,
   * out_of_range, exceeds_total, zero_total, no_majors, duplicate_major, unknown_major. */
  code: string;
  /** Chinese (or English when the locale asks) message naming the value and what was expected. */
  message: string;
}

export interface LineScore {
  id: string;
  name: string;
  category: string;
  max: number;
  bonus_cap: number;
  base: number;
  deduction: number;
  bonus: number;
  score: number;
  notes: string[];
}

export interface CategoryScore {
  id: string;
  name: string;
  max: number;
  score: number;
}

export type ScoreResult =
  | {
      ok: true;
      department: string;
      rubric: string;
      items: LineScore[];
      categories: CategoryScore[];
      deduction_total: number;
      bonus_total: number;
      total: number;
    }
  | { ok: false; errors: Problem[] };

export interface Options {
  /** "zh" (default) or "en". */
  locale?: 'zh' | 'en';
}

export interface RankRow {
  department: string;
  s1: Raw;
  s2: Raw;
}

export interface RankedRow {
  department: string;
  s1: number;
  s2: number;
  final: number;
  rank: number;
}

export interface Engine {
  /** Facts (RUBRIC.md §3, raw cell values allowed) → result; never throws on bad facts. */
  scoreDepartment(facts: unknown, options?: Options): ScoreResult;
  validateFacts(facts: unknown, options?: Options): { ok: boolean; errors: Problem[] };
  /**
   * Scores one rubric line ("A1" … "C7") from only the facts that line reads (e.g. C5 needs
   * just `{internship: {local, total}}`); the custom functions use it. Never throws on bad facts.
   */
  scoreLine(lineId: string, facts: unknown, options?: Options): { ok: true; item: LineScore } | { ok: false; errors: Problem[] };
  /** S1 × 40% + S2 × 60%, rounded; throws an Error with a Chinese message on bad input. */
  weightedScore(s1: Raw, s2: Raw, options?: Options): number;
  /** Rows in input order with `final` and `rank` (ties share a rank; the next rank skips). */
  rankDepartments(rows: RankRow[], options?: Options): RankedRow[];
  /** The built-in rubric as data: lines (id, name, category, max, bonus_cap, kind, params), weights, decimals. */
  rubricInfo(): RubricInfo;
}

export interface RubricInfo {
  id: string;
  title: string;
  source: string;
  weights: { self: number; assessor: number };
  decimals: number;
  max_total: number;
  categories: Array<{ id: string; name: string; max: number }>;
  lines: Array<{ id: string; category: string; name: string; max: number; bonus_cap: number; rule: Record<string, unknown> & { kind: string } }>;
}
