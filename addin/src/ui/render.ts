/**
 * Draws a PaneState. Every redraw builds the pane afresh from the state: the pane is a few
 * dozen elements, and drawing from state alone means nothing on screen can disagree with it.
 * Every number carries data-* attributes (department, line, column) so tests read exactly
 * what a person sees without depending on the table's layout.
 */
import type { ActionReport, DepartmentResult, FlowProblem } from '../flow/index.js';
import type { LineScore } from '../engine/types.js';
import { cellLabel, el, type Child } from './dom.js';
import { htmlLang, LIST_SEPARATOR, t, type Bilingual } from './i18n.js';
import type { PaneState, ProblemFilter } from './state.js';
import { paneHints } from './hints.js';
import { targetsTableElement } from './targets.js';

/** A button of the pane, as the renderer needs it. */
export interface ActionView {
  id: string;
  label: Bilingual;
  hint: Bilingual;
  /** When set the button opens a file picker (several files of these types). */
  accept?: string;
}

export interface Handlers {
  action(id: string, files?: File[]): void;
  select(problem: FlowProblem): void;
  copy(text: string): void;
  switchLocale(): void;
  input(field: 'department' | 'year', value: string): void;
  /** A group or details box was opened or closed by the user. */
  toggle(key: string, open: boolean): void;
  filter(filter: ProblemFilter): void;
  /** Go to a sheet the last action wrote (its first written cell). */
  goTo(ref: { sheet: string; address: string }): void;
}

/** Over this many problems, only the first group starts open: 50 departments stay a short list. */
export const COLLAPSE_OVER = 20;

/** Warnings (issue 10's ledger reminders) never block; everything else is an error. */
export function severityOf(p: FlowProblem): 'error' | 'warning' {
  return (p as FlowProblem & { severity?: string }).severity === 'warning' ? 'warning' : 'error';
}

export function renderPane(doc: Document, state: PaneState, actions: readonly ActionView[], on: Handlers): HTMLElement {
  const { locale } = state;
  const root = el(doc, 'div', { class: 'coop-pane', lang: htmlLang(locale), 'aria-busy': state.running ? 'true' : 'false' });
  const switcher = el(doc, 'button', { type: 'button', class: 'locale', title: t(locale, 'switchLocaleHint') }, t(locale, 'switchLocale'));
  switcher.addEventListener('click', () => on.switchLocale());
  root.append(
    el(doc, 'header', {}, el(doc, 'h1', {}, t(locale, 'title')), switcher),
    renderTemplateOptions(doc, state, on),
    renderActions(doc, state, actions, on),
    el(doc, 'p', { class: 'status', role: 'status', 'aria-live': 'polite', 'data-tone': state.status.tone }, state.status.text),
  );
  if (state.report) {
    const links = renderWrittenLinks(doc, state, state.report, on);
    if (links) root.append(links);
    const problems = renderProblems(doc, state, state.report.problems, on);
    if (problems) root.append(problems);
    const results = renderResults(doc, state, state.report, on);
    if (results) root.append(results);
    if (state.reportLocale && state.reportLocale !== locale) {
      root.append(el(doc, 'p', { class: 'hint report-locale' }, t(locale, 'reportInOtherLocale')));
    }
  }
  return root;
}

function renderTemplateOptions(doc: Document, state: PaneState, on: Handlers): HTMLElement {
  const { locale } = state;
  const field = (name: 'department' | 'year', label: string, placeholder: string): HTMLElement => {
    const input = el(doc, 'input', { type: 'text', name, placeholder, value: state[name], disabled: !!state.running });
    input.addEventListener('input', () => on.input(name, input.value));
    return el(doc, 'label', {}, el(doc, 'span', {}, label), input);
  };
  return el(
    doc,
    'fieldset',
    { class: 'template-options' },
    el(doc, 'legend', {}, t(locale, 'templateOptions')),
    field('department', t(locale, 'department'), t(locale, 'departmentPlaceholder')),
    field('year', t(locale, 'year'), t(locale, 'yearPlaceholder')),
  );
}

function renderActions(doc: Document, state: PaneState, actions: readonly ActionView[], on: Handlers): HTMLElement {
  const { locale } = state;
  const list = el(doc, 'div', { class: 'actions' });
  for (const a of actions) {
    const busy = state.running === a.id;
    // Nothing can run without the engine; after a failed start the buttons stay disabled.
    const blocked = !!state.running || !!state.engineFailure;
    const hint = el(doc, 'span', { class: 'hint' }, a.hint[locale]);
    if (a.accept) {
      // A file input inside a label: the picker opens from the user's own click (browsers
      // refuse a programmatic one), and cancelling it simply never fires `change`.
      const input = el(doc, 'input', { type: 'file', multiple: true, accept: a.accept, disabled: blocked, 'data-action': a.id });
      input.addEventListener('change', () => {
        const files = input.files ? Array.from(input.files) : [];
        input.value = '';
        if (files.length > 0) on.action(a.id, files);
      });
      list.append(
        el(doc, 'label', { class: 'action file', 'data-busy': busy ? 'true' : undefined, 'aria-disabled': blocked ? 'true' : undefined, title: a.hint[locale] },
          input, el(doc, 'span', { class: 'label' }, a.label[locale]), hint),
      );
    } else {
      const button = el(doc, 'button', { type: 'button', class: 'action', disabled: blocked, 'data-action': a.id, 'data-busy': busy ? 'true' : undefined, title: a.hint[locale] },
        el(doc, 'span', { class: 'label' }, a.label[locale]), hint);
      button.addEventListener('click', () => on.action(a.id));
      list.append(button);
    }
  }
  return list;
}

/**
 * A `<details>` whose openness is the user's (kept in the state by key) or, until the user
 * toggles it, `fallback`.
 */
function details(doc: Document, state: PaneState, on: Handlers, key: string, fallback: boolean, attrs: Record<string, string>, summary: Child[], ...body: Child[]): HTMLElement {
  const box = el(doc, 'details', { ...attrs, 'data-key': key, open: state.open[key] ?? fallback }, el(doc, 'summary', {}, ...summary), ...body);
  box.addEventListener('toggle', () => {
    const open = (box as HTMLDetailsElement).open;
    if (open !== (state.open[key] ?? fallback)) on.toggle(key, open);
  });
  return box;
}

/** Groups in order of first appearance. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups];
}

function count(locale: PaneState['locale'], n: number): string {
  return `${n}${t(locale, 'problemCount')}`;
}

function problemItem(doc: Document, p: FlowProblem, on: Handlers): HTMLElement {
  // A problem with no cell (no template in the workbook, a file that could not be read) has
  // nothing to select.
  let where: Child = null;
  if (p.sheet && p.address) {
    const button = el(doc, 'button', { type: 'button', class: 'cell', 'data-sheet': p.sheet, 'data-address': p.address, title: p.path }, cellLabel(p.sheet, p.address));
    button.addEventListener('click', () => on.select(p));
    where = button;
  }
  return el(doc, 'li', { 'data-code': p.code, 'data-severity': severityOf(p) }, where, el(doc, 'span', { class: 'message' }, p.message));
}

function filterBar(doc: Document, state: PaneState, problems: readonly FlowProblem[], on: Handlers): HTMLElement | null {
  const errors = problems.filter((p) => severityOf(p) === 'error').length;
  const warnings = problems.length - errors;
  if (errors === 0 || warnings === 0) return null; // one kind only: nothing to filter
  const { locale } = state;
  const choices: Array<[ProblemFilter, string, number]> = [
    ['all', t(locale, 'filterAll'), problems.length],
    ['error', t(locale, 'filterErrors'), errors],
    ['warning', t(locale, 'filterWarnings'), warnings],
  ];
  return el(doc, 'div', { class: 'filter', role: 'group' }, ...choices.map(([id, label, n]) => {
    const button = el(doc, 'button', { type: 'button', 'data-filter': id, 'aria-pressed': state.problemFilter === id ? 'true' : 'false' }, `${label} (${n})`);
    button.addEventListener('click', () => on.filter(id));
    return button;
  }));
}

/**
 * The problems by department, then by sheet, each group with its count; over COLLAPSE_OVER
 * problems only the first department starts open, so the list stays usable at 50 departments.
 */
function renderProblems(doc: Document, state: PaneState, problems: FlowProblem[], on: Handlers): HTMLElement | null {
  if (problems.length === 0) return null;
  const { locale } = state;
  const shown = problems.filter((p) => state.problemFilter === 'all' || severityOf(p) === state.problemFilter);
  const many = shown.length > COLLAPSE_OVER;
  const groups = groupBy(shown, (p) => p.department ?? '').map(([department, items], i) => {
    const sheets = groupBy(items, (p) => p.sheet).map(([sheet, inSheet]) =>
      el(doc, 'section', { class: 'sheet-group', 'data-sheet': sheet },
        el(doc, 'h3', {}, `${sheet || t(locale, 'noCell')} · ${count(locale, inSheet.length)}`),
        el(doc, 'ol', { class: 'problems' }, ...inSheet.map((p) => problemItem(doc, p, on)))),
    );
    const name = department || t(locale, 'noDepartment');
    return details(doc, state, on, `problems:${department}`, !many || i === 0, { class: 'problem-group', 'data-department': department },
      [el(doc, 'span', { class: 'department' }, name), ' ', el(doc, 'span', { class: 'count' }, count(locale, items.length))], ...sheets);
  });
  return el(
    doc,
    'section',
    { class: 'problems-section' },
    el(doc, 'h2', {}, `${t(locale, 'problems')} (${problems.length})`),
    filterBar(doc, state, problems, on),
    shown.some((p) => p.sheet && p.address) ? el(doc, 'p', { class: 'hint' }, t(locale, 'problemsHint')) : null,
    ...groups,
  );
}

/** After an action that wrote sheets: one link to each, to land where the result is. */
function renderWrittenLinks(doc: Document, state: PaneState, report: ActionReport, on: Handlers): HTMLElement | null {
  if (!report.ok || report.written.length === 0) return null;
  const firstBlock = new Map<string, string>();
  for (const w of report.written) if (!firstBlock.has(w.sheet)) firstBlock.set(w.sheet, w.address.split(':')[0]);
  const links = [...firstBlock].slice(0, 4).map(([sheet, address]) => {
    const button = el(doc, 'button', { type: 'button', class: 'go-to', 'data-sheet': sheet }, `${t(state.locale, 'goToSheet')}${sheet}`);
    button.addEventListener('click', () => on.goTo({ sheet, address }));
    return button;
  });
  return el(doc, 'nav', { class: 'written' }, ...links);
}

function renderResults(doc: Document, state: PaneState, report: ActionReport, on: Handlers): HTMLElement | null {
  const departments = report.departments ?? [];
  if (departments.length === 0 && !report.tsv) return null;
  const { locale } = state;
  const section = el(doc, 'section', { class: 'results' }, el(doc, 'h2', {}, t(locale, 'results')));
  if (departments.length > 0) section.append(scoreTable(doc, state, departments));
  if (report.targets) section.append(targetsTableElement(doc, state.reportLocale ?? locale, report.targets));
  for (const d of departments) {
    if (d.selfLines || d.assessorLines) section.append(lineDetails(doc, state, d, on));
  }
  section.append(...hintBoxes(doc, state, departments, on));
  if (report.tsv) {
    const tsv = report.tsv;
    const button = el(doc, 'button', { type: 'button', class: 'copy', disabled: !!state.running }, t(locale, 'copy'));
    button.addEventListener('click', () => on.copy(tsv));
    section.append(
      el(doc, 'h3', {}, t(locale, 'appraisal')),
      el(doc, 'div', { class: 'copy-row' }, button, state.copy ? el(doc, 'span', { class: 'copy-status', 'data-tone': state.copy.tone }, state.copy.text) : null),
      // Kept visible and selectable: the manual way to copy when the clipboard is refused.
      el(doc, 'textarea', { class: 'tsv', readonly: true, rows: String(Math.min(12, tsv.split('\n').length + 1)), spellcheck: 'false' }, tsv),
    );
  }
  return section;
}

function scoreTable(doc: Document, state: PaneState, rows: DepartmentResult[]): HTMLElement {
  const { locale } = state;
  const ranked = rows.some((r) => r.rank !== undefined);
  const sources = rows.some((r) => r.source);
  const head = el(doc, 'tr', {}, ...[
    t(locale, 'departmentColumn'), t(locale, 's1'), t(locale, 's2'), t(locale, 'final'),
    ranked ? t(locale, 'rank') : null, sources ? t(locale, 'source') : null,
  ].map((h) => (h ? el(doc, 'th', { scope: 'col' }, h) : null)));
  const body = el(doc, 'tbody');
  for (const r of rows) {
    const num = (column: string, value: number | undefined): HTMLElement =>
      el(doc, 'td', { class: 'num', 'data-department': r.department, 'data-column': column }, value === undefined ? '' : String(value));
    body.append(
      el(doc, 'tr', {},
        el(doc, 'th', { scope: 'row' }, r.department),
        num('s1', r.s1), num('s2', r.s2), num('final', r.final),
        ranked ? num('rank', r.rank) : null,
        sources ? el(doc, 'td', {}, r.source ?? '') : null),
    );
  }
  return el(doc, 'table', { class: 'scores' }, el(doc, 'thead', {}, head), body);
}

/** Every line of S1 and S2 side by side, with the reasons that took points off or added them. */
function lineDetails(doc: Document, state: PaneState, d: DepartmentResult, on: Handlers): HTMLElement {
  const { locale } = state;
  const self = new Map((d.selfLines ?? []).map((l) => [l.id, l]));
  const assessor = new Map((d.assessorLines ?? []).map((l) => [l.id, l]));
  const ids = [...new Set([...self.keys(), ...assessor.keys()])];
  const body = el(doc, 'tbody');
  for (const id of ids) {
    const line = (assessor.get(id) ?? self.get(id)) as LineScore;
    const score = (column: string, l: LineScore | undefined): HTMLElement =>
      el(doc, 'td', { class: 'num', 'data-department': d.department, 'data-line': id, 'data-column': column }, l ? String(l.score) : '');
    const reasons = [...new Set([...(self.get(id)?.notes ?? []), ...(assessor.get(id)?.notes ?? [])])];
    body.append(
      el(doc, 'tr', {},
        el(doc, 'th', { scope: 'row' }, `${id} ${line.name}`),
        el(doc, 'td', { class: 'num' }, String(line.max)),
        score('self', self.get(id)), score('assessor', assessor.get(id)),
        el(doc, 'td', { class: 'reasons' }, reasons.join(LIST_SEPARATOR[locale]))),
    );
  }
  const head = el(doc, 'tr', {}, ...[t(locale, 'line'), t(locale, 'max'), t(locale, 'selfScore'), t(locale, 'assessorScore'), t(locale, 'reasons')].map((h) => el(doc, 'th', { scope: 'col' }, h)));
  return details(doc, state, on, `lines:${d.department}`, false, { class: 'lines' },
    [`${d.department} · ${t(locale, 'lines')}`],
    el(doc, 'table', {}, el(doc, 'thead', {}, head), body));
}

/**
 * 怎样提高得分 of every department scored here; open while there are few departments, so a
 * department scoring itself sees them at once. A hint's click selects its input cell.
 */
function hintBoxes(doc: Document, state: PaneState, departments: DepartmentResult[], on: Handlers): HTMLElement[] {
  const open = departments.length <= HINT_DEPARTMENTS_OPEN;
  const box = (key: string, fallback: boolean, attrs: Record<string, string>, summary: Child[], ...body: Child[]) => details(doc, state, on, key, fallback, attrs, summary, ...body);
  return departments.flatMap((d) => paneHints(doc, state.locale, d, open, box, (h) => on.goTo({ sheet: h.sheet, address: h.address })) ?? []);
}

/** Up to this many departments, every department's hints start open. */
export const HINT_DEPARTMENTS_OPEN = 1;
