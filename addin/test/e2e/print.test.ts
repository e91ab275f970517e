/**
 * The page's print view, printed by this Chromium to PDF (`page.pdf()`, A4, the page's own
 * `@media print` rules): the sample department's score sheet is two pages (every line, S1, S2,
 * Sm and the signature block on the first, the reasons on the second), and the summary of 30
 * departments is one page with its title, year, weights, date and signatures.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { baseFacts, departmentBytes, openPage, openSession, patched, resultsDir, tempDir, tempFile, type Session } from './support.js';

let s: Session;
before(async () => {
  s = await openSession();
});
after(async () => {
  await s?.close();
});

/** Pages of a PDF: its page objects (`/Type /Page`, not `/Pages`). */
export function pdfPages(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** Presses the print button with the browser's dialog stubbed, then prints what it chose to PDF. */
async function printToPdf(page: Page, button: string, name: string): Promise<Uint8Array> {
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await page.click(button);
  const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  writeFileSync(join(resultsDir, `${name}.pdf`), pdf);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: join(resultsDir, `${name}.png`), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  return pdf;
}

test('the sample department prints on two A4 pages: the score sheet with Sm and signatures, then the reasons', async () => {
  const page = await openPage(s);
  assert.equal(await page.locator('#print-department').isDisabled(), true, 'nothing to print before a workbook is scored');
  await page.click('#open-sample');
  await page.locator('section.department[data-department="机电工程学院"]').waitFor();
  assert.equal(await page.locator('#print-department').textContent(), '打印 / 存为 PDF');
  const pdf = await printToPdf(page, '#print-department', '40-print-department');
  assert.equal(pdfPages(pdf), 2);
  // What the paper says besides the numbers: the weights from the rubric, Sm, the signatures.
  const sheet = page.locator('section.department[data-department="机电工程学院"]');
  assert.equal(await sheet.locator('.print-head h1').textContent(), '郴州职业技术学院校企合作考核评分表');
  assert.match((await sheet.locator('.final').textContent()) ?? '', /^最终得分 = 自评 S1 × 40% \+ 考评 S2 × 60% = 88$/);
  assert.deepEqual(await sheet.locator('.signatures .who').allTextContents(), ['考核组成员签字：', '日期：', '院系负责人签字：', '日期：']);
  assert.match((await sheet.locator('.reasons li').nth(9).textContent()) ?? '', /C5.*57\.00%/);
  await page.close();
});

test('the summary of 30 departments prints on one A4 page with title, weights and signatures', async () => {
  const dir = tempDir();
  const files: string[] = [];
  for (let i = 1; i <= 30; i++) {
    const facts = patched(baseFacts(), { department: `第${i}学院`, year: '2023-2024', internship: { local: 100 + i } });
    files.push(tempFile(dir, `第${i}学院.xlsx`, await departmentBytes(facts)));
  }
  const page = await s.context.newPage();
  await page.goto(s.web.pageUrl);
  await page.waitForSelector('body[data-ready="true"]');
  await page.setInputFiles('#batch-files', files);
  await page.locator('table.ranking tbody tr').nth(29).waitFor({ timeout: 60_000 });
  const pdf = await printToPdf(page, '#print-summary', '41-print-summary');
  assert.equal(pdfPages(pdf), 1);
  const head = page.locator('.summary-print .print-head');
  assert.equal(await head.locator('h1').textContent(), '郴州职业技术学院校企合作考核汇总表');
  assert.match((await head.textContent()) ?? '', /考核年度：2023-2024/);
  assert.match((await head.textContent()) ?? '', /最终得分 = 自评 S1 × 40% \+ 考评 S2 × 60%/);
  assert.deepEqual(await page.locator('.summary-print .signatures .who').allTextContents(), ['考核组成员签字：', '日期：', '产教研合作中心负责人签字：', '日期：']);
  await page.close();
});
