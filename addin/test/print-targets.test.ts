/**
 * The 平台建设目标 sheet printed, as the office gets it from the web page's summary workbook:
 * printed to PDF by LibreOffice Calc headless, it is A4 landscape, one page wide, its column
 * header repeated on every page, every department and the college's row on paper. The PNG of
 * every page is kept in test-results/print/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSummary, type DepartmentRecord, type FlowContext } from '../src/flow/index.js';
import { XlsxHost } from '../src/host/xlsx.js';
import { testEngine } from './support/engine.js';
import { baseFacts } from './support/flow-fixture.js';
import { throughLibreOffice } from './support/libreoffice.js';
import { pagesPerSheet, pageTexts, savePages } from './support/pdf.js';

const resultsDir = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'test-results', 'print');

/** n departments with their S2 facts, every other one with the platform inputs. */
function records(n: number): DepartmentRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const department = `第${i + 1}学院`;
    const f = baseFacts();
    const facts = i % 2 === 0
      ? { ...f, department, employment: { local: 52, graduates: 200, employed: 190 + (i % 10) }, platform: { committee: '是', research_outputs: i % 3 } }
      : { ...f, department };
    return { department, year: '2023-2024', s1: 88, s2: 88, facts };
  });
}

/** Every page's size in points as pdfinfo gives it, "841.89 x 595.304" for A4 landscape. */
function pageSizes(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'coop-pdf-'));
  try {
    const file = join(dir, 'p.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file]).toString();
    return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/g)].map((m) => m[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const n of [6, 30]) {
  test(`平台建设目标 of ${n} departments prints on A4 landscape, one page wide, its header on every page`, async () => {
    const host = XlsxHost.empty();
    const ctx: FlowContext = { host, engine: testEngine(), locale: 'zh' };
    const r = await buildSummary(ctx, records(n));
    assert.equal(r.ok, true, r.message);
    const pdf = await throughLibreOffice(await host.save(), 'summary.xlsx', 'pdf');
    savePages(pdf, resultsDir, `targets-${n}`);
    const pages = pageTexts(pdf);
    const counts = pagesPerSheet(pages, [
      ['校企合作汇总', '校企合作考核汇总（2023-2024）'],
      ['平台建设目标', '平台建设目标（2023-2024）'],
    ]);
    console.log(`${n} departments, pages per sheet: ${JSON.stringify(counts)}`);
    const targets = pages.slice(pages.length - counts['平台建设目标']);
    const sizes = pageSizes(pdf).slice(pages.length - counts['平台建设目标']);
    // A4 is 841.89 × 595.28 points; wider than tall is landscape.
    for (const size of sizes) {
      const [w, h] = size.split(' x ').map(Number);
      assert.ok(Math.abs(w - 841.89) < 0.5 && Math.abs(h - 595.28) < 0.5, `A4 landscape: ${size}`);
    }
    // One page wide: every target's column on each page, under the repeated header.
    for (const page of targets) {
      assert.match(page, /院系/);
      assert.match(page, /科研成果/);
      assert.match(page, /就业率/);
    }
    const all = targets.join('\n');
    for (let i = 1; i <= n; i++) assert.match(all, new RegExp(`第${i}学院`), `第${i}学院`);
    assert.match(targets[targets.length - 1], /全院/);
    if (n === 6) assert.equal(counts['平台建设目标'], 1, 'six departments on one page');
  });
}
