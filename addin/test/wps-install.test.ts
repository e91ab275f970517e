/**
 * The WPS installers against a publish.xml that already lists other add-ins (online and
 * offline, one with a body, one in single quotes). The Linux scripts run for real with `sh`
 * on a temporary HOME; the Windows script's XML steps run through their mirror
 * (test/support/publish-xml-mirror.ts), since PowerShell is not installed here. Every other
 * entry must still be there afterwards, byte for byte, and uninstall removes only ours.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import { ADDIN_NAME, fillInstaller, INSTALLER_FILES, offlineEntry, offlineFolder, onlineEntry } from '../src/wps/package/layout.js';
import { addAddinEntry, readPublishXml, removeAddinEntries, serialisePublishXml } from './support/publish-xml-mirror.js';

const installDir = fileURLToPath(new URL('../wps/install/', import.meta.url));
const VERSION = '0.1.0';
const ONLINE = 'http://intranet.example.edu.cn/coop/wps/';

/** Other add-ins a college may already have, in the shapes WPS and wpsjs write. */
const OTHERS = [
  '<jspluginonline name="oa-assist" type="wps" url="http://oa.example.edu.cn/wpsaddon/" enable="enable" install="null" customDomain=""/>',
  '<jsplugin name="secretAddin" type="et" url="secretAddin_1.0.0" version="1.0.0" enable="enable" install="null"/>',
  "<jsplugin name='coop-assessment-extra' type='et' url='coop-assessment-extra_2.0' version='2.0'></jsplugin>",
];
const EXISTING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<jsplugins>\n  ${OTHERS.join('\n  ')}\n</jsplugins>\n`;

function entriesOf(xml: string): Array<{ tag: string; name: string | null; url: string | null }> {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  assert.equal(doc.documentElement?.localName, 'jsplugins', 'still a WPS add-in list');
  return Array.from(doc.documentElement!.childNodes)
    .filter((n) => n.nodeType === 1)
    .map((n) => {
      const el = n as unknown as Element;
      return { tag: el.localName, name: el.getAttribute('name'), url: el.getAttribute('url') };
    });
}

function assertOthersKept(xml: string): void {
  for (const other of OTHERS) assert.ok(xml.includes(other), `kept unchanged: ${other}`);
}

/** A folder as IT staff unpack it: the filled installer scripts beside the add-in folder. */
function unpackedPackage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'coop-wps-pkg-'));
  for (const name of INSTALLER_FILES) {
    writeFileSync(join(dir, name), fillInstaller(readFileSync(join(installDir, name), 'utf8'), { version: VERSION, onlineUrl: ONLINE }));
  }
  mkdirSync(join(dir, offlineFolder(VERSION), 'images'), { recursive: true });
  writeFileSync(join(dir, offlineFolder(VERSION), 'ribbon.xml'), '<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui"/>');
  writeFileSync(join(dir, offlineFolder(VERSION), 'index.html'), '<!DOCTYPE html>');
  return dir;
}

function runSh(script: string, pkg: string, home: string, ...args: string[]) {
  return spawnSync('sh', [join(pkg, script), ...args], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home }, encoding: 'utf8' });
}

describe('Linux installer (sh, run for real on a temporary HOME)', () => {
  const jsaddons = (home: string) => join(home, '.local/share/Kingsoft/wps/jsaddons');

  it('adds one entry beside the others, copies the folder, and uninstalls only itself', () => {
    const pkg = unpackedPackage();
    const home = mkdtempSync(join(tmpdir(), 'coop-wps-home-'));
    mkdirSync(join(jsaddons(home), 'secretAddin_1.0.0'), { recursive: true });
    const publish = join(jsaddons(home), 'publish.xml');
    writeFileSync(publish, EXISTING);

    const first = runSh('install-linux.sh', pkg, home);
    assert.equal(first.status, 0, first.stderr);
    const once = readFileSync(publish, 'utf8');
    assertOthersKept(once);
    assert.equal(readFileSync(`${publish}.bak`, 'utf8'), EXISTING, 'the previous file is kept as publish.xml.bak');
    assert.ok(once.includes(`  ${offlineEntry(VERSION)}\n</jsplugins>`), once);
    assert.ok(existsSync(join(jsaddons(home), offlineFolder(VERSION), 'ribbon.xml')));

    // Installing again replaces our entry instead of adding a second one.
    assert.equal(runSh('install-linux.sh', pkg, home).status, 0);
    assert.equal(readFileSync(publish, 'utf8'), once);

    // Switching to the online package replaces the offline entry.
    const online = runSh('install-linux.sh', pkg, home, '--online');
    assert.equal(online.status, 0, online.stderr);
    const switched = readFileSync(publish, 'utf8');
    assertOthersKept(switched);
    const ours = entriesOf(switched).filter((e) => e.name === ADDIN_NAME);
    assert.deepEqual(ours, [{ tag: 'jspluginonline', name: ADDIN_NAME, url: ONLINE }]);
    assert.ok(switched.includes(onlineEntry(ONLINE)));

    const removed = runSh('uninstall-linux.sh', pkg, home);
    assert.equal(removed.status, 0, removed.stderr);
    assert.equal(readFileSync(publish, 'utf8'), EXISTING, 'uninstall gives back the original file exactly');
    assert.deepEqual(readdirSync(jsaddons(home)).filter((f) => !f.startsWith('publish.xml')), ['secretAddin_1.0.0']);
  });

  it('creates publish.xml when the user has none, and refuses a file that is not an add-in list', () => {
    const pkg = unpackedPackage();
    const home = mkdtempSync(join(tmpdir(), 'coop-wps-home-'));
    assert.equal(runSh('install-linux.sh', pkg, home).status, 0);
    const created = readFileSync(join(jsaddons(home), 'publish.xml'), 'utf8');
    assert.deepEqual(entriesOf(created).map((e) => e.name), [ADDIN_NAME]);

    const other = mkdtempSync(join(tmpdir(), 'coop-wps-home-'));
    mkdirSync(jsaddons(other), { recursive: true });
    writeFileSync(join(jsaddons(other), 'publish.xml'), '<html>not ours</html>\n');
    const refused = runSh('install-linux.sh', pkg, other);
    assert.notEqual(refused.status, 0);
    assert.match(refused.stderr, /不是 WPS 的加载项列表/);
    assert.equal(readFileSync(join(jsaddons(other), 'publish.xml'), 'utf8'), '<html>not ours</html>\n');
  });

  it('handles an empty self-closing list and Windows line endings', () => {
    const pkg = unpackedPackage();
    const home = mkdtempSync(join(tmpdir(), 'coop-wps-home-'));
    mkdirSync(jsaddons(home), { recursive: true });
    const publish = join(jsaddons(home), 'publish.xml');
    writeFileSync(publish, '<jsplugins/>\n');
    assert.equal(runSh('install-linux.sh', pkg, home).status, 0);
    assert.deepEqual(entriesOf(readFileSync(publish, 'utf8')).map((e) => e.name), [ADDIN_NAME]);

    writeFileSync(publish, EXISTING.replace(/\n/g, '\r\n'));
    assert.equal(runSh('install-linux.sh', pkg, home).status, 0);
    assert.equal(runSh('uninstall-linux.sh', pkg, home).status, 0);
    const back = readFileSync(publish, 'utf8');
    assertOthersKept(back);
    assert.deepEqual(entriesOf(back).map((e) => e.name), ['oa-assist', 'secretAddin', 'coop-assessment-extra']);
  });

  it('rejects an online URL WPS could not use', () => {
    const pkg = unpackedPackage();
    const home = mkdtempSync(join(tmpdir(), 'coop-wps-home-'));
    const bad = runSh('install-linux.sh', pkg, home, '--online', 'intranet/coop');
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /http/);
  });

  it('the scripts are POSIX sh (dash parses them)', () => {
    for (const name of ['install-linux.sh', 'uninstall-linux.sh']) {
      execFileSync('sh', ['-n', join(installDir, name)]);
    }
  });
});

describe('Windows installer XML steps (publish-xml.ps1, through its mirror)', () => {
  const install = (xml: string | undefined, element: 'jsplugin' | 'jspluginonline') => {
    const doc = readPublishXml(xml);
    removeAddinEntries(doc, ADDIN_NAME);
    const attrs: Record<string, string> =
      element === 'jsplugin'
        ? { name: ADDIN_NAME, type: 'et', url: offlineFolder(VERSION), version: VERSION, enable: 'enable', install: 'null' }
        : { name: ADDIN_NAME, type: 'et', url: ONLINE, enable: 'enable', install: 'null' };
    addAddinEntry(doc, element, attrs);
    return serialisePublishXml(doc);
  };
  const uninstall = (xml: string) => {
    const doc = readPublishXml(xml);
    removeAddinEntries(doc, ADDIN_NAME);
    return serialisePublishXml(doc);
  };

  it('adds one entry, keeps the others, and uninstall removes only ours', () => {
    const once = install(EXISTING, 'jsplugin');
    // A DOM rewrite may requote attributes; what must survive is every entry, as data.
    assert.deepEqual(entriesOf(once).slice(0, OTHERS.length), entriesOf(EXISTING));
    assert.deepEqual(entriesOf(once).map((e) => e.name), ['oa-assist', 'secretAddin', 'coop-assessment-extra', ADDIN_NAME]);
    assert.equal(install(once, 'jsplugin'), once, 'a second install changes nothing');
    const online = install(once, 'jspluginonline');
    assert.deepEqual(entriesOf(online).filter((e) => e.name === ADDIN_NAME), [{ tag: 'jspluginonline', name: ADDIN_NAME, url: ONLINE }]);
    const back = uninstall(online);
    assert.deepEqual(entriesOf(back).map((e) => e.name), ['oa-assist', 'secretAddin', 'coop-assessment-extra']);
    assert.equal(entriesOf(back).length, entriesOf(EXISTING).length);
  });

  it('starts a list when there is none and refuses a foreign file', () => {
    assert.deepEqual(entriesOf(install(undefined, 'jsplugin')).map((e) => e.name), [ADDIN_NAME]);
    assert.deepEqual(entriesOf(install('<jsplugins/>', 'jsplugin')).map((e) => e.name), [ADDIN_NAME]);
    assert.throws(() => install('<html/>', 'jsplugin'), /不是 WPS 的加载项列表/);
  });

  it('the PowerShell scripts use the shared steps, and the .cmd wrappers call them', () => {
    const ps = (name: string) => readFileSync(join(installDir, name), 'utf8');
    for (const step of ['Read-PublishXml', 'Remove-AddinEntries', 'Add-AddinEntry', 'Save-PublishXml']) {
      assert.match(ps('publish-xml.ps1'), new RegExp(`function ${step}\\b`));
      assert.match(ps('install-windows.ps1'), new RegExp(`\\b${step}\\b`));
    }
    assert.doesNotMatch(ps('uninstall-windows.ps1'), /Add-AddinEntry/);
    assert.match(ps('install-windows.cmd'), /-File "%~dp0install-windows\.ps1" %\*/);
    assert.match(ps('uninstall-windows.cmd'), /-File "%~dp0uninstall-windows\.ps1" %\*/);
    assert.match(ps('publish-xml.ps1'), /kingsoft\\wps\\jsaddons/);
  });
});

describe('installer placeholders', () => {
  it('every placeholder is filled', () => {
    const pkg = unpackedPackage();
    for (const name of INSTALLER_FILES) assert.doesNotMatch(readFileSync(join(pkg, name), 'utf8'), /@[A-Z_]+@/, name);
  });
});
