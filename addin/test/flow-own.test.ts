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
