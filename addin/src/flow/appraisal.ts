/**
 * 复制到年度考核表 — the summary in the layout of the annual appraisal form (年度综合考核):
 * tab-separated text for the clipboard and a print-ready 年度考核 sheet.
 *
 * It takes the rows of the 汇总 sheet when there is one (it may hold departments read from
 * other workbooks), after checking they are still exactly what buildSummary wrote; without a
 * summary it ranks the departments of the open workbook itself.
 */
import type { CellValue, FormatBlock } from '../host/host.js';
import type { ActionReport, DepartmentResult, FlowContext, FlowProblem, Locale } from './index.js';
import { blockAddress, blockOf, blockRows, type Block } from '../host/a1.js';
import { APPRAISAL_NAME, SUMMARY_NAME } from './names.js';
import { foreignCells, readRef, type OwnedBlock } from './own.js';
import { ownedPlace, planResult, resultReads, writeResult } from './results.js';
import { commonYear, duplicateProblems, OFFICE_SIGNER, rankRecords, scoreGathered, SUMMARY_COLS } from './summary.js';
import { weightingText } from '../template/layout.js';
import { resultPageSetup, rowHeight } from '../template/print.js';
import { inAction } from './session.js';
import { percent, sheetRef, tr } from './text.js';
import { gather, noDepartments } from './workbook.js';

const COLS = 6;

/** The rubric's weighting as the appraisal form shows it (the rubric is data: next year's may differ). */
interface Weighting {
  weights: { self: number; assessor: number };
  decimals: number;
}

function headers(locale: Locale, w: Weighting): string[] {
  const [self, assessor] = [percent(w.weights.self), percent(w.weights.assessor)];
  return [
    tr(locale, '序号', 'No.'),
    tr(locale, '院系', 'Department'),
    tr(locale, `自评分 S1（${self}）`, `Self S1 (${self})`),
    tr(locale, `考评分 S2（${assessor}）`, `Assessor S2 (${assessor})`),
    tr(locale, '校企合作考核得分 Sm', 'Cooperation score Sm'),
    tr(locale, '名次', 'Rank'),
  ];
}

function rowsOf(rows: DepartmentResult[]): CellValue[][] {
  return rows.map((r, i) => [i + 1, r.department, r.s1, r.s2, r.final, r.rank ?? null]);
}

/** Tab-separated, one line per row, header first; tabs and line breaks inside a cell become spaces. */
export function toTsv(rows: CellValue[][]): string {
  const cell = (v: CellValue) => (v === null ? '' : String(v).replace(/[\t\r\n]+/g, ' '));
  return rows.map((r) => r.map(cell).join('\t')).join('\r\n') + '\r\n';
}

function sheetValues(locale: Locale, w: Weighting, rows: DepartmentResult[]): CellValue[][] {
  const year = commonYear(rows);
  const pad = (row: CellValue[]) => [...row, ...Array<CellValue>(COLS - row.length).fill(null)];
  return [
    pad([tr(locale, `${year ? `${year} ` : ''}年度综合考核 · 校企合作考核结果`, `Annual appraisal${year ? ` ${year}` : ''}: cooperation assessment`)]),
    headers(locale, w),
    ...rowsOf(rows),
    pad([tr(
      locale,
      `注：Sm = S1×${percent(w.weights.self)} + S2×${percent(w.weights.assessor)}，四舍五入保留 ${w.decimals} 位小数；得分相同者名次并列。`,
      `Sm = S1×${percent(w.weights.self)} + S2×${percent(w.weights.assessor)}, rounded to ${w.decimals} decimal${w.decimals === 1 ? '' : 's'}; equal scores share a rank.`,
    )]),
  ];
}

function sheetFormat(locale: Locale, sheet: string, b: Block, w: Weighting): FormatBlock[] {
  const f = (block: Block, format: FormatBlock['format']): FormatBlock => ({ sheet, address: blockAddress(block), format });
  const rows = blockRows(b);
  // Few distinct widths: in WPS each one is a call of its own.
  const widths = [8, 26, 16, 16, 16, 8];
  // The header wraps ("校企合作考核得分 Sm"): its row grows to show it, as nothing fits it on write.
  const header = rowHeight(headers(locale, w).map((text, c) => ({ text, width: widths[c] })));
  return [
    f(blockOf(b.top, b.left, 1, COLS), { bold: true }),
    f(blockOf(b.top + 1, b.left, 1, COLS), { bold: true, border: true, horizontal: 'center', wrap: true, rowHeight: header }),
    f(blockOf(b.top + 1, b.left, rows - 2, COLS), { border: true }),
    f(blockOf(b.top + 2, b.left, Math.max(1, rows - 3), COLS), { horizontal: 'center' }),
    ...widths.map((w, c) => f(blockOf(b.top, b.left + c, 1, 1), { columnWidth: w })),
  ];
}

/**
 * The summary rows back from the 汇总 sheet (rank, department, S1, S2, Sm, source), each with
 * the year its title names ("校企合作考核汇总（2023-2024）", see summaryValues), for the title
 * and the printed header of the 年度考核 sheet.
 */
function summaryRows(values: CellValue[][]): DepartmentResult[] {
  const year = /[（(]([^（）()]+)[）)]\s*$/.exec(String(values[0]?.[0] ?? ''))?.[1];
  const out: DepartmentResult[] = [];
  for (const r of values.slice(2)) {
    if (r.slice(0, SUMMARY_COLS).every((v) => v === null || v === '')) continue;
    out.push({
      rank: Number(r[0]), department: String(r[1] ?? ''), s1: Number(r[2]), s2: Number(r[3]), final: Number(r[4]),
      source: r[5] === null ? undefined : String(r[5]), ...(year ? { year } : {}),
    });
  }
  return out;
}

export async function appraisalText(ctx: FlowContext): Promise<ActionReport> {
  return inAction(ctx, () => appraise(ctx));
}

async function appraise(ctx: FlowContext): Promise<ActionReport> {
  const { host, engine, locale } = ctx;
  let summary: OwnedBlock | undefined;
  let plan = planResult([], APPRAISAL_NAME, 0, COLS);
  const gathered = await gather(host, locale, {
    results: [SUMMARY_NAME, APPRAISAL_NAME],
    extraFor: (names, departments) => {
      summary = ownedPlace(names, SUMMARY_NAME, SUMMARY_COLS);
      const count = summary ? blockRows(summary.block) - 2 : departments;
      plan = planResult(names, APPRAISAL_NAME, count + 3, COLS);
      return [...(summary ? [readRef(summary)] : []), ...resultReads(plan)];
    },
  });
  const fail = (problems: FlowProblem[], message: string): ActionReport => ({ action: 'appraisalText', ok: false, message, problems, written: [] });

  let rows: DepartmentResult[];
  let current = gathered.extra[0];
  const found = summary as OwnedBlock | undefined; // assigned inside the gather callback above
  if (found) {
    current = gathered.extra[1];
    const edited = foreignCells(found, gathered.extra[0]);
    if (edited.length > 0) {
      const problems: FlowProblem[] = edited.map((address) => ({
        sheet: found.sheet, address, path: 'summary', code: 'summary_edited',
        message: tr(
          locale,
          `汇总表 ${sheetRef(found.sheet, address)} 已被手工修改，请重新生成汇总`,
          `The summary cell ${sheetRef(found.sheet, address)} was edited by hand; build the summary again`,
        ),
      }));
      return fail(problems, problems[0].message);
    }
    rows = summaryRows(gathered.extra[0]);
  } else {
    const own = scoreGathered(engine, locale, gathered);
    if (own.problems.length > 0) {
      return fail(own.problems, tr(locale, `工作簿中的院系有 ${own.problems.length} 个问题，请先检查填报`, `${own.problems.length} problems in this workbook's departments; validate first`));
    }
    const duplicates = duplicateProblems(locale, own.departments);
    if (duplicates.length > 0) return fail(duplicates, duplicates[0].message);
    rows = rankRecords(engine, locale, own.departments);
  }
  if (rows.length === 0) return fail([noDepartments(locale)], noDepartments(locale).message);
  const rubric = engine.rubricInfo();

  const outcome = await writeResult(host, locale, plan, gathered.sheets, current, {
    baseName: tr(locale, '年度考核', 'Appraisal'),
    values: sheetValues(locale, rubric, rows),
    format: (sheet, block) => sheetFormat(locale, sheet, block, rubric),
    page: (sheet, block) => resultPageSetup(sheet, block, locale, commonYear(rows), weightingText(rubric.weights), OFFICE_SIGNER),
  });
  if (!outcome.ok) return fail(outcome.problems, outcome.message);
  return {
    action: 'appraisalText',
    ok: true,
    message: tr(
      locale,
      `已生成 ${rows.length} 个院系的年度考核内容（可粘贴的文本，以及可打印的工作表“${outcome.sheet}”）`,
      `Appraisal text for ${rows.length} departments ready, and the print-ready sheet "${outcome.sheet}"`,
    ),
    problems: [],
    written: outcome.written,
    tsv: toTsv([headers(locale, rubric), ...rowsOf(rows)]),
    departments: rows,
  };
}
