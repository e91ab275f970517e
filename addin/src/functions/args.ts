/**
 * Reading custom-function arguments as hosts deliver them. Excel gives a scalar for a
 * scalar parameter and a 2D array for a range; WPS may hand a 1×1 array even for a single
 * cell. Values themselves are passed to the engine raw: it alone reads "１２", "是", "√",
 * so both hosts give the same reading and the same messages. This module only fixes shapes.
 */
import type { Raw } from '../engine/types.js';
import { FunctionArgError } from './errors.js';

export type Locale = 'zh' | 'en';

/** Anything a host may pass: a cell value, a 2D block, or nothing. */
export type ArgValue = unknown;

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function isCell(value: unknown): value is Raw {
  return value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value);
}

function is2D(value: unknown): value is unknown[][] {
  return Array.isArray(value) && value.every((row) => Array.isArray(row));
}

function describe(value: unknown): string {
  if (is2D(value)) return `${value.length}×${value[0]?.length ?? 0}`;
  return String(value);
}

/** One cell's raw value; a 1×1 block is unwrapped (WPS passes ranges even for single cells). */
export function cell(value: ArgValue, param: string, locale: Locale): Raw {
  if (is2D(value)) {
    if (value.length === 1 && value[0].length === 1 && isCell(value[0][0])) return value[0][0];
    throw new FunctionArgError(
      locale === 'zh'
        ? `「${param}」应为单个单元格，收到 ${describe(value)} 的区域`
        : `"${param}" must be a single cell, got a ${describe(value)} range`,
    );
  }
  if (isCell(value)) return value;
  throw new FunctionArgError(
    locale === 'zh' ? `「${param}」不是单元格的值：${describe(value)}` : `"${param}" is not a cell value: ${describe(value)}`,
  );
}

/** A range as a flat list of cells: one column (read down) or one row (read across). */
function vector(value: ArgValue, param: string, locale: Locale): Raw[] {
  if (!is2D(value)) return [cell(value, param, locale)];
  const rows = value.length;
  const cols = rows === 0 ? 0 : value[0].length;
  let cells: unknown[];
  if (cols <= 1) cells = value.map((row) => row[0]);
  else if (rows === 1) cells = value[0];
  else {
    throw new FunctionArgError(
      locale === 'zh'
        ? `「${param}」应为单列或单行区域，收到 ${rows} 行 × ${cols} 列`
        : `"${param}" must be a single column or row, got ${rows} rows × ${cols} columns`,
    );
  }
  return cells.map((c) => cell(c, param, locale));
}

/**
 * Parallel lists read from ranges of the same table (e.g. the campus and external base
 * columns of the per-major table). A user selects a generous range (B5:B30) for a table that
 * grows, so the first row where every list is blank ends the lists; a blank inside a row
 * that has other values stays as a missing value, which the engine reports by position.
 */
export function lists(values: ArgValue[], params: string[], locale: Locale): Raw[][] {
  const vectors = values.map((v, i) => vector(v, params[i], locale));
  const longest = Math.max(0, ...vectors.map((v) => v.length));
  let length = 0;
  while (length < longest && !vectors.every((v) => isBlank(v[length]))) length += 1;
  return vectors.map((v) => Array.from({ length }, (_, i) => (i < v.length ? v[i] : null)));
}

/** A single list read from one range; the first blank cell ends it. */
export function list(value: ArgValue, param: string, locale: Locale): Raw[] {
  return lists([value], [param], locale)[0];
}

/** One value of an `output` argument: the words that choose it (its number is its place). */
export interface OutputChoice<M extends string> {
  mode: M;
  /** Shown in the message for a value that is none of the choices. */
  label: { zh: string; en: string };
  /** Words that choose it besides its number, compared in lower case. */
  words: readonly string[];
}

/**
 * Reads an `output` argument: blank (or FALSE) is the first choice, TRUE the second, a number
 * its place in `choices`, or one of its words; anything else is refused, listing the choices.
 */
export function outputChoice<M extends string>(value: ArgValue, param: string, locale: Locale, choices: readonly OutputChoice<M>[]): M {
  const raw = cell(value, param, locale);
  if (isBlank(raw) || raw === false) return choices[0].mode;
  if (raw === true && choices.length > 1) return choices[1].mode;
  const word = String(raw).trim().toLowerCase();
  const found = choices.find((c, i) => word === String(i) || c.words.includes(word));
  if (found) return found.mode;
  const listed = choices.map((c, i) => (locale === 'zh' ? `${i}（${c.label.zh}）` : `${i} (${c.label.en})`));
  const last = listed.pop();
  throw new FunctionArgError(
    locale === 'zh'
      ? `「${param}」应为 ${listed.join('、')}或 ${last}，收到「${String(raw)}」`
      : `"${param}" must be ${listed.join(', ')} or ${last}, got "${String(raw)}"`,
  );
}

/** What a line function returns: its score, its reason, the whole detail row, or its first hint. */
export type OutputMode = 'score' | 'note' | 'detail' | 'hint';

const LINE_OUTPUTS: readonly OutputChoice<OutputMode>[] = [
  { mode: 'score', label: { zh: '得分', en: 'score' }, words: ['score', '得分'] },
  { mode: 'note', label: { zh: '原因', en: 'reason' }, words: ['note', 'why', 'reason', '说明', '原因'] },
  { mode: 'detail', label: { zh: '明细', en: 'detail' }, words: ['detail', '明细'] },
  { mode: 'hint', label: { zh: '提升建议', en: 'hint' }, words: ['hint', '提示', '建议', '提升建议'] },
];

export function outputMode(value: ArgValue, param: string, locale: Locale): OutputMode {
  return outputChoice(value, param, locale, LINE_OUTPUTS);
}

/** An optional argument is given only if it is not blank (Excel passes null when omitted). */
export function optional(value: Raw): Raw | undefined {
  return isBlank(value) ? undefined : value;
}
