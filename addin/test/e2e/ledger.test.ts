/**
 * The web page with a filled ledger and calendar (issue #10): the department opens scored, the
 * pane lists the ledger's warnings apart from errors (提醒), each on its ledger cell, the
 * reasons name the enterprises, a hint on a major's partners leads to the ledger table, and
 * the workbook downloads (warnings never block). The
 * example and its results are worked by hand in test/support/ledger-fixture.ts. Saves the
 * README's screenshot, docs/web-ledger-warnings.png.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { XlsxHost } from '../../src/host/xlsx.js';
import { cellLabel } from '../../src/ui/dom.js';
import { testEngine } from '../support/engine.js';
import { baseFacts, departmentBytes, downloadOf, openPage, openSession, repoDir, tempDir, tempFile, type Json, type Session } from './support.js';
import { calendarCell, EXAMPLE_EQUIVALENT, EXAMPLE_WARNINGS, exampleFacts, ledgerCell, type Cells } from '../support/ledger-fixture.js';

const DEPARTMENT = '机电工程学院';
let s: Session;

before(async () => {
  s = await openSession();
});
after(async () => {
  await s?.close();
});

/** The department's workbook: facts beside the ledger, the example's ledger and calendar, the assessors' marks. */
async function ledgerWorkbook(): Promise<Uint8Array> {
  const base = baseFacts();
  const facts = { ...base, reports: undefined, majors: (base.majors as Json[]).map((m) => ({ name: m.name })), ...exampleFacts('2023-2024') };
  return departmentBytes(facts, undefined, async (host) => {
    const names = await host.names();
    const cells: Cells = { name: (n) => names.find((d) => d.name.toLowerCase() === n.toLowerCase()), set: () => undefined };
    await host.write([
      { ...ledgerCell(cells, DEPARTMENT, 5, ''), values: [['不认定']] },
      { ...calendarCell(cells, DEPARTMENT, 3, 'assessor'), values: [['退回']] },
    ]);
  });
}

test('a filled ledger and calendar: scored, warnings listed apart on their cells, the workbook downloads', async () => {
  const bytes = await ledgerWorkbook();
  const host = await XlsxHost.load(bytes);
  const names = await host.names();
  const cells: Cells = { name: (n) => names.find((d) => d.name.toLowerCase() === n.toLowerCase()), set: () => undefined };
  const engine = testEngine();
  const total = (side: 'self' | 'assessor') => {
    const r = engine.scoreDepartment({ ...baseFacts(), ...EXAMPLE_EQUIVALENT[side] }, { locale: 'zh' });
    assert.ok(r.ok);
    return r.total;
  };

  const page = await openPage(s);
  await page.setInputFiles('#single-file', tempFile(tempDir(), '机电-台账.xlsx', bytes));
  const section = page.locator(`section.department[data-department="${DEPARTMENT}"]`);
  await section.waitFor();
  assert.equal(Number(await section.locator('[data-total="s1"]').textContent()), total('self'));
  assert.equal(Number(await section.locator('[data-total="s2"]').textContent()), total('assessor'));

  const items = page.locator('#pane-root ol.problems li');
  await items.first().waitFor();
  const shown = await items.evaluateAll((lis) =>
    lis.map((li) => {
      const cell = li.querySelector<HTMLElement>('button.cell');
      return { sheet: cell?.dataset.sheet, address: cell?.dataset.address, code: (li as HTMLElement).dataset.code, severity: (li as HTMLElement).dataset.severity };
    }),
  );
  const expected = Object.entries(EXAMPLE_WARNINGS).map(([path, code]) => {
    const m = /^projects\[(\d+)\]\.(.+)$/.exec(path)!;
    return { ...ledgerCell(cells, DEPARTMENT, Number(m[1]), m[2]), code, severity: 'warning' };
  });
  const key = (p: { sheet?: string; address?: string; code?: string; severity?: string }) => `${p.sheet}!${p.address}:${p.code}:${p.severity}`;
  assert.deepEqual(shown.map(key).sort(), expected.map(key).sort());
  // Warnings do not block: the workbook downloads, scored.
  assert.equal(await page.locator('#download-workbook').isDisabled(), false);
  // The reasons name the enterprises behind B1.
  assert.match((await section.locator('tr[data-line="B1"] td.notes').textContent()) ?? '', /三一重工股份有限公司、中联重科股份有限公司、徐工集团/);

  // The README's picture: the pane with its warnings beside the top of the score table,
  // clipped there (page coordinates) rather than the whole page.
  const region = await page.evaluate(() => {
    const work = document.querySelector('#single-work')!.getBoundingClientRect();
    const list = document.querySelector('#pane-root ol.problems')!.getBoundingClientRect();
    return { x: work.left + window.scrollX, y: work.top + window.scrollY, width: work.width, height: list.bottom - work.top + 16 };
  });
  await page.screenshot({ path: join(repoDir, 'docs', 'web-ledger-warnings.png'), fullPage: true, clip: region });

  // A hint on a major's partners or bases leads to the ledger, where a project is added: the
  // table's first empty row (row 7, under the example's seven projects), not the grey cell.
  await section.locator('tr.hint-row[data-line="B1"] li[data-path="majors[0].partners"] button.hint-link').click();
  const firstEmpty = ledgerCell(cells, DEPARTMENT, 7, 'id');
  await page.locator(`#cell-preview [data-selected="${cellLabel(firstEmpty.sheet, firstEmpty.address)}"]`).waitFor();

  const got = await downloadOf(page, () => page.click('#download-workbook'));
  assert.ok(got, 'the workbook downloads');
  const result = await XlsxHost.load(got.bytes);
  // The majors table shows what the ledger gave (工业机器人技术: 2 in S1, 1 in S2).
  const majors = names.find((n) => n.name.endsWith('_majors'))!;
  const top = Number(/\d+/.exec(majors.address)![0]);
  assert.deepEqual(await result.read([{ sheet: majors.sheet, address: `A${top + 2}:G${top + 2}` }]), [[['工业机器人技术', 2, 1, '是', '是', '是', '否']]]);
  assert.deepEqual(s.errors, []);
});
