/**
 * The standalone web page: dist/web/ with the page, its bundle (the flow, the .xlsx host and
 * the embedded engine), and two workbooks made at build time by the flow itself — the empty
 * template and the sample department (RUBRIC.md §3, from tests/cases/base-facts.json, the
 * same facts the golden cases start from).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildContext, BuildTarget, StaticFile } from '../build-api.js';
import { engineInNode } from '../../src/engine/engine.js';
import { departmentWorkbook, templateWorkbook } from '../../src/web/workbooks.js';

async function workbooks(ctx: BuildContext): Promise<StaticFile[]> {
  const engine = engineInNode(readFileSync(join(ctx.repoDir, 'pkg', 'coop_engine_bg.wasm')));
  const facts = JSON.parse(readFileSync(join(ctx.repoDir, 'tests', 'cases', 'base-facts.json'), 'utf8')) as Record<string, unknown>;
  // The sample has its ledger and report calendar (examples/ledger.json): they give the
  // majors' partners and bases and A3's counts, the same values base-facts.json types (so it
  // still scores 88), and what they decide is left to them (RUBRIC.md §7 derived_input).
  const ledger = JSON.parse(readFileSync(join(ctx.repoDir, 'examples', 'ledger.json'), 'utf8')) as Record<string, unknown>;
  const beside = { ...facts, reports: undefined, majors: (facts.majors as Array<Record<string, unknown>>).map((m) => ({ name: m.name })) };
  const sample = await departmentWorkbook(engine, { ...beside, ...ledger });
  return [
    { to: 'web/template.xlsx', contents: await templateWorkbook(engine) },
    { to: 'web/sample.xlsx', contents: await sample.save() },
  ];
}

export const target: BuildTarget = {
  name: 'web',
  bundles: () => [{ entry: 'src/web/main.ts', out: 'web/main.js' }],
  files: async (ctx) => [
    { to: 'web/index.html', from: 'src/web/index.html' },
    { to: 'web/web.css', from: 'src/web/web.css' },
    ...(await workbooks(ctx)),
  ],
};
