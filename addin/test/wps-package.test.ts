/**
 * The built WPS package, as WPS will read it. The wps target is built into a temporary
 * dist/, then: ribbon.xml and the manifests are checked (well-formed, callbacks that exist,
 * every referenced file present), broken copies are rejected, the entry bundle is run in a
 * fresh JavaScript context with stand-ins for WPS's globals (engine before functions; the
 * ribbon buttons work), the deployment files carry the build's URL and version, the archive
 * holds the package, the bundles avoid APIs newer than WPS's Chromium, and the shipped
 * Wasm validates with MVP features plus mutable globals only.
 */
import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, cpSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { build } from '../scripts/build.js';
import { enginePackageFiles } from '../scripts/build.js';
import { checkPackage, ribbonCallbackNames } from '../src/wps/package/check.js';
import { ADDIN_NAME, INSTALLER_FILES, offlineFolder, PACKAGE_FILES } from '../src/wps/package/layout.js';
import { crc32 } from 'node:zlib';
import { BUTTONS } from '../src/wps/ribbon.js';
import { registry } from '../src/functions/registry.js';
import { FakeEtApplication } from './support/fake-et.js';

const BASE = 'http://intranet.example.edu.cn/coop/';
const VERSION = (JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { version: string }).version;
let dist = '';
const online = () => join(dist, 'wps');
const offline = () => join(dist, 'wps-offline', offlineFolder(VERSION));
const reader = (dir: string) => (name: string) => readFileSync(join(dir, name));

before(async () => {
  dist = mkdtempSync(join(tmpdir(), 'coop-wps-dist-'));
  await build({ targets: ['wps'], distDir: dist, baseUrl: BASE, minify: true });
});

describe('package contents', () => {
  it('online and offline folders pass the package check', () => {
    assert.deepEqual(checkPackage(reader(online()), PACKAGE_FILES), []);
    assert.deepEqual(checkPackage(reader(offline()), PACKAGE_FILES), []);
  });

  it('ribbon.xml: begins with <customUI, a 校企合作考核 tab, every button wired to a callback', () => {
    const ribbon = readFileSync(join(online(), 'ribbon.xml'), 'utf8');
    assert.ok(ribbon.startsWith('<customUI'));
    assert.match(ribbon, /<tab id="\w+" label="校企合作考核">/);
    for (const id of Object.keys(BUTTONS)) assert.match(ribbon, new RegExp(`<button id="${id}"[^>]*onAction="OnAction"`));
    assert.deepEqual(ribbonCallbackNames(ribbon).sort(), ['GetImage', 'OnAction', 'OnAddinLoad']);
  });

  it('the check rejects broken copies', () => {
    const broken = (name: string, edit: (text: string) => string | undefined): string[] => {
      const dir = mkdtempSync(join(tmpdir(), 'coop-wps-broken-'));
      cpSync(online(), dir, { recursive: true });
      const next = edit(readFileSync(join(dir, name), 'utf8'));
      if (next === undefined) rmSync(join(dir, name));
      else writeFileSync(join(dir, name), next);
      return checkPackage(reader(dir), PACKAGE_FILES);
    };
    assert.match(broken('ribbon.xml', (t) => `<?xml version="1.0"?>\n${t}`).join(), /必须以 <customUI 开头/);
    assert.match(broken('ribbon.xml', (t) => t.replace('</tabs>', '')).join(), /格式正确的 XML/);
    assert.match(broken('ribbon.xml', (t) => t.replace('onAction="OnAction"', 'onAction="OnMissing"')).join(), /OnMissing/);
    assert.match(broken('index.html', (t) => t.replace('coop-wps.js', 'other.js')).join(), /未加载 coop-wps\.js/);
    assert.match(broken('manifest.xml', (t) => t.replace('<Namespace>COOP</Namespace>', '<Namespace>X</Namespace>')).join(), /Namespace/);
    assert.match(broken('manifest.xml', (t) => t.replace('<Uri>functions.json</Uri>', '<Uri>/functions.json</Uri>')).join(), /must be relative/);
    assert.match(broken('manifest.xml', (t) => t.replace('functions.json', 'missing.json')).join(), /<Uri>/);
    assert.match(broken('images/coop-32.png', () => undefined).join(), /缺少文件/);
  });

  it('functions.json lists the registry, in Chinese', () => {
    const json = JSON.parse(readFileSync(join(online(), 'functions.json'), 'utf8')) as { functions: Array<{ name: string; description: string }> };
    assert.deepEqual(json.functions.map((f) => f.name), registry.map((e) => e.id));
    for (const f of json.functions) assert.match(f.description, /[\u4e00-\u9fff]/);
  });
});

describe('deployment files', () => {
  it('jsplugins.xml points WPS at the online folder', () => {
    const xml = readFileSync(join(online(), 'jsplugins.xml'), 'utf8');
    assert.match(xml, new RegExp(`<jspluginonline name="${ADDIN_NAME}" type="et" url="${BASE}wps/"/>`));
  });

  it('installers beside both packages, filled in; PowerShell scripts carry a BOM', () => {
    for (const dir of [online(), join(dist, 'wps-offline')]) {
      for (const name of INSTALLER_FILES) {
        const bytes = readFileSync(join(dir, name));
        const text = bytes.toString('utf8');
        assert.doesNotMatch(text, /@[A-Z_]+@/, `${name} has no placeholder left`);
        if (name.endsWith('.ps1')) assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${name} BOM`);
      }
      assert.match(readFileSync(join(dir, 'install-linux.sh'), 'utf8'), new RegExp(`ONLINE_URL='${BASE}wps/'`));
      assert.match(readFileSync(join(dir, 'install-linux.sh'), 'utf8'), new RegExp(`VERSION='${VERSION}'`));
    }
  });

  it('the offline archive holds the add-in folder and the installers, intact', () => {
    const top = `${ADDIN_NAME}-wps_${VERSION}`;
    const archive = readFileSync(join(dist, 'wps-offline', `${top}.zip`));
    const entries = centralDirectory(archive);
    for (const name of PACKAGE_FILES) {
      const entry = entries.get(`${top}/${offlineFolder(VERSION)}/${name}`);
      assert.ok(entry, `${name} in the archive`);
      assert.equal(entry.crc, crc32(readFileSync(join(offline(), name))), `${name} intact`);
    }
    for (const name of INSTALLER_FILES) assert.ok(entries.has(`${top}/${name}`), `${name} in the archive`);
    const unzip = spawnSync('unzip', ['-tq', join(dist, 'wps-offline', `${top}.zip`)], { encoding: 'utf8' });
    if (unzip.error === undefined) assert.equal(unzip.status, 0, unzip.stdout + unzip.stderr);
  });
});

/** Name → CRC-32 of every entry, read from the archive's central directory. */
function centralDirectory(zip: Buffer): Map<string, { crc: number }> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out = new Map<string, { crc: number }>();
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    out.set(zip.subarray(at + 46, at + 46 + nameLength).toString('utf8'), { crc: zip.readUInt32LE(at + 16) });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

describe('the entry bundle in a WPS-like page', () => {
  interface Pane {
    url: string;
    Visible: boolean;
    ID: number;
    Width: number;
    DockPosition: number;
  }
  /** The entry bundle run in a sandbox; `webAssembly` replaces the global (e.g. one that never starts). */
  function page(webAssembly: object = WebAssembly) {
    const app = new FakeEtApplication();
    let recalculated = 0;
    const panes: Pane[] = [];
    const storage = new Map<string, string>();
    const registered: Array<{ namespace: string; name: string; atRegistration: unknown }> = [];
    const alerts: string[] = [];
    const root = Object.assign(app, {
      CreateTaskPane(url: string) {
        const pane: Pane = { url, Visible: false, ID: panes.length + 1, Width: 0, DockPosition: 0 };
        panes.push(pane);
        return pane;
      },
      GetTaskPane: (id: number) => panes[id - 1],
      PluginStorage: { setItem: (k: string, v: unknown) => storage.set(k, String(v)), getItem: (k: string) => storage.get(k) ?? '' },
      CalculateFull: () => recalculated++,
      StatusBar: false as unknown,
    });
    const sandbox: Record<string, unknown> = {
      Application: root,
      wps: {
        // WPS calls a function the moment a sheet uses it: calling it at registration shows
        // what such a cell gets while the engine is still starting.
        AddCustomFunction(namespace: string, name: string, fn: (...a: unknown[]) => unknown) {
          registered.push({ namespace, name, atRegistration: name === 'INTERNSHIP' ? fn(114, 200) : undefined });
        },
      },
      navigator: { language: 'zh-CN' },
      document: { location: { href: 'file:///home/u/.local/share/Kingsoft/wps/jsaddons/coop-assessment_0.1.0/index.html' } },
      alert: (m: string) => alerts.push(m),
      console,
      TextDecoder,
      TextEncoder,
      URL,
      WebAssembly: webAssembly,
      setTimeout,
    };
    sandbox.window = sandbox;
    vm.createContext(sandbox);
    vm.runInContext(readFileSync(join(offline(), 'coop-wps.js'), 'utf8'), sandbox, { filename: 'coop-wps.js' });
    return { sandbox, panes, registered, alerts, app, recalculated: () => recalculated };
  }

  it('registers every function at once; a call before the engine is ready answers the loading text, then the workbook is recalculated', async () => {
    const { registered, recalculated } = page();
    assert.deepEqual(registered.map((r) => r.name), registry.map((e) => e.id));
    assert.ok(registered.every((r) => r.namespace === 'COOP'));
    assert.equal(registered.find((r) => r.name === 'INTERNSHIP')?.atRegistration, '校企合作考核引擎加载中，请稍候');
    for (let i = 0; i < 100 && recalculated() === 0; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(recalculated(), 1, 'one full recalculation once the engine is ready');
  });

  it('publishes the ribbon callbacks before the engine starts, and they answer while it never does', () => {
    const never = { ...Object.fromEntries(Object.entries(Object.getOwnPropertyDescriptors(WebAssembly)).map(([k, d]) => [k, d.value])), instantiate: () => new Promise(() => undefined) };
    const { sandbox, registered } = page(never);
    for (const name of ['OnAddinLoad', 'OnAction', 'GetImage']) assert.equal(typeof sandbox[name], 'function', name);
    assert.equal((sandbox.OnAction as (c: { Id: string }) => boolean)({ Id: 'btnCoopValidate' }), true);
    assert.equal(registered.length, registry.length, 'the functions are there too');
  });

  it('a failed engine start is one alert, and a button says it again', async () => {
    const failing = { ...Object.fromEntries(Object.entries(Object.getOwnPropertyDescriptors(WebAssembly)).map(([k, d]) => [k, d.value])), instantiate: () => Promise.reject(new RangeError('out of memory')) };
    const { sandbox, alerts, registered } = page(failing);
    for (let i = 0; i < 50 && alerts.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(alerts, ['校企合作考核评分引擎无法启动：out of memory']);
    (sandbox.OnAction as (c: { Id: string }) => boolean)({ Id: 'btnCoopFill' });
    for (let i = 0; i < 50 && alerts.length === 1; i++) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(alerts.slice(1), ['校企合作考核评分引擎无法启动：out of memory']);
    assert.equal(registered.find((r) => r.name === 'INTERNSHIP')?.atRegistration, '校企合作考核引擎加载中，请稍候');
  });

  it('publishes the ribbon callbacks; the pane button opens taskpane.html beside the entry page, then toggles it', () => {
    const { sandbox, panes } = page();
    for (const name of ['OnAddinLoad', 'OnAction', 'GetImage']) assert.equal(typeof sandbox[name], 'function', name);
    const onAction = sandbox.OnAction as (c: { Id: string }) => boolean;
    assert.equal((sandbox.GetImage as (c: { Id: string }) => string)({ Id: 'btnCoopPane' }), 'images/coop-32.png');
    onAction({ Id: 'btnCoopPane' });
    assert.equal(panes.length, 1);
    assert.equal(panes[0].url, 'file:///home/u/.local/share/Kingsoft/wps/jsaddons/coop-assessment_0.1.0/taskpane.html');
    assert.equal(panes[0].Visible, true);
    onAction({ Id: 'btnCoopPane' });
    assert.equal(panes.length, 1, 'the same pane, not a second one');
    assert.equal(panes[0].Visible, false);
  });

  it('runs an action from the ribbon and reports it in Chinese', async () => {
    const { sandbox, alerts } = page();
    (sandbox.OnAction as (c: { Id: string }) => boolean)({ Id: 'btnCoopValidate' });
    for (let i = 0; i < 50 && alerts.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(alerts.length, 1);
    assert.match(alerts[0], /[\u4e00-\u9fff]/);
  });
});

describe('old embedded Chromium', () => {
  // APIs a Chromium 69 lacks (with the version that added them), which the bundles must not use.
  const NEWER_APIS: Array<[RegExp, string]> = [
    [/\.replaceAll\(/, 'String.prototype.replaceAll (85)'],
    [/\.matchAll\(/, 'String.prototype.matchAll (73)'],
    [/Object\.fromEntries\b/, 'Object.fromEntries (73)'],
    [/Object\.hasOwn\b/, 'Object.hasOwn (93)'],
    [/\bstructuredClone\(/, 'structuredClone (98)'],
    [/\bPromise\.allSettled\b/, 'Promise.allSettled (76)'],
    [/\bPromise\.any\b/, 'Promise.any (85)'],
    [/\bnew WeakRef\b/, 'WeakRef (84)'],
    [/\.findLast(Index)?\(/, 'Array.prototype.findLast (97)'],
  ];
  for (const bundle of ['coop-wps.js', 'coop-wps-pane.js']) {
    it(`${bundle} avoids APIs newer than Chromium 69`, () => {
      const code = readFileSync(join(online(), bundle), 'utf8');
      const used = NEWER_APIS.filter(([pattern]) => pattern.test(code)).map(([, name]) => name);
      assert.deepEqual(used, []);
    });
  }

  it('the bundle embeds exactly the engine module of pkg/', () => {
    const wasm = readFileSync(enginePackageFiles().wasm);
    const code = readFileSync(join(online(), 'coop-wps.js'), 'utf8');
    assert.ok(code.includes(wasm.subarray(0, 3000).toString('base64')), 'the .wasm bytes are inlined in the bundle');
  });

  it('the shipped Wasm validates with MVP features plus mutable globals only', () => {
    const wasmOpt = fileURLToPath(new URL('../node_modules/.bin/wasm-opt', import.meta.url));
    assert.ok(existsSync(wasmOpt), 'binaryen (npm) provides wasm-opt');
    const result = spawnSync(wasmOpt, ['--mvp-features', '--enable-mutable-globals', enginePackageFiles().wasm, '-o', '/dev/null'], { encoding: 'utf8' });
    const firstErrors = `${result.stderr}`.split('\n').filter((l) => l.includes('requires') || l.includes('Fatal')).slice(0, 5).join('\n');
    assert.equal(result.status, 0, `pkg/coop_engine_bg.wasm needs post-MVP features:\n${firstErrors}`);
  });
});
