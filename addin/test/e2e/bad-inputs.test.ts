/**
 * A department's workbook with the four mistakes people make — text in a count, more local
 * interns than interns, an order class naming a major the department does not have, a blank
 * required cell — shows each error at its sheet and cell, and hands out nothing until the
 * workbook is fixed.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { XlsxHost } from '../../src/host/xlsx.js';
import { cellAddress, parseBlock } from '../../src/host/a1.js';
import { departmentKey, nameOf } from '../../src/flow/names.js';
import { CLASS_COLUMNS } from '../../src/template/fields.js';
import { cellLabel } from '../../src/ui/dom.js';
import {
  baseFacts,
  departmentBytes,
  downloadOf,
  namedCell,
  openPage,
  openSession,
  patched,
  screenshot,
  tempDir,
  tempFile,
  type Session,
} from './support.js';

const DEPARTMENT = '机电工程学院';
let s: Session;

before(async () => {
  s = await openSession();
});
after(async () => {
  await s?.close();
});

/** The cell of order_classes[row].major, found from the table's defined name. */
async function classMajorCell(host: XlsxHost, row: number): Promise<{ sheet: string; address: string }> {
  const name = nameOf(departmentKey(DEPARTMENT), 'classes');
  const header = (await host.names()).find((n) => n.name.toLowerCase() === name)!;
  const b = parseBlock(header.address);
  return { sheet: header.sheet, address: cellAddress(b.top + 1 + row, b.left + CLASS_COLUMNS.findIndex((c) => c.key === 'major')) };
}

test('each bad input is listed with its sheet and cell, and nothing downloads until it is fixed', async () => {
  const base = baseFacts();
  const bad = patched(base, {
    faculty: { teachers: '四十' },
    internship: { local: 250 },
    reports: { missed: null },
    order_classes: [
      { name: '三一重工订单班', major: '机电一体化技术', students: 32 },
      { name: '中联订单班', major: '数控技术', students: 18 },
    ],
  });
  const bytes = await departmentBytes(bad);
  const host = await XlsxHost.load(bytes);
  const expected = [
    { ...(await namedCell(host, DEPARTMENT, 'faculty_teachers_self')), code: 'not_a_number' },
    { ...(await namedCell(host, DEPARTMENT, 'internship_local_self')), code: 'exceeds_total' },
    { ...(await classMajorCell(host, 1)), code: 'unknown_major' },
    { ...(await namedCell(host, DEPARTMENT, 'reports_missed_self')), code: 'missing' },
  ];

  const page = await openPage(s);
  const dir = tempDir();
  await page.setInputFiles('#single-file', tempFile(dir, '机电-有错误.xlsx', bytes));
  // The pane lists the problems, each with a button that selects its cell.
  const items = page.locator('#pane-root ol.problems li');
  await items.first().waitFor();
  const shown = await items.evaluateAll((lis) =>
    lis.map((li) => {
      const cell = li.querySelector<HTMLElement>('button.cell');
      return { sheet: cell?.dataset.sheet, address: cell?.dataset.address, code: (li as HTMLElement).dataset.code, text: li.textContent ?? '' };
    }),
  );
  const key = (p: { sheet?: string; address?: string; code?: string }) => `${p.sheet}!${p.address}:${p.code}`;
  assert.deepEqual(shown.map(key).sort(), expected.map(key).sort(), 'exactly the four errors, each at its cell');
  for (const p of shown) {
    assert.ok(p.text.includes(cellLabel(p.sheet!, p.address!)), `the list names the cell: ${p.text}`);
    assert.match(p.text, /[\u4e00-\u9fff]/, 'the message is in Chinese');
  }
  assert.match(shown.find((p) => p.code === 'not_a_number')!.text, /四十/, 'the message names the value');

  // Nothing to download: the button is off, and even a forced click hands out nothing.
  assert.equal(await page.locator('#download-workbook').isDisabled(), true);
  assert.equal(await page.locator('#download-hint').isVisible(), true, 'the page says why');
  assert.equal(await downloadOf(page, () => page.locator('#download-workbook').click({ force: true }), 2_000), null);

  // A click on an error shows where the cell is.
  await items.filter({ hasText: '四十' }).locator('button.cell').click();
  const teachers = expected[0];
  await page.locator(`#cell-preview [data-selected="${cellLabel(teachers.sheet, teachers.address)}"]`).waitFor();
  assert.equal(await page.locator('#cell-preview td.hit').textContent(), '四十');
  await screenshot(page, '04-bad-inputs');

  // The department fixes the four cells and opens the file again: scored, and downloadable.
  const fixed = await XlsxHost.load(bytes);
  await fixed.write([
    { ...expected[0], values: [[40]] },
    { ...expected[1], values: [[114]] },
    { ...expected[2], values: [['工业机器人技术']] },
    { ...expected[3], values: [[1]] },
  ]);
  await page.setInputFiles('#single-file', tempFile(dir, '机电-已修改.xlsx', await fixed.save()));
  await page.locator('#single-status [data-file="机电-已修改.xlsx"]').waitFor();
  assert.equal(await items.count(), 0, 'no errors left');
  assert.equal(Number(await page.locator('[data-total="final"]').textContent()), 88);
  const got = await downloadOf(page, () => page.click('#download-workbook'));
  assert.ok(got, 'the fixed workbook downloads');
  const result = await XlsxHost.load(got.bytes);
  const marks = await result.read([{ sheet: expected[0].sheet, address: expected[0].address }]);
  assert.deepEqual(marks, [[[40]]]);
  assert.equal(result.workbook.getWorksheet(expected[0].sheet)!.getCell(expected[0].address).note, undefined, 'no mark left on the fixed cell');
  assert.deepEqual(s.errors, []);
  assert.deepEqual(s.escaped, []);
});
