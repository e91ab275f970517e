/**
 * 怎样提高得分 in the task pane (linkedom, no browser), over the real flow and engine on the
 * in-memory host: after 计算得分 the hints of the RUBRIC §3 example (worked by hand in
 * flow-hints.test.ts) under their lines, lines by best gain, the first three open and the rest
 * folded, each hint a button that selects its input cell; both languages; and the
 * 生成提升建议 button.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { mountPane } from '../src/ui/pane.js';
import { HINT_LINES_OPEN } from '../src/ui/hints.js';
import { testEngine } from './support/engine.js';
import { baseFacts, fieldCell, tableCell, workbookWith } from './support/flow-fixture.js';
import { insertTemplate } from '../src/flow/index.js';
import { WpsHost } from '../src/host/wps.js';
import { FakeEtApplication } from './support/fake-et.js';
import { cellOf, typeFacts as typeIntoEt } from './support/wps-facts.js';
import { fieldSuffix } from '../src/flow/names.js';
import type { MemoryHost } from './support/memory-host.js';

const DEPT = '机电工程学院';

function dom() {
  const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  return { document, Event: window.Event as unknown as typeof Event, root: document.getElementById('root') as unknown as HTMLElement };
}

async function scoredPane(host: MemoryHost) {
  const d = dom();
  const pane = mountPane(d.root, { host, engine: testEngine() });
  await pane.run('fillScores');
  assert.equal(pane.state().report?.ok, true, pane.state().report?.message);
  return { ...d, pane };
}

test('after 计算得分: hints under their lines, lines by best gain, three open and the rest folded', async () => {
  const host = await workbookWith([DEPT], () => baseFacts());
  const { document } = await scoredPane(host);
  const box = document.querySelector(`details.hints[data-department="${DEPT}"]`)!;
  assert.ok(box, 'a hints box for the department');
  assert.equal(box.hasAttribute('open'), true, 'one department: open at once');
  assert.match(box.querySelector('summary')!.textContent!, /怎样提高得分/);
  const lines = (root: Element) => [...root.querySelectorAll(':scope > ul.hint-lines > li.hint-line')].map((li) => li.getAttribute('data-line'));
  // Best gains: C3 4; C1, C7, B1 3 (in the order of their best hint's path); then the 1-point lines.
  assert.deepEqual(lines(box), ['C3', 'C1', 'C7'].slice(0, HINT_LINES_OPEN));
  const more = box.querySelector('details.hints-more')!;
  assert.equal(more.hasAttribute('open'), false, 'the rest start folded');
  assert.match(more.querySelector('summary')!.textContent!, /其余 5 项/);
  assert.deepEqual(lines(more), ['B1', 'C5', 'C2', 'A4', 'A2']);
  // Within a line, best gain first: B1's +3 (majors[2]) before its +1 (majors[0]).
  assert.deepEqual([...more.querySelectorAll('li.hint-line[data-line="B1"] ol.hint-list > li')].map((li) => [li.getAttribute('data-path'), li.getAttribute('data-gain')]), [['majors[2].partners', '3'], ['majors[0].partners', '1']]);
  const c5 = more.querySelector('li[data-path="internship.local"]')!;
  assert.equal(c5.querySelector('button.hint-link')!.textContent, '本地实习再增加 6 人（达到 120 人）可少扣 1 分');
  assert.equal(c5.querySelector('.gain')!.textContent, '+1 分');
  assert.match(box.querySelector('p.hint')!.textContent!, /按自评栏给出/);
  assert.equal(document.querySelectorAll('button.hint-link').length, 11);
});

test('a hint clicked selects its input cell; every hint is a button (reachable by Tab)', async () => {
  const host = await workbookWith([DEPT], () => baseFacts());
  const { document, Event } = await scoredPane(host);
  const selected: Array<{ sheet: string; address: string }> = [];
  host.select = async (ref) => {
    selected.push({ sheet: ref.sheet, address: ref.address });
  };
  for (const path of ['internship.local', 'majors[2].partners', 'order_classes']) {
    const button = document.querySelector(`li[data-path="${path}"] button.hint-link`)!;
    assert.equal(button.getAttribute('type'), 'button');
    button.dispatchEvent(new Event('click'));
  }
  await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(selected, [
    fieldCell(host, DEPT, 'internship.local'),
    tableCell(host, DEPT, 'majors', 2, 1),
    tableCell(host, DEPT, 'classes', 2, 0),
  ]);
});

test('in English the hints come in English, and the 生成提升建议 button is there in both languages', async () => {
  const host = await workbookWith([DEPT], () => baseFacts());
  const { document, Event, root } = dom();
  const pane = mountPane(root, { host, engine: testEngine() });
  assert.equal(document.querySelector('button[data-action="adviceSheet"] .label')?.textContent, '生成提升建议');
  document.querySelector('button.locale')!.dispatchEvent(new Event('click'));
  assert.equal(document.querySelector('button[data-action="adviceSheet"] .label')?.textContent, 'Suggestions sheet');
  await pane.run('fillScores');
  const box = document.querySelector('details.hints')!;
  assert.match(box.querySelector('summary')!.textContent!, /How to score higher/);
  assert.match(document.querySelector('li[data-path="internship.local"] button.hint-link')!.textContent!, /local intern.*120/i);
  await pane.run('adviceSheet');
  assert.equal(pane.state().report?.ok, true, pane.state().report?.message);
  assert.ok(document.querySelector('nav.written button.go-to[data-sheet="Suggestions"]'), 'a link to the sheet written');
});

test('several departments: each has its box, folded until opened', async () => {
  const host = await workbookWith(['甲学院', '乙学院'], () => baseFacts());
  const { document } = await scoredPane(host);
  const boxes = [...document.querySelectorAll('details.hints')];
  assert.deepEqual(boxes.map((b) => [b.getAttribute('data-department'), b.hasAttribute('open')]), [['甲学院', false], ['乙学院', false]]);
});

test('the pane over the WPS adapter: a hint clicked selects its cell in the ET workbook', async () => {
  const app = new FakeEtApplication();
  const host = new WpsHost(app);
  assert.equal((await insertTemplate({ host, engine: testEngine(), locale: 'zh' }, { department: DEPT, year: '2023-2024' })).ok, true);
  typeIntoEt(app, DEPT, { ...baseFacts(), department: DEPT });
  const { document, Event, root } = dom();
  const pane = mountPane(root, { host, engine: testEngine() });
  await pane.run('fillScores');
  assert.equal(pane.state().report?.ok, true, pane.state().report?.message);
  document.querySelector('li[data-path="internship.local"] button.hint-link')!.dispatchEvent(new Event('click'));
  await new Promise((r) => setTimeout(r, 5));
  const cell = cellOf(app, DEPT, fieldSuffix('internship.local', 'self'));
  assert.deepEqual(app.selection, { sheet: cell.sheet, address: cell.address });
});
