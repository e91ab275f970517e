/**
 * The golden department cases (tests/cases/*.json, worked by hand from RUBRIC.md) run through
 * the whole workbook flow: the facts are typed into a fresh template's cells, fillScores writes
 * the score sheet, and the numbers read back from the cells must be the case's numbers. Error
 * cases must give exactly their {path, code} problems from validateWorkbook, each on a cell.
 *
 * A case whose facts a sheet cannot hold (a list that is not a list, an entry that is not a
 * row, a number where the template has a text column) is counted and listed, not silently
 * passed: the engine's own tests cover those.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fillScores, insertTemplate, validateWorkbook } from '../src/flow/index.js';
import { departmentKey, nameOf } from '../src/flow/names.js';
import type { CellValue } from '../src/host/host.js';
import { FACT_FIELDS, MAJOR_COLUMNS, CLASS_COLUMNS } from '../src/template/fields.js';
import { MemoryHost } from './support/memory-host.js';
import { baseFacts, context, typeFacts, type Json } from './support/flow-fixture.js';

const dir = fileURLToPath(new URL('../../tests/cases/', import.meta.url));

interface Case {
  description: string;
  patch?: Json;
  facts?: Json;
  expect: {
    ok?: boolean;
    items?: Record<string, { base: number; deduction: number; bonus: number; score: number }>;
    total?: number;
    deduction_total?: number;
    bonus_total?: number;
    errors?: Array<{ path: string; code: string }>;
  };
}

function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const out: Json = typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as Json) } : {};
  for (const [k, v] of Object.entries(patch as Json)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

const SCALAR = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** Why a sheet cannot hold these facts, or undefined when it can. */
function unrepresentable(f: Json): string | undefined {
  if (f.department !== undefined && !SCALAR(f.department)) return 'department name is not a cell value';
  const known = new Set(['department', 'year', 'majors', 'order_classes', ...FACT_FIELDS.map((x) => x.path.split('.')[0])]);
  for (const k of Object.keys(f)) if (!known.has(k)) return `unknown key ${k}`;
  for (const field of FACT_FIELDS) {
    const parts = field.path.split('.');
    let v: unknown = f;
    for (const p of parts) {
      if (v === undefined) break;
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${field.path}: parent is not an object`;
      v = (v as Json)[p];
    }
    if (v !== undefined && !SCALAR(v)) return `${field.path} is not a cell value`;
  }
  for (const [list, columns] of [['majors', MAJOR_COLUMNS], ['order_classes', CLASS_COLUMNS]] as const) {
    const rows = f[list];
    if (rows === undefined) return `${list} absent (a sheet always has the table, maybe empty)`;
    if (!Array.isArray(rows)) return `${list} is not a list`;
    for (const r of rows) {
      if (typeof r !== 'object' || r === null || Array.isArray(r)) return `${list} entry is not a row`;
      for (const [k, v] of Object.entries(r as Json)) {
        if (!columns.some((c) => c.key === k)) return `${list}.${k} has no column`;
        if (!SCALAR(v)) return `${list}.${k} is not a cell value`;
      }
      // A row with every cell blank ends the table in a sheet.
      if (columns.every((c) => (r as Json)[c.key] === undefined || (r as Json)[c.key] === null || (r as Json)[c.key] === '')) return `${list} has a blank row`;
    }
  }
  return undefined;
}

const cases: Array<{ file: string; c: Case }> = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && !['base-facts.json', 'weighting.json'].includes(f)).sort()) {
  const suite = JSON.parse(readFileSync(dir + file, 'utf8')) as { cases?: Case[] };
  for (const c of suite.cases ?? []) cases.push({ file, c });
}

test('golden cases run through the workbook give the hand-worked numbers and errors', async () => {
  assert.ok(cases.length > 50, 'the golden suites are there');
  const skipped: string[] = [];
  const failures: string[] = [];
  const check = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      failures.push(e instanceof Error ? e.message.split('\n')[0] + ' ' + JSON.stringify((e as { actual?: unknown }).actual) : String(e));
    }
  };
  let checked = 0;
  for (const { file, c } of cases) {
    const facts = (c.facts ?? mergePatch(baseFacts(), c.patch ?? {})) as Json;
    const why = unrepresentable(facts);
    if (why) {
      skipped.push(`${file}: ${c.description} (${why})`);
      continue;
    }
    const label = `${file}: ${c.description}`;
    const host = new MemoryHost();
    const ctx = context(host);
    // A blank department name is typed over the name the template was inserted with.
    const named = typeof facts.department === 'string' && facts.department.trim() !== '';
    const department = named ? String(facts.department) : '待填院系';
    await insertTemplate(ctx, { department, year: typeof facts.year === 'string' ? facts.year : undefined });
    typeFacts(host, { ...facts, department });
    if (!named) {
      const cell = host.name(nameOf(departmentKey(department), 'department'))!;
      host.set(cell.sheet, cell.address, (facts.department ?? null) as CellValue);
    }
    if (c.expect.ok === false) {
      const r = await validateWorkbook(ctx);
      const got = r.problems.map((p) => `${p.path} ${p.code}`).sort();
      const want = (c.expect.errors ?? []).map((e) => `${e.path} ${e.code}`).sort();
      check(() => assert.deepEqual(got, want, label));
      for (const p of r.problems) check(() => assert.ok(p.sheet && p.address && host.mark(p.sheet, p.address), `${label}: ${p.path} marked`));
    } else {
      const r = await fillScores(ctx);
      if (!r.ok) {
        failures.push(`${label}: ${r.message} ${JSON.stringify(r.problems.map((p) => [p.path, p.code]))}`);
        continue;
      }
      const key = departmentKey(department);
      const out = host.name(nameOf(key, 'out'))!;
      const lines = host.name(nameOf(key, 'lines'))!;
      const values = host.getBlock(out.sheet, out.address);
      const ids = host.getBlock(lines.sheet, lines.address).map((row) => String(row[0]));
      for (const [id, e] of Object.entries(c.expect.items ?? {})) {
        const row: CellValue[] = values[ids.indexOf(id)];
        check(() => assert.deepEqual(row.slice(0, 4), [e.base, e.deduction, e.bonus, e.score], `${label}: ${id}`));
      }
      const total = values[ids.length];
      check(() => {
        if (c.expect.total !== undefined) assert.equal(total[3], c.expect.total, `${label}: total`);
        if (c.expect.deduction_total !== undefined) assert.equal(total[1], c.expect.deduction_total, `${label}: deductions`);
        if (c.expect.bonus_total !== undefined) assert.equal(total[2], c.expect.bonus_total, `${label}: bonuses`);
      });
    }
    checked++;
  }
  console.log(`golden cases through the workbook: ${checked} checked, ${skipped.length} not representable in a sheet${skipped.length ? `:\n  ${skipped.join('\n  ')}` : ''}`);
  assert.deepEqual(failures, []);
  assert.ok(checked >= cases.length * 0.8, 'most cases are checked through the sheet');
});

interface RankingCase {
  description: string;
  rows: Array<{ department: string; s1: number; s2: number }>;
  expect?: Array<{ department: string; final: number; rank: number }>;
  error?: { path: string; code: string };
}

test('golden ranking cases through buildSummary give the finals and shared ranks in the 汇总 sheet', async () => {
  const { buildSummary } = await import('../src/flow/index.js');
  const { SUMMARY_NAME } = await import('../src/flow/names.js');
  const suite = JSON.parse(readFileSync(dir + 'weighting.json', 'utf8')) as { ranking: RankingCase[] };
  assert.ok(suite.ranking.length > 5);
  for (const c of suite.ranking) {
    const host = new MemoryHost();
    const r = await buildSummary(context(host), c.rows);
    if (c.error) {
      assert.equal(r.ok, false, c.description);
      assert.equal(r.problems[0].code, 'bad_record', c.description);
      assert.ok(r.message.includes(c.error.path), `${c.description}: ${r.message}`);
      assert.deepEqual(host.sheetNames(), [], `${c.description}: nothing written`);
      continue;
    }
    assert.equal(r.ok, true, `${c.description}: ${r.message}`);
    const n = host.name(SUMMARY_NAME)!;
    const sheetRows = host.getBlock(n.sheet, n.address).slice(2);
    const got = new Map(sheetRows.map((row) => [String(row[1]), [row[4], row[0]]]));
    for (const e of c.expect ?? []) assert.deepEqual(got.get(e.department), [e.final, e.rank], `${c.description}: ${e.department}`);
    const ranks = sheetRows.map((row) => Number(row[0]));
    assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), `${c.description}: sorted by rank`);
    for (const row of sheetRows) for (const v of row.slice(2, 5)) assert.equal(typeof v, 'number', `${c.description}: numbers`);
  }
});
