/**
 * The majors' computed cells take the engine's derived inputs as data (`derivedInputs`),
 * never the text of a line's notes. The values are worked by hand in
 * test/support/ledger-fixture.ts (EXAMPLE_EQUIVALENT).
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { fillScores, insertTemplate } from '../src/flow/index.js';
import { derivedMajors, derivedValues } from '../src/flow/derived.js';
import type { Engine } from '../src/engine/types.js';
import { MAJOR_COLUMNS } from '../src/template/fields.js';
import { MemoryHost } from './support/memory-host.js';
import { baseFacts, tableCell, typeFacts, type Json } from './support/flow-fixture.js';
import { testEngine } from './support/engine.js';
import { EXAMPLE_EQUIVALENT, exampleCalendar, exampleFacts, exampleLedger, typeCalendar, typeLedger } from './support/ledger-fixture.js';

const DEPT = '机电工程学院';
const MAJORS = EXAMPLE_EQUIVALENT.self.majors.map((m) => ({ name: m.name }));

test('derivedValues: each major\'s partners and bases, then A3\'s counts, from the ledger and the calendar', () => {
  const values = derivedValues(testEngine(), { year: '2023-2024', majors: MAJORS, ...exampleFacts('2023-2024') });
  const want = new Map<string, number | boolean>();
  EXAMPLE_EQUIVALENT.self.majors.forEach((m, i) => {
    want.set(`majors[${i}].partners`, m.partners);
    want.set(`majors[${i}].campus_base`, m.campus_base);
    want.set(`majors[${i}].external_base`, m.external_base);
  });
  want.set('reports.due', EXAMPLE_EQUIVALENT.self.reports.due);
  want.set('reports.missed', EXAMPLE_EQUIVALENT.self.reports.missed);
  assert.deepEqual(values, want);
});

test('derivedMajors refuses a ledger with a problem instead of guessing', () => {
  const facts = { year: '2023-2024', majors: MAJORS, projects: [{ id: 'X', enterprise: '某公司', major: '数控技术', forms: '订单班', signed: '2023-10-01', filed: '2023-10-02' }] };
  assert.throws(() => derivedMajors(testEngine(), facts), /projects\[0\]\.major unknown_major/);
});

/** The real engine, with a line's notes out of reach: the computed cells must not need them. */
function engineWithoutNotes(): Engine {
  const engine = testEngine();
  return {
    ...engine,
    scoreLine: (line, facts, options) => {
      const r = engine.scoreLine(line, facts, options);
      // Notes in another form than the engine writes today: any reading of them breaks.
      return r.ok ? { ...r, item: { ...r.item, notes: r.item.notes.map((n) => `〔${n}〕`) } } : r;
    },
  };
}

test('计算得分 writes the majors\' computed cells from the derived inputs, whatever the notes say', async () => {
  const host = new MemoryHost();
  const ctx = { host, engine: engineWithoutNotes(), locale: 'zh' as const };
  await insertTemplate(ctx, { department: DEPT, year: '2023-2024' });
  const base = baseFacts();
  typeFacts(host, { ...base, reports: undefined, majors: (base.majors as Json[]).map((m) => ({ name: m.name })) });
  typeLedger(host, DEPT, exampleLedger());
  const { dates, marks } = exampleCalendar();
  typeCalendar(host, DEPT, dates, marks);
  const r = await fillScores(ctx);
  assert.equal(r.ok, true, r.message);
  const yes = (b: boolean) => (b ? '是' : '否');
  EXAMPLE_EQUIVALENT.self.majors.forEach((s, i) => {
    const a = EXAMPLE_EQUIVALENT.assessor.majors[i];
    const row = MAJOR_COLUMNS.map((_, c) => {
      const cell = tableCell(host, DEPT, 'majors', i, c);
      return host.get(cell.sheet, cell.address);
    });
    assert.deepEqual(row, [s.name, s.partners, a.partners, yes(s.campus_base), yes(a.campus_base), yes(s.external_base), yes(a.external_base)]);
  });
});
