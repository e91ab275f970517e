/**
 * A file has no cursor to move, so when the flow selects a cell (a problem clicked in the
 * list) the page shows where it is: a few rows of the sheet around it, the cell outlined,
 * with the row's label in the first columns so a person knows what to fix in Excel.
 */
import type { Host, RangeRef } from '../host/host.js';
import type { Locale } from '../flow/index.js';
import { blockAddress, columnLetters, parseBlock } from '../host/a1.js';
import { el } from './dom.js';
import { text } from './i18n.js';
import { cellLabel } from '../ui/dom.js';

const ROWS_AROUND = 2;
const MIN_COLUMNS = 5;
const MAX_COLUMNS = 8;

export async function showCell(host: Host, ref: RangeRef, box: HTMLElement, locale: Locale): Promise<void> {
  const target = parseBlock(ref.address);
  const top = Math.max(0, target.top - ROWS_AROUND);
  const right = Math.max(MIN_COLUMNS - 1, target.left + 1);
  const left = Math.max(0, right - MAX_COLUMNS + 1);
  const area = { top, left, bottom: target.top + ROWS_AROUND, right };
  const [values] = await host.read([{ sheet: ref.sheet, address: blockAddress(area) }]);
  const header = el('tr', {}, el('th', {}, ''));
  for (let c = area.left; c <= area.right; c++) header.append(el('th', {}, columnLetters(c)));
  const body = values.map((row, i) => {
    const r = area.top + i;
    const tr = el('tr', {}, el('th', {}, String(r + 1)));
    row.forEach((v, j) => {
      const hit = r === target.top && area.left + j === target.left;
      tr.append(el('td', hit ? { class: 'hit' } : {}, v === null ? '' : String(v)));
    });
    return tr;
  });
  box.replaceChildren(
    el('p', {}, `${text(locale, 'preview')}：`, el('strong', { 'data-selected': cellLabel(ref.sheet, ref.address) }, cellLabel(ref.sheet, ref.address))),
    el('table', { class: 'grid' }, el('thead', {}, header), el('tbody', {}, ...body)),
  );
  box.hidden = false;
}
