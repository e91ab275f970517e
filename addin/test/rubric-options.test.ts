/**
 * The golden cases that carry a `rubric_patch` (tests/cases/options/, worked by hand from
 * RUBRIC.md), through the add-in's own engine face: the built-in rubric with the patch applied
 * is handed over as `options.rubric`, so every [option] (`down`, `exclusive`,
 * `per_major_with_extra`, per-ratio rounding, decimals) scores the same here as natively and
 * in Wasm, and an overflowing or malformed rubric is refused with its located problems.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { casesDir, mergePatch } from './support/golden.js';
import { testEngine } from './support/engine.js';

type Json = Record<string, unknown>;
const engine = testEngine();
const builtin = JSON.parse(readFileSync(new URL('../../rubrics/2023-trial.json', import.meta.url), 'utf8')) as Json;
const base = JSON.parse(readFileSync(`${casesDir}base-facts.json`, 'utf8')) as Json;

/** As tests/common/patch.rs: `lines` in a patch is keyed by line id; the rest merges as RFC 7386. */
function patchedRubric(patch: Json): Json {
  const { lines, ...rest } = patch as { lines?: Record<string, unknown> } & Json;
  const rubric = structuredClone(builtin) as { lines: Array<Json> } & Json;
  for (const [id, linePatch] of Object.entries(lines ?? {})) {
    const at = rubric.lines.findIndex((l) => l.id === id);
    assert.ok(at >= 0, `rubric_patch names no line ${id}`);
    rubric.lines[at] = mergePatch(rubric.lines[at], linePatch) as Json;
  }
  return mergePatch(rubric, rest) as Json;
}

interface Hint {
  path: string;
  current: unknown;
  needed: unknown;
  gain: number;
  text?: string;
}

interface OptionCase {
  description: string;
  patch?: Json;
  rubric_patch: Json;
  expect: { ok: boolean; items?: Record<string, { base: number; deduction: number; bonus: number; score: number; hints?: Hint[] }>; total?: number; deduction_total?: number; bonus_total?: number; categories?: Record<string, number>; errors?: Array<{ path: string; code: string }> };
}

const files = readdirSync(`${casesDir}options`).filter((f) => f.endsWith('.json')).sort();

describe('rubric options through the add-in', () => {
  let count = 0;
  for (const file of files) {
    const suite = JSON.parse(readFileSync(`${casesDir}options/${file}`, 'utf8')) as { cases: OptionCase[] };
    for (const c of suite.cases) {
      count++;
      it(c.description, () => {
        const facts = mergePatch(base, c.patch ?? {});
        const result = engine.scoreDepartment(facts, { rubric: patchedRubric(c.rubric_patch) }) as unknown as Json & {
          ok: boolean;
          items?: Array<{ id: string; base: number; deduction: number; bonus: number; score: number; hints?: Hint[] }>;
          categories?: Array<{ id: string; score: number }>;
          errors?: Array<{ path: string; code: string }>;
        };
        assert.equal(result.ok, c.expect.ok, JSON.stringify(result.errors ?? '').slice(0, 300));
        if (!c.expect.ok) {
          const got = (result.errors ?? []).map((e) => `${e.path} ${e.code}`).sort();
          assert.deepEqual(got, (c.expect.errors ?? []).map((e) => `${e.path} ${e.code}`).sort());
          return;
        }
        for (const [id, want] of Object.entries(c.expect.items ?? {})) {
          const item = result.items?.find((i) => i.id === id);
          assert.ok(item, `line ${id}`);
          const { hints, ...numbers } = want;
          assert.deepEqual({ base: item.base, deduction: item.deduction, bonus: item.bonus, score: item.score }, numbers, id);
          if (hints) {
            // The hints of RUBRIC.md §9, as the golden file states them (text checked when given).
            const got = (item.hints ?? []).map((h) => ({ path: h.path, current: h.current, needed: h.needed, gain: h.gain, ...(hints.some((w) => w.text !== undefined) ? { text: h.text } : {}) }));
            assert.deepEqual(got, hints.map((h) => ({ ...h })), `${id} hints`);
          }
        }
        for (const key of ['total', 'deduction_total', 'bonus_total'] as const) {
          if (c.expect[key] !== undefined) assert.equal(result[key], c.expect[key], key);
        }
        for (const [id, score] of Object.entries(c.expect.categories ?? {})) {
          assert.equal(result.categories?.find((k) => k.id === id)?.score, score, `category ${id}`);
        }
      });
    }
  }
  it('ran every option case', () => assert.ok(count >= 18, `${count} cases`));
});
