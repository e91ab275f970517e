/**
 * Renders what the flow reports: located problems (each a button that selects its cell),
 * a department's lines with the reason for every point, and the ranked summary. Every number
 * carries a `data-*` address (line, column) so that the end-to-end tests read exactly what
 * a person sees, without depending on the table's layout.
 */
import type { DepartmentResult, FlowProblem, Locale } from '../flow/index.js';
import type { LineScore } from '../engine/types.js';
import { el } from './dom.js';
import { text } from './i18n.js';
import { cellLabel } from '../ui/dom.js';
import { departmentPrint, summaryPrint, type Weights } from './print.js';
import type { LocatedHint } from '../flow/hints.js';
import { hintList, hintText } from '../ui/hints.js';

export function renderProblems(
  locale: Locale,
  problems: FlowProblem[],
  onPick?: (problem: FlowProblem) => void,
): HTMLElement {
  const list = el('ol', { class: 'problems' });
  for (const p of problems) {
    // Workbook-wide problems (no template at all) have no cell to point at.
    const located = !!p.sheet && !!p.address;
    const pick = located ? el('button', { type: 'button', class: 'cell-ref', title: p.path }, cellLabel(p.sheet, p.address)) : null;
    if (pick && onPick) pick.addEventListener('click', () => onPick(p));
    else if (pick) pick.disabled = true;
    list.append(
      el(
        'li',
        { 'data-sheet': p.sheet, 'data-address': p.address, 'data-code': p.code, 'data-path': p.path },
        pick,
        ' ',
        el('span', { class: 'message' }, p.message),
      ),
    );
  }
  return el('div', { class: 'problem-box' }, el('h3', {}, `${text(locale, 'problemsTitle')}（${problems.length}）`), list);
}

function num(value: number, attrs: Record<string, string>): HTMLElement {
  return el('td', { class: 'num', ...attrs }, String(value));
}

function lineRow(locale: Locale, self: LineScore, assessor: LineScore | undefined): HTMLElement {
  const notes = [...self.notes];
  // The assessors' reasons only when they differ, so an accepted line reads once.
  if (assessor && assessor.notes.join('\n') !== self.notes.join('\n')) notes.push(...assessor.notes.map((n) => `${locale === 'zh' ? '【考评】' : '[Assessors] '}${n}`));
  const d = { 'data-line': self.id };
  return el(
    'tr',
    d,
    el('td', {}, self.id),
    el('td', {}, self.name),
    num(self.max, { ...d, 'data-col': 'max' }),
    num(self.base, { ...d, 'data-col': 'base' }),
    num(self.deduction, { ...d, 'data-col': 'deduction' }),
    num(self.bonus, { ...d, 'data-col': 'bonus' }),
    num(self.score, { ...d, 'data-col': 'score' }),
    num(assessor?.score ?? self.score, { ...d, 'data-col': 'assessor-score' }),
    el('td', { class: 'notes' }, ...notes.flatMap((n, i) => (i === 0 ? [n] : [el('br'), n]))),
  );
}

/**
 * One department: the headline scores, then the twelve lines with their reasons; printed, the
 * score sheet (title, lines, Sm, signatures) on one page and the reasons on the next.
 */
export function renderDepartment(locale: Locale, d: DepartmentResult, weights: Weights, onHint?: (hint: LocatedHint) => void): HTMLElement {
  const t = (k: Parameters<typeof text>[1]) => text(locale, k);
  const head = el(
    'p',
    { class: 'headline' },
    el('strong', {}, d.department),
    ' · ',
    `${t('selfScore')} `,
    el('b', { 'data-total': 's1' }, String(d.s1)),
    ' · ',
    `${t('assessorScore')} `,
    el('b', { 'data-total': 's2' }, String(d.s2)),
    ' · ',
    `${t('finalScore')} `,
    el('b', { 'data-total': 'final' }, String(d.final)),
  );
  const print = departmentPrint(locale, d, weights);
  const section = el('section', { class: 'department', 'data-department': d.department }, print.head, head);
  const lines = d.selfLines ?? [];
  if (lines.length > 0) {
    const byId = new Map((d.assessorLines ?? []).map((l) => [l.id, l]));
    const sum = (k: 'deduction' | 'bonus' | 'score') => lines.reduce((s, l) => s + l[k], 0);
    section.append(
      el(
        'table',
        { class: 'lines' },
        el(
          'thead',
          {},
          el('tr', {}, el('th', {}, ''), el('th', {}, t('line')), el('th', {}, t('max')), el('th', {}, t('base')), el('th', {}, t('deduction')), el('th', {}, t('bonus')), el('th', {}, `${t('score')} S1`), el('th', {}, `${t('score')} S2`), el('th', {}, t('reason'))),
        ),
        el('tbody', {}, ...lines.flatMap((l) => [lineRow(locale, l, byId.get(l.id)), hintRow(locale, l.id, d.hints, onHint)])),
        el(
          'tfoot',
          {},
          el('tr', {}, el('td', {}, ''), el('td', {}, t('total')), el('td', {}, ''), el('td', {}, ''), num(round(sum('deduction')), { 'data-col': 'deduction-total' }), num(round(sum('bonus')), { 'data-col': 'bonus-total' }), num(d.s1, { 'data-col': 'total' }), num(d.s2, { 'data-col': 'assessor-total' }), el('td', {}, '')),
        ),
      ),
    );
  }
  section.append(...print.foot);
  return section;
}

/**
 * 怎样提高得分 under a line: its hints (flow/hints.ts, best gain first), each a button that
 * selects the input cell, as the problems do; none for a line at its best.
 */
function hintRow(locale: Locale, line: string, hints: LocatedHint[] | undefined, onHint?: (hint: LocatedHint) => void): HTMLElement | null {
  const mine = (hints ?? []).filter((h) => h.line === line);
  if (mine.length === 0) return null;
  const list = hintList(document, locale, mine, (h) => onHint?.(h));
  return el('tr', { class: 'hint-row', 'data-line': line }, el('td', {}, ''), el('td', { colspan: '8' }, el('span', { class: 'hint-head' }, `${hintText(locale, 'hintsTitle')}：`), list));
}

// Sums of already-rounded line numbers; the guard only removes binary noise (0.1 + 0.2).
function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The ranked summary: department, S1, S2, final, rank; printed with title, year, weights and signatures. */
export function renderRanking(locale: Locale, rows: DepartmentResult[], weights: Weights, records: Array<{ year?: string }> = rows): HTMLElement {
  const t = (k: Parameters<typeof text>[1]) => text(locale, k);
  const sorted = [...rows].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const print = summaryPrint(locale, records, weights);
  return el('div', { class: 'summary-print' }, print.head, el(
    'table',
    { class: 'ranking' },
    el('thead', {}, el('tr', {}, el('th', {}, t('rank')), el('th', {}, t('departmentColumn')), el('th', {}, t('selfScore')), el('th', {}, t('assessorScore')), el('th', {}, t('finalScore')))),
    el(
      'tbody',
      {},
      ...sorted.map((r) =>
        el(
          'tr',
          { 'data-department': r.department },
          el('td', { class: 'num', 'data-col': 'rank' }, String(r.rank ?? '')),
          el('td', {}, r.department),
          el('td', { class: 'num', 'data-col': 's1' }, String(r.s1)),
          el('td', { class: 'num', 'data-col': 's2' }, String(r.s2)),
          el('td', { class: 'num', 'data-col': 'final' }, String(r.final)),
        ),
      ),
    ),
  ), ...print.foot);
}
