/**
 * The WPS 表格 add-in (wpsjs layout), built two ways from the same sources:
 *
 * - dist/wps/ — the online package, to copy to an intranet web server so that it is
 *   served at `<base-url>wps/`. Beside it: jsplugins.xml (the central oem.ini way) and the
 *   installer scripts, whose `--online` mode registers that URL in a user's publish.xml.
 * - dist/wps-offline/ — the offline package: the versioned folder
 *   `coop-assessment_<version>/` WPS loads from jsaddons, the installer scripts that copy it
 *   there and register it, and one .zip of all of it for handing out.
 *
 * Both bundles are built for an old Chromium (chrome69): WPS embeds one that may be older
 * than the page's other targets assume. The Wasm engine is embedded in the bundle (no
 * fetch; file:// works) and must be MVP-only, which test/wps-package.test.ts checks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BuildError, type BuildContext, type BuildTarget, type BundleEntry, type StaticFile } from '../build-api.js';
import { iconPng } from '../icons.js';
import { wpsFunctionsJson } from '../../src/wps/functions.js';
import { ADDIN_NAME, fillInstaller, INSTALLER_FILES, jspluginsXml, offlineFolder, PACKAGE_FILES } from '../../src/wps/package/layout.js';
import { checkPackage } from '../../src/wps/package/check.js';
import { zip, type ZipEntry } from '../../src/wps/package/zip.js';

/**
 * Old enough for the Chromium WPS embeds: esbuild lowers whatever either target lacks, so
 * the bundles are ES2018 syntax (no `catch {}` without a binding, no `?.`, no `??`), which
 * `npm run check:es` proves on the built files with es-check.
 */
export const WPS_ESBUILD_TARGET = ['chrome69', 'es2018'];

const ONLINE_DIR = 'wps';
const OFFLINE_DIR = 'wps-offline';

function version(ctx: BuildContext): string {
  const pkg = JSON.parse(readFileSync(join(ctx.addinDir, 'package.json'), 'utf8')) as { version?: string };
  if (!pkg.version) throw new BuildError('addin/package.json 缺少 version / has no version');
  return pkg.version;
}

/** Where the online package is served from, e.g. "http://intranet/coop/wps/". */
export function onlineUrl(ctx: Pick<BuildContext, 'baseUrl'>): string {
  return `${ctx.baseUrl}${ONLINE_DIR}/`;
}

function packageDirs(ctx: BuildContext): string[] {
  return [ONLINE_DIR, `${OFFLINE_DIR}/${offlineFolder(version(ctx))}`];
}

function bundles(ctx: BuildContext): BundleEntry[] {
  return packageDirs(ctx).flatMap((dir) => [
    { entry: 'src/wps/main.ts', out: `${dir}/coop-wps.js`, target: WPS_ESBUILD_TARGET },
    { entry: 'src/wps/taskpane.ts', out: `${dir}/coop-wps-pane.js`, target: WPS_ESBUILD_TARGET },
  ]);
}

/** The package's files other than the bundles, by path inside the add-in folder. */
function packageFiles(ctx: BuildContext): Map<string, string | Uint8Array> {
  const source = (name: string) => readFileSync(join(ctx.addinDir, 'wps', name), 'utf8');
  return new Map<string, string | Uint8Array>([
    ['index.html', source('index.html')],
    ['ribbon.xml', source('ribbon.xml')],
    ['manifest.xml', source('manifest.xml')],
    ['taskpane.html', source('taskpane.html')],
    // The shared pane's stylesheet, as the Excel and web pages use it.
    ['pane.css', readFileSync(join(ctx.addinDir, 'src', 'ui', 'pane.css'), 'utf8')],
    ['functions.json', `${JSON.stringify(wpsFunctionsJson('zh'), null, 2)}\n`],
    ['images/coop-32.png', iconPng(32)],
  ]);
}

/**
 * The installer scripts with this build's name, version and online URL filled in. Windows
 * PowerShell 5.1 reads a script without a byte order mark in the ANSI code page (GBK on
 * Chinese Windows), which would garble the Chinese messages, so .ps1 files carry one.
 */
function installers(ctx: BuildContext): Map<string, string> {
  const values = { version: version(ctx), onlineUrl: onlineUrl(ctx) };
  const out = new Map<string, string>();
  for (const name of INSTALLER_FILES) {
    const text = fillInstaller(readFileSync(join(ctx.addinDir, 'wps', 'install', name), 'utf8'), values);
    out.set(name, name.endsWith('.ps1') ? `\uFEFF${text}` : text);
  }
  return out;
}

function files(ctx: BuildContext): StaticFile[] {
  const out: StaticFile[] = [];
  const pkg = packageFiles(ctx);
  const scripts = installers(ctx);
  for (const dir of packageDirs(ctx)) {
    for (const [name, contents] of pkg) out.push({ to: `${dir}/${name}`, contents });
  }
  out.push({ to: `${ONLINE_DIR}/jsplugins.xml`, contents: jspluginsXml(onlineUrl(ctx)) });
  for (const [name, contents] of scripts) {
    out.push({ to: `${ONLINE_DIR}/${name}`, contents });
    out.push({ to: `${OFFLINE_DIR}/${name}`, contents });
  }

  // The archive: one top folder holding the add-in folder and the installers.
  const folder = offlineFolder(version(ctx));
  const top = `${ADDIN_NAME}-wps_${version(ctx)}`;
  const bundled = ['coop-wps.js', 'coop-wps-pane.js'].map((name): [string, Uint8Array] => [name, readFileSync(join(ctx.distDir, OFFLINE_DIR, folder, name))]);
  const encoder = new TextEncoder();
  const bytes = (v: string | Uint8Array) => (typeof v === 'string' ? encoder.encode(v) : v);
  const entries: ZipEntry[] = [
    { path: `${top}/`, data: new Uint8Array() },
    { path: `${top}/${folder}/`, data: new Uint8Array() },
    { path: `${top}/${folder}/images/`, data: new Uint8Array() },
    ...[...pkg, ...bundled].map(([name, v]) => ({ path: `${top}/${folder}/${name}`, data: bytes(v) })),
    ...[...scripts].map(([name, v]) => ({ path: `${top}/${name}`, data: bytes(v), mode: name.endsWith('.sh') ? 0o755 : 0o644 })),
  ];
  out.push({ to: `${OFFLINE_DIR}/${top}.zip`, contents: zip(entries) });
  return out;
}

export const target: BuildTarget = {
  name: 'wps',
  bundles,
  files,
  verify(ctx) {
    for (const dir of packageDirs(ctx)) {
      const problems = checkPackage((name) => readFileSync(join(ctx.distDir, dir, name)), PACKAGE_FILES);
      if (problems.length > 0) throw new BuildError(`dist/${dir} 检查未通过 / failed its check:\n- ${problems.join('\n- ')}`);
    }
  },
};
