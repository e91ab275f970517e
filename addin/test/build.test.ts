/**
 * The Excel build target end to end, on a fixture tree: the add-in's real sources with a
 * minimal task pane in place of the real one (the pane is another module's business; this
 * checks what the build makes of it). The built taskpane.js is then run in a VM with a
 * stand-in CustomFunctions global, proving the embedded Wasm loads synchronously from the
 * bundle and the registered functions compute.
 */
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { after, before, describe, it } from 'node:test';
import { build, loadTargets } from '../scripts/build.js';
import { BuildError } from '../scripts/build-api.js';
import { validateManifest } from '../scripts/validate-manifest.js';

const addin = fileURLToPath(new URL('..', import.meta.url));
const repo = join(addin, '..');
const root = mkdtempSync(join(tmpdir(), 'coop-build-'));
const fixture = join(root, 'addin');
const BASE = 'https://coop.example.edu.cn/addin/';

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
    for (const file of ['taskpane.html', 'taskpane.js', 'functions.json', 'functions-zh-CN.json', 'manifest.xml', 'assets/icon-16.png', 'assets/icon-32.png', 'assets/icon-64.png', 'assets/icon-80.png']) {
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

  it('embeds the Wasm: the bundle registers working functions synchronously, with no fetch', () => {
    const associated = new Map<string, (...args: unknown[]) => unknown>();
    class StandInError extends Error {
      constructor(readonly code: string, message?: string) {
        super(message);
      }
    }
    const sandbox = {
      CustomFunctions: {
        Error: StandInError,
        ErrorCode: { invalidValue: '#VALUE!' },
        associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn),
      },
      TextDecoder,
      TextEncoder,
      console,
      // No fetch at all: anything that tried to download the .wasm would throw.
    };
    runInNewContext(readFileSync(join(dist, 'taskpane.js'), 'utf8'), sandbox);
    assert.equal(associated.size, 13);
    // The VM has its own Array; compare plain data.
    assert.deepEqual(JSON.parse(JSON.stringify(associated.get('INTERNSHIP')!(114, 200))), [[19]]);
    assert.equal(associated.get('WEIGHTED')!(87, 91.5), 89.7);
    assert.throws(() => associated.get('INTERNSHIP')!(300, 200), (e: unknown) => e instanceof StandInError && e.code === '#VALUE!' && /超过/.test(e.message));
  });

  it('loads outside Excel without throwing (no CustomFunctions global)', () => {
    assert.doesNotThrow(() => runInNewContext(readFileSync(join(dist, 'taskpane.js'), 'utf8'), { TextDecoder, TextEncoder, console }));
  });

  it('refuses a pane page that does not load taskpane.js', async () => {
    writeFileSync(join(fixture, 'src', 'taskpane', 'taskpane.html'), '<!doctype html><html><body></body></html>\n');
    await assert.rejects(build({ addinDir: fixture, targets: ['excel'] }), (e: unknown) => e instanceof BuildError && /does not load taskpane\.js/.test(e.message));
  });
});
