/**
 * The golden case suites of tests/cases/ (format in tests/cases/README.md), for the add-in's
 * tests: the department cases with their patches applied, and the weighting cases.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const casesDir = fileURLToPath(new URL('../../../tests/cases/', import.meta.url));

/** One expected hint (RUBRIC.md §9); the add-in's runners accept it and leave it to the engine's. */
export interface ExpectedHint {
  path: string;
  current: unknown;
  needed: unknown;
  gain: number;
  text?: string;
}

export interface ExpectedLine {
  base: number;
  deduction: number;
  bonus: number;
  score: number;
  hints?: ExpectedHint[];
}

/** A compliance warning of the project ledger (RUBRIC.md §7); these runners do not check them. */
export interface ExpectedWarning {
  path: string;
  code: string;
}

export interface DepartmentCase {
  suite: string;
  description: string;
  facts: Record<string, unknown>;
  expect:
    | { ok: true; items?: Record<string, ExpectedLine>; total?: number; warnings?: ExpectedWarning[]; notes?: Record<string, string[]> }
    | { ok: false; errors: Array<{ path: string; code: string }>; warnings?: ExpectedWarning[] };
}

/**
 * Facts with a project ledger (`projects`) or a report calendar (`reports.months`): the custom
 * functions take cell values and have no argument for either, so these cases (RUBRIC.md §7,
 * §8; tests/cases/ledger.json) are the engine's to check, not the functions'.
 */
function usesLedgerOrCalendar(facts: Record<string, unknown>): boolean {
  const reports = facts.reports;
  const months = reports !== null && typeof reports === 'object' ? (reports as Record<string, unknown>).months : undefined;
  return (facts.projects !== undefined && facts.projects !== null) || (months !== undefined && months !== null);
}

/** RFC 7386 JSON merge patch: objects merge key by key, null deletes, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

const SPECIAL = new Set(['base-facts.json', 'weighting.json']);

export function departmentCases(): DepartmentCase[] {
  const base = JSON.parse(readFileSync(`${casesDir}base-facts.json`, 'utf8')) as unknown;
  const out: DepartmentCase[] = [];
  for (const file of readdirSync(casesDir).filter((f) => f.endsWith('.json') && !SPECIAL.has(f)).sort()) {
    const suite = JSON.parse(readFileSync(`${casesDir}${file}`, 'utf8')) as {
      suite: string;
      cases: Array<{ description: string; patch?: unknown; facts?: Record<string, unknown>; expect: DepartmentCase['expect'] }>;
    };
    for (const c of suite.cases) {
      const facts = (c.facts ?? mergePatch(base, c.patch ?? {})) as Record<string, unknown>;
      if (usesLedgerOrCalendar(facts)) continue;
      out.push({ suite: `${file}: ${suite.suite}`, description: c.description, facts, expect: c.expect });
    }
  }
  return out;
}

export interface WeightedCase {
  description: string;
  s1: unknown;
  s2: unknown;
  final?: number;
  error?: { code: string };
}

export function weightedCases(): WeightedCase[] {
  return (JSON.parse(readFileSync(`${casesDir}weighting.json`, 'utf8')) as { weighted: WeightedCase[] }).weighted;
}
