/**
 * The majors table's computed cells (合作企业数, 校内/校外实训基地, self and assessor): with
 * ledger rows the engine derives them (RUBRIC.md §7 "Derived inputs"), and 计算得分 shows them
 * in the majors table, grey, with a record that makes them the add-in's own cells.
 *
 * The values are the engine's own, as data (`derivedInputs`): the counting rules live in the
 * engine alone. A value the engine does not give for a major is a fault of the add-in,
 * thrown, never guessed around.
 */
import type { CellValue, FormatBlock, WriteBlock } from '../host/host.js';
import type { Engine } from '../engine/types.js';
import { blockAddress, cellAddress, parseBlock } from '../host/a1.js';
import { MAJOR_COLUMNS } from '../template/fields.js';
import { ASSESSOR_FILL, COMPUTED_FILL, SELF_FILL } from '../template/layout.js';
import { MAJORS_RECORD } from '../template/columns.js';
import { ownedWrites, type OwnedBlock } from './own.js';
import type { FlowProblem, Locale } from './index.js';
import { COMPUTED_COLUMNS, computedBlock, type DepartmentData, type StaleCell } from './read.js';
import { sheetRef, tr } from './text.js';
import type { Facts } from './facts.js';

export interface MajorDerived {
  partners: number;
  campus_base: boolean;
  external_base: boolean;
}

/** Every input the engine derives from `facts`, by path; throws when it refuses them. */
export function derivedValues(engine: Engine, facts: Facts): Map<string, number | boolean> {
  const r = engine.derivedInputs(facts, { locale: 'zh' });
  if (!r.ok) throw new Error(`internal: the ledger was refused: ${r.errors.map((e) => `${e.path} ${e.code}`).join(', ')}`);
  return new Map(r.values.map((v) => [v.path, v.value]));
}

/** What the engine derived for each major of `facts` (which must hold `projects`). */
export function derivedMajors(engine: Engine, facts: Facts): MajorDerived[] {
  const majors = ((facts.majors ?? []) as Facts[]).map((m) => String(m.name ?? '').trim());
  // Only what the derivation reads: a value typed over a computed cell is no concern here.
  const values = derivedValues(engine, { year: facts.year, majors: majors.map((name) => ({ name })), projects: facts.projects });
  return majors.map((name, i) => {
    const [partners, campus, external] = ['partners', 'campus_base', 'external_base'].map((f) => values.get(`majors[${i}].${f}`));
    if (typeof partners !== 'number' || typeof campus !== 'boolean' || typeof external !== 'boolean') {
      throw new Error(`internal: the engine derived no partners or bases for the major "${name}"`);
    }
    return { partners, campus_base: campus, external_base: external };
  });
}

const YES = '是';
const NO = '否';

/** One major's row of computed cells, in the majors table's column order (B–G). */
function rowValues(s1: MajorDerived, s2: MajorDerived): CellValue[] {
  return COMPUTED_COLUMNS.map((c) => {
    const col = MAJOR_COLUMNS[c];
    const d = col.column === 'assessor' ? s2 : s1;
    const v = d[col.key as keyof MajorDerived];
    return typeof v === 'boolean' ? (v ? YES : NO) : v;
  });
}

export interface ComputedPlan {
  planned: Array<{ owned: OwnedBlock; current: CellValue[][] }>;
  writes: WriteBlock[];
  formats: FormatBlock[];
}

/**
 * The writes of a department's computed cells (nothing when its ledger has no row): the
 * values from S1's and S2's facts, each row with its record in column I; the cells grey and
 * the records out of sight (";;;", as the tag column).
 */
export function computedWrites(engine: Engine, d: DepartmentData): ComputedPlan {
  const plan: ComputedPlan = { planned: [], writes: [], formats: [] };
  const c = d.computed;
  if (!c || !d.self.projects) return plan;
  const s1 = derivedMajors(engine, d.self);
  const s2 = derivedMajors(engine, d.assessor);
  s1.forEach((m, i) => {
    const owned = computedBlock(c.sheet, c.top + i);
    const current = [c.current[i]];
    plan.planned.push({ owned, current });
    plan.writes.push(...ownedWrites(owned, [rowValues(m, s2[i])], current));
  });
  if (s1.length > 0) {
    const first = computedBlock(c.sheet, c.top).block;
    const bottom = c.top + s1.length - 1;
    plan.formats.push({ sheet: c.sheet, address: blockAddress({ ...first, bottom }), format: { fill: COMPUTED_FILL } });
    plan.formats.push({ sheet: c.sheet, address: blockAddress({ top: c.top, left: MAJORS_RECORD, bottom, right: MAJORS_RECORD }), format: { numberFormat: ';;;' } });
  }
  return plan;
}

/* ---------------------------------------------- computed cells left by an emptied ledger */

/**
 * The writes that take back computed cells a ledger since emptied left (`d.stale`): each
 * such cell emptied and its row's record with it (the row then holds nothing of the
 * add-in's: a person's value beside them stays, foreign as before), and the template's fill
 * given back in place of the grey.
 */
export function staleClears(d: DepartmentData): { writes: WriteBlock[]; formats: FormatBlock[] } {
  const writes: WriteBlock[] = [];
  const formats: FormatBlock[] = [];
  const rows = new Map<number, StaleCell>();
  for (const c of d.stale) {
    writes.push({ sheet: c.sheet, address: c.address, values: [[null]], expect: [[c.value]] });
    formats.push({ sheet: c.sheet, address: c.address, format: { fill: c.column === 'assessor' ? ASSESSOR_FILL : SELF_FILL } });
    rows.set(c.row, c);
  }
  for (const [, c] of rows) {
    writes.push({ sheet: c.sheet, address: cellAddress(parseBlock(c.address).top, MAJORS_RECORD), values: [[null]], expect: [[c.record]] });
  }
  return { writes, formats };
}

/**
 * 检查填报 and 计算得分 on computed cells a ledger since emptied left: each is `missing`, on
 * its cell, saying why the value shown is not taken (the engine's own `missing` on the same
 * cell gives way to it).
 */
export function staleProblems(locale: Locale, d: DepartmentData, cells: StaleCell[] = d.stale): FlowProblem[] {
  return cells.map((c) => ({
    sheet: c.sheet,
    address: c.address,
    path: c.path,
    code: 'missing',
    column: c.column,
    department: d.department,
    message: tr(
      locale,
      `${sheetRef(c.sheet, c.address)} 的值是加载项此前依据合作项目台账计算的，台账现已没有项目，该值不再作为填报值：请直接填写${c.column === 'assessor' ? '（考评栏留空表示按自评认定）' : ''}，或在台账工作表中填写合作项目`,
      `${sheetRef(c.sheet, c.address)} holds what the add-in computed from the project ledger, which now has no project, so it is no longer taken as an input: type the value${c.column === 'assessor' ? ' (a blank assessor cell accepts the self value)' : ''}, or fill in the ledger sheet`,
    ),
  }));
}
