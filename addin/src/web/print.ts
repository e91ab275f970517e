/**
 * The page's print view: one department's score sheet, or the summary, as a document people
 * sign. What only paper needs (the title, the year, the weights, the date of printing, the
 * signature block, the reasons on a page of their own) is built here as `.print-only`
 * elements, and web.css's `@media print` shows exactly the part `body[data-print]` names. So
 * "打印 / 存为 PDF" prints the same numbers the screen shows, and the browser's own dialog
 * saves the PDF.
 */
import type { DepartmentResult, Locale } from '../flow/index.js';
import type { LineScore } from '../engine/types.js';
import { el } from './dom.js';
import { text } from './i18n.js';

export type PrintPart = 'department' | 'summary';

export interface Weights {
  self: number;
  assessor: number;
}

function percent(weight: number): string {
  return `${Math.round(weight * 10000) / 100}%`;
}

/** Today as the college writes it on forms: 2026年11月30日 / 2026-11-30. */
export function printDate(locale: Locale, now = new Date()): string {
  const [y, m, d] = [now.getFullYear(), now.getMonth() + 1, now.getDate()];
  return locale === 'zh' ? `${y}年${m}月${d}日` : `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function weightsLine(locale: Locale, weights: Weights): string {
  return text(locale, 'printWeights').replace('{self}', percent(weights.self)).replace('{assessor}', percent(weights.assessor));
}

/** The lines under which people sign: who, and the date. */
function signatures(locale: Locale, who: Array<'signAssessors' | 'signHead' | 'signOffice'>): HTMLElement {
  return el(
    'div',
    { class: 'print-only signatures' },
    ...who.map((key) => el('p', {}, el('span', { class: 'who' }, text(locale, key)), el('span', { class: 'blank' }), el('span', { class: 'who' }, text(locale, 'signDate')), el('span', { class: 'blank short' }))),
  );
}

/** The head of a printed page: title, then department / year / date of printing. */
function printHead(locale: Locale, title: 'printSheetTitle' | 'printSummaryTitle', facts: Array<[string, string]>): HTMLElement {
  return el(
    'header',
    { class: 'print-only print-head' },
    el('h1', {}, text(locale, title)),
    el('p', {}, ...facts.flatMap(([label, value], i) => [i > 0 ? '　' : '', `${label}：`, el('span', {}, value)])),
  );
}

/** What a department's printed score sheet adds around its lines table. */
export function departmentPrint(locale: Locale, d: DepartmentResult, weights: Weights): { head: HTMLElement; foot: HTMLElement[] } {
  const head = printHead(locale, 'printSheetTitle', [
    [text(locale, 'printDepartment'), d.department],
    [text(locale, 'printYear'), d.year ?? ''],
    [text(locale, 'printDate'), printDate(locale)],
  ]);
  const final = el('p', { class: 'print-only final' }, `${weightsLine(locale, weights)} = `, el('b', {}, String(d.final)));
  const lines: LineScore[] = d.selfLines ?? [];
  const byId = new Map((d.assessorLines ?? []).map((l) => [l.id, l]));
  const reasons = el(
    'section',
    { class: 'print-only reasons' },
    el('h2', {}, `${d.department} · ${text(locale, 'printReasons')}`),
    el('ol', {}, ...lines.map((l) => {
      const assessor = byId.get(l.id);
      const notes = [...l.notes];
      if (assessor && assessor.notes.join('\n') !== l.notes.join('\n')) notes.push(...assessor.notes.map((n) => `${locale === 'zh' ? '【考评】' : '[Assessors] '}${n}`));
      return el('li', {}, el('b', {}, `${l.id} ${l.name}`), el('span', {}, notes.join(locale === 'zh' ? '；' : '; ')));
    })),
  );
  return { head, foot: [final, signatures(locale, ['signAssessors', 'signHead']), reasons] };
}

/** What the printed summary adds around the ranking: title, year, weights, date, signatures. */
export function summaryPrint(locale: Locale, records: Array<{ year?: string }>, weights: Weights): { head: HTMLElement; foot: HTMLElement[] } {
  const years = [...new Set(records.map((r) => r.year?.trim()).filter((y): y is string => !!y))];
  const head = printHead(locale, 'printSummaryTitle', [
    [text(locale, 'printYear'), years.join('、')],
    [text(locale, 'printDate'), printDate(locale)],
  ]);
  head.append(el('p', {}, weightsLine(locale, weights)));
  return { head, foot: [signatures(locale, ['signAssessors', 'signOffice'])] };
}

/** Prints one part of the page through the browser's dialog (which also saves PDFs). */
export function printPart(part: PrintPart): void {
  document.body.dataset.print = part;
  const done = () => {
    delete document.body.dataset.print;
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}
