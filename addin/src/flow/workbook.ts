/**
 * One pass over the workbook that every action starts with: the sheets and defined names
 * (`survey`, one call), then every department's facts plus whatever else the action needs,
 * in one read (one call), which also prepares the marks when the action sets them. Keeping
 * this in one place is what keeps the number of host calls constant.
 */
import type { CellValue, DefinedName, Host, RangeRef } from '../host/host.js';
import type { Engine, ScoreResult } from '../engine/types.js';
import type { FlowProblem, Locale } from './index.js';
import { blockAddress, blockCols, cellAddress, contains, parseBlock, type Block } from '../host/a1.js';
import { NAME_PREFIX, departmentsFromNames, nameOf, requiredSuffixes, type DepartmentNames, type Place } from './names.js';
import { readRef } from './own.js';
import { assemble, assessorFilled, factReads, locate, type DepartmentData } from './read.js';
import { BLOCK_SUFFIXES, SCORE_SUFFIXES, placesFromTags } from '../template/tags.js';
import { FACTS_COLUMNS, SCORE_COLUMNS } from '../template/columns.js';
import { TABLE_READ_LIMIT } from '../template/fields.js';
import { LEDGER_SHEET, MAJORS_RECORD } from '../template/columns.js';
import { s1Path } from './ledger.js';
import { staleProblems } from './derived.js';
import { tr } from './text.js';

export interface Gathered {
  sheets: string[];
  names: DefinedName[];
  departments: DepartmentData[];
  /** Departments whose names or tags are incomplete (a deleted sheet, a removed name or row). */
  damaged: FlowProblem[];
  /** The values of the extra ranges, in order. */
  extra: CellValue[][][];
  /** Everything read, to take any block inside it (a score sheet's output block) from. */
  cells: ReadCells;
  /** The inputs whose marks `checkAndMark` sets: the scope the read prepared. */
  markScope: RangeRef[];
}

export interface GatherOptions {
  /** The ranges to read besides the facts, once the names and the number of departments are known. */
  extraFor?: (names: DefinedName[], departments: number) => RangeRef[];
  /** The action will set the marks of the departments' inputs (`checkAndMark`). */
  marks?: boolean;
  /** The action needs the score sheets too (their places, output blocks and records). */
  scores?: boolean;
  /** The result sheets' names the action needs (SUMMARY_NAME, APPRAISAL_NAME). */
  results?: string[];
}

/** Blocks read, each with its values; any block inside one of them can be taken out. */
export class ReadCells {
  private readonly blocks: Array<{ sheet: string; block: Block; values: CellValue[][] }> = [];

  add(ref: RangeRef, values: CellValue[][]): void {
    this.blocks.push({ sheet: ref.sheet, block: parseBlock(ref.address), values });
  }

  /** The values of `ref`, which must lie inside a block read. */
  get(ref: RangeRef): CellValue[][] {
    const want = parseBlock(ref.address);
    const hit = this.blocks.find((b) => b.sheet === ref.sheet && contains(b.block, { row: want.top, col: want.left }) && contains(b.block, { row: want.bottom, col: want.right }));
    if (!hit) throw new Error(`internal: ${ref.sheet}!${ref.address} was not read`);
    return hit.values
      .slice(want.top - hit.block.top, want.bottom - hit.block.top + 1)
      .map((row) => row.slice(want.left - hit.block.left, want.right - hit.block.left + 1).map((v) => v ?? null));
  }
}

/** A tagged template (names `…_facts`, `…_scores`, see ../template/tags.ts): what to read. */
interface Tagged {
  key: string;
  /** The facts sheet's block, with room below for tables that grew past it. */
  facts: RangeRef;
  scores?: RangeRef;
  /** The ledger sheet's block (台账, templates since issue #10), with room below for its table. */
  ledger?: RangeRef;
}

/** A facts block as read: through the majors' record column I, right of the tag column. */
function factsRead(t: Tagged): RangeRef {
  return { sheet: t.facts.sheet, address: blockAddress({ ...parseBlock(t.facts.address), right: MAJORS_RECORD }) };
}

function taggedDepartments(names: DefinedName[]): Tagged[] {
  const pattern = new RegExp(`^${NAME_PREFIX}(d[0-9a-z]+)_${BLOCK_SUFFIXES.facts}$`);
  const out: Tagged[] = [];
  for (const n of names) {
    const key = pattern.exec(n.name.toLowerCase())?.[1];
    if (!key || out.some((t) => t.key === key)) continue;
    const facts = parseBlock(n.address);
    const scores = names.find((m) => m.name.toLowerCase() === nameOf(key, BLOCK_SUFFIXES.scores));
    const ledger = names.find((m) => m.name.toLowerCase() === nameOf(key, BLOCK_SUFFIXES.ledger));
    const ledgerBlock = ledger && parseBlock(ledger.address);
    out.push({
      key,
      facts: { sheet: n.sheet, address: blockAddress({ ...facts, bottom: facts.bottom + TABLE_READ_LIMIT }) },
      scores: scores && { sheet: scores.sheet, address: scores.address },
      ledger: ledger && ledgerBlock && { sheet: ledger.sheet, address: blockAddress({ ...ledgerBlock, bottom: ledgerBlock.bottom + TABLE_READ_LIMIT }) },
    });
  }
  return out;
}

/** A tagged department's places, from the tags of its blocks as read. */
function taggedPlaces(t: Tagged, cells: ReadCells, withScores: boolean): DepartmentNames {
  const found = new Map<string, Place>();
  const sheets = [t.facts, ...(withScores && t.scores ? [t.scores] : []), ...(t.ledger ? [t.ledger] : [])];
  for (const ref of sheets) {
    const block = parseBlock(ref.address);
    for (const [suffix, place] of placesFromTags(ref.sheet, cells.get(ref), block.top, block.left).get(t.key) ?? []) found.set(suffix, place);
  }
  const missing: string[] = [];
  for (const suffix of requiredSuffixes()) {
    const onScoreSheet = SCORE_SUFFIXES.includes(suffix);
    // Without reading the score sheet, its block name standing is what there is to check.
    if (onScoreSheet && !withScores) continue;
    if (!found.has(suffix)) missing.push(nameOf(t.key, suffix));
  }
  if (!t.scores) missing.push(nameOf(t.key, BLOCK_SUFFIXES.scores));
  // A block name wider or narrower than the template made it: columns were inserted or
  // deleted in that sheet, which moves the tag column away from where it is looked for.
  const reshaped = [t.facts, ...(t.scores ? [t.scores] : [])].find((ref, i) => blockCols(parseBlock(ref.address)) !== (i === 0 ? FACTS_COLUMNS.tag : SCORE_COLUMNS.tag) + 1);
  return { key: t.key, places: found, missing, tagged: true, reshaped: missing.length > 0 ? reshaped?.sheet : undefined };
}

function damagedProblem(locale: Locale, d: DepartmentNames): FlowProblem {
  const any = d.places.get('department') ?? [...d.places.values()][0];
  const some = (sep: string, more: string) => `${d.missing.slice(0, 5).join(sep)}${d.missing.length > 5 ? more : ''}`;
  return {
    sheet: any?.sheet ?? '',
    address: any ? cellAddress(any.block.top, any.block.left) : '',
    path: 'template',
    code: 'template_damaged',
    message: d.reshaped
      ? tr(
          locale,
          `工作表“${d.reshaped}”中插入或删除了列，加载项的行标记不在原来的列中，找不到院系模板 ${d.key} 的 ${some('、', ' 等')}：请撤销该操作（Ctrl+Z）；要加列，请加在表格右侧之外`,
          `Columns were inserted into or deleted from sheet "${d.reshaped}", so the add-in's row tags are no longer in their column and ${some(', ', ' …')} of department ${d.key} cannot be found: undo that (Ctrl+Z); add columns only to the right of the table`,
        )
      : d.tagged
      ? tr(
          locale,
          `院系模板 ${d.key} 的行标记（填报表 H 列、评分表 P 列，不显示内容）或工作表不全，找不到 ${some('、', ' 等')}，请重新插入模板`,
          `The template of department ${d.key} has lost row tags (facts sheet column H, score sheet column P, shown blank) or a sheet: ${some(', ', ' …')} not found; insert the template again`,
        )
      : tr(
          locale,
          `院系模板 ${d.key} 缺少定义名称 ${some('、', ' 等')}，请重新插入模板`,
          `The template of department ${d.key} lacks the defined names ${some(', ', ' …')}; insert the template again`,
        ),
  };
}

/**
 * One department's template as insertTemplate finds it from its own names (`looked`, from
 * `host.lookup`): a tagged one by reading its two blocks, a named one by looking up the rest
 * of its names. Undefined when the workbook has none.
 */
export async function departmentTemplate(host: Host, key: string, looked: DefinedName[]): Promise<DepartmentNames | undefined> {
  const tagged = taggedDepartments(looked).find((t) => t.key === key);
  if (tagged) {
    const refs = [tagged.facts, ...(tagged.scores ? [tagged.scores] : []), ...(tagged.ledger ? [tagged.ledger] : [])];
    const values = await host.read(refs);
    const cells = new ReadCells();
    refs.forEach((ref, i) => cells.add(ref, values[i]));
    return taggedPlaces(tagged, cells, true);
  }
  if (!looked.some((n) => n.name.toLowerCase() === nameOf(key, 'department'))) return undefined;
  const all = await host.lookup(requiredSuffixes().map((suffix) => nameOf(key, suffix)), []);
  return departmentsFromNames(all.names).find((d) => d.key === key);
}

/** The department key of one of the add-in's names (`coop_<key>_…`), or ''. */
function keyOf(name: string): string {
  return new RegExp(`^${NAME_PREFIX}(d[0-9a-z]{6})_`).exec(name.toLowerCase())?.[1] ?? '';
}

/**
 * Departments whose sheets were copied inside the workbook: the same key's block (or, first
 * scheme, its department cell) on more than one sheet, through row tags read on every sheet
 * or through names Excel scoped to the copy. Copying a sheet does not make a new department,
 * and which sheet holds the facts cannot be told, so such a department is not read at all
 * and the user is told why and what to do.
 */
function copiedTemplates(locale: Locale, names: DefinedName[], scoped: DefinedName[]): { keys: Set<string>; problems: FlowProblem[] } {
  const anchors = new RegExp(`^${NAME_PREFIX}(d[0-9a-z]{6})_(${BLOCK_SUFFIXES.facts}|${BLOCK_SUFFIXES.scores}|${BLOCK_SUFFIXES.ledger}|department|out)$`);
  const where = new Map<string, DefinedName[]>();
  for (const n of [...names, ...scoped]) {
    const m = anchors.exec(n.name.toLowerCase());
    if (!m) continue;
    const id = `${m[1]}_${m[2]}`;
    const seen = where.get(id) ?? [];
    if (!seen.some((s) => s.sheet.toLowerCase() === n.sheet.toLowerCase())) where.set(id, [...seen, n]);
  }
  const keys = new Set<string>();
  const problems: FlowProblem[] = [];
  for (const [id, found] of where) {
    const key = id.slice(0, 7);
    if (found.length < 2 || keys.has(key)) continue;
    keys.add(key);
    // Excel names the copy (its names are scoped to it); tags alone cannot tell: the last one.
    const copy = found.find((n) => scoped.includes(n)) ?? found[found.length - 1];
    const list = found.map((n) => tr(locale, `“${n.sheet}”`, `"${n.sheet}"`)).join(tr(locale, '、', ', '));
    const top = parseBlock(copy.address);
    problems.push({
      sheet: copy.sheet,
      address: cellAddress(top.top, top.left),
      path: 'template',
      code: 'copied_template',
      message: tr(
        locale,
        `院系模板 ${key} 出现在 ${found.length} 个工作表中（${list}），应是复制工作表产生的副本：复制的工作表不会成为新的院系，加载项也无法确定读哪一份，因此暂不读取该院系。请删除多余的副本；若要为另一个院系填报，请用“插入填报模板”插入该院系的模板，再把内容粘贴过去`,
        `The template of department ${key} is on ${found.length} sheets (${list}), copies made by copying a sheet: a copy does not become another department and the add-in cannot tell which one to read, so it reads neither. Delete the extra copies; to fill in another department, insert that department's template and paste the values into it`,
      ),
    });
  }
  return { keys, problems };
}

/** The score sheet's blocks a named (first-scheme) department needs read. */
function scoreReads(d: DepartmentNames): RangeRef[] {
  const at = (suffix: string) => d.places.get(suffix) as Place;
  const owned = (suffix: string) => readRef({ sheet: at(suffix).sheet, block: at(suffix).block });
  return [owned('out'), owned('head'), { sheet: at('lines').sheet, address: blockAddress(at('lines').block) }];
}

/**
 * The survey, then one read of every department's facts (a named template's inputs one by
 * one, a tagged template's block whole) and of `extraFor(names)`.
 */
export async function gather(host: Host, locale: Locale, options: GatherOptions = {}): Promise<Gathered> {
  const { extraFor = () => [], marks = false, scores = false, results = [] } = options;
  const surveyed = await host.survey(results);
  const { sheets } = surveyed;
  const copied = copiedTemplates(locale, surveyed.names, surveyed.scoped ?? []);
  const names = surveyed.names.filter((n) => !copied.keys.has(keyOf(n.name)));
  const tagged = taggedDepartments(names);
  const named = departmentsFromNames(names).filter((d) => !tagged.some((t) => t.key === d.key));
  const intactNamed = named.filter((d) => d.missing.length === 0);
  const namedReads = intactNamed.flatMap((d) => [...factReads(d), ...(scores ? scoreReads(d) : [])]);
  const taggedReads = tagged.flatMap((t) => [factsRead(t), ...(scores && t.scores ? [t.scores] : []), ...(t.ledger ? [t.ledger] : [])]);
  const extraRefs = extraFor(names, intactNamed.length + tagged.length);
  // What checkAndMark hands to setMarks: a named template's inputs, a tagged one's input columns.
  const markScope = [
    ...intactNamed.flatMap(factReads),
    ...tagged.map((t) => ({ sheet: t.facts.sheet, address: blockAddress({ ...parseBlock(t.facts.address), right: FACTS_COLUMNS.width - 1 }) })),
    // The ledger sheet's input columns may carry marks too (a date the engine cannot read).
    ...tagged.flatMap((t) => (t.ledger ? [{ sheet: t.ledger.sheet, address: blockAddress({ ...parseBlock(t.ledger.address), right: LEDGER_SHEET.width - 1 }) }] : [])),
  ];
  const refs = [...namedReads, ...taggedReads, ...extraRefs];
  const values = refs.length > 0 ? await host.read(refs, { markScope: marks ? markScope : undefined }) : [];
  const cells = new ReadCells();
  refs.forEach((ref, i) => cells.add(ref, values[i]));

  const all = [...named, ...tagged.map((t) => taggedPlaces(t, cells, scores))];
  const intact = all.filter((d) => d.missing.length === 0);

  const departments = intact.map((d) => assemble(d, factReads(d).map((r) => cells.get(r))));
  return {
    sheets,
    names,
    departments,
    damaged: [...copied.problems, ...all.filter((d) => d.missing.length > 0).map((d) => damagedProblem(locale, d))],
    extra: values.slice(namedReads.length + taggedReads.length),
    cells,
    markScope,
  };
}

/**
 * Every input problem of one department: S1 errors on the department's cells; S2 errors on the
 * assessor's cells, except those the department's own value already causes (reported once).
 */
export function inputProblems(engine: Engine, locale: Locale, data: DepartmentData): FlowProblem[] {
  const problems: FlowProblem[] = data.overflow.map((at) => ({
    ...at,
    path: 'table',
    code: 'table_too_long',
    department: data.department,
    message: tr(
      locale,
      `表格读到 ${at.address} 仍未遇到空行：请在表格末尾留一个空行（专业表与订单班表之间须有空行）`,
      `The table reaches ${at.address} without a blank row: leave a blank row at the end of the table`,
    ),
  }));
  for (const at of data.ledger.badVerdicts) {
    problems.push({
      ...at,
      path: 'projects',
      code: 'unknown_choice',
      column: 'assessor',
      department: data.department,
      message: tr(locale, '考评认定只能填“认定”或“不认定”（空白表示认定）', 'The assessors\' column takes 认定 (accepted) or 不认定 (struck); blank means accepted'),
    });
  }
  // Computed cells an emptied ledger left are no input: their own `missing` says why.
  const stale = staleProblems(locale, data);
  problems.push(...stale);
  const explained = (at: { sheet: string; address: string }) => stale.some((p) => p.sheet === at.sheet && p.address === at.address);
  const s1 = engine.validateFacts(data.self, { locale });
  for (const e of s1.errors) {
    const at = locate(data, e.path, 'self');
    if (!explained(at)) problems.push({ ...at, path: e.path, code: e.code, message: e.message, department: data.department });
  }
  // The ledger's compliance warnings (RUBRIC.md §7) never block scoring: they are listed
  // apart, each on its ledger cell.
  const warning = (path: string, code: string, message: string): FlowProblem => ({ ...locate(data, path, 'self'), path, code, message, department: data.department, severity: 'warning' });
  problems.push(...s1.warnings.map((w) => warning(w.path, w.code, w.message)));
  if (data.assessorBlank) return problems;
  const s2 = engine.validateFacts(data.assessor, { locale });
  const prefix = tr(locale, '考评：', 'Assessor: ');
  for (const e of s2.errors) {
    // S2 leaves out the rows marked 不认定: its paths are turned back into the sheet's rows.
    const path = s1Path(e.path, data.ledger.s2Rows);
    const inherited = s1.errors.some((x) => x.path === path && x.code === e.code);
    if (inherited && !assessorFilled(data, path)) continue;
    const at = locate(data, path, 'assessor');
    if (!explained(at)) problems.push({ ...at, path, code: e.code, message: prefix + e.message, department: data.department });
  }
  for (const w of s2.warnings) {
    const path = s1Path(w.path, data.ledger.s2Rows);
    if (!s1.warnings.some((x) => x.path === path && x.code === w.code)) problems.push(warning(path, w.code, prefix + w.message));
  }
  return problems;
}

/** The problems that stop an action: every one but the ledger's warnings. */
export function errorsOnly(problems: FlowProblem[]): FlowProblem[] {
  return problems.filter((p) => p.severity !== 'warning');
}

export type Scored = Extract<ScoreResult, { ok: true }>;

/**
 * S1 and S2 of a department whose facts passed validation. The engine refusing facts it has
 * just validated is a fault of the add-in, not of the user: it is thrown, never answered by
 * leaving the department out (a summary or score sheet silently short of one department).
 */
export function scoreBoth(engine: Engine, locale: Locale, d: DepartmentData): { s1: Scored; s2: Scored } {
  const s1 = engine.scoreDepartment(d.self, { locale });
  const s2 = engine.scoreDepartment(d.assessor, { locale });
  if (!s1.ok || !s2.ok) {
    const errors = (s1.ok ? [] : s1.errors).concat(s2.ok ? [] : s2.errors);
    throw new Error(`internal: "${d.department}" passed validation but was not scored: ${errors.map((e) => `${e.path} ${e.code}`).join(', ')}`);
  }
  return { s1, s2 };
}

export function noDepartments(locale: Locale): FlowProblem {
  return {
    sheet: '',
    address: '',
    path: 'template',
    code: 'no_template',
    message: tr(locale, '工作簿中没有院系填报表，请先插入填报模板', 'No department sheets in this workbook; insert the template first'),
  };
}
