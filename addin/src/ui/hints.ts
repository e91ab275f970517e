/**
 * 怎样提高得分 — the hints of a scored department (flow/hints.ts), drawn for the task pane and
 * for the web page's department view: each hint a button that selects the input cell it
 * names. Lines are ordered by their best gain, so the few that start open are the ones worth
 * most; the rest wait in a collapsed box. Buttons and `<details>` are reachable by keyboard
 * (Tab, Enter, Space) without any script of their own.
 */
import type { DepartmentResult, Locale } from '../flow/index.js';
import type { LocatedHint } from '../flow/hints.js';
import { cellLabel, el, type Child } from './dom.js';
import { lookup, type Bilingual } from './bilingual.js';

/** Lines with hints shown before the rest are folded away. */
export const HINT_LINES_OPEN = 3;

export const HINT_TEXT = {
  hintsTitle: { zh: '怎样提高得分', en: 'How to score higher' },
  hintsRule: {
    zh: '按自评栏给出（院系自评）；考评栏改变了某项的结果时，另列考评栏的建议。点击建议可定位到要修改的单元格。',
    en: "From the self column (the department's own scoring); where the assessor column changed a line's result, its hints are listed too. Click a hint to select the cell to change.",
  },
  hintsNone: { zh: '各项均已得满分，没有可提高之处。', en: 'Every line is at its best: nothing to gain.' },
  hintsMore: { zh: '其余 {n} 项', en: '{n} more lines' },
  assessorPrefix: { zh: '考评：', en: 'Assessor: ' },
  gain: { zh: '+{n} 分', en: '+{n}' },
} satisfies Record<string, Bilingual>;

export const hintText = lookup<keyof typeof HINT_TEXT>(HINT_TEXT);

function fill(text: string, n: number): string {
  return text.replace('{n}', String(n));
}

/** The hints grouped by line, lines by their best gain (ties in the order given). */
export function hintsByLine(hints: readonly LocatedHint[]): Array<{ line: string; lineName: string; hints: LocatedHint[] }> {
  const groups = new Map<string, { line: string; lineName: string; hints: LocatedHint[] }>();
  for (const h of hints) {
    const g = groups.get(h.line) ?? { line: h.line, lineName: h.lineName, hints: [] };
    g.hints.push(h);
    groups.set(h.line, g);
  }
  const best = (g: { hints: LocatedHint[] }) => Math.max(...g.hints.map((h) => h.gain));
  return [...groups.values()].sort((a, b) => best(b) - best(a));
}

/**
 * One line's hints as a list of buttons; `pick` selects the cell. The list keeps the given
 * order (best gain first: flow/hints.ts sorts them).
 */
export function hintList(doc: Document, locale: Locale, hints: readonly LocatedHint[], pick: (h: LocatedHint) => void): HTMLElement {
  return el(doc, 'ol', { class: 'hint-list' }, ...hints.map((h) => {
    const label = cellLabel(h.sheet, h.address);
    const button = el(doc, 'button', {
      type: 'button', class: 'hint-link', 'data-sheet': h.sheet, 'data-address': h.address, title: label,
    }, h.facts === 'assessor' ? hintText(locale, 'assessorPrefix') : '', h.text);
    button.addEventListener('click', () => pick(h));
    return el(doc, 'li', { 'data-line': h.line, 'data-path': h.path, 'data-gain': String(h.gain), 'data-facts': h.facts },
      button, ' ', el(doc, 'span', { class: 'gain' }, fill(hintText(locale, 'gain'), h.gain)), ' ', el(doc, 'span', { class: 'where' }, label));
  }));
}

function lineBlock(doc: Document, locale: Locale, g: ReturnType<typeof hintsByLine>[number], pick: (h: LocatedHint) => void): HTMLElement {
  const first = g.hints[0];
  return el(doc, 'li', { class: 'hint-line', 'data-line': g.line },
    el(doc, 'span', { class: 'line-name' }, `${g.line} ${g.lineName}`, ' ', el(doc, 'span', { class: 'line-score' }, `${first.score}/${first.max}`)),
    hintList(doc, locale, g.hints, pick));
}

/** A `<details>` as the pane keeps them: open or closed by key, `fallback` until the user chooses. */
export type DetailsBox = (key: string, fallback: boolean, attrs: Record<string, string>, summary: Child[], ...body: Child[]) => HTMLElement;

/**
 * The pane's 怎样提高得分 box of one department: the rule, the first HINT_LINES_OPEN lines,
 * the rest folded. `open` says whether the department's box starts open.
 */
export function paneHints(doc: Document, locale: Locale, d: DepartmentResult, open: boolean, details: DetailsBox, pick: (h: LocatedHint) => void): HTMLElement | null {
  if (!d.hints) return null;
  const groups = hintsByLine(d.hints);
  const shown = groups.slice(0, HINT_LINES_OPEN);
  const rest = groups.slice(HINT_LINES_OPEN);
  const body: Child[] = [el(doc, 'p', { class: 'hint' }, hintText(locale, groups.length > 0 ? 'hintsRule' : 'hintsNone'))];
  if (shown.length > 0) body.push(el(doc, 'ul', { class: 'hint-lines' }, ...shown.map((g) => lineBlock(doc, locale, g, pick))));
  if (rest.length > 0) {
    body.push(details(`hints-more:${d.department}`, false, { class: 'hints-more' }, [fill(hintText(locale, 'hintsMore'), rest.length)],
      el(doc, 'ul', { class: 'hint-lines' }, ...rest.map((g) => lineBlock(doc, locale, g, pick)))));
  }
  return details(`hints:${d.department}`, open, { class: 'hints', 'data-department': d.department },
    [`${d.department} · ${hintText(locale, 'hintsTitle')}`], ...body);
}
