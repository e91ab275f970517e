/**
 * A1 references, the Host contract every host, the flow and the page share (src/host/a1.ts):
 * 0-based numbers, 1-based text, and the sheet-qualified references of defined names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  blockAddress,
  blockOf,
  cellAddress,
  cellsOf,
  columnIndex,
  columnLetters,
  contains,
  intersects,
  nameReference,
  parseBlock,
  parseCell,
  parseNameReference,
  sameBlock,
  topLeft,
  union,
} from '../src/host/a1.js';

test('A1 references round-trip', () => {
  for (const [letters, index] of [['A', 0], ['Z', 25], ['AA', 26], ['AZ', 51], ['BA', 52], ['XFD', 16383]] as const) {
    assert.equal(columnIndex(letters), index);
    assert.equal(columnLetters(index), letters);
  }
  assert.deepEqual(parseCell('$B$3'), { row: 2, col: 1 });
  assert.equal(cellAddress(0, 0), 'A1');
  assert.equal(cellAddress(2, 1, true), '$B$3');
  assert.equal(blockAddress(parseBlock('$D$10:b3')), 'B3:D10');
  assert.equal(blockAddress(parseBlock('$D$10:b3'), true), '$B$3:$D$10');
  assert.equal(blockAddress(parseBlock('C7')), 'C7');
  assert.equal(blockAddress(parseBlock('C7:C7')), 'C7');
  assert.equal(blockAddress(blockOf(2, 1, 2, 3)), 'B3:D4');
  assert.equal(blockAddress(union(parseBlock('A1:B2'), parseBlock('C5'))), 'A1:C5');
  assert.equal(blockAddress(topLeft(parseBlock('B3:D10'))), 'B3');
  assert.throws(() => parseBlock('R1C1'));
  assert.throws(() => parseBlock('A1:B2:C3'));
});

test('blocks: cells, overlap and containment', () => {
  assert.deepEqual([...cellsOf(parseBlock('A1:B2'))].map((c) => cellAddress(c.row, c.col)), ['A1', 'B1', 'A2', 'B2']);
  assert.equal(intersects(parseBlock('A1:B2'), parseBlock('B2:C3')), true);
  assert.equal(intersects(parseBlock('A1:B2'), parseBlock('C1:C9')), false);
  assert.equal(sameBlock(parseBlock('B2:A1'), parseBlock('A1:B2')), true);
  assert.equal(contains(parseBlock('B2:C3'), parseCell('C3')), true);
  assert.equal(contains(parseBlock('B2:C3'), parseCell('D3')), false);
});

test('name references quote sheet names and read back; broken ones are not ranges', () => {
  assert.equal(nameReference("O'Brien 表", 'b2:a1'), "'O''Brien 表'!$A$1:$B$2");
  assert.deepEqual(parseNameReference("'O''Brien 表'!$A$1:$B$2"), { sheet: "O'Brien 表", address: 'A1:B2' });
  assert.deepEqual(parseNameReference('Facts!$C$3'), { sheet: 'Facts', address: 'C3' });
  assert.equal(parseNameReference('#REF!'), null);
  assert.equal(parseNameReference('#REF!$A$1'), null);
  assert.equal(parseNameReference('Facts!$A$1,Facts!$C$3'), null);
  assert.equal(parseNameReference('0.4'), null);
});
