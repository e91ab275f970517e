/**
 * The offline manifest check on the real manifest.xml (it must pass) and on broken copies
 * (each breakage must be caught, with a message naming it). The dist/ it checks URLs
 * against is a stand-in holding exactly the files the Excel target writes.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { validateManifest } from '../scripts/validate-manifest.js';
import { rebaseManifest } from '../scripts/targets/excel.js';
import { DEV_BASE_URL } from '../scripts/build-api.js';

const manifest = readFileSync(new URL('../../manifest.xml', import.meta.url), 'utf8');
const dist = mkdtempSync(join(tmpdir(), 'coop-manifest-'));
for (const file of ['taskpane.html', 'taskpane.js', 'functions.json', 'functions-zh-CN.json', ...[16, 32, 64, 80].map((s) => `assets/icon-${s}.png`)]) {
  mkdirSync(join(dist, file, '..'), { recursive: true });
  writeFileSync(join(dist, file), 'x');
}
after(() => rmSync(dist, { recursive: true, force: true }));

function check(xml: string, distDir = dist) {
  return validateManifest({ xml, distDir });
}

/** Applies one textual breakage, failing loudly if the anchor text is not in the manifest. */
function broken(from: string | RegExp, to: string): string {
  const out = manifest.replace(from, to);
  assert.notEqual(out, manifest, `the breakage anchor ${String(from)} must exist in manifest.xml`);
  return out;
}

function assertCaught(xml: string, pattern: RegExp, distDir = dist): void {
  const { errors } = check(xml, distDir);
  assert.ok(errors.some((e) => pattern.test(e)), `expected an error matching ${pattern}, got:\n${errors.join('\n') || '(none)'}`);
}

describe('manifest.xml', () => {
  it('passes the offline check against the files the build writes', () => {
    const report = check(manifest);
    assert.deepEqual(report.errors, []);
  });

  it('still passes once rebased onto an intranet URL, and has no localhost left', () => {
    const rebased = rebaseManifest(manifest, { baseUrl: 'https://coop.example.edu.cn/addin/', devBaseUrl: DEV_BASE_URL });
    assert.ok(!rebased.includes('localhost'));
    assert.deepEqual(validateManifest({ xml: rebased, distDir: dist, baseUrl: 'https://coop.example.edu.cn/addin/' }).errors, []);
  });

  it('keeps every short string within 125 and every long string within 250 characters', () => {
    // Guards the real texts directly, so a translation that grows is caught even if the
    // validator itself were wrong.
    for (const [, group, body] of manifest.matchAll(/<bt:(ShortStrings|LongStrings)>([\s\S]*?)<\/bt:\1>/g)) {
      for (const [, value] of body.matchAll(/(?:DefaultValue|Value)="([^"]*)"/g)) {
        assert.ok([...value].length <= (group === 'ShortStrings' ? 125 : 250), `${group}: ${value}`);
      }
    }
  });
});

describe('the offline check catches a broken manifest', () => {
  const cases: Array<[string, () => string, RegExp]> = [
    ['malformed XML', () => broken('</Runtimes>', ''), /not well-formed/],
    ['<Runtimes> not first in <Host>', () => broken(/(<Runtimes>[\s\S]*?<\/Runtimes>)\s*(<AllFormFactors>[\s\S]*?<\/AllFormFactors>)/, '$2\n$1'), /<Runtimes> must be the first child/],
    ['no <Runtime>', () => broken(/<Runtimes>[\s\S]*?<\/Runtimes>/, ''), /no <Runtime>/],
    ['a short-lived runtime', () => broken('lifetime="long"', 'lifetime="short"'), /lifetime> must be "long"/],
    ['FunctionFile on another resid', () => broken('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="GetStarted.LearnMoreUrl"/>'), /FunctionFile must use the Runtime's resid/],
    ['ShowTaskpane on another resid', () => broken(/(<TaskpaneId>[^<]*<\/TaskpaneId>\s*<SourceLocation resid=")Taskpane\.Url/, '$1GetStarted.LearnMoreUrl'), /ShowTaskpane must use the Runtime's resid/],
    ['custom-functions Page on another resid', () => broken(/(<Page>\s*<SourceLocation resid=")Taskpane\.Url/, '$1GetStarted.LearnMoreUrl'), /Page must use the Runtime's resid/],
    ['an undefined resid', () => broken('<Label resid="Coop.Group.Label"/>', '<Label resid="Coop.Group.Nope"/>'), /Coop\.Group\.Nope.*undefined resource/],
    ['a resid of the wrong kind', () => broken('<Label resid="Coop.Group.Label"/>', '<Label resid="Taskpane.Url"/>'), /must refer to bt:ShortStrings/],
    ['a short string over 125 characters', () => broken('DefaultValue="Assessment"', `DefaultValue="${'A'.repeat(126)}"`), /longer than 125/],
    ['a long string over 250 characters', () => broken(/(<bt:String id="Coop\.ShowTaskpane\.Tooltip" DefaultValue=")[^"]*/, `$1${'长'.repeat(251)}`), /longer than 250/],
    ['no zh-CN functions metadata', () => broken(/<bt:Override Locale="zh-CN" Value="https:\/\/localhost:3000\/functions-zh-CN\.json"\/>/, ''), /functions metadata URL has no zh-CN override/],
    ['a namespace localised for zh-CN', () => broken('<bt:String id="Functions.Namespace" DefaultValue="COOP"/>', '<bt:String id="Functions.Namespace" DefaultValue="COOP"><bt:Override Locale="zh-CN" Value="校企"/></bt:String>'), /must not be overridden per locale/],
    ['a namespace that is not ASCII', () => broken('<bt:String id="Functions.Namespace" DefaultValue="COOP"/>', '<bt:String id="Functions.Namespace" DefaultValue="校企合作"/>'), /at least 3 ASCII/],
    ['a namespace under 3 characters', () => broken('<bt:String id="Functions.Namespace" DefaultValue="COOP"/>', '<bt:String id="Functions.Namespace" DefaultValue="CO"/>'), /at least 3 ASCII/],
    ['top-level elements out of order', () => broken(/(<DefaultSettings>[\s\S]*?<\/DefaultSettings>)\s*(<Permissions>[^<]*<\/Permissions>)/, '$2\n$1'), /<DefaultSettings> must come before <Permissions>/],
    ['no SharedRuntime requirement', () => broken('<Set Name="SharedRuntime" MinVersion="1.1"/>', ''), /SharedRuntime requirement set/],
    ['a URL that is not https', () => broken('DefaultValue="https://localhost:3000/functions.json"', 'DefaultValue="http://localhost:3000/functions.json"'), /must be https/],
    ['a URL to a file the build does not write', () => broken('assets/icon-80.png', 'assets/icon-81.png'), /assets\/icon-81\.png is not a file in dist/],
    ['a duplicate resource id', () => broken('<bt:String id="Coop.Group.Label"', '<bt:String id="Coop.Tab.Label"'), /duplicate resource id Coop\.Tab\.Label/],
  ];
  for (const [name, make, pattern] of cases) it(name, () => assertCaught(make(), pattern));

  it('a dist/ missing the zh-CN metadata', () => {
    const partial = mkdtempSync(join(tmpdir(), 'coop-partial-'));
    try {
      for (const file of ['taskpane.html', 'taskpane.js', 'functions.json', ...[16, 32, 64, 80].map((s) => `assets/icon-${s}.png`)]) {
        mkdirSync(join(partial, file, '..'), { recursive: true });
        writeFileSync(join(partial, file), 'x');
      }
      assertCaught(manifest, /functions-zh-CN\.json is not a file in dist/, partial);
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
  });
});
