/**
 * The add-in where WPS runs it: an embedded Chromium older than about version 115 (and
 * Android WebViews today), which refuses `new WebAssembly.Module` / `new WebAssembly.Instance`
 * on the main thread for a module over 4 KB. An init script gives this Chromium exactly that
 * limit (support.ts, OLD_CHROMIUM_WASM), and under it:
 * - the WPS entry page (offline, from file://) registers the functions at once; a call before
 *   the engine is ready answers the loading text, and after it the golden numbers; the
 *   workbook is recalculated once the engine is there;
 * - the WPS task pane inserts the template, validates (marks cells) and fills the score 88;
 * - the Excel task pane scores the sample workbook through its summary and validates a template;
 * - the web page scores the sample: 88.
 * Every scenario runs twice: with the limit and without it (today's Chromium).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import {
  baseFacts,
  departmentBytes,
  distDir,
  fakeOfficeJs,
  fakeWps,
  OFFICE_JS,
  OLD_CHROMIUM_WASM,
  openSession,
  screenshot,
  tempDir,
  tempFile,
  type Session,
} from './support.js';

let s: Session;
let wpsJs: string;
let officeJs: string;
before(async () => {
  s = await openSession();
  wpsJs = await fakeWps();
  officeJs = await fakeOfficeJs();
});
after(async () => {
  await s?.close();
});

const MODES = [
  { name: 'old embedded Chromium (no synchronous Wasm compile over 4 KB)', old: true, tag: 'old' },
  { name: 'current Chromium', old: false, tag: 'new' },
];

/** A new tab with the given init scripts, its uncaught errors collected. */
async function tab(old: boolean, ...scripts: string[]): Promise<{ page: Page; errors: string[] }> {
  const page = await s.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (old) await page.addInitScript({ content: OLD_CHROMIUM_WASM });
  for (const content of scripts) await page.addInitScript({ content });
  return { page, errors };
}

/** Proves the limit is (or is not) in force in this tab, so a pass means what it says. */
async function assertLimit(page: Page, old: boolean): Promise<void> {
  const refused = await page.evaluate(() => {
    // The smallest valid module, padded past 4 KB with a custom section.
    const body = new Uint8Array(5000);
    const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
    const sectionSize = body.length - header.length - 4;
    const section = [0x00, 0x80 | (sectionSize & 0x7f), 0x80 | ((sectionSize >> 7) & 0x7f), (sectionSize >> 14) & 0x7f];
    body.set([...header, ...section]);
    body[12] = 1; // custom section name: one byte
    body[13] = 0x78; // "x"
    try {
      new WebAssembly.Module(body);
      return '';
    } catch (error) {
      return error instanceof RangeError ? error.message : `not a RangeError: ${String(error)}`;
    }
  });
  if (old) assert.match(refused, /disallowed on the main thread/);
  else assert.equal(refused, '', 'this Chromium compiles synchronously');
}

for (const mode of MODES) {
  describe(mode.name, () => {
    test('WPS entry page: functions registered at once, loading text before the engine, golden numbers after (file://)', async () => {
      const folder = join(distDir, 'wps-offline');
      const entry = readdirSync(folder).find((f) => f.startsWith('coop-assessment_') && !f.endsWith('.zip'));
      assert.ok(entry, 'the offline folder is built');
      const { page, errors } = await tab(mode.old, wpsJs);
      await page.route(/^file:/, (route) => route.continue());
      await page.goto(pathToFileURL(join(folder, entry, 'index.html')).href);
      await assertLimit(page, mode.old);
      await page.waitForFunction('window.__recalculated > 0', undefined, { timeout: 10_000 });

      const registered = (await page.evaluate('window.__registered')) as Array<{ name: string; atRegistration: unknown }>;
      assert.ok(registered.length >= 13);
      assert.equal(registered.find((r) => r.name === 'INTERNSHIP')?.atRegistration, '校企合作考核引擎加载中，请稍候');
      // RUBRIC.md §3: 114 of 200 interns local is 57% against 60%, 3 points short of 60%:
      // 20 − 1 = 19. Sm = 87 × 40% + 91.5 × 60% = 34.8 + 54.9 = 89.7.
      assert.equal(await page.evaluate('window.__call("INTERNSHIP", 114, 200)'), 19);
      assert.equal(await page.evaluate('window.__call("WEIGHTED", 87, 91.5)'), 89.7);
      assert.equal(await page.evaluate('window.__call("INTERNSHIP", 114, 200, -2147352572)'), 19, 'omitted as WPS passes it');
      assert.equal(await page.evaluate('window.__recalculated'), 1, 'one recalculation after the start');
      assert.equal(await page.evaluate('typeof window.OnAction'), 'function');
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('WPS task pane: inserts, validates with marks and fills 88', async () => {
      const { page, errors } = await tab(mode.old, wpsJs);
      await page.goto(`${s.web.origin}wps/taskpane.html`);
      await assertLimit(page, mode.old);
      await page.locator('.coop-pane button.action:not([disabled])').first().waitFor({ timeout: 10_000 });
      await page.fill('input[name="department"]', '机电工程学院');
      await page.click('button[data-action="insertTemplate"]');
      await page.locator('.status[data-tone="ok"]').waitFor({ timeout: 10_000 });
      await page.click('button[data-action="validate"]');
      await page.locator('.status[data-tone="warn"]').waitFor({ timeout: 10_000 });
      const marked = await page.evaluate('window.__et.book.list.reduce((n, s) => n + s.Comments.Count, 0)');
      assert.ok(Number(marked) > 0, 'the empty template\'s required inputs are marked');
      await page.evaluate('window.__typeExample("机电工程学院")');
      await page.click('button[data-action="fillScores"]');
      await page.locator('.status[data-tone="ok"]').waitFor({ timeout: 10_000 });
      const values = (await page.evaluate('window.__et.book.list.flatMap((s) => s.positions().map((p) => p.cell.value))')) as unknown[];
      assert.ok(values.includes(88), 'the total 88 is in the workbook');
      await screenshot(page, `30-wps-pane-${mode.tag}-chromium`);
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('Excel task pane: scores the sample through the summary, then validates a template', async () => {
      const { page, errors } = await tab(mode.old);
      await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: officeJs }));
      await page.goto(`${s.web.origin}taskpane.html`);
      await assertLimit(page, mode.old);
      await page.locator('.coop-pane button.action:not([disabled])').first().waitFor({ timeout: 10_000 });
      const sample = tempFile(tempDir(), '甲学院.xlsx', await departmentBytes({ ...baseFacts(), department: '甲学院' }));
      await page.locator('label.action.file input[type="file"]').setInputFiles([sample]);
      await page.locator('.status[data-tone="ok"]').waitFor({ timeout: 15_000 });
      const row = (await page.evaluate(`(() => {
        const cells = [...window.__book.sheet('校企合作汇总').cells];
        const at = cells.find(([, c]) => c.value === '甲学院');
        const r = at[0].replace(/^[A-Z]+/, '');
        return cells.filter(([a]) => a.replace(/^[A-Z]+/, '') === r).map(([, c]) => c.value);
      })()`)) as unknown[];
      assert.ok(row.includes(88), JSON.stringify(row));

      // Then a template of this workbook's own, validated (its empty inputs marked).
      await page.fill('input[name="department"]', '机电工程学院');
      await page.click('button[data-action="insertTemplate"]');
      await page.locator('.status[data-tone="ok"]').waitFor({ timeout: 10_000 });
      await page.click('button[data-action="validate"]');
      await page.locator('.status[data-tone="warn"]').waitFor({ timeout: 10_000 });
      assert.ok((await page.locator('ol.problems button.cell').count()) > 0);
      assert.deepEqual(errors, []);
      await page.close();
    });

    test('web page: the sample scores 88', async () => {
      const { page, errors } = await tab(mode.old);
      await page.goto(s.web.pageUrl);
      await assertLimit(page, mode.old);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 10_000 });
      await page.click('#open-sample');
      const section = page.locator('section.department[data-department="机电工程学院"]');
      await section.waitFor({ timeout: 10_000 });
      assert.equal(Number(await section.locator('td[data-col="total"]').textContent()), 88);
      assert.deepEqual(errors, []);
      assert.deepEqual(s.escaped, [], 'nothing left 127.0.0.1');
      await page.close();
    });
  });
}
