/**
 * The round-trip cost of every action, measured on the fake hosts with the real engine: the
 * number of `context.sync()` calls in Excel (each one a network round trip on Excel on the
 * web) and the number of calls into ET in WPS (each one a crossing into WPS's object model).
 *
 * Both the benchmark (`npx tsx scripts/bench-calls.ts`) and the tests asserting the targets
 * (test/round-trips.test.ts) run exactly this scenario, so what is printed is what is tested.
 */
import { adviceSheet, appraisalText, buildSummary, clearMarks, clearScores, fillScores, insertTemplate, validateWorkbook, type ActionReport, type FlowContext } from '../../src/flow/index.js';
import { ExcelHost, parseNameFormula } from '../../src/host/excel.js';
import { WpsHost } from '../../src/host/wps.js';
import type { CellValue, DefinedName } from '../../src/host/host.js';
import { cellAddress, parseBlock } from '../../src/host/a1.js';
import { namesFromTags, tagColumnsOf, withDerivedNames } from '../../src/template/tags.js';
import { FakeWorkbook } from './fake-excel.js';
import { CallCounter, countCalls, FakeEtApplication } from './fake-et.js';
import { baseFacts, fieldCell, typeFacts, type Json } from './flow-fixture.js';
import type { MemoryHost } from './memory-host.js';
import { cellOf, typeFacts as typeIntoEt } from './wps-facts.js';
import { fieldSuffix } from '../../src/flow/names.js';
import { testEngine } from './engine.js';

/** The actions measured, in the order they run on one workbook. */
export const BENCH_ACTIONS = [
  'insertTemplate',
  'validate',
  'validate (a bad cell marked)',
  'validate (the mark removed)',
  'fillScores',
  'fillScores (again)',
  'buildSummary',
  'buildSummary (again)',
  'appraisalText',
  'appraisalText (again)',
  'adviceSheet',
  'adviceSheet (again)',
  'clearMarks',
  'clearScores',
] as const;
export type BenchAction = (typeof BENCH_ACTIONS)[number];
export type BenchCounts = Record<BenchAction, number>;

/** The facts' typing hands, given over a fake host: where an input is, and typing into it. */
interface Typist {
  /** Types the base facts for `department` into its self column. */
  fill(department: string): void;
  /** Types `value` into the department's self cell of `path`. */
  type(department: string, path: string, value: CellValue): void;
}

/**
 * Typing over the Excel model, as a person would (no Excel conversion, no adapter involved):
 * the fixture's `name()` and `set()` over the workbook's defined names and cells.
 */
export function excelTypist(book: FakeWorkbook): MemoryHost {
  const stand = {
    name(name: string) {
      return excelNames(book).find((n) => n.name.toUpperCase() === name.toUpperCase());
    },
    set(sheet: string, address: string, v: CellValue) {
      book.sheet(sheet).set(address, [[v ?? '']]);
    },
  };
  return stand as unknown as MemoryHost;
}

/**
 * The model's defined names plus those its row tags stand for (see src/template/tags.ts),
 * worked out again only when sheets or names changed (typing facts moves no tag).
 */
export function excelNames(book: FakeWorkbook): DefinedName[] {
  const stamp = JSON.stringify([book.sheets.map((sh) => sh.name), book.names.size]);
  const hit = excelNamesCache.get(book);
  if (hit?.stamp === stamp) return hit.names;
  const names = listExcelNames(book);
  excelNamesCache.set(book, { stamp, names });
  return names;
}

const excelNamesCache = new WeakMap<FakeWorkbook, { stamp: string; names: DefinedName[] }>();

function listExcelNames(book: FakeWorkbook): DefinedName[] {
  const real = [...book.names].flatMap(([name, formula]) => {
    const ref = parseNameFormula(formula);
    return ref ? [{ name, ...ref }] : [];
  });
  const derived = book.sheets.flatMap((s) => {
    const rows = Math.max(0, ...[...s.cells.keys()].map((a) => parseBlock(a).top + 1));
    return namesFromTags(s.name, tagColumnsOf(rows, (r, c) => s.cell(cellAddress(r, c))?.value ?? null), 0, 0);
  });
  return withDerivedNames(real, derived);
}

function departments(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `院系${String(i + 1).padStart(2, '0')}`);
}

/** Runs the scenario on a workbook of `n` departments; `cost()` is the counter since `reset()`. */
async function scenario(n: number, ctx: FlowContext, typist: Typist, reset: () => void, cost: () => number): Promise<BenchCounts> {
  const counts = {} as BenchCounts;
  const names = departments(n);
  const run = async (action: BenchAction, go: () => Promise<ActionReport>, expectOk = true) => {
    reset();
    const report = await go();
    counts[action] = cost();
    if (report.ok !== expectOk) throw new Error(`${action} with ${n} departments: ${report.message}`);
  };
  for (const [i, d] of names.entries()) {
    if (i === names.length - 1) await run('insertTemplate', () => insertTemplate(ctx, { department: d, year: '2023-2024' }));
    else {
      const r = await insertTemplate(ctx, { department: d, year: '2023-2024' });
      if (!r.ok) throw new Error(r.message);
    }
    typist.fill(d);
  }
  const last = names[names.length - 1];
  await run('validate', () => validateWorkbook(ctx));
  typist.type(last, 'internship.local', '很多');
  await run('validate (a bad cell marked)', () => validateWorkbook(ctx), false);
  typist.type(last, 'internship.local', 114);
  await run('validate (the mark removed)', () => validateWorkbook(ctx));
  await run('fillScores', () => fillScores(ctx));
  await run('fillScores (again)', () => fillScores(ctx));
  await run('buildSummary', () => buildSummary(ctx));
  await run('buildSummary (again)', () => buildSummary(ctx));
  await run('appraisalText', () => appraisalText(ctx));
  await run('appraisalText (again)', () => appraisalText(ctx));
  await run('adviceSheet', () => adviceSheet(ctx));
  await run('adviceSheet (again)', () => adviceSheet(ctx));
  await run('clearMarks', () => clearMarks(ctx));
  await run('clearScores', () => clearScores(ctx));
  return counts;
}

/** `context.sync()` calls per action in Excel, on a workbook of `n` departments. */
export async function excelSyncs(n: number): Promise<BenchCounts> {
  const book = new FakeWorkbook('Sheet1');
  const ctx: FlowContext = { host: new ExcelHost(book.run, { markNotes: 'notes' }), engine: testEngine(), locale: 'zh' };
  const hands = excelTypist(book);
  const typist: Typist = {
    fill: (d) => typeFacts(hands, { ...baseFacts(), department: d } as Json),
    type: (d, path, value) => {
      const c = fieldCell(hands, d, path);
      hands.set(c.sheet, c.address, value);
    },
  };
  let before = 0;
  return scenario(n, ctx, typist, () => (before = book.syncs), () => book.syncs - before);
}

/** Calls into ET per action in WPS, on a workbook of `n` departments (and `userNames` names of the user's own). */
export async function wpsCalls(n: number, userNames = 0): Promise<BenchCounts> {
  const app = new FakeEtApplication();
  for (let i = 0; i < userNames; i++) app.book.Names.Add(`user_name_${i}`, `=Sheet1!$A$${i + 1}`);
  const counter = new CallCounter();
  const ctx: FlowContext = { host: new WpsHost(countCalls(app, counter)), engine: testEngine(), locale: 'zh' };
  const typist: Typist = {
    fill: (d) => typeIntoEt(app, d, { ...baseFacts(), department: d }),
    type: (d, path, value) => {
      const c = cellOf(app, d, fieldSuffix(path, 'self'));
      app.type(c.sheet, c.address, value);
    },
  };
  return scenario(n, ctx, typist, () => counter.reset(), () => counter.total);
}

/** The table the benchmark prints: one row per action, one column per department count. */
export function table(title: string, columns: Array<[string, BenchCounts]>): string {
  const head = `${title.padEnd(32)}${columns.map(([c]) => c.padStart(12)).join('')}`;
  const rows = BENCH_ACTIONS.map((a) => `${a.padEnd(32)}${columns.map(([, v]) => String(v[a]).padStart(12)).join('')}`);
  return [head, ...rows].join('\n');
}
