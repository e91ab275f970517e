/**
 * The named places that tie a department's sheets together. Names (and row tags), not
 * addresses, are the anchors: Excel and WPS move a name when rows are inserted above it and
 * keep it when its sheet is renamed, so the flow keeps finding its cells after the user
 * reshapes the sheets.
 *
 * Scheme: `coop_<key>_<field>`, key = "d" + 6 base-36 characters hashed from the department's
 * name. Hashing (rather than numbering 1, 2, 3) matters when the office copies sheets from
 * several departments' workbooks into one: each brings its own names, and they do not clash.
 * Templates of the first scheme define one such name per place; today's template tags its
 * rows instead, and the same places are worked out from the tags (../template/tags.ts).
 */
import type { DefinedName } from '../host/host.js';
import { parseBlock } from '../host/a1.js';
import { fieldSuffix, nameOf, NAME_PREFIX, type Place } from '../template/names.js';

export { departmentKey, fieldSuffix, fnv1a, nameOf, NAME_PREFIX, type Place } from '../template/names.js';
import { FACT_FIELDS, placeRequired } from '../template/fields.js';

export const SUMMARY_NAME = 'coop_summary_out';
export const APPRAISAL_NAME = 'coop_appraisal_out';

/** Suffixes of the names every department carries besides the fact fields. */
export const FIXED_SUFFIXES = ['department', 'year', 'majors', 'classes', 'out', 'head', 'lines'] as const;

export function requiredSuffixes(): string[] {
  const out: string[] = [...FIXED_SUFFIXES];
  for (const f of FACT_FIELDS.filter(placeRequired)) out.push(fieldSuffix(f.path, 'self'), fieldSuffix(f.path, 'assessor'));
  return out;
}

/** Places a department may lack (inputs added after its template was made): used when present. */
export function optionalSuffixes(): string[] {
  return FACT_FIELDS.filter((f) => !placeRequired(f)).flatMap((f) => [fieldSuffix(f.path, 'self'), fieldSuffix(f.path, 'assessor')]);
}

/** One department's named places, or the names it is missing. */
export interface DepartmentNames {
  key: string;
  places: Map<string, Place>;
  missing: string[];
  /** Found by its row tags (today's template) rather than one name per place. */
  tagged?: boolean;
  /** The sheet whose block name no longer has the template's width (columns inserted or deleted). */
  reshaped?: string;
}

/** Groups the workbook's names into departments (keys found from their `_department` name). */
export function departmentsFromNames(names: DefinedName[]): DepartmentNames[] {
  const byName = new Map<string, Place>();
  for (const n of names) {
    try {
      byName.set(n.name.toLowerCase(), { sheet: n.sheet, block: parseBlock(n.address) });
    } catch {
      // A name whose target was deleted (#REF!) is not ours to repair; its department is
      // reported as damaged below, because the required name then counts as missing.
    }
  }
  const keys: string[] = [];
  const pattern = new RegExp(`^${NAME_PREFIX}(d[0-9a-z]+)_department$`);
  for (const n of names) {
    const m = pattern.exec(n.name.toLowerCase());
    if (m && !keys.includes(m[1])) keys.push(m[1]);
  }
  return keys.map((key) => {
    const places = new Map<string, Place>();
    const missing: string[] = [];
    for (const suffix of requiredSuffixes()) {
      const place = byName.get(nameOf(key, suffix));
      if (place) places.set(suffix, place);
      else missing.push(nameOf(key, suffix));
    }
    for (const suffix of optionalSuffixes()) {
      const place = byName.get(nameOf(key, suffix));
      if (place) places.set(suffix, place);
    }
    return { key, places, missing };
  });
}

export function placeOf(names: DefinedName[], name: string): Place | undefined {
  const n = names.find((d) => d.name.toLowerCase() === name);
  if (!n) return undefined;
  try {
    return { sheet: n.sheet, block: parseBlock(n.address) };
  } catch {
    return undefined;
  }
}
