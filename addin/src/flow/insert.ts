/**
 * 插入填报模板 — adds one department's facts and score sheets (and the shared 填报说明 sheet
 * when the workbook lacks it) to the open workbook. It only ever writes into sheets it has
 * just created, so it cannot overwrite anything; inserting the same department again changes
 * nothing and says so.
 */
import type { ActionReport, FlowContext, InsertTemplateOptions, Locale } from './index.js';
import { departmentKey, nameOf } from './names.js';
import { departmentTemplate } from './workbook.js';
import type { WriteBlock } from '../host/host.js';
import { blockAddress, parseBlock, type Block } from '../host/a1.js';
import { BLOCK_SUFFIXES, SCORE_SUFFIXES } from '../template/tags.js';
import { inAction } from './session.js';
import { tr } from './text.js';
import { cellAddress } from '../host/a1.js';
import { factsSheetPlan, instructionsPlan, MAJORS_HEADER_ROW, scoreSheetPlan, type SheetPlan } from '../template/layout.js';
import { ledgerSheetPlan, majorNamesRef } from '../template/ledger.js';

/** "机电工程学院-台账": the name a department's ledger sheet is given (numbered if taken). */
export function ledgerSheetBase(locale: Locale, base: string): string {
  return `${base}-${tr(locale, '台账', 'ledger')}`;
}

/** Characters no sheet name may hold, and Excel's 31-character limit. */
const BAD_SHEET_CHARS = /[[\]:*?/\\]/g;
export const SHEET_MAX = 31;

/** How many names per sheet insertTemplate asks about before it lists every sheet. */
const CANDIDATES = 2;

/** The n-th name tried for a sheet: "机电工程学院-填报", then "机电工程学院-填报 (2)", … */
function variant(base: string, n: number): string {
  const suffix = n === 1 ? '' : ` (${n})`;
  return base.slice(0, SHEET_MAX - suffix.length) + suffix;
}

/** A sheet name not yet taken: "机电工程学院-填报", else "机电工程学院-填报 (2)", … */
export function freeSheetName(base: string, taken: string[]): string {
  const lower = taken.map((s) => s.toLowerCase());
  for (let n = 1; ; n++) {
    const name = variant(base, n);
    if (!lower.includes(name.toLowerCase())) return name;
  }
}

/** The writes of one new sheet as one block (its cells not written stay empty). */
export function oneBlock(writes: WriteBlock[]): WriteBlock {
  const blocks = writes.map((w) => parseBlock(w.address));
  const all: Block = {
    top: Math.min(...blocks.map((b) => b.top)),
    left: Math.min(...blocks.map((b) => b.left)),
    bottom: Math.max(...blocks.map((b) => b.bottom)),
    right: Math.max(...blocks.map((b) => b.right)),
  };
  const values = Array.from({ length: all.bottom - all.top + 1 }, () => Array<WriteBlock['values'][number][number]>(all.right - all.left + 1).fill(null));
  writes.forEach((w, i) => w.values.forEach((row, r) => row.forEach((v, c) => (values[blocks[i].top - all.top + r][blocks[i].left - all.left + c] = v))));
  return { sheet: writes[0].sheet, address: blockAddress(all), values };
}

export function cleanDepartment(name: string): string {
  return name.replace(BAD_SHEET_CHARS, ' ').replace(/^'+|'+$/g, '').trim();
}

export async function insertTemplate(ctx: FlowContext, opts: InsertTemplateOptions = {}): Promise<ActionReport> {
  return inAction(ctx, () => insert(ctx, opts));
}

async function insert(ctx: FlowContext, opts: InsertTemplateOptions): Promise<ActionReport> {
  const { host, locale } = ctx;
  const department = (opts.department ?? '').trim() || tr(locale, '院系', 'Department');
  const year = (opts.year ?? '').trim();
  const key = departmentKey(department);
  const instructions = tr(locale, '填报说明', 'Instructions');
  const base = cleanDepartment(department).slice(0, SHEET_MAX - 8) || key;
  const bases = [`${base}-${tr(locale, '填报', 'facts')}`, `${base}-${tr(locale, '评分', 'scores')}`, ledgerSheetBase(locale, base)];

  // One look at only what this department needs: its own names and the sheet names it may
  // take, so the cost does not grow with the departments already in the workbook.
  const variants = (b: string) => Array.from({ length: CANDIDATES }, (_, i) => variant(b, i + 1));
  const own = [nameOf(key, BLOCK_SUFFIXES.facts), nameOf(key, BLOCK_SUFFIXES.scores), nameOf(key, 'department'), nameOf(key, BLOCK_SUFFIXES.ledger)];
  const looked = await host.lookup(own, [instructions, ...bases.flatMap(variants)]);
  // Every variant asked about is taken (a rare workbook): then every sheet name is needed.
  const seen = new Set(looked.sheets.map((s) => s.toLowerCase()));
  const crowded = bases.some((b) => variants(b).every((v) => seen.has(v.toLowerCase())));
  const sheets = crowded ? await host.sheets() : looked.sheets;
  const found = await departmentTemplate(host, key, looked.names);
  if (found && found.missing.length === 0) {
    const sheet = found.places.get('department')?.sheet ?? '';
    return {
      action: 'insertTemplate',
      ok: true,
      message: tr(
        locale,
        `“${department}”的填报模板已在工作表“${sheet}”中，未重复插入。如需添加其他院系，请填写院系名称。`,
        `The template for "${department}" is already in sheet "${sheet}"; nothing inserted. Give another department's name to add one.`,
      ),
      problems: [],
      written: [],
    };
  }
  // A department whose score sheet was deleted gets a new score sheet and keeps its facts
  // sheet; one whose facts names broke gets both sheets anew (the old sheets stay untouched).
  const onScoreSheet = [...SCORE_SUFFIXES, BLOCK_SUFFIXES.scores].map((s) => nameOf(key, s));
  const scoreOnly = !!found && found.missing.every((n) => onScoreSheet.includes(n));
  // A facts sheet of the first scheme (one name per input) is found by names, so its new
  // score sheet carries that scheme's names too.
  const namedFacts = !looked.names.some((n) => n.name.toLowerCase() === nameOf(key, BLOCK_SUFFIXES.facts));

  const rubric = ctx.engine.rubricInfo();
  const taken = [...sheets];
  const newSheets: string[] = [];
  const take = (base: string) => {
    const name = freeSheetName(base, taken);
    taken.push(name);
    newSheets.push(name);
    return name;
  };
  const plans: SheetPlan[] = [];
  if (!sheets.some((s) => s.toLowerCase() === instructions.toLowerCase())) {
    plans.push(instructionsPlan(take(instructions), locale, rubric.weights));
  }
  const factsSheet = scoreOnly ? (found?.places.get('department')?.sheet ?? '') : take(bases[0]);
  const scoreSheet = take(bases[1]);
  if (!scoreOnly) plans.push(factsSheetPlan(factsSheet, key, department, year, locale, rubric));
  plans.push(scoreSheetPlan(scoreSheet, key, department, year, locale, rubric, scoreOnly && namedFacts));
  // A new department gets its ledger sheet (台账) too; a department given a new score sheet
  // keeps what it has (添加台账与月报 adds a missing ledger sheet).
  const ledgerSheet = scoreOnly ? undefined : take(bases[2]);
  if (ledgerSheet) plans.push(ledgerSheetPlan(ledgerSheet, key, department, year, locale, majorNamesRef(factsSheet, MAJORS_HEADER_ROW)));

  // Every sheet written is new: one block per sheet carries all its values (empty between).
  const writes = plans.map((p) => oneBlock(p.writes));
  await host.addSheets(newSheets);
  await host.write(writes);
  await host.format(plans.flatMap((p) => p.formats));
  await host.defineNames(plans.flatMap((p) => p.names));
  await host.setListValidation(plans.flatMap((p) => p.validations));
  // The record columns hold hashes, not something to read: out of sight, still read and written.
  await host.hideColumns(plans.flatMap((p) => p.hidden));
  await host.pageSetup(plans.flatMap((p) => p.pageSetups));
  // Put the cursor on the department's name, where filling in starts.
  const deptCell = scoreOnly ? found?.places.get('department')?.block : undefined;
  await host.select({ sheet: factsSheet, address: deptCell ? cellAddress(deptCell.top, deptCell.left) : 'B2' });

  return {
    action: 'insertTemplate',
    ok: true,
    message: scoreOnly
      ? tr(locale, `已为“${department}”重新插入评分表“${scoreSheet}”（填报表“${factsSheet}”不变）`,
          `Inserted a new score sheet "${scoreSheet}" for "${department}" (facts sheet "${factsSheet}" unchanged)`)
      : tr(
          locale,
          `已插入“${department}”的填报表“${factsSheet}”、评分表“${scoreSheet}”和台账“${ledgerSheet}”`,
          `Inserted the facts sheet "${factsSheet}", score sheet "${scoreSheet}" and ledger sheet "${ledgerSheet}" for "${department}"`,
        ),
    problems: [],
    written: writes.map((w) => ({ sheet: w.sheet, address: w.address })),
  };
}
