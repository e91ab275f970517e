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
  const sample = await departmentWorkbook(engine, facts);
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
