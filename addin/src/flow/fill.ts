/**
 * 计算得分 — scores every department (S1 from its own values, S2 with the assessors' values
 * over them, Sm weighted) and writes plain values, never formulas, into each score sheet's own
 * output cells: per line base/扣分/加分/得分 for 自评 and 考评 with the reasons, the totals and
 * Sm (in the final row's merged cell of its own, see SCORE_FINAL in ../template/layout.ts).
 * Refuses while any input problem stands, and stops before writing anything if an output cell
 * holds something the add-in did not write.
 */
import type { CellValue, FormatBlock, PageSetup, RangeRef, WriteBlock } from '../host/host.js';
import type { ActionReport, DepartmentResult, FlowContext, FlowProblem, Locale } from './index.js';
import { blockAddress, blockRows, type Block } from '../host/a1.js';
import type { Place } from './names.js';
import { foreignMessage, foreignProblems, ownedWrite, readRef, type OwnedBlock } from './own.js';
import { inAction } from './session.js';
import { percent, tr } from './text.js';
import { checkAndMark, problemSummary, warningSummary } from './validate.js';
import { computedWrites, staleClears } from './derived.js';
import { errorsOnly, gather, noDepartments, scoreBoth, type Scored } from './workbook.js';
import { departmentHints } from './hints.js';
import { headValues, SCORE_COLUMNS, SCORE_FINAL, SCORE_REASONS } from '../template/layout.js';
import { DEFAULT_ROW_POINTS, factsPageSetup, footerOnly, rowHeight, scorePageSetup } from '../template/print.js';

/** The owned/anchoring blocks of a department's score sheet. */
interface ScorePlaces {
  out: OwnedBlock;
  head: OwnedBlock;
  lines: RangeRef;
  /** The reasons block below the signatures (templates since printing; see SCORE_REASONS). */
  reasons?: OwnedBlock;
}

export function scorePlaces(places: Map<string, Place>): ScorePlaces {
  const out = places.get('out') as Place;
  const head = places.get('head') as Place;
  const lines = places.get('lines') as Place;
  const reasons = places.get('reasons');
  return {
    out: { sheet: out.sheet, block: out.block },
    head: { sheet: head.sheet, block: head.block },
    lines: { sheet: lines.sheet, address: blockAddress(lines.block) },
    ...(reasons && blockRows(reasons.block) === blockRows(lines.block) ? { reasons: { sheet: reasons.sheet, block: reasons.block } } : {}),
  };
}

function notes(lines: string[]): string | null {
  return lines.length > 0 ? lines.join('\n') : null;
}

function categoriesText(locale: Locale, r: Scored): string {
  return r.categories.map((c) => `${c.name} ${c.score}/${c.max}`).join(tr(locale, '；', '; '));
}

function sumBase(r: Scored): number {
  // Bases are integers or rubric-rounded decimals; summing in hundredths keeps 0.1 + 0.2 exact.
  return Math.round(r.items.reduce((s, i) => s + Math.round(i.base * 100), 0)) / 100;
}

/**
 * The output block's values: one row per line, then 合计, then the final row: Sm alone in the
 * cell the template merged for it (the rest of the merge empty), the sum worked out beside it.
 * With `reasonsApart` (a template with a reasons block) the lines' reasons go into `reasons`,
 * one row per line (the text in the merged cell's first column), and M–N of the lines stay
 * empty; without it they go into M–N, as templates made before did.
 */
export function outputValues(
  locale: Locale,
  lineIds: string[],
  s1: Scored,
  s2: Scored,
  final: number,
  weights: { self: number; assessor: number },
  assessorBlank: boolean,
  reasonsApart = false,
): { values: CellValue[][]; reasons: CellValue[][]; unknown: string[] } {
  const sameAsSelf = tr(locale, '同自评（考评栏空白，按自评认定）', 'As self (assessor column blank: accepted as reported)');
  const unknown: string[] = [];
  const reasons: CellValue[][] = [];
  const values: CellValue[][] = lineIds.map((id) => {
    const a = s1.items.find((i) => i.id === id);
    const b = s2.items.find((i) => i.id === id);
    if (!a || !b) {
      unknown.push(id);
      reasons.push(Array<CellValue>(SCORE_COLUMNS.outWidth).fill(null));
      return Array<CellValue>(SCORE_COLUMNS.outWidth).fill(null);
    }
    const self = notes(a.notes);
    const assessor = assessorBlank ? sameAsSelf : notes(b.notes);
    const text = `${tr(locale, '自评：', 'Self: ')}${self ?? '—'}\n${tr(locale, '考评：', 'Assessor: ')}${assessor ?? '—'}`;
    reasons.push([text, ...Array<CellValue>(SCORE_COLUMNS.outWidth - 1).fill(null)]);
    const scores = [a.base, a.deduction, a.bonus, a.score, b.base, b.deduction, b.bonus, b.score];
    return reasonsApart ? [...scores, null, null] : [...scores, self, assessor];
  });
  values.push([
    sumBase(s1), s1.deduction_total, s1.bonus_total, s1.total,
    sumBase(s2), s2.deduction_total, s2.bonus_total, s2.total,
    categoriesText(locale, s1), assessorBlank ? sameAsSelf : categoriesText(locale, s2),
  ]);
  const finalRow = Array<CellValue>(SCORE_COLUMNS.outWidth).fill(null);
  finalRow[SCORE_FINAL.value] = final;
  finalRow[SCORE_FINAL.worked] = `Sm = ${s1.total} × ${percent(weights.self)} + ${s2.total} × ${percent(weights.assessor)} = ${final}`;
  finalRow[SCORE_FINAL.note] = assessorBlank ? sameAsSelf : null;
  values.push(finalRow);
  return { values, reasons, unknown };
}

/**
 * The heights the rows of the output and reasons blocks need for their wrapped text (none
 * for rows of one line, which keep the template's height).
 */
function rowHeights(sheet: string, out: OwnedBlock, values: CellValue[][], reasons?: { block: OwnedBlock; values: CellValue[][] }): FormatBlock[] {
  const noteWidth = reasons ? SCORE_REASONS.noteWidth : SCORE_REASONS.oldNoteWidth;
  const m = SCORE_FINAL.worked;
  const heights = values.map((row, r) => ({ row: out.block.top + r, height: rowHeight([{ text: row[m], width: noteWidth }, { text: row[m + 1], width: noteWidth }]) }));
  if (reasons) {
    reasons.values.forEach((row, r) => heights.push({ row: reasons.block.block.top + r, height: rowHeight([{ text: row[0], width: SCORE_REASONS.width }]) }));
  }
  return heights
    .filter((h) => h.height > DEFAULT_ROW_POINTS)
    .map((h) => ({ sheet, address: blockAddress({ top: h.row, left: 0, bottom: h.row, right: 0 }), format: { rowHeight: h.height } }));
}

export async function fillScores(ctx: FlowContext): Promise<ActionReport> {
  return inAction(ctx, () => fill(ctx));
}

async function fill(ctx: FlowContext): Promise<ActionReport> {
  const { host, engine, locale } = ctx;
  const gathered = await gather(host, locale, { marks: true, scores: true });
  const fail = (problems: FlowProblem[], message: string): ActionReport => ({ action: 'fillScores', ok: false, message, problems, written: [] });
  if (gathered.departments.length === 0 && gathered.damaged.length === 0) return fail([noDepartments(locale)], noDepartments(locale).message);

  // Computed cells an emptied ledger left are taken back first (they are no input); what
  // they leave blank in the department's column is then missing, a blank assessor cell not.
  const clears = gathered.departments.map(staleClears);
  if (clears.some((c) => c.writes.length > 0)) {
    await host.write(clears.flatMap((c) => c.writes));
    await host.format(clears.flatMap((c) => c.formats));
    for (const d of gathered.departments) d.stale = d.stale.filter((c) => c.column === 'self');
  }
  const { problems } = await checkAndMark(host, ctx, gathered);
  if (errorsOnly(problems).length > 0) {
    return fail(problems, tr(locale, '未计算得分：', 'Not scored: ') + problemSummary(locale, problems));
  }
  // The ledger's warnings stand beside the scores: listed, never in the way.
  const warnings = problems;

  const weights = engine.rubricInfo().weights;
  const writes: WriteBlock[] = [];
  const heights: FormatBlock[] = [];
  const pages: PageSetup[] = [];
  const planned: Array<{ owned: OwnedBlock; current: CellValue[][]; department?: string }> = [];
  const results: DepartmentResult[] = [];
  const damaged: FlowProblem[] = [];
  for (const d of gathered.departments) {
    const p = scorePlaces(d.places);
    const [outNow, headNow, lineCells] = [readRef(p.out), readRef(p.head), p.lines].map((ref) => gathered.cells.get(ref));
    const { s1, s2 } = scoreBoth(engine, locale, d);
    const final = engine.weightedScore(s1.total, s2.total, { locale });
    const lineIds = lineCells.map((r) => String(r[0] ?? '').trim());
    const outBlock: Block = p.out.block;
    if (blockRows(outBlock) !== lineIds.length + 2) {
      damaged.push({
        sheet: p.out.sheet, address: blockAddress(outBlock), path: 'template', code: 'template_damaged', department: d.department,
        message: tr(locale, '评分表的结构已被改动（行数不符），请重新插入模板', 'The score sheet was reshaped (row count differs); insert the template again'),
      });
      continue;
    }
    const { values, reasons, unknown } = outputValues(locale, lineIds, s1, s2, final, weights, d.assessorBlank, !!p.reasons);
    if (unknown.length > 0) {
      damaged.push({
        sheet: p.lines.sheet, address: p.lines.address, path: 'template', code: 'template_outdated', department: d.department,
        message: tr(locale, `评分表的编号 ${unknown.join('、')} 不在当前考核指标中，请重新插入模板`, `Line ids ${unknown.join(', ')} are not in the current rubric; insert the template again`),
      });
      continue;
    }
    // With ledger rows, the majors table's partners and bases as the ledger gives them.
    const computed = computedWrites(engine, d);
    planned.push(...computed.planned.map((c) => ({ ...c, department: d.department })));
    writes.push(...computed.writes);
    heights.push(...computed.formats);
    planned.push({ owned: p.out, current: outNow, department: d.department });
    planned.push({ owned: p.head, current: headNow, department: d.department });
    writes.push(ownedWrite(p.out, values, outNow), ownedWrite(p.head, headValues(locale, d.department, d.year), headNow));
    if (p.reasons) {
      planned.push({ owned: p.reasons, current: gathered.cells.get(readRef(p.reasons)), department: d.department });
      writes.push(ownedWrite(p.reasons, reasons, gathered.cells.get(readRef(p.reasons))));
    }
    // Printing: rows tall enough for the reasons; the footers with the department and year as
    // they stand now. A template with a reasons block was set up for print when inserted;
    // one made before gets its pages set up here (the score sheet's print area ends with the
    // note under the final row).
    const sheet = p.out.sheet;
    const factsSheet = d.departmentCell.sheet;
    heights.push(...rowHeights(sheet, p.out, values, p.reasons && { block: p.reasons, values: reasons }));
    if (p.reasons) pages.push(footerOnly(sheet, locale, d.department, d.year), footerOnly(factsSheet, locale, d.department, d.year));
    else pages.push(scorePageSetup(sheet, locale, d.department, d.year, p.out.block.bottom + 1), factsPageSetup(factsSheet, locale, d.department, d.year));
    results.push({
      department: d.department, year: d.year || undefined, s1: s1.total, s2: s2.total, final,
      source: p.out.sheet, selfLines: s1.items, assessorLines: s2.items, hints: departmentHints(d, s1, s2),
    });
  }
  if (damaged.length > 0) return fail(damaged, damaged[0].message);

  const foreign = foreignProblems(locale, planned);
  if (foreign.length > 0) return fail(foreign, foreignMessage(locale, foreign));

  await host.write(writes);
  await host.format(heights);
  await host.pageSetup(pages);
  const only = results.length === 1 ? results[0] : undefined;
  return {
    action: 'fillScores',
    ok: true,
    message: only
      ? tr(locale, `已写入“${only.department}”的得分：自评 ${only.s1}，考评 ${only.s2}，最终得分 ${only.final}`,
          `Scores written for "${only.department}": self ${only.s1}, assessor ${only.s2}, final ${only.final}`)
      + warningSummary(locale, warnings.length, true)
      : tr(locale, `已写入 ${results.length} 个院系的得分`, `Scores written for ${results.length} departments`) + warningSummary(locale, warnings.length, true),
    problems: warnings,
    written: writes.map((w) => ({ sheet: w.sheet, address: w.address })),
    departments: results,
  };
}
