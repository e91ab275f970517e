/**
 * The 平台建设目标 table (RUBRIC.md §10) as the pane and the web page show it after 生成汇总:
 * the same cells as the sheet, departments down and targets across, the college's row in the
 * table's foot. Each cell says in text whether its target is met (✓ ✗ 未填报 不适用); the
 * colour (`data-state`, styled in pane.css, which the web page loads too) only repeats it. Cells carry
 * data-department and data-target so tests read what a person sees.
 */
import type { TargetsTable } from '../flow/index.js';
import { el } from './dom.js';
import type { Locale } from './bilingual.js';

const TEXT = {
  caption: { zh: '平台建设目标（依据考核组核实后的填报数据）', en: "Platform targets (from the assessors' verified facts)" },
  department: { zh: '院系', en: 'Department' },
  target: { zh: '目标', en: 'target' },
  legend: {
    zh: '✓ 达到　✗ 未达到　未填报：缺少该项数据　不适用：没有产业学院时不考核实训基地。全院行括号内为达标院系数 / 填报院系数。',
    en: '✓ met  ✗ not met  not reported: the input is missing  n/a: no industry college, so no training base is required. College row: in brackets, departments that met it / reported it.',
  },
} as const;

function say(locale: Locale, key: keyof typeof TEXT): string {
  return TEXT[key][locale];
}

export function targetsTableElement(doc: Document, locale: Locale, table: TargetsTable): HTMLElement {
  const head = el(doc, 'tr', {},
    el(doc, 'th', { scope: 'col' }, say(locale, 'department')),
    ...table.targets.map((t) => el(doc, 'th', { scope: 'col', 'data-target': t.id }, t.name, el(doc, 'br'), el(doc, 'span', { class: 'goal' }, `${say(locale, 'target')} ${t.goal}`))));
  const row = (department: string, cells: TargetsTable['college']['cells'], college: boolean) =>
    el(doc, 'tr', college ? { class: 'college' } : {},
      el(doc, 'th', { scope: 'row' }, department),
      ...cells.map((c) => el(doc, 'td', { 'data-department': department, 'data-target': c.id, 'data-state': c.state }, c.text)));
  return el(doc, 'section', { class: 'targets' },
    el(doc, 'div', { class: 'targets-scroll' },
      el(doc, 'table', { class: 'targets-table' },
        el(doc, 'caption', {}, say(locale, 'caption')),
        el(doc, 'thead', {}, head),
        el(doc, 'tbody', {}, ...table.departments.map((d) => row(d.department, d.cells, false))),
        el(doc, 'tfoot', {}, row(table.college.department, table.college.cells, true)))),
    el(doc, 'p', { class: 'hint targets-legend' }, say(locale, 'legend')),
    table.without.length > 0 ? el(doc, 'p', { class: 'hint' }, locale === 'en' ? `Not listed (scores only): ${table.without.join(', ')}` : `未列入（只有分数）：${table.without.join('、')}`) : null,
  );
}
