/**
 * The newcomer's first minute: open the page, click the sample, see it scored, download it.
 * Every number on screen and in the downloaded workbook must be the golden case's
 * (tests/cases/example.json, the RUBRIC.md §3 department: total 88).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XlsxHost } from '../../src/host/xlsx.js';
import { parseBlock } from '../../src/host/a1.js';
import { TABLE_ROWS } from '../../src/template/fields.js';
import { SCORE_FINAL } from '../../src/template/layout.js';
import { distDir, downloadOf, namedCell, openPage, openSession, repoDir, screenshot, snapshot, tempDir, tempFile, type Session } from './support.js';

interface Golden {
  items: Record<string, { base: number; deduction: number; bonus: number; score: number }>;
  total: number;
}

function golden(): Golden {
  const suite = JSON.parse(readFileSync(join(repoDir, 'tests', 'cases', 'example.json'), 'utf8')) as {
    cases: Array<{ patch: object; expect: Golden }>;
  };
  const unchanged = suite.cases.find((c) => Object.keys(c.patch).length === 0);
  assert.ok(unchanged, 'example.json has the unchanged §3 case');
  return unchanged.expect;
}

const DEPARTMENT = '机电工程学院';
let s: Session;

before(async () => {
  s = await openSession();
});
after(async () => {
  await s?.close();
});

test('the sample opens, scores 88 line by line on screen, and downloads the same numbers', async () => {
  const expect = golden();
  assert.equal(expect.total, 88);
  const page = await openPage(s);
  assert.equal(await page.locator('h1').textContent(), '校企合作考核 · 网页版');
  assert.equal(await page.locator('#single-work').isVisible(), false, 'no pane before a workbook is open');
  await screenshot(page, '01-page');

  await page.click('#open-sample');
  const section = page.locator(`section.department[data-department="${DEPARTMENT}"]`);
  await section.waitFor();
  await screenshot(page, '02-sample-scored');
  // The README's picture of the sample (its ledger and calendar give B1, C2 and A3): the
  // page down to the end of the department's work, the batch section below left out.
  const bottom = await page.evaluate(() => document.querySelector('#single-work')!.getBoundingClientRect().bottom + window.scrollY + 16);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.screenshot({ path: join(repoDir, 'docs', 'web-sample-scored.png'), fullPage: true, clip: { x: 0, y: 0, width, height: bottom } });

  const shown = async (line: string, col: string) => Number(await section.locator(`td[data-line="${line}"][data-col="${col}"]`).textContent());
  for (const [id, want] of Object.entries(expect.items)) {
    assert.deepEqual(
      { base: await shown(id, 'base'), deduction: await shown(id, 'deduction'), bonus: await shown(id, 'bonus'), score: await shown(id, 'score') },
      want,
      `line ${id} on screen`,
    );
    // The sample's assessor column is blank: S2 accepts every line as reported.
    assert.equal(await shown(id, 'assessor-score'), want.score, `line ${id} S2 on screen`);
  }
  for (const key of ['s1', 's2', 'final']) {
    assert.equal(Number(await section.locator(`[data-total="${key}"]`).textContent()), 88, `${key} on screen`);
    // The task pane beside it shows the same, from the same run.
    const inPane = page.locator(`#pane-root table.scores td[data-department="${DEPARTMENT}"][data-column="${key}"]`);
    assert.equal(Number(await inPane.textContent()), 88, `${key} in the pane`);
  }
  for (const [id, want] of Object.entries(expect.items)) {
    for (const column of ['self', 'assessor']) {
      const inPane = page.locator(`#pane-root td[data-department="${DEPARTMENT}"][data-line="${id}"][data-column="${column}"]`);
      assert.equal(Number(await inPane.textContent()), want.score, `line ${id} ${column} in the pane`);
    }
  }
  assert.equal(Number(await section.locator('td[data-col="deduction-total"]').textContent()), 11);
  assert.equal(Number(await section.locator('td[data-col="bonus-total"]').textContent()), 7);
  assert.equal(Number(await section.locator('td[data-col="total"]').textContent()), 88);
  // Every line says why, in Chinese, with the numbers.
  assert.match((await section.locator('tr[data-line="C5"] td.notes').textContent()) ?? '', /57\.00%/);

  const first = await downloadOf(page, () => page.click('#download-workbook'));
  assert.ok(first, 'the scored workbook is offered as a download');
  assert.match(first.name, /（已计分）\.xlsx$/);

  const host = await XlsxHost.load(first.bytes);
  const out = await namedCell(host, DEPARTMENT, 'out');
  const lines = await namedCell(host, DEPARTMENT, 'lines');
  const outBox = (await host.names()).find((n) => n.name.endsWith('_out') && n.sheet === out.sheet)!;
  const linesBox = (await host.names()).find((n) => n.name.endsWith('_lines') && n.sheet === lines.sheet)!;
  // The reasons: a block of their own below the signature lines (page 2 in print).
  const reasonsBox = (await host.names()).find((n) => n.name.endsWith('_reasons') && n.sheet === out.sheet)!;
  const [ids, values, reasons] = await host.read([
    { sheet: lines.sheet, address: linesBox.address },
    { sheet: out.sheet, address: outBox.address },
    { sheet: out.sheet, address: reasonsBox.address },
  ]);
  ids.forEach(([id], i) => {
    const want = expect.items[String(id)];
    assert.ok(want, `line ${id} is a rubric line`);
    const row = values[i];
    assert.deepEqual(row.slice(0, 4), [want.base, want.deduction, want.bonus, want.score], `self numbers of ${id} in the file`);
    assert.deepEqual(row.slice(4, 8), [want.base, want.deduction, want.bonus, want.score], `assessor numbers of ${id} in the file`);
    assert.match(String(reasons[i][0]), /^自评：.+\n考评：.+$/s, `reasons of ${id} in the file`);
  });
  const totals = values[ids.length];
  assert.deepEqual([totals[1], totals[2], totals[3]], [11, 7, 88], 'deductions, bonuses and total in the file');
  assert.equal(values[ids.length + 1][SCORE_FINAL.value], 88, 'the final score in the file');
  // … in a cell of its own: E–L merged on the final row, under its label.
  const scoreSheet = host.workbook.getWorksheet(out.sheet)!;
  const finalRow = parseBlock(outBox.address).bottom + 1;
  assert.equal(scoreSheet.getCell(`E${finalRow}`).value, 88);
  assert.equal(scoreSheet.getCell(`L${finalRow}`).master.address, `E${finalRow}`, 'Sm spans E–L');
  assert.equal(scoreSheet.getCell(`B${finalRow}`).value, '最终得分 Sm = S1×40% + S2×60%');
  // The order classes' 所属专业 cells drop down the majors table's names.
  const majors = parseBlock((await namedCell(host, DEPARTMENT, 'majors')).address);
  const classes = await namedCell(host, DEPARTMENT, 'classes');
  const classTop = parseBlock(classes.address);
  const dv = host.workbook.getWorksheet(classes.sheet)!.getCell(classTop.top + 2, classTop.left + 2).dataValidation;
  assert.equal(dv.type, 'list');
  assert.deepEqual(dv.formulae, [`'${classes.sheet}'!$A$${majors.top + 2}:$A$${majors.top + 1 + TABLE_ROWS}`]);

  // A second run on the downloaded workbook changes nothing.
  const dir = tempDir();
  await page.setInputFiles('#single-file', tempFile(dir, '机电（已计分）.xlsx', first.bytes));
  await page.locator('#single-status [data-file="机电（已计分）.xlsx"]').waitFor();
  await section.waitFor();
  const second = await downloadOf(page, () => page.click('#download-workbook'));
  assert.ok(second);
  assert.deepEqual(await snapshot(second.bytes), await snapshot(first.bytes));

  assert.deepEqual(s.errors, [], 'no uncaught errors on the page');
  assert.deepEqual(s.escaped, [], 'no request left 127.0.0.1');
});

test('the empty template downloads and is the flow’s template, with no department filled in', async () => {
  const page = await openPage(s);
  const got = await downloadOf(page, () => page.click('#download-template'));
  assert.ok(got);
  const host = await XlsxHost.load(got.bytes);
  const sheets = await host.sheets();
  assert.ok(sheets.length >= 3, `instructions, facts and score sheets: ${sheets.join(', ')}`);
  assert.ok((await host.names()).some((n) => /^coop_d[0-9a-z]+_department$/.test(n.name)), 'the template carries its defined names');
});

test('a workbook dropped on the page opens like a picked one', async () => {
  const page = await openPage(s);
  const bytes = readFileSync(join(distDir, 'web', 'sample.xlsx')).toString('base64');
  const transfer = await page.evaluateHandle((b64) => {
    const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([raw], '拖入的工作簿.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    return dt;
  }, bytes);
  await page.dispatchEvent('#single-drop', 'drop', { dataTransfer: transfer });
  await page.locator('#single-status [data-file="拖入的工作簿.xlsx"]').waitFor();
  await page.locator(`section.department[data-department="${DEPARTMENT}"]`).waitFor();
  assert.equal(Number(await page.locator('[data-total="final"]').textContent()), 88);
});

test('English is one click away and the numbers stay the same', async () => {
  const page = await openPage(s);
  await page.click('#lang');
  assert.equal(await page.locator('h1').textContent(), 'School–enterprise cooperation assessment · web');
  await page.click('#open-sample');
  const section = page.locator(`section.department[data-department="${DEPARTMENT}"]`);
  await section.waitFor();
  assert.equal(Number(await section.locator('[data-total="final"]').textContent()), 88);
  assert.doesNotMatch((await section.locator('tr[data-line="C5"] td.notes').textContent()) ?? '', /[\u4e00-\u9fff]{4}/, 'reasons in English');
  assert.match((await page.locator('#pane-root button.action[data-action="fillScores"]').textContent()) ?? '', /Fill scores/, 'the pane follows the page');
  await screenshot(page, '03-sample-english');
  // Back to Chinese for whoever opens the page next in this profile.
  await page.click('#lang');
});
