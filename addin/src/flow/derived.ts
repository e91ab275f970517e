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
import { blockAddress } from '../host/a1.js';
import { MAJOR_COLUMNS } from '../template/fields.js';
import { COMPUTED_FILL } from '../template/layout.js';
import { MAJORS_RECORD } from '../template/columns.js';
import { ownedWrites, type OwnedBlock } from './own.js';
import { COMPUTED_COLUMNS, computedBlock, type DepartmentData } from './read.js';

type Facts = Record<string, unknown>;

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
