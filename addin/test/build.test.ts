/**
 * The Excel build target end to end, on a fixture tree: the add-in's real sources with a
 * minimal task pane in place of the real one (the pane is another module's business; this
 * checks what the build makes of it). The built taskpane.js is then run in a VM with a
 * stand-in CustomFunctions global, proving the embedded Wasm loads synchronously from the
 * bundle and the registered functions compute. The .xlsx reader (ExcelJS) is a bundle of its
 * own, loaded on demand; a build of the real sources checks the pane's bundle stays small and
 * still registers the functions at start-up, and that the reader opens a workbook by itself.
 */
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { after, before, describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import { build, loadTargets } from '../scripts/build.js';
import { BuildError } from '../scripts/build-api.js';
import { EXCELJS_MARKERS } from '../scripts/targets/excel.js';
import { validateManifest } from '../scripts/validate-manifest.js';
import { registry } from '../src/functions/registry.js';
import { XlsxHost } from '../src/host/xlsx.js';
import { XLSX_READER_GLOBAL, type XlsxReader } from '../src/host/xlsx-reader-api.js';

const addin = fileURLToPath(new URL('..', import.meta.url));
const repo = join(addin, '..');
const root = mkdtempSync(join(tmpdir(), 'coop-build-'));
const fixture = join(root, 'addin');
const BASE = 'https://coop.example.edu.cn/addin/';
/**
 * What every Excel start loads (the functions' runtime) besides the engine's embedded bytes
 * must stay well below this; the engine (base64 of the Wasm module, about 4/3 of its size) is
 * held to its own budget by scripts/build-wasm.sh.
 */
const PANE_CODE_BUDGET = 200 * 1024;

/** A stand-in CustomFunctions global that collects what the bundle registers. */
function customFunctions() {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  class StandInError extends Error {
    constructor(readonly code: string, message?: string) {
      super(message);
    }
  }
  const global = {
    Error: StandInError,
    ErrorCode: { invalidValue: '#VALUE!' },
    associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn),
  };
  return { associated, StandInError, global };
}

/** A small .xlsx made by the host itself. */
async function smallWorkbook(): Promise<Uint8Array> {
  const host = XlsxHost.empty();
  await host.addSheets(['甲学院']);
  await host.write([{ sheet: '甲学院', address: 'A1:B1', values: [['实习', 114]] }]);
  return host.save();
}

/** Runs dist/xlsx-reader.js alone in a VM (no DOM, no fetch) and returns what it published. */
function runReader(dist: string): XlsxReader | undefined {
  const sandbox: Record<string, unknown> = { TextDecoder, TextEncoder, console, setTimeout, clearTimeout };
  runInNewContext(readFileSync(join(dist, 'xlsx-reader.js'), 'utf8'), sandbox);
  return sandbox[XLSX_READER_GLOBAL] as XlsxReader | undefined;
}

/** The repository layout the build expects: manifest.xml and pkg/ beside addin/. */
function makeFixture(withPane: boolean): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(fixture, { recursive: true });
  cpSync(join(repo, 'manifest.xml'), join(root, 'manifest.xml'));
  symlinkSync(join(repo, 'pkg'), join(root, 'pkg'));
  symlinkSync(join(addin, 'node_modules'), join(fixture, 'node_modules'));
  cpSync(join(addin, 'package.json'), join(fixture, 'package.json'));
  cpSync(join(addin, 'src'), join(fixture, 'src'), { recursive: true });
  rmSync(join(fixture, 'src', 'taskpane'), { recursive: true, force: true });
  if (withPane) {
    mkdirSync(join(fixture, 'src', 'taskpane'));
    writeFileSync(join(fixture, 'src', 'taskpane', 'taskpane.ts'), 'export const pane = "fixture";\n');
    writeFileSync(
      join(fixture, 'src', 'taskpane', 'taskpane.html'),
      '<!doctype html><html><head><meta charset="utf-8"><script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script><script src="taskpane.js"></script></head><body></body></html>\n',
    );
  }
}

after(() => rmSync(root, { recursive: true, force: true }));

describe('build targets', () => {
  it('discovers every target file and each is named after its file', async () => {
    const targets = await loadTargets(['excel']);
    assert.deepEqual(targets.map((t) => t.name), ['excel']);
  });

  it('rejects an unknown target by name', async () => {
    await assert.rejects(loadTargets(['excell']), (e: unknown) => e instanceof BuildError && /unknown target: excell/.test(e.message));
  });
});

describe('the excel target without a task pane', () => {
  before(() => makeFixture(false));
  it('fails clearly, naming the missing entry', async () => {
    await assert.rejects(
      build({ addinDir: fixture, targets: ['excel'] }),
      (e: unknown) => e instanceof BuildError && /src\/taskpane\/taskpane\.ts/.test(e.message) && /入口文件不存在/.test(e.message),
    );
  });
});

describe('the excel target', () => {
  const dist = join(fixture, 'dist');
  before(async () => {
    makeFixture(true);
    await build({ addinDir: fixture, targets: ['excel'], baseUrl: BASE });
  });

  it('writes the page, the bundle, both metadata files, the icons and the manifest', () => {
    for (const file of ['taskpane.html', 'taskpane.js', 'xlsx-reader.js', 'functions.json', 'functions-zh-CN.json', 'manifest.xml', 'assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-64.png', 'assets/icon-80.png']) {
      assert.ok(existsSync(join(dist, file)), file);
    }
  });

  it('writes real PNG icons of the sizes the manifest names', () => {
    for (const size of [16, 32, 64, 80]) {
      const png = readFileSync(join(dist, `assets/icon-${size}.png`));
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      assert.equal(png.readUInt32BE(16), size);
      assert.equal(png.readUInt32BE(20), size);
    }
  });

  it('rebases the manifest onto --base-url and it passes the offline check against dist/', () => {
    const xml = readFileSync(join(dist, 'manifest.xml'), 'utf8');
    assert.ok(!xml.includes('localhost'));
    assert.ok(xml.includes(`${BASE}functions-zh-CN.json`));
    assert.deepEqual(validateManifest({ xml, distDir: dist, baseUrl: BASE }).errors, []);
  });

  it('embeds the Wasm: the bundle registers the functions at once and they work, with no fetch', async () => {
    const { associated, StandInError, global } = customFunctions();
    const sandbox = {
      CustomFunctions: global,
      TextDecoder,
      TextEncoder,
      console,
      // No fetch at all: anything that tried to download the .wasm would throw.
    };
    runInNewContext(readFileSync(join(dist, 'taskpane.js'), 'utf8'), sandbox);
    assert.equal(associated.size, registry.length, 'registered before the engine has started');
    // The engine starts asynchronously: the first call waits for it (a promise Excel awaits) …
    const first = associated.get('INTERNSHIP')!(114, 200);
    assert.equal(typeof (first as Promise<unknown>).then, 'function');
    // The VM has its own Array; compare plain data.
    assert.deepEqual(JSON.parse(JSON.stringify(await first)), [[19]]);
    // … and once started, calls answer at once.
    assert.equal(associated.get('WEIGHTED')!(87, 91.5), 89.7);
    // The ledger's functions read a date cell's serial through the bundled engine: 44986 is
    // 2023-03-01, 44994 is 2023-03-09.
    assert.equal(associated.get('FILINGDAYS')!(44986, 44994), 8);
    assert.equal(associated.get('CREDITCODE')!('91430100MA4L16JK0C'), true);
    assert.throws(() => associated.get('INTERNSHIP')!(300, 200), (e: unknown) => e instanceof StandInError && e.code === '#VALUE!' && /超过/.test(e.message));
  });

  it('loads outside Excel without throwing (no CustomFunctions global)', () => {
    assert.doesNotThrow(() => runInNewContext(readFileSync(join(dist, 'taskpane.js'), 'utf8'), { TextDecoder, TextEncoder, console }));
  });

  it('builds the .xlsx reader as a bundle of its own, which opens a workbook by itself', async () => {
    const reader = runReader(dist);
    assert.ok(reader, `xlsx-reader.js sets ${XLSX_READER_GLOBAL}`);
    const host = await reader.open(await smallWorkbook());
    // The VM has its own Array; compare plain data.
    assert.deepEqual([...(await host.sheets())], ['甲学院']);
    assert.deepEqual(JSON.parse(JSON.stringify(await host.read([{ sheet: '甲学院', address: 'A1:B1' }]))), [[['实习', 114]]]);
    await assert.rejects(reader.open(new TextEncoder().encode('not a zip')), /not a readable \.xlsx workbook/);
  });

  it('puts the package.json version into the bundle: the pane asks for xlsx-reader.js?v=<version>', async () => {
    const versionDist = join(root, 'version-dist');
    const pkg = readFileSync(join(fixture, 'package.json'), 'utf8');
    writeFileSync(join(fixture, 'package.json'), JSON.stringify({ ...JSON.parse(pkg), version: '9.8.7-fixture' }));
    writeFileSync(
      join(fixture, 'src', 'taskpane', 'taskpane.ts'),
      "import { xlsxReaderUrl } from '../host/xlsx-reader-api.js';\n(globalThis as unknown as { readerUrl: string }).readerUrl = xlsxReaderUrl('https://coop.example.edu.cn/addin/taskpane.js');\n",
    );
    try {
      await build({ addinDir: fixture, targets: ['excel'], baseUrl: BASE, distDir: versionDist });
      const sandbox: Record<string, unknown> = { TextDecoder, TextEncoder, console, URL };
      runInNewContext(readFileSync(join(versionDist, 'taskpane.js'), 'utf8'), sandbox);
      assert.equal(sandbox.readerUrl, 'https://coop.example.edu.cn/addin/xlsx-reader.js?v=9.8.7-fixture');
      // A package.json without a version stops the build.
      writeFileSync(join(fixture, 'package.json'), JSON.stringify({ ...JSON.parse(pkg), version: undefined }));
      await assert.rejects(build({ addinDir: fixture, targets: ['excel'], baseUrl: BASE, distDir: versionDist }), (e: unknown) => e instanceof BuildError && /has no "version"/.test(e.message));
    } finally {
      writeFileSync(join(fixture, 'package.json'), pkg);
      writeFileSync(join(fixture, 'src', 'taskpane', 'taskpane.ts'), 'export const pane = "fixture";\n');
      rmSync(versionDist, { recursive: true, force: true });
    }
  });

  it('refuses a pane that pulls ExcelJS into taskpane.js', async () => {
    writeFileSync(join(fixture, 'src', 'taskpane', 'taskpane.ts'), "import { XlsxHost } from '../host/xlsx.js';\nexport const pane = XlsxHost.empty();\n");
    await assert.rejects(build({ addinDir: fixture, targets: ['excel'] }), (e: unknown) => e instanceof BuildError && /taskpane\.js contains ExcelJS/.test(e.message));
    writeFileSync(join(fixture, 'src', 'taskpane', 'taskpane.ts'), 'export const pane = "fixture";\n');
  });

  it('refuses a pane page that does not load taskpane.js', async () => {
    writeFileSync(join(fixture, 'src', 'taskpane', 'taskpane.html'), '<!doctype html><html><body></body></html>\n');
    await assert.rejects(build({ addinDir: fixture, targets: ['excel'] }), (e: unknown) => e instanceof BuildError && /does not load taskpane\.js/.test(e.message));
  });
});

describe('the real Excel pane, built', () => {
  const dist = join(root, 'real-dist');
  before(async () => {
    rmSync(dist, { recursive: true, force: true });
    await build({ targets: ['excel'], distDir: dist, baseUrl: BASE });
  });
  after(() => rmSync(dist, { recursive: true, force: true }));

  it('keeps ExcelJS out of taskpane.js, which stays small, and puts it in xlsx-reader.js', () => {
    const pane = readFileSync(join(dist, 'taskpane.js'), 'utf8');
    const reader = readFileSync(join(dist, 'xlsx-reader.js'), 'utf8');
    const size = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
    console.log(`taskpane.js ${size(Buffer.byteLength(pane))}, xlsx-reader.js ${size(Buffer.byteLength(reader))}`);
    for (const marker of EXCELJS_MARKERS) {
      assert.ok(!pane.includes(marker), `taskpane.js contains ${marker}`);
      assert.ok(reader.includes(marker), `xlsx-reader.js lacks ${marker}`);
    }
    // The engine is embedded once, as base64 text starting with the Wasm magic ("\0asm").
    const engine = /"(AGFzbQ[A-Za-z0-9+/]*=*)"/.exec(pane);
    assert.ok(engine, 'taskpane.js embeds the engine');
    const wasmBytes = readFileSync(join(addin, '..', 'pkg', 'coop_engine_bg.wasm')).length;
    assert.equal(engine[1].length, Math.ceil(wasmBytes / 3) * 4, 'the embedded engine is the built module, once');
    const code = Buffer.byteLength(pane) - engine[1].length;
    console.log(`taskpane.js: ${size(code)} of code beside the engine's ${size(engine[1].length)}`);
    assert.ok(code < PANE_CODE_BUDGET, `taskpane.js holds ${size(code)} besides the engine`);
    assert.equal(pane.split('AGFzbQ').length - 1, 1, 'the engine is embedded once');
    // The pane names the reader, and asks for it with the add-in's version (package.json);
    // the reader is in dist/ and the manifest still checks out.
    assert.ok(pane.includes('xlsx-reader.js'));
    const { version } = JSON.parse(readFileSync(join(addin, 'package.json'), 'utf8')) as { version: string };
    assert.ok(pane.includes(JSON.stringify(version)), `taskpane.js holds the version ${version}`);
    assert.ok(!pane.includes('__COOP_VERSION__'), 'the build put the version in');
    const xml = readFileSync(join(dist, 'manifest.xml'), 'utf8');
    assert.deepEqual(validateManifest({ xml, distDir: dist, baseUrl: BASE }).errors, []);
  });

  it('registers the functions at start-up and shows the pane, without loading the reader', async () => {
    const { associated, global } = customFunctions();
    const { document } = parseHTML('<!doctype html><html><head></head><body><main id="pane"></main></body></html>');
    const sandbox: Record<string, unknown> = { CustomFunctions: global, TextDecoder, TextEncoder, console, document, URL, setTimeout, clearTimeout };
    runInNewContext(readFileSync(join(dist, 'taskpane.js'), 'utf8'), sandbox);
    assert.equal(associated.size, registry.length);
    assert.equal(await associated.get('WEIGHTED')!(87, 91.5), 89.7);
    // No Office.js in the VM: the page says so rather than hanging.
    assert.match(document.getElementById('pane')?.textContent ?? '', /Office\.js/);
    assert.equal(document.querySelectorAll('script').length, 0, 'no script added at start-up');
    assert.equal(sandbox[XLSX_READER_GLOBAL], undefined);
  });
});
