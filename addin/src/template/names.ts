/**
 * The naming scheme of a department's places: its key (hashed from its name) and the defined
 * names `coop_<key>_<suffix>`. The template writes them (and the row tags that stand for them,
 * tags.ts); the flow finds departments through them (../flow/names.ts).
 */
import type { Block } from '../host/a1.js';

export const NAME_PREFIX = 'coop_';

/** FNV-1a over UTF-16 code units: small, stable across hosts and good enough to tell values apart. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function departmentKey(department: string): string {
  const h = fnv1a(department.trim()).toString(36);
  return `d${h.padStart(7, '0').slice(-6)}`;
}

/** "internship.local" + "self" → "internship_local_self". */
export function fieldSuffix(path: string, column: 'self' | 'assessor'): string {
  return `${path.replace(/\./g, '_')}_${column}`;
}

export function nameOf(key: string, suffix: string): string {
  return `${NAME_PREFIX}${key}_${suffix}`;
}

/** A named place: its sheet and block. */
export interface Place {
  sheet: string;
  block: Block;
}
