/**
 * validateWorkbook: every problem of the self and the assessor column, located at its cell,
 * exactly those cells marked with the engine's message, and the marks gone once fixed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateWorkbook } from '../src/flow/index.js';
import type { CellValue } from '../src/host/host.js';
import { baseFacts, context, fieldCell, tableCell, workbookWith } from './support/flow-fixture.js';
import type { MemoryHost } from './support/memory-host.js';

const D = '机电工程学院';
const FACTS = `${D}-填报`;

function put(host: MemoryHost, c: { sheet: string; address: string }, v: CellValue): string {
  host.set(c.sheet, c.address, v);
  return `${c.sheet}!${c.address}`;
}

test('a clean department validates with no marks', async () => {
  const host = await workbookWith([D], () => baseFacts());
  const r = await validateWorkbook(context(host));
  assert.equal(r.ok, true, r.message);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(host.markedCells(), []);
  assert.deepEqual(r.written, []);
});

test('bad inputs in both columns are marked exactly, and unmarked when fixed', async () => {
  const host = await workbookWith([D], () => baseFacts());
  const ctx = context(host);
  const text = put(host, fieldCell(host, D, 'internship.local'), 'abc');
  const blank = put(host, fieldCell(host, D, 'faculty.teachers'), null);
  const unknownMajor = put(host, tableCell(host, D, 'classes', 1, 1), '未知专业');
  const assessorTooMany = put(host, fieldCell(host, D, 'employment.local', 'assessor'), 300);
  const assessorFraction = put(host, tableCell(host, D, 'majors', 2, 2), 1.5);
  const inputsBefore = host.getBlock(FACTS, 'A1:G80');

  const r = await validateWorkbook(ctx);
  assert.equal(r.ok, false);
  const found = r.problems.map((p) => [`${p.sheet}!${p.address}`, p.path, p.code, p.column ?? '']).sort();
  assert.deepEqual(found, [
    [unknownMajor, 'order_classes[1].major', 'unknown_major', ''],
    [assessorFraction, 'majors[2].partners', 'not_an_integer', 'assessor'],
    [text, 'internship.local', 'not_a_number', 'self'],
    [blank, 'faculty.teachers', 'missing', 'self'],
    [assessorTooMany, 'employment.local', 'exceeds_total', 'assessor'],
  ].sort());
  assert.deepEqual(host.markedCells(), [text, blank, unknownMajor, assessorTooMany, assessorFraction].sort());
  for (const p of r.problems) assert.equal(host.mark(p.sheet, p.address), p.message);
  assert.match(host.mark(FACTS, text.split('!')[1])!, /abc/);
  assert.match(host.mark(FACTS, assessorTooMany.split('!')[1])!, /^考评：/);
  assert.deepEqual(host.getBlock(FACTS, 'A1:G80'), inputsBefore, 'validation never changes an input');

  // Fix two of them: exactly those two marks go.
  put(host, fieldCell(host, D, 'internship.local'), 114);
  put(host, tableCell(host, D, 'classes', 1, 1), '工业机器人技术');
  const again = await validateWorkbook(ctx);
  assert.equal(again.problems.length, 3);
  assert.deepEqual(host.markedCells(), [blank, assessorTooMany, assessorFraction].sort());

  // Fix the rest: no marks remain.
  put(host, fieldCell(host, D, 'faculty.teachers'), 40);
  put(host, fieldCell(host, D, 'employment.local', 'assessor'), 60);
  put(host, tableCell(host, D, 'majors', 2, 2), 1);
  const clean = await validateWorkbook(ctx);
  assert.equal(clean.ok, true, clean.message);
  assert.deepEqual(host.markedCells(), []);
});

test("an assessor's whole that makes the department's part too large lands on the assessor column", async () => {
  const host = await workbookWith([D], () => baseFacts());
  put(host, fieldCell(host, D, 'internship.total', 'assessor'), 100); // self local is 114
  const r = await validateWorkbook(context(host));
  const local = fieldCell(host, D, 'internship.local', 'assessor');
  assert.deepEqual(r.problems.map((p) => [p.address, p.path, p.code, p.column]), [[local.address, 'internship.local', 'exceeds_total', 'assessor']]);
});

test('a problem the department caused is reported once, not again for the assessor', async () => {
  const host = await workbookWith([D], () => baseFacts());
  put(host, fieldCell(host, D, 'reports.missed'), -1);
  put(host, fieldCell(host, D, 'internship.local', 'assessor'), 120); // the assessor column is in use
  const r = await validateWorkbook(context(host));
  assert.deepEqual(r.problems.map((p) => [p.path, p.code, p.column]), [['reports.missed', 'negative', 'self']]);
});

test('an assessor value that is itself bad is marked even when the self value is bad too', async () => {
  const host = await workbookWith([D], () => baseFacts());
  const self = put(host, fieldCell(host, D, 'staffing'), '外聘');
  const assessor = put(host, fieldCell(host, D, 'staffing', 'assessor'), '临时');
  const r = await validateWorkbook(context(host));
  assert.deepEqual(r.problems.map((p) => `${p.sheet}!${p.address}:${p.code}`).sort(), [`${self}:unknown_choice`, `${assessor}:unknown_choice`].sort());
});

test('problems of several departments carry their department; English messages on request', async () => {
  const host = await workbookWith(['甲学院', '乙学院'], () => baseFacts());
  put(host, fieldCell(host, '乙学院', 'employment.graduates'), 0);
  const r = await validateWorkbook(context(host, 'en'));
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0].department, '乙学院');
  assert.equal(r.problems[0].code, 'zero_total');
  assert.equal(r.problems[0].sheet, '乙学院-填报');
  assert.match(r.message, /problem/);
});

test('an order-class table with no blank row before the reader stops is reported, not cut', async () => {
  const { TABLE_READ_LIMIT } = await import('../src/template/fields.js');
  const host = await workbookWith([D], () => baseFacts());
  let last = '';
  for (let i = 0; i < TABLE_READ_LIMIT; i++) {
    const name = tableCell(host, D, 'classes', i, 0);
    host.set(name.sheet, name.address, `订单班${i + 1}`);
    const major = tableCell(host, D, 'classes', i, 1);
    host.set(major.sheet, major.address, '机电一体化技术');
    const n = tableCell(host, D, 'classes', i, 2);
    host.set(n.sheet, n.address, 20);
    last = name.address;
  }
  const r = await validateWorkbook(context(host));
  assert.deepEqual(r.problems.map((p) => [p.address, p.code]), [[last, 'table_too_long']]);
  // One blank row less is fine: the table then ends inside what is read.
  const end = tableCell(host, D, 'classes', TABLE_READ_LIMIT - 1, 0);
  for (let c = 0; c < 3; c++) {
    const cell = tableCell(host, D, 'classes', TABLE_READ_LIMIT - 1, c);
    host.set(cell.sheet, cell.address, null);
  }
  assert.equal(end.address, last);
  const ok = await validateWorkbook(context(host));
  assert.equal(ok.ok, true, ok.message);
});

test('an empty workbook says to insert the template first', async () => {
  const { MemoryHost } = await import('./support/memory-host.js');
  const r = await validateWorkbook(context(new MemoryHost()));
  assert.equal(r.ok, false);
  assert.equal(r.problems[0].code, 'no_template');
});

test('what a user reads, written out by hand for a sample of problems in both languages', async () => {
  // Written from RUBRIC.md §4 and the template's labels, not copied from the engine: a change
  // that garbles what people read (a path in place of a label, a lost value, the wrong column's
  // prefix) fails here even when every code and cell is still right.
  const expected = {
    zh: {
      summary: '发现 5 个问题，已在单元格上标出',
      'internship.local': '本地跟（顶）岗实习学生人数（internship.local）填的是「abc」，不是数字，应填写不小于 0 的整数',
      'faculty.teachers': '教师总数（faculty.teachers）未填写，应填写不小于 0 的整数',
      'order_classes[1].major': '第 2 个订单班「中联订单班」所属专业「未知专业」不在专业列表中（order_classes[1].major），应为：机电一体化技术、工业机器人技术、电气自动化技术',
      'majors[2].partners': '考评：第 3 个专业「电气自动化技术」的合作企业数（majors[2].partners）填的是「1.5」，不是整数，应填写不小于 0 的整数',
      'employment.local': '考评：本地就业毕业生人数（employment.local）为 300，超过了毕业生总人数（employment.graduates）200，部分不能大于总数',
    },
    en: {
      summary: '5 problems found; the cells are marked',
      'internship.local': 'students interning locally (internship.local) is “abc”, not a number; expected a whole number, 0 or more',
      'faculty.teachers': 'teachers (faculty.teachers) is missing; expected a whole number, 0 or more',
      'majors[2].partners': 'Assessor: partner enterprises of major 3 “电气自动化技术” (majors[2].partners) is “1.5”, not a whole number; expected a whole number, 0 or more',
      'employment.local': 'Assessor: graduates employed locally (employment.local) is 300, more than graduates in all (employment.graduates) 200; a part cannot exceed its whole',
    },
  } as const;
  for (const locale of ['zh', 'en'] as const) {
    const host = await workbookWith([D], () => baseFacts());
    put(host, fieldCell(host, D, 'internship.local'), 'abc');
    put(host, fieldCell(host, D, 'faculty.teachers'), null);
    put(host, tableCell(host, D, 'classes', 1, 1), '未知专业');
    put(host, fieldCell(host, D, 'employment.local', 'assessor'), 300);
    put(host, tableCell(host, D, 'majors', 2, 2), 1.5);
    const r = await validateWorkbook(context(host, locale));
    const want: Record<string, string> = expected[locale];
    assert.equal(r.message, want.summary, locale);
    for (const p of r.problems) if (want[p.path]) assert.equal(p.message, want[p.path], `${locale} ${p.path}`);
    assert.equal(r.problems.filter((p) => want[p.path]).length, Object.keys(want).length - 1, `${locale}: every sample seen`);
  }
});
