/**
 * Row tags: how a department's sheets are found without listing the workbook's names.
 *
 * Every row of a department's sheets that the flow reads or writes carries, in a hidden
 * column (facts sheet H, score sheet P, ledger sheet P), a tag `coop:<key>:<what>`:
 * "department", "field:" and the input's path, "majors", "classes" on the facts sheet; "head",
 * "line", "total", "final" and (templates made since the score sheet prints its reasons on a
 * page of their own) "reason" on the score sheet; "calendar" and "projects" on the ledger
 * sheet (台账, templates since issue #10, named `coop_<key>_ledger`; optional). A tag travels with its row (rows inserted above, a sheet renamed, sheets
 * copied into another workbook), so one read of a sheet's block tells where everything is.
 *
 * The places a sheet's tags stand for are exactly the named places of the first template
 * scheme (`coop_<key>_<suffix>`, ../flow/names.ts: one defined name per input): templates made
 * before the tags still carry those names and are read through them. Templates with tags
 * carry two defined names per department instead, `coop_<key>_facts` and `coop_<key>_scores`,
 * each covering its sheet's tagged block, for hosts that find things by name cheaply (Excel).
 */
import type { CellValue, DefinedName } from '../host/host.js';
import { blockAddress, type Block } from '../host/a1.js';
import { fieldSuffix, nameOf, type Place } from './names.js';
import { CLASS_COLUMNS, FACT_FIELDS, MAJOR_COLUMNS, REPORT_MONTHS } from './fields.js';
import { FACTS_COLUMNS, LEDGER_SHEET, SCORE_COLUMNS } from './columns.js';

const TAG = /^coop:(d[0-9a-z]{6}):(department|majors|classes|head|line|total|final|reason|projects|calendar|field:[a-z_.]+)$/;

/** The suffixes of the two block names of a tagged template. */
export const BLOCK_SUFFIXES = { facts: 'facts', scores: 'scores', ledger: 'ledger' } as const;

/**
 * The named places on the ledger sheet (台账, issue #10): the ledger table's header row and the
 * calendar's month row. Optional: a template made before the ledger has neither and is read
 * as it always was.
 */
export const LEDGER_SUFFIXES: readonly string[] = ['projects', 'calendar'];

/** Which of a department's three sheets a named place lives on. */
export function sheetOfSuffix(suffix: string): 'facts' | 'scores' | 'ledger' {
  if (LEDGER_SUFFIXES.includes(suffix)) return 'ledger';
  return SCORE_SUFFIXES.includes(suffix) ? 'scores' : 'facts';
}

/** The named places that live on the score sheet; all others are on the facts sheet. */
export const SCORE_SUFFIXES: readonly string[] = ['out', 'head', 'lines', 'reasons'];

/** The columns, left to right, that may hold tags: a sheet's block is scanned in these only. */
export const TAG_COLUMNS = [FACTS_COLUMNS.tag, SCORE_COLUMNS.tag] as const;

export function tagText(key: string, what: string): string {
  return `coop:${key}:${what}`;
}

export function fieldTag(path: string): string {
  return `field:${path}`;
}

interface Tagged {
  key: string;
  what: string;
  row: number;
}

/** The tags of a block read from `sheet` with its top-left cell at (`top`, `left`). */
function tagsIn(values: CellValue[][], top: number, left: number): Tagged[] {
  const out: Tagged[] = [];
  values.forEach((row, r) => {
    for (const col of TAG_COLUMNS) {
      const m = TAG.exec(String(row[col - left] ?? ''));
      if (m) out.push({ key: m[1], what: m[2], row: top + r });
    }
  });
  return out;
}

function place(sheet: string, top: number, left: number, bottom = top, right = left): Place {
  return { sheet, block: { top, left, bottom, right } };
}

/** Every department's places found in one sheet's block: key → suffix → place. */
export function placesFromTags(sheet: string, values: CellValue[][], top: number, left: number): Map<string, Map<string, Place>> {
  const byKey = new Map<string, Tagged[]>();
  for (const t of tagsIn(values, top, left)) byKey.set(t.key, [...(byKey.get(t.key) ?? []), t]);
  const out = new Map<string, Map<string, Place>>();
  for (const [key, tags] of byKey) out.set(key, departmentPlaces(sheet, tags));
  return out;
}

/** One department's places on one sheet; a damaged sequence of score rows yields no out/lines. */
function departmentPlaces(sheet: string, tags: Tagged[]): Map<string, Place> {
  const places = new Map<string, Place>();
  const rows = (what: string) => tags.filter((t) => t.what === what).map((t) => t.row);
  const once = (what: string) => {
    const found = rows(what);
    return found.length === 1 ? found[0] : undefined;
  };
  const department = once('department');
  if (department !== undefined) {
    places.set('department', place(sheet, department, FACTS_COLUMNS.department));
    places.set('year', place(sheet, department, FACTS_COLUMNS.year));
  }
  for (const f of FACT_FIELDS) {
    const row = once(fieldTag(f.path));
    if (row === undefined) continue;
    places.set(fieldSuffix(f.path, 'self'), place(sheet, row, FACTS_COLUMNS.self));
    places.set(fieldSuffix(f.path, 'assessor'), place(sheet, row, FACTS_COLUMNS.assessor));
  }
  const majors = once('majors');
  if (majors !== undefined) places.set('majors', place(sheet, majors, 0, majors, MAJOR_COLUMNS.length - 1));
  const classes = once('classes');
  if (classes !== undefined) places.set('classes', place(sheet, classes, 0, classes, CLASS_COLUMNS.length - 1));
  const projects = once('projects');
  if (projects !== undefined) places.set('projects', place(sheet, projects, 0, projects, LEDGER_SHEET.width - 1));
  const calendar = once('calendar');
  if (calendar !== undefined) places.set('calendar', place(sheet, calendar, 0, calendar, LEDGER_SHEET.months + REPORT_MONTHS.length - 1));
  const head = once('head');
  if (head !== undefined) places.set('head', place(sheet, head, 1, head, SCORE_COLUMNS.last));
  // The line rows, 合计 and the final row must still follow one another: a row inserted among
  // them would shift the scores against the lines, so the template counts as damaged.
  const lines = rows('line').sort((a, b) => a - b);
  const total = once('total');
  const final = once('final');
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (lines.length > 0 && last - first === lines.length - 1) {
    places.set('lines', place(sheet, first, SCORE_COLUMNS.id, last, SCORE_COLUMNS.id));
    if (total === last + 1 && final === total + 1) {
      places.set('out', place(sheet, first, SCORE_COLUMNS.out, final, SCORE_COLUMNS.out + SCORE_COLUMNS.outWidth - 1));
    }
    // The reasons block (optional: older templates have none): one row per line, in order,
    // below the final row; out of step with the lines, it is not used (see fill.ts).
    const reasons = rows('reason').sort((a, b) => a - b);
    const top = reasons[0];
    if (reasons.length === lines.length && final !== undefined && top > final && reasons[reasons.length - 1] - top === reasons.length - 1) {
      places.set('reasons', place(sheet, top, SCORE_COLUMNS.out, top + reasons.length - 1, SCORE_COLUMNS.out + SCORE_COLUMNS.outWidth - 1));
    }
  }
  return places;
}

/** The block a tagged sheet's name covers: its tagged rows, from column A to its tag column. */
export function taggedBlock(suffix: 'facts' | 'scores' | 'ledger', rows: number[]): Block {
  const right = suffix === 'facts' ? FACTS_COLUMNS.tag : suffix === 'scores' ? SCORE_COLUMNS.tag : LEDGER_SHEET.tag;
  return { top: Math.min(...rows), left: 0, bottom: Math.max(...rows), right };
}

/**
 * The defined names a sheet's tags stand for: the block name of the sheet (`…_facts` or
 * `…_scores`) and every named place of the first template scheme, for adapters that find
 * templates by their tags (WPS, where listing names is slow) and for callers that look
 * inputs up by those names (typing a sample department's facts in).
 */
export function namesFromTags(sheet: string, values: CellValue[][], top: number, left: number): DefinedName[] {
  const out: DefinedName[] = [];
  for (const [key, places] of placesFromTags(sheet, values, top, left)) {
    for (const suffix of [BLOCK_SUFFIXES.facts, BLOCK_SUFFIXES.scores, BLOCK_SUFFIXES.ledger] as const) {
      const rows = [...places].filter(([s]) => sheetOfSuffix(s) === suffix).flatMap(([, p]) => [p.block.top, p.block.bottom]);
      if (rows.length > 0) out.push({ name: nameOf(key, suffix), sheet, address: blockAddress(taggedBlock(suffix, rows)) });
    }
    for (const [s, p] of places) out.push({ name: nameOf(key, s), sheet, address: blockAddress(p.block) });
  }
  return out;
}

/**
 * The tag columns of a sheet held in memory, as a block from A1 (`rows` rows; the other
 * columns left out): what `namesFromTags` scans, without copying every cell of the sheet.
 */
export function tagColumnsOf(rows: number, cellAt: (row: number, col: number) => CellValue): CellValue[][] {
  return Array.from({ length: rows }, (_, r) => {
    const row: CellValue[] = [];
    for (const col of TAG_COLUMNS) row[col] = cellAt(r, col);
    return row;
  });
}

/**
 * The workbook's own names, plus the derived ones no real name of the same name on the same
 * sheet hides: tags of the same name on another sheet are a copy of that sheet, which the
 * flow must see to say so.
 */
export function withDerivedNames(real: DefinedName[], derived: DefinedName[]): DefinedName[] {
  const taken = new Set(real.map((n) => n.name.toLowerCase()));
  const same = new Set(real.map((n) => `${n.name.toLowerCase()}\u0000${n.sheet.toLowerCase()}`));
  return [...real, ...derived.filter((n) => !taken.has(n.name.toLowerCase()) || !same.has(`${n.name.toLowerCase()}\u0000${n.sheet.toLowerCase()}`))];
}
