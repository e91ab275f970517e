/**
 * The 提升建议 sheet printed to PDF by LibreOffice from the .xlsx the web page writes: A4
 * landscape, one page wide, the column header on every page, every suggestion whole on its
 * line. Six departments of the RUBRIC §3 example: 6 × 11 hints (flow-hints.test.ts) under the
 * title and header. Every page's PNG goes to test-results/print/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adviceSheet, insertTemplate } from '../src/flow/index.js';
import { XlsxHost } from '../src/host/xlsx.js';
import { writeFacts } from '../src/web/write-facts.js';
import { testEngine } from './support/engine.js';
import { baseFacts } from './support/flow-fixture.js';
import { throughLibreOffice } from './support/libreoffice.js';
import { pageTexts, savePages } from './support/pdf.js';

const engine = testEngine();
const resultsDir = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'test-results', 'print');
const DEPARTMENTS = ['机电工程学院', '信息工程学院', '经济管理学院', '建筑工程学院', '汽车工程学院', '艺术设计学院'];

/** Width × height of every page, in points (pdfinfo). */
function pageSizes(pdf: Uint8Array): Array<[number, number]> {
  const dir = mkdtempSync(join(tmpdir(), 'coop-advice-pdf-'));
  try {
    const file = join(dir, 'advice.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file]).toString();
    return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the 提升建议 sheet of six departments prints on A4 landscape, the header on every page, each suggestion whole', async () => {
  const host = XlsxHost.empty();
  const ctx = { host, engine, locale: 'zh' as const };
  for (const department of DEPARTMENTS) {
    const r = await insertTemplate(ctx, { department, year: '2023-2024' });
    assert.equal(r.ok, true, r.message);
    await writeFacts(host, { ...baseFacts(), department }, 'self');
  }
  const r = await adviceSheet(ctx);
  assert.equal(r.ok, true, r.message);
  // Only the sheet under test goes to the printer.
  for (const ws of [...host.workbook.worksheets]) if (ws.name !== '提升建议') host.workbook.removeWorksheet(ws.id);
  const pdf = await throughLibreOffice(await host.save(), 'advice.xlsx', 'pdf');
  savePages(pdf, resultsDir, 'advice');
  const pages = pageTexts(pdf);
  const sizes = pageSizes(pdf);
  console.log(`提升建议: ${pages.length} pages, ${sizes.map(([w, h]) => `${w}×${h}`).join(', ')}`);
  assert.ok(pages.length >= 2 && pages.length <= 4, `${pages.length} pages`);
  for (const [w, h] of sizes) {
    assert.ok(Math.abs(w - 841.89) < 1 && Math.abs(h - 595.28) < 1, `A4 landscape: ${w}×${h}`);
  }
  pages.forEach((text, i) => assert.match(text, /院系\s+编号\s+考核内容\s+当前得分\/满分\s+建议\s+可增加分数/, `the header on page ${i + 1}`));
  assert.match(pages[0], /校企合作考核提升建议（2023-2024）/);
  const all = pages.join('\n');
  // One page wide: the last column (可增加分数) is on the pages, and each sentence is on one line.
  assert.equal(all.match(/本地实习再增加 6 人（达到 120 人）可少扣 1 分\s+1\s*$/gm)?.length, DEPARTMENTS.length);
  for (const d of DEPARTMENTS) assert.equal(all.split('\n').filter((line) => line.trimStart().startsWith(d)).length, 11, d);
});
