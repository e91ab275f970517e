/**
 * Typing a department's facts (RUBRIC.md §3) into a template in the fake ET workbook, as a
 * person would type them into WPS 表格: cells found through the template's defined names,
 * yes/no as 是/否, staffing as 专职/兼职/没有. Used by the WPS flow test and, bundled for
 * the browser, by the WPS task-pane end-to-end test.
 */
import { departmentKey, fieldSuffix, nameOf } from '../../src/flow/names.js';
import { CLASS_COLUMNS, FACT_FIELDS, MAJOR_COLUMNS } from '../../src/template/fields.js';
import { blockAddress, cellAddress, parseBlock, parseNameReference, topLeft, type Block } from '../../src/host/a1.js';
import type { FakeEtApplication } from './fake-et.js';
import type { DefinedName } from '../../src/host/host.js';
import { namesFromTags, tagColumnsOf, withDerivedNames } from '../../src/template/tags.js';

export type Json = Record<string, unknown>;

/**
 * Where a defined name of the fake workbook points, or the place a tagged template's row tags
 * stand for under that name (see src/template/tags.ts), found without the adapter.
 */
export function named(app: FakeEtApplication, name: string): { sheet: string; block: Block } {
  const ref = etNames(app).find((n) => n.name.toLowerCase() === name.toLowerCase());
  if (!ref) throw new Error(`${name} does not refer to a range`);
  return { sheet: ref.sheet, block: parseBlock(ref.address) };
}

/** The fake workbook's range names, plus those its row tags stand for. */
export function etNames(app: FakeEtApplication): DefinedName[] {
  const real = (app.book.Names as unknown as { list: Array<{ Name: string; RefersTo: unknown }> }).list.flatMap((n) => {
    const ref = parseNameReference(String(n.RefersTo).replace(/^=/, ''));
    return ref ? [{ name: n.Name, ...ref }] : [];
  });
  return withDerivedNames(real, tagged(app));
}

const taggedCache = new WeakMap<FakeEtApplication, { sheets: string; names: DefinedName[] }>();

/** The names the workbook's row tags stand for, worked out again only when the sheets changed. */
function tagged(app: FakeEtApplication): DefinedName[] {
  const sheets = [...app.book.list.map((ws) => ws.Name), app.book.Names.Count].join('\u0000');
  const hit = taggedCache.get(app);
  if (hit?.sheets === sheets) return hit.names;
  const names = app.book.list.flatMap((ws) => {
    const rows = Math.max(0, ...ws.positions().map((p) => p.row + 1));
    return namesFromTags(ws.Name, tagColumnsOf(rows, (r, c) => ws.cell(r, c)?.value ?? null), 0, 0);
  });
  taggedCache.set(app, { sheets, names });
  return names;
}

/** The top-left cell of a department's named input (`suffix` as in flow/names.ts). */
export function cellOf(app: FakeEtApplication, department: string, suffix: string): { sheet: string; address: string } {
  const { sheet, block } = named(app, nameOf(departmentKey(department), suffix));
  return { sheet, address: blockAddress(topLeft(block)) };
}

const STAFFING: Record<string, string> = { full_time: '专职', part_time: '兼职', none: '没有' };
const typed = (v: unknown): unknown => (typeof v === 'boolean' ? (v ? '是' : '否') : typeof v === 'string' ? (STAFFING[v] ?? v) : v);

/** Types the facts into the department's self column and its tables. */
export function typeFacts(app: FakeEtApplication, department: string, facts: Json): void {
  for (const f of FACT_FIELDS) {
    let v: unknown = facts;
    for (const part of f.path.split('.')) v = v && typeof v === 'object' ? (v as Json)[part] : undefined;
    if (v === undefined) continue;
    const c = cellOf(app, department, fieldSuffix(f.path, 'self'));
    app.type(c.sheet, c.address, typed(v));
  }
  for (const [table, rows, columns] of [['majors', facts.majors, MAJOR_COLUMNS], ['classes', facts.order_classes, CLASS_COLUMNS]] as const) {
    const { sheet, block } = named(app, nameOf(departmentKey(department), table));
    ((rows ?? []) as Json[]).forEach((row, r) =>
      columns.forEach((col, i) => {
        if (col.column === 'assessor' || row[col.key] === undefined) return;
        app.type(sheet, cellAddress(block.top + 1 + r, block.left + i), typed(row[col.key]));
      }),
    );
  }
}
