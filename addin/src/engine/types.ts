/**
 * The engine's JavaScript face (RUBRIC.md §5 and §6), as TypeScript types. The result types
 * are generated from the Rust structs that produce them (`src/report.rs`, through tsify into
 * `pkg/coop_engine.d.ts`, made by `scripts/build-wasm.sh`): they cannot drift from what the
 * engine returns. Only the call signatures and their arguments are written here, since
 * wasm-bindgen types the arguments as `any`.
 */
import type {
  CategoryOut,
  CollegeOut,
  CreditCodeCheck,
  Department,
  Derived,
  DerivedValue,
  DepartmentTargetsResult,
  Errors,
  Item,
  LineOut,
  MissedMonths,
  PlatformOut,
  ProblemOut,
  Ranked,
  RubricInfo as GeneratedRubricInfo,
  TargetOut,
  Validation,
} from '../../../pkg/coop_engine.js';

/** A raw cell value or plain JSON: the engine reads "１２", "是", "√", " 12 " itself. */
export type Raw = string | number | boolean | null | undefined;

/** `{ path, code, message }`: which input, a stable code, and the message in the locale asked for. */
export type Problem = ProblemOut;
/** One scored line (`items[]`). */
export type LineScore = Item;
/** A category's total (`categories[]`). */
export type CategoryScore = CategoryOut;
/** `scoreDepartment`'s answer: the score sheet, or `{ ok: false, errors }`. */
export type ScoreResult = Department | Errors;
/** `validateFacts`' answer. */
export type ValidationResult = Validation;
/** `scoreLine`'s answer. */
export type LineResult = LineOut | Errors;
/** One row of `rankDepartments`' answer. */
export type RankedRow = Ranked;
/** `rubricInfo()`: the rubric in use as data. */
export type RubricInfo = GeneratedRubricInfo;
export type { CreditCodeCheck, MissedMonths };

/**
 * One column of a sheet's 月报 block, for `missedMonths`: the month heading as typed (a month
 * key like "2023-09", or a date or serial in the month), the date the report went through OA,
 * and the assessors' mark (empty, or 退回 / 不合格 / rejected).
 */
export interface ReportColumn {
  month: Raw;
  date: Raw;
  review?: Raw;
}

/** `platformTargets`' answer (RUBRIC.md §10): each department's targets, then the college's. */
export type PlatformResult = PlatformOut;
/** `derivedInputs`' answer: the inputs the ledger and the calendar stand for, or the errors. */
export type DerivedResult = Derived;
/** One derived input: `{ path: "majors[0].partners", value: 2 }`, `{ path: "reports.due", value: 8 }`. */
export type DerivedInput = DerivedValue;
/** One department of it: its targets, or (facts that fail validation) its errors. */
export type DepartmentTargets = DepartmentTargetsResult;
/** One target of one department: `{ id, name, actual, target, met, note }`. */
export type TargetRow = TargetOut;
/** The college's figure for one target, with how many departments met and reported it. */
export type CollegeTarget = CollegeOut;

export interface Options {
  /** "zh" (default) or "en". */
  locale?: 'zh' | 'en';
  /**
   * Another rubric in the format of rubrics/2023-trial.json (an object or its JSON text)
   * instead of the built-in one; a malformed one is refused with every problem located.
   */
  rubric?: unknown;
}

export interface RankRow {
  department: string;
  s1: Raw;
  s2: Raw;
}

export interface Engine {
  /** Facts (RUBRIC.md §3, raw cell values allowed) → result; never throws on bad facts. */
  scoreDepartment(facts: unknown, options?: Options): ScoreResult;
  validateFacts(facts: unknown, options?: Options): ValidationResult;
  /**
   * Scores one rubric line ("A1" … "C7") from only the facts that line reads (e.g. C5 needs
   * just `{internship: {local, total}}`); the custom functions use it. Never throws on bad facts.
   */
  scoreLine(lineId: string, facts: unknown, options?: Options): LineResult;
  /** S1 × 40% + S2 × 60%, rounded; throws an Error with a Chinese message on bad input. */
  weightedScore(s1: Raw, s2: Raw, options?: Options): number;
  /** Rows in input order with `final` and `rank` (ties share a rank; the next rank skips). */
  rankDepartments(rows: RankRow[], options?: Options): RankedRow[];
  /** The built-in rubric as data: lines (id, name, category, max, bonus_cap, rule), weights, decimals. */
  rubricInfo(): RubricInfo;
  /**
   * The platform targets (RUBRIC.md §10) of departments' facts, in input order, and the
   * college's figures; a department whose facts fail validation gets its errors instead.
   */
  platformTargets(factsList: unknown[], options?: Options): PlatformResult;
  /**
   * Whole days from signing to filing (RUBRIC.md §7; any date form, 1900-system serials
   * included); throws an Error with the located message for an empty or unreadable date or a
   * filing before the signing.
   */
  filingDays(signed: Raw, filed: Raw, options?: Options): number;
  /** Checks a 统一社会信用代码 by GB 32100-2015 as the ledger does; never throws. */
  creditCode(code: Raw, options?: Options): CreditCodeCheck;
  /**
   * The due months of `year` ("2023-2024") with each report's status and the A3 note (RUBRIC.md
   * §8), from `reports.months` or from a sheet's columns; throws every problem at once.
   */
  missedMonths(year: Raw, months: Record<string, Raw> | ReportColumn[], options?: Options): MissedMonths;
  /**
   * The inputs the project ledger (RUBRIC.md §7) and the report calendar (§8) derive, as
   * data: each major's partners and bases, then `reports.due` and `reports.missed`; or the
   * problems that stop the derivation. Values typed for those inputs are not looked at.
   */
  derivedInputs(facts: unknown, options?: Options): DerivedResult;
}
