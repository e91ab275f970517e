/**
 * Turns a department inserted by today's template into one of the first template scheme, as
 * workbooks made before the row tags hold it: one defined name per input and per score-sheet
 * block (`coop_<key>_<suffix>`), no tags, no block names. Works on any fake through three hands.
 */
import type { DefinedName } from '../../src/host/host.js';
import { blockAddress, parseBlock } from '../../src/host/a1.js';
import { departmentKey, nameOf, requiredSuffixes } from '../../src/flow/names.js';
import { BLOCK_SUFFIXES, TAG_COLUMNS } from '../../src/template/tags.js';

export interface SchemeHands {
  /** The workbook's names, with those the tags stand for (as the test hosts give them). */
  names(): DefinedName[];
  define(names: DefinedName[]): void;
  remove(name: string): void;
  /** Empties a cell. */
  clear(sheet: string, address: string): void;
}

export function toFirstScheme(hands: SchemeHands, department: string): void {
  const key = departmentKey(department);
  const all = hands.names();
  const find = (name: string) => all.find((n) => n.name.toLowerCase() === name);
  const perInput = requiredSuffixes().map((suffix) => {
    const found = find(nameOf(key, suffix));
    if (!found) throw new Error(`no ${suffix} for ${department}`);
    return { ...found, name: nameOf(key, suffix) };
  });
  for (const suffix of [BLOCK_SUFFIXES.facts, BLOCK_SUFFIXES.scores]) {
    const block = find(nameOf(key, suffix));
    if (!block) throw new Error(`no ${suffix} block for ${department}`);
    const b = parseBlock(block.address);
    for (const col of TAG_COLUMNS) {
      for (let row = b.top; row <= b.bottom; row++) hands.clear(block.sheet, blockAddress({ top: row, bottom: row, left: col, right: col }));
    }
    hands.remove(block.name);
  }
  hands.define(perInput);
}
