/**
 * 生成汇总 — gathers every department (those in the open workbook, scored from their facts,
 * plus records the UI read from other workbooks with `readDepartments`) into the 汇总 sheet:
 * rank, department, S1, S2, Sm, sorted by rank (ties share a rank, the next rank skips);
 * and, from the same departments' S2 facts, the 平台建设目标 sheet (./targets.ts).
 */
import type { CellValue, FormatBlock, Host } from '../host/host.js';
import type { Engine, RankedRow } from '../engine/types.js';
import type {
  ActionReport,
  DepartmentRecord,
  DepartmentResult,
  FlowContext,
  FlowProblem,
  Locale,
  ReadDepartmentsResult,
} from './index.js';
import { blockAddress, blockOf, type Block } from '../host/a1.js';
import { SUMMARY_NAME } from './names.js';
import { applyResults, planResult, prepareResult, resultReads, resultWritten } from './results.js';
import { planTargets, prepareTargets, targetsInputs, targetsTable, TARGETS_NAME, type TargetsTable } from './targets.js';
import { inAction, inSession } from './session.js';
import { tr } from './text.js';
import { errorsOnly, gather, inputProblems, noDepartments, scoreBoth, type Gathered } from './workbook.js';
import { weightingText } from '../template/layout.js';
import { resultPageSetup } from '../template/print.js';

/** Who signs the office's sheets besides the assessors. */
export const OFFICE_SIGNER = { zh: '产教研合作中心负责人', en: 'Head of the cooperation office' } as const;

/** Scores what `gather` read; departments with input problems are left out and reported. */
export function scoreGathered(engine: Engine, locale: Locale, g: Gathered): ReadDepartmentsResult {
  const problems: FlowProblem[] = [...g.damaged];
  const departments: DepartmentRecord[] = [];
  for (const d of g.departments) {
    // The ledger's warnings concern the department's own sheets, not the summary.
    const own = errorsOnly(inputProblems(engine, locale, d));
    if (own.length > 0) {
      problems.push(...own);
      continue;
    }
    const { s1, s2 } = scoreBoth(engine, locale, d);
    departments.push({ department: d.department, year: d.year || undefined, s1: s1.total, s2: s2.total, source: d.departmentCell.sheet, facts: d.assessor });
  }
  return { departments, problems };
}

/**
 * Reads and scores every department of the workbook behind `host` (e.g. another workbook the
 * office opened through the web adapter), for `buildSummary(ctx, extra)`. Two host calls.
 */
export async function readDepartments(host: Host, engine: Engine, locale: Locale = 'zh'): Promise<ReadDepartmentsResult> {
  return inSession(host, async () => scoreGathered(engine, locale, await gather(host, locale)));
}

/** Ranks records (engine rankDepartments) and sorts them by rank, input order among equals. */
export function rankRecords(engine: Engine, locale: Locale, records: DepartmentRecord[]): DepartmentResult[] {
  const ranked: RankedRow[] = engine.rankDepartments(
    records.map((r) => ({ department: r.department, s1: r.s1, s2: r.s2 })),
    { locale },
  );
  return records
    // S1 and S2 as the engine read them: a record handed in with numeric text ("87.5") is
    // written to the sheet as the number.
    .map((r, i) => ({ ...r, s1: ranked[i].s1, s2: ranked[i].s2, final: ranked[i].final, rank: ranked[i].rank, i }))
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.i - b.i)
    .map(({ i: _i, ...r }) => r);
}

export function duplicateProblems(locale: Locale, records: DepartmentRecord[]): FlowProblem[] {
  const seen = new Map<string, DepartmentRecord>();
  const problems: FlowProblem[] = [];
  for (const r of records) {
    const key = r.department.trim();
    const first = seen.get(key);
    if (first) {
      problems.push({
        sheet: '', address: '', path: 'department', code: 'duplicate_department', department: key,
        message: tr(
          locale,
          `院系“${key}”出现了两次（${first.source ?? ''}；${r.source ?? ''}），请只保留一份`,
          `Department "${key}" appears twice (${first.source ?? ''}; ${r.source ?? ''}); keep one`,
        ),
      });
    } else seen.set(key, r);
  }
  return problems;
}

/** The year shown in titles: the departments' common year, if they agree. */
export function commonYear(records: DepartmentRecord[]): string {
  const years = new Set(records.map((r) => r.year ?? ''));
  return years.size === 1 ? [...years][0] : '';
}

export const SUMMARY_COLS = 6;

export function summaryValues(locale: Locale, rows: DepartmentResult[]): CellValue[][] {
  const year = commonYear(rows);
  const pad = (row: CellValue[]) => [...row, ...Array<CellValue>(SUMMARY_COLS - row.length).fill(null)];
  return [
    pad([tr(locale, `校企合作考核汇总${year ? `（${year}）` : ''}`, `Cooperation assessment summary${year ? ` (${year})` : ''}`)]),
    [
      tr(locale, '名次', 'Rank'), tr(locale, '院系', 'Department'), tr(locale, '自评分 S1', 'Self S1'),
      tr(locale, '考评分 S2', 'Assessor S2'), tr(locale, '最终得分 Sm', 'Final Sm'), tr(locale, '来源', 'Source'),
    ],
    ...rows.map((r) => [r.rank ?? null, r.department, r.s1, r.s2, r.final, r.source ?? null]),
  ];
}

function summaryFormat(sheet: string, b: Block): FormatBlock[] {
  const width = b.right - b.left + 1;
  const f = (block: Block, format: FormatBlock['format']): FormatBlock => ({ sheet, address: blockAddress(block), format });
  // Few distinct widths: in WPS each one is a call of its own.
  const widths = [8, 24, 12, 12, 12, 24];
  return [
    f(blockOf(b.top, b.left, 1, width), { bold: true }),
    f(blockOf(b.top + 1, b.left, 1, width), { bold: true, fill: '#DDEBF7', border: true, horizontal: 'center' }),
    f(blockOf(b.top + 1, b.left, b.bottom - b.top, width), { border: true }),
    f(blockOf(b.top + 2, b.left + 2, Math.max(1, b.bottom - b.top - 1), 3), { numberFormat: '0.##' }),
    ...widths.map((w, c) => f(blockOf(b.top, b.left + c, 1, 1), { columnWidth: w })),
  ];
}

export async function buildSummary(ctx: FlowContext, extra: DepartmentRecord[] = []): Promise<ActionReport> {
  return inAction(ctx, () => summarise(ctx, extra));
}

async function summarise(ctx: FlowContext, extra: DepartmentRecord[]): Promise<ActionReport> {
  const { host, engine, locale } = ctx;
  let plan = planResult([], SUMMARY_NAME, 0, SUMMARY_COLS);
  let targetsPlan = planTargets([], 0);
  const gathered = await gather(host, locale, {
    results: [SUMMARY_NAME, TARGETS_NAME],
    extraFor: (names, departments) => {
      plan = planResult(names, SUMMARY_NAME, 2 + departments + extra.length, SUMMARY_COLS);
      // The workbook's departments all carry facts; records handed in may not.
      targetsPlan = planTargets(names, departments + extra.filter((r) => r.facts !== undefined).length);
      return [...resultReads(plan), ...resultReads(targetsPlan)];
    },
  });
  const summaryCurrent = gathered.extra[0];
  const targetsCurrent = gathered.extra[resultReads(plan).length];
  const fail = (problems: FlowProblem[], message: string): ActionReport => ({ action: 'buildSummary', ok: false, message, problems, written: [] });
  const own = scoreGathered(engine, locale, gathered);
  if (own.problems.length > 0) {
    return fail(own.problems, tr(locale, `未生成汇总：工作簿中的院系有 ${own.problems.length} 个问题，请先检查填报`, `No summary: ${own.problems.length} problems in this workbook's departments; validate first`));
  }
  const records = [...own.departments, ...extra];
  if (records.length === 0) return fail([noDepartments(locale)], noDepartments(locale).message);
  const duplicates = duplicateProblems(locale, records);
  if (duplicates.length > 0) return fail(duplicates, duplicates[0].message);

  let rows: DepartmentResult[];
  try {
    rows = rankRecords(engine, locale, records);
  } catch (e) {
    // Only records handed in from other workbooks can be bad here (the workbook's own come
    // from the engine); the engine's message names the row and the value.
    const message = e instanceof Error ? e.message : String(e);
    return fail([{ sheet: '', address: '', path: 'records', code: 'bad_record', message }], message);
  }
  const year = commonYear(rows);
  const summary = prepareResult(locale, plan, gathered.sheets, summaryCurrent, {
    baseName: tr(locale, '校企合作汇总', 'Summary'),
    values: summaryValues(locale, rows),
    format: summaryFormat,
    page: (sheet, block) => resultPageSetup(sheet, block, locale, year, weightingText(engine.rubricInfo().weights), OFFICE_SIGNER),
  });
  if (!summary.ok) return fail(summary.problems, summary.message);
  const works = [summary.work];
  let targets: TargetsTable | undefined;
  const { inputs, without } = targetsInputs(records);
  if (inputs.length > 0) {
    try {
      targets = targetsTable(engine, locale, inputs, without);
    } catch (e) {
      // As for ranking: only facts handed in from elsewhere can be refused here.
      const message = e instanceof Error ? e.message : String(e);
      return fail([{ sheet: '', address: '', path: 'records', code: 'bad_record', message }], message);
    }
    // Both sheets are checked before either is written: never half a summary.
    const sheets = [...gathered.sheets, ...(summary.work.addSheet ? [summary.work.addSheet] : [])];
    const prepared = prepareTargets(locale, targetsPlan, sheets, targetsCurrent, targets, year);
    if (!prepared.ok) return fail(prepared.problems, prepared.message);
    works.push(prepared.work);
  }
  // One host call per kind for both sheets: the summary costs no more calls than before.
  await applyResults(host, works);
  const outcomes = works.map(resultWritten);
  const [outcome, targetsOutcome] = outcomes;
  let message = tr(locale, `已在“${outcome.sheet}”中汇总 ${rows.length} 个院系并排名`, `Summary of ${rows.length} departments ranked in "${outcome.sheet}"`);
  if (targetsOutcome) message += tr(locale, `，平台建设目标见“${targetsOutcome.sheet}”`, `; platform targets in "${targetsOutcome.sheet}"`);
  const written = outcomes.flatMap((o) => o.written);
  return {
    action: 'buildSummary',
    ok: true,
    message,
    problems: [],
    written,
    departments: rows,
    ...(targets ? { targets } : {}),
  };
}
