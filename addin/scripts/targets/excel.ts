/**
 * The Excel add-in: one shared-runtime page. dist/taskpane.html loads dist/taskpane.js,
 * which registers the custom functions first and then mounts the task pane, so functions
 * and pane share one runtime and one engine instance. Also the localised function metadata,
 * the icons and a copy of manifest.xml pointing at the chosen base URL.
 *
 * Every Excel start loads taskpane.js (it is the functions' runtime), so ExcelJS is not in it:
 * dist/xlsx-reader.js holds the .xlsx host and ExcelJS, and the pane loads it only when the
 * "other workbooks" action runs (src/host/xlsx-reader-api.ts). verify() keeps it that way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XLSX_READER_FILE } from '../../src/host/xlsx-reader-api.js';
import { BuildError, type BuildContext, type BuildTarget, type StaticFile } from '../build-api.js';
import { functionsMetadataFiles } from '../gen-functions.js';
import { ICON_SIZES, iconPng } from '../icons.js';
import { validateManifest, formatReport } from '../validate-manifest.js';

const PANE_HTML = 'src/taskpane/taskpane.html';

/** The repository manifest with the development base URL replaced by the deploy one. */
export function rebaseManifest(xml: string, ctx: Pick<BuildContext, 'baseUrl' | 'devBaseUrl'>): string {
  const origin = (url: string) => url.replace(/\/$/, '');
  // Both "https://localhost:3000/x" and the bare origin (AppDomain) move to the new base.
  return xml.split(ctx.devBaseUrl).join(ctx.baseUrl).split(origin(ctx.devBaseUrl)).join(origin(ctx.baseUrl));
}

function paneHtml(ctx: BuildContext): StaticFile {
  const path = join(ctx.addinDir, PANE_HTML);
  if (!existsSync(path)) {
    throw new BuildError(`目标 excel：缺少任务窗格页面 ${PANE_HTML} / target excel: the task pane page ${PANE_HTML} is missing`);
  }
  const html = readFileSync(path, 'utf8');
  // The page must load the bundle this target builds, or the functions never register.
  if (!/src=["'](\.\/)?taskpane\.js["']/.test(html)) {
    throw new BuildError(`目标 excel：${PANE_HTML} 未加载 taskpane.js / target excel: ${PANE_HTML} does not load taskpane.js`);
  }
  return { to: 'taskpane.html', contents: html };
}

/** Strings only ExcelJS (and the JSZip inside it) puts in a bundle, minified or not. */
export const EXCELJS_MARKERS = ['JSZip', 'xl/workbook.xml'];

/** Fails the build if ExcelJS has crept back into the bundle every Excel start loads. */
function checkNoExcelJs(ctx: BuildContext): void {
  const code = readFileSync(join(ctx.distDir, 'taskpane.js'), 'utf8');
  const found = EXCELJS_MARKERS.filter((m) => code.includes(m));
  if (found.length > 0) {
    throw new BuildError(
      `dist/taskpane.js 含有 ExcelJS（${found.join('、')}）：它只应在 ${XLSX_READER_FILE} 中，按需加载\n` +
        `dist/taskpane.js contains ExcelJS (${found.join(', ')}); it belongs in ${XLSX_READER_FILE}, loaded on demand: import src/host/xlsx.ts only through src/host/xlsx-reader-api.ts`,
    );
  }
}

export const target: BuildTarget = {
  name: 'excel',
  bundles: () => [
    { entry: ['src/functions/excel-entry.ts', 'src/taskpane/taskpane.ts'], out: 'taskpane.js' },
    { entry: 'src/host/xlsx-reader.ts', out: XLSX_READER_FILE },
  ],
  files: (ctx) => [
    paneHtml(ctx),
    ...functionsMetadataFiles(),
    ...ICON_SIZES.map((size) => ({ to: `assets/icon-${size}.png`, contents: iconPng(size) })),
    { to: 'manifest.xml', contents: rebaseManifest(readFileSync(join(ctx.repoDir, 'manifest.xml'), 'utf8'), ctx) },
  ],
  verify: (ctx) => {
    checkNoExcelJs(ctx);
    const report = validateManifest({
      xml: readFileSync(join(ctx.distDir, 'manifest.xml'), 'utf8'),
      distDir: ctx.distDir,
      baseUrl: ctx.baseUrl,
    });
    if (report.errors.length > 0) throw new BuildError(`dist/manifest.xml 检查未通过 / failed its check:\n${formatReport(report)}`);
  },
};
