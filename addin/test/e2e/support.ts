/**
 * What every end-to-end test needs: Debian's Chromium (never a downloaded browser) with the
 * flags that keep it off the network, the built dist/ served on 127.0.0.1, department
 * workbooks made by the flow itself, downloads read back with ExcelJS, and screenshots
 * under test-results/e2e/.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Download, type Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import * as esbuild from 'esbuild';
import { startWebServer, type WebServer } from '../../scripts/serve-web.js';
import { testEngine } from '../support/engine.js';
import { departmentWorkbook } from '../../src/web/workbooks.js';
import { XlsxHost } from '../../src/host/xlsx.js';
import { departmentKey, nameOf } from '../../src/flow/names.js';
import type { CellValue } from '../../src/host/host.js';

export const addinDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const repoDir = resolve(addinDir, '..');
export const distDir = join(addinDir, 'dist');
export const resultsDir = join(addinDir, 'test-results', 'e2e');

const CHROMIUM = '/usr/bin/chromium';
// Without these Chromium phones home (updates, sync, QUIC probes) on a network that is closed.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Bundles a stand-in host script (TypeScript source importing the add-in's own test
 * doubles) into one classic script a page can load before the add-in's bundle.
 */
export async function bundleStandIn(contents: string, sourcefile: string): Promise<string> {
  const out = await esbuild.build({
    stdin: { contents, resolveDir: addinDir, sourcefile, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

/** Where the task pane page loads office.js from; the tests answer it themselves. */
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/**
 * office.js for the tests: Office says "Excel", Excel.run runs on the queued workbook model
 * (test/support/fake-excel.ts), which the page exposes as `window.__book`.
 */
export async function fakeOfficeJs(): Promise<string> {
  const glue = `
    import { FakeWorkbook } from './test/support/fake-excel.ts';
    const book = new FakeWorkbook('Sheet1');
    window.__book = book;
    window.Excel = { run: book.run };
    window.Office = {
      HostType: { Excel: 'Excel' },
      context: { requirements: { isSetSupported: () => true } },
      onReady(cb) {
        const info = { host: 'Excel', platform: 'OfficeOnline' };
        return new Promise((resolve) => setTimeout(() => { if (cb) cb(info); resolve(info); }, 0));
      },
    };`;
  return bundleStandIn(glue, 'fake-office.ts');
}

/**
 * The script that makes a page believe it runs in WPS 表格: `window.Application` is the fake
 * ET application with stand-ins for CreateTaskPane, PluginStorage, CalculateFull (counted in
 * `__recalculated`) and the status bar; `wps.AddCustomFunction` records each function, and
 * what a call answers at registration time, and `__call(name, …args)` calls one later.
 */
export async function fakeWps(): Promise<string> {
  const glue = `
    import { FakeEtApplication } from './test/support/fake-et.ts';
    import { typeFacts } from './test/support/wps-facts.ts';
    import facts from '../tests/cases/base-facts.json';
    const app = new FakeEtApplication();
    const panes = [];
    const storage = new Map();
    const functions = new Map();
    window.__recalculated = 0;
    window.__statusBar = [];
    Object.assign(app, {
      CreateTaskPane(url) { const pane = { url, Visible: false, ID: panes.length + 1, Width: 0, DockPosition: 0 }; panes.push(pane); return pane; },
      GetTaskPane(id) { return panes[id - 1]; },
      PluginStorage: { setItem(k, v) { storage.set(k, String(v)); }, getItem(k) { return storage.has(k) ? storage.get(k) : ''; } },
      CalculateFull() { window.__recalculated++; },
    });
    Object.defineProperty(app, 'StatusBar', { set(v) { window.__statusBar.push(v); }, get() { return false; } });
    window.Application = app;
    window.__et = app;
    window.__panes = panes;
    window.__registered = [];
    window.__call = (name, ...args) => functions.get(name)(...args);
    window.__typeExample = (department) => typeFacts(app, department, facts);
    window.wps = {
      AddCustomFunction(namespace, name, fn) {
        functions.set(name, fn);
        window.__registered.push({ namespace, name, atRegistration: name === 'INTERNSHIP' ? fn(114, 200) : null });
      },
    };`;
  return bundleStandIn(glue, 'fake-wps.ts');
}

/**
 * An init script that makes this Chromium behave like the old one WPS embeds (before about
 * version 115) and like Android WebViews: the synchronous `new WebAssembly.Module` and
 * `new WebAssembly.Instance` throw for a module over 4 KB on the main thread, while the
 * asynchronous `WebAssembly.instantiate` / `compile` keep working. `window.__oldChromium`
 * says it is in force.
 */
export const OLD_CHROMIUM_WASM = `(() => {
  const LIMIT = 4096;
  const refuse = () => new RangeError('WebAssembly.Compile is disallowed on the main thread, if the buffer size is larger than 4KB. Use WebAssembly.compile, or compile on a worker thread.');
  const small = new WeakSet();
  const size = (bytes) => (bytes && typeof bytes.byteLength === 'number' ? bytes.byteLength : 0);
  const Module = WebAssembly.Module;
  const Instance = WebAssembly.Instance;
  WebAssembly.Module = new Proxy(Module, {
    construct(target, args, newTarget) {
      if (size(args[0]) > LIMIT) throw refuse();
      const module = Reflect.construct(target, args, newTarget);
      small.add(module);
      return module;
    },
  });
  WebAssembly.Instance = new Proxy(Instance, {
    construct(target, args, newTarget) {
      if (!small.has(args[0])) throw refuse();
      return Reflect.construct(target, args, newTarget);
    },
  });
  window.__oldChromium = true;
})();`;

export type Json = Record<string, unknown>;

/** The RUBRIC.md §3 department, as the golden cases start from it. */
export function baseFacts(): Json {
  return JSON.parse(readFileSync(join(repoDir, 'tests', 'cases', 'base-facts.json'), 'utf8')) as Json;
}

/** RFC 7386 merge patch, as the golden case files use it. */
export function patched(base: Json, patch: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (typeof v === 'object' && !Array.isArray(v) && typeof out[k] === 'object' && out[k] !== null && !Array.isArray(out[k])) {
      out[k] = patched(out[k] as Json, v as Json);
    } else out[k] = v;
  }
  return out;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  web: WebServer;
  /** Network requests that tried to leave 127.0.0.1 (each aborted). */
  escaped: string[];
  /** Uncaught page errors. */
  errors: string[];
  close(): Promise<void>;
}

/** Chromium on a fresh profile, the page's server, and a guard that aborts any request off this machine. */
export async function openSession(): Promise<Session> {
  if (!existsSync(join(distDir, 'web', 'index.html'))) {
    throw new Error('dist/web/ is missing: run `npm run build` before `npm run test:e2e`');
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (never download a browser)`);
  mkdirSync(resultsDir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'coop-e2e-profile-'));
  const web = await startWebServer({ root: distDir, port: 0 });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1200, height: 900 },
    locale: 'zh-CN',
  });
  const escaped: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    escaped.push(url.href);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return {
    context,
    page,
    web,
    escaped,
    errors,
    close: async () => {
      await context.close();
      await web.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the web page and waits until its handlers are in place. */
export async function openPage(s: Session, query = ''): Promise<Page> {
  await s.page.goto(`${s.web.pageUrl}${query}`);
  await s.page.waitForSelector('body[data-ready="true"]');
  return s.page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(resultsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Presses a pane button and waits until the pane has drawn the finished report (which must be ok). */
export async function paneAction(page: Page, id: string): Promise<string> {
  await page.click(`#pane-root button.action[data-action="${id}"]`);
  await page.locator('#pane-root .coop-pane[aria-busy="false"]').waitFor();
  const status = page.locator('#pane-root p.status');
  assert.equal(await status.getAttribute('data-tone'), 'ok', `${id}: ${await status.textContent()}`);
  return (await status.textContent()) ?? '';
}

/** Writes bytes as a file the test hands to a file input. */
export function tempFile(dir: string, name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'coop-e2e-files-'));
}

/** A department's workbook made by the flow (insertTemplate) and typed in like a person would. */
export async function departmentBytes(facts: Json, assessor?: Json, touch?: (host: XlsxHost) => Promise<void>): Promise<Uint8Array> {
  const host = await departmentWorkbook(testEngine(), facts, assessor);
  if (touch) await touch(host);
  return host.save();
}

/** A download's bytes, or null when none starts within `ms`. */
export async function downloadOf(page: Page, click: () => Promise<void>, ms = 10_000): Promise<{ name: string; bytes: Uint8Array } | null> {
  const waiting = page.waitForEvent('download', { timeout: ms }).catch(() => null);
  await click();
  const download: Download | null = await waiting;
  if (!download) return null;
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

export async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The address of a department's named cell, e.g. ("机电工程学院", "internship_local_self"). */
export async function namedCell(host: XlsxHost, department: string, suffix: string): Promise<{ sheet: string; address: string }> {
  const name = nameOf(departmentKey(department), suffix);
  const found = (await host.names()).find((n) => n.name.toLowerCase() === name);
  if (!found) throw new Error(`no defined name ${name}`);
  return { sheet: found.sheet, address: found.address.split(':')[0] };
}

/**
 * Everything a person could see in a workbook, sheet by sheet: values, notes and fills of
 * every cell, merges and defined names. Two snapshots are equal exactly when a second run
 * changed nothing.
 */
export async function snapshot(bytes: Uint8Array): Promise<Json> {
  const wb = await workbookOf(bytes);
  const sheets: Json = {};
  for (const ws of wb.worksheets) {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        const entry = {
          v: cell.value as CellValue | object,
          n: cell.note ?? null,
          f: fill && fill.pattern !== 'none' ? (fill.fgColor?.argb ?? fill.fgColor ?? null) : null,
        };
        if (entry.v !== null || entry.n !== null || entry.f !== null) cells[cell.address] = entry;
      }),
    );
    sheets[ws.name] = { cells, merges: [...ws.model.merges].sort() };
  }
  return { sheets, names: [...wb.definedNames.model].sort((a, b) => a.name.localeCompare(b.name)) };
}
