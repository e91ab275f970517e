/**
 * The ownership record under the flow, on its own: what counts as the add-in's own cell.
 * (The A1 arithmetic under it is tested in a1.test.ts.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foreignCells, ownedWrite, padTo, type OwnedBlock } from '../src/flow/own.js';
import { parseBlock } from '../src/host/a1.js';
import { departmentKey } from '../src/flow/names.js';

const owned: OwnedBlock = { sheet: 'S', block: parseBlock('B2:D3') };

test('a block written by the add-in is all its own; any changed or added value is not', () => {
  const w = ownedWrite(owned, [[1, 'a', null], [null, null, null]]);
  assert.equal(w.address, 'B2:E3');
  assert.equal(w.values[1][3], null, 'an all-empty row carries no record');
  assert.deepEqual(foreignCells(owned, w.values), []);
  assert.deepEqual(foreignCells(owned, [[null, null, null, null], [null, null, null, null]]), [], 'cleared cells are fine');

  const changed = w.values.map((r) => [...r]);
  changed[0][0] = 2; // a different number
  changed[0][2] = 'x'; // a value where the add-in wrote nothing
  changed[1][1] = 'y'; // a value in a row without record
  assert.deepEqual(foreignCells(owned, changed), ['B2', 'D2', 'C3']);

  const forged = w.values.map((r) => [...r]);
  forged[0][3] = 'coop1:junk';
  assert.deepEqual(foreignCells(owned, forged), ['B2', 'C2', 'E2'], 'a malformed record owns nothing and is foreign itself');
});

test('numeric text and its number are the same value (hosts that parse typed text)', () => {
  const w = ownedWrite(owned, [['123', 'text', 4.5], [null, null, null]]);
  const asParsed = w.values.map((r) => [...r]);
  asParsed[0][0] = 123;
  asParsed[0][2] = '4.5';
  assert.deepEqual(foreignCells(owned, asParsed), []);
  asParsed[0][1] = 'Text';
  assert.deepEqual(foreignCells(owned, asParsed), ['C2']);
});

test('padTo fills a larger block with empty cells; ownedWrite refuses a wrong shape', () => {
  assert.deepEqual(padTo([[1]], parseBlock('A1:B2')), [[1, null], [null, null]]);
  assert.throws(() => ownedWrite(owned, [[1, 2, 3]]));
});

test('department keys are stable, distinct and valid inside a defined name', () => {
  assert.equal(departmentKey('机电工程学院'), departmentKey(' 机电工程学院 '));
  assert.notEqual(departmentKey('机电工程学院'), departmentKey('信息工程学院'));
  assert.match(departmentKey('机电工程学院'), /^d[0-9a-z]{6}$/);
});

test('text the host turned into a number when it was written is still the add-in’s own (WPS parses "65%" and dates)', () => {
  const w = ownedWrite(owned, [['65%', '2024-03-05', '1,200'], ['57.1%', '2024年3月5日', 'Sm = 80']]);
  const asWps = w.values.map((r) => [...r]);
  // What WPS stores when these texts are assigned through Value2, as if typed.
  asWps[0][0] = 0.65;
  asWps[0][1] = 45356; // 2024-03-05 as a date serial
  asWps[0][2] = 1200;
  asWps[1][0] = 0.571;
  asWps[1][1] = 45356;
  assert.deepEqual(foreignCells(owned, asWps), []);
  // A value the user typed over them is still foreign.
  asWps[0][0] = 0.66;
  asWps[0][1] = 45357;
  assert.deepEqual(foreignCells(owned, asWps), ['B2', 'C2']);
});

test('records written before percentages and dates were understood still own their cells', () => {
  // A record of the earlier hash (numeric text only): "65%" kept as text hashes as text.
  const earlier = ownedWrite(owned, [['abc', 12, '7'], [null, null, null]]);
  assert.deepEqual(foreignCells(owned, earlier.values), []);
  const fnv = (t: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193) >>> 0;
    return h.toString(36);
  };
  const old = [['65%', 0.1 + 0.2, null, `coop1:${fnv('string:65%')}.${fnv(`number:${0.1 + 0.2}`)}.-`]];
  assert.deepEqual(foreignCells({ sheet: 'S', block: parseBlock('B2:D2') }, old), []);
});
