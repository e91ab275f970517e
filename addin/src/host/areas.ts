/**
 * Many blocks of one sheet as a few multi-area references ("A1:B2,D4,F1:F9"), so that a host
 * where every call costs (WPS) sets one property on all of them at once.
 */
import { blockAddress, intersects, parseBlock, type Block } from './a1.js';

/** Excel's (and ET's) limit on the text of a reference passed to `Range(…)`. */
export const MAX_REFERENCE = 255;

/** The blocks joined by commas, cut into references of at most MAX_REFERENCE characters. */
export function multiArea(blocks: Block[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const b of blocks) {
    const one = blockAddress(b);
    if (current && current.length + 1 + one.length > MAX_REFERENCE) {
      out.push(current);
      current = '';
    }
    current = current ? `${current},${one}` : one;
  }
  if (current) out.push(current);
  return out;
}

/** One property set to one value over some blocks of one sheet. */
export interface AreaGroup<V> {
  sheet: string;
  property: string;
  value: V;
  blocks: Block[];
}

/**
 * Collects (sheet, property, value, block) settings into groups applied in the order they
 * appear, keeping what the one-by-one order meant: a block whose value another group set
 * later over an overlapping block starts a group of its own after that one.
 */
export class AreaGroups<V> {
  readonly groups: AreaGroup<V>[] = [];

  add(sheet: string, property: string, value: V, address: string): void {
    const block = parseBlock(address);
    const key = JSON.stringify(value);
    const same = (g: AreaGroup<V>) => g.sheet === sheet && g.property === property;
    let target: AreaGroup<V> | undefined;
    for (let i = this.groups.length - 1; i >= 0; i--) {
      const g = this.groups[i];
      if (!same(g)) continue;
      if (JSON.stringify(g.value) === key) {
        target = g;
        break;
      }
      // A later group of another value over this block: ours must come after it.
      if (g.blocks.some((b) => intersects(b, block))) break;
    }
    if (target) target.blocks.push(block);
    else this.groups.push({ sheet, property, value, blocks: [block] });
  }
}
