/**
 * The task pane in a small DOM (linkedom), without a browser: one button per flow action,
 * Chinese first with the English switch, buttons disabled while an action runs, problems
 * listed with their cell and selecting it on click, errors shown and kept, results and the
 * copy for the appraisal form (clipboard, then the textarea fallback). The last tests drive
 * the real flow and engine through the pane, over the in-memory host and over the Excel
 * adapter on the Office.js workbook model.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { ACTIONS, type ActionReport } from '../src/flow/index.js';
import type { Host, RangeRef } from '../src/host/host.js';
import { ExcelHost } from '../src/host/excel.js';
import { mountPane, type PaneAction, type PaneDeps } from '../src/ui/pane.js';
import { describeError } from '../src/ui/state.js';
import { showOutside } from '../src/taskpane/outside.js';
import { MemoryHost } from './support/memory-host.js';
import { FakeWorkbook } from './support/fake-excel.js';
import { pendingEngine, testEngine } from './support/engine.js';
import { baseFacts, typeFacts } from './support/flow-fixture.js';

/** The Event class of the DOM made last (a test may replace its document's defaultView). */
let DomEvent: typeof Event;

function dom() {
  const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  DomEvent = window.Event as unknown as typeof Event;
  return { document, window, root: document.getElementById('root') as unknown as HTMLElement };
}

function click(el: Element | null | undefined): void {
  assert.ok(el, 'element to click exists');
  el.dispatchEvent(new DomEvent('click'));
}

function type(input: Element | null, value: string): void {
  assert.ok(input);
  (input as HTMLInputElement).value = value;
  input.dispatchEvent(new DomEvent('input'));
}

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((r) => setTimeout(r, 2));
  assert.ok(done(), 'condition reached');
}

/** A host that records selections and may fail them; the flow actions are not run on it. */
function recordingHost(failSelect = false): Host & { selected: RangeRef[] } {
  const selected: RangeRef[] = [];
  const none = async () => {
    throw new Error('not used by this test');
  };
  return {
    selected,
    sheets: none,
    addSheets: none,
    read: none,
    write: none,
    format: none,
    setMarks: none,
    names: none,
    survey: none,
    lookup: none,
    defineNames: none,
    setListValidation: none,
    hideColumns: none,
    pageSetup: none,
    flush: none,
    discard: () => undefined,
    select: async (ref) => {
      if (failSelect) throw Object.assign(new Error('This operation is not allowed'), { code: 'ItemNotFound' });
      selected.push(ref);
    },
  };
}

/**
 * An extra action finishing when the test says so, with the report the test gives. The pane
 * lets the status line paint before it calls `run`, so an outcome given earlier is kept until then.
 */
function controlled(id = 'probe'): PaneAction & { finish(r: ActionReport): void; fail(e: unknown): void } {
  let outcome: { report: ActionReport } | { error: unknown } | undefined;
  let settle: (() => void) | undefined;
  const decide = (o: { report: ActionReport } | { error: unknown }) => {
    outcome = o;
    settle?.();
  };
  return {
    id,
    label: { zh: '测试操作', en: 'Probe' },
    hint: { zh: '测试', en: 'probe' },
    run: () =>
      new Promise<ActionReport>((resolve, reject) => {
        settle = () => (outcome && 'report' in outcome ? resolve(outcome.report) : reject((outcome as { error: unknown }).error));
        if (outcome) settle();
      }),
    finish: (report) => decide({ report }),
    fail: (error) => decide({ error }),
  };
}

const report: ActionReport = {
  action: 'validate',
  ok: false,
  message: '发现 3 个问题，已在单元格上标出',
  problems: [
    { sheet: '机电 填报', address: 'C7', path: 'internship.local', code: 'not_a_number', message: '“很多”不是数字', department: '机电工程学院' },
    { sheet: '填报', address: 'D9', path: 'reports.due', code: 'missing', message: '必填' },
    { sheet: '', address: '', path: 'template', code: 'no_template', message: '工作簿中没有院系' },
  ],
  written: [],
};

function deps(host: Host, extra: PaneAction[] = []): PaneDeps {
  return { host, engine: testEngine(), extraActions: extra };
}

test('one button per flow action, Chinese first, then English on the switch', () => {
  const { document, root } = dom();
  mountPane(root, deps(recordingHost(), [{ ...controlled('files'), accept: '.xlsx' }]));
  const labels = [...document.querySelectorAll('button.action .label')].map((b) => b.textContent);
  assert.deepEqual(labels, ACTIONS.map((a) => a.label.zh));
  assert.ok(document.querySelector('label.action.file input[type="file"][accept=".xlsx"]'), 'file picker for the extra action');
  assert.equal(document.querySelector('.coop-pane')?.getAttribute('lang'), 'zh-CN');
  assert.match(document.querySelector('.status')?.textContent ?? '', /请按顺序操作/);

  click(document.querySelector('button.locale'));
  assert.deepEqual([...document.querySelectorAll('button.action .label')].map((b) => b.textContent), ACTIONS.map((a) => a.label.en));
  assert.equal(document.querySelector('.coop-pane')?.getAttribute('lang'), 'en');
  assert.match(document.querySelector('.status')?.textContent ?? '', /Work in order/);
  click(document.querySelector('button.locale'));
  assert.equal(document.querySelector('h1')?.textContent, '校企合作考核');
});

test('buttons are disabled while an action runs; its problems are listed and select their cell', async () => {
  const { document, root } = dom();
  const host = recordingHost();
  const probe = controlled();
  const pane = mountPane(root, deps(host, [probe]));
  click(document.querySelector('button[data-action="probe"]'));
  assert.equal(pane.state().running, 'probe');
  const buttons = [...document.querySelectorAll('button.action')];
  assert.ok(buttons.length > 1 && buttons.every((b) => b.hasAttribute('disabled')), 'every action button disabled');
  assert.equal(document.querySelector('.status')?.getAttribute('data-tone'), 'busy');
  assert.match(document.querySelector('.status')?.textContent ?? '', /正在执行：测试操作/);
  // A second click while running is ignored.
  await pane.run('validate');
  assert.equal(pane.state().running, 'probe');

  probe.finish(report);
  await until(() => pane.state().running === null);
  assert.ok([...document.querySelectorAll('button.action')].every((b) => !b.hasAttribute('disabled')));
  assert.equal(document.querySelector('.status')?.textContent, report.message);
  assert.equal(document.querySelector('.status')?.getAttribute('data-tone'), 'warn');
  const items = [...document.querySelectorAll('ol.problems li')];
  assert.equal(items.length, 3);
  assert.equal(items[0].querySelector('button.cell')?.textContent, "'机电 填报'!C7");
  assert.match(items[0].textContent ?? '', /“很多”不是数字/);
  // Grouped by department (the group's heading names it, with its count), then by sheet.
  const groups = [...document.querySelectorAll('details.problem-group')];
  assert.deepEqual(groups.map((g) => g.querySelector('summary')?.textContent), ['机电工程学院 1 项', '工作簿 2 项']);
  assert.deepEqual([...groups[1].querySelectorAll('h3')].map((h) => h.textContent), ['填报 · 1 项', '（无单元格） · 1 项']);
  assert.equal(items[1].querySelector('button.cell')?.textContent, '填报!D9');
  assert.equal(items[2].querySelector('button.cell'), null, 'a problem without a cell has nothing to select');
  click(items[1].querySelector('button.cell'));
  click(items[0].querySelector('button.cell'));
  await until(() => host.selected.length === 2);
  assert.deepEqual(host.selected, [
    { sheet: '填报', address: 'D9' },
    { sheet: '机电 填报', address: 'C7' },
  ]);
});

test('an action that throws is shown with its message and code; the pane stays usable', async () => {
  const { document, root } = dom();
  const probe = controlled();
  const pane = mountPane(root, deps(recordingHost(), [probe]));
  const done = pane.run('probe');
  probe.fail(Object.assign(new Error('The requested resource does not exist.'), { code: 'ItemNotFound', debugInfo: { errorLocation: 'Worksheet.getItem' } }));
  const quiet = console.error;
  console.error = () => undefined;
  try {
    await done;
  } finally {
    console.error = quiet;
  }
  const status = document.querySelector('.status');
  assert.equal(status?.getAttribute('data-tone'), 'error');
  assert.match(status?.textContent ?? '', /出错了.*The requested resource does not exist\. \[ItemNotFound\] \(Worksheet\.getItem\)/);
  assert.ok([...document.querySelectorAll('button.action')].every((b) => !b.hasAttribute('disabled')));
});

test('a cell that cannot be selected says so on the status line', async () => {
  const { document, root } = dom();
  const probe = controlled();
  const pane = mountPane(root, deps(recordingHost(true), [probe]));
  const done = pane.run('probe');
  probe.finish(report);
  await done;
  const quiet = console.error;
  console.error = () => undefined;
  try {
    click(document.querySelector('ol.problems button.cell'));
    await until(() => document.querySelector('.status')?.getAttribute('data-tone') === 'error');
  } finally {
    console.error = quiet;
  }
  assert.match(document.querySelector('.status')?.textContent ?? '', /无法定位到单元格 '机电 填报'!C7/);
});

const summary: ActionReport = {
  action: 'appraisalText',
  ok: true,
  message: '已生成年度考核表文本',
  problems: [],
  written: [],
  tsv: '名次\t院系\t最终得分\n1\t丙学院\t90\n2\t甲学院\t88',
  departments: [
    { department: '丙学院', s1: 90, s2: 90, final: 90, rank: 1, source: '本工作簿' },
    { department: '甲学院', s1: 88, s2: 88, final: 88, rank: 2, source: '甲.xlsx' },
  ],
};

/**
 * linkedom's window hands out a new navigator object on every read, so the clipboard is given
 * through a window of the test's own as the document's defaultView (all copyText looks at).
 */
function clipboardOf(document: Document, clipboard: { writeText(text: string): Promise<void> } | undefined): void {
  Object.defineProperty(document, 'defaultView', { value: { navigator: { clipboard } }, configurable: true });
}

async function paneWithSummary(setup: (window: Record<string, unknown>, document: Document) => void) {
  const { document, window, root } = dom();
  setup(window as unknown as Record<string, unknown>, document as unknown as Document);
  const probe = controlled();
  const pane = mountPane(root, deps(recordingHost(), [probe]));
  const done = pane.run('probe');
  probe.finish(summary);
  await done;
  return { document, pane };
}

test('results: ranked table, TSV shown, copied through the Clipboard API', async () => {
  const written: string[] = [];
  const { document, pane } = await paneWithSummary((_window, document) => {
    clipboardOf(document, { writeText: async (t: string) => void written.push(t) });
  });
  const cell = (d: string, c: string) => document.querySelector(`td[data-department="${d}"][data-column="${c}"]`)?.textContent;
  assert.equal(cell('丙学院', 'final'), '90');
  assert.equal(cell('甲学院', 'rank'), '2');
  assert.equal(document.querySelector('textarea.tsv')?.textContent, summary.tsv);
  click(document.querySelector('button.copy'));
  await until(() => pane.state().copy !== undefined);
  assert.deepEqual(written, [summary.tsv]);
  assert.match(document.querySelector('.copy-status')?.textContent ?? '', /已复制/);
});

test('copy falls back to a selected textarea when the Clipboard API is refused', async () => {
  const copies: string[] = [];
  const { document, pane } = await paneWithSummary((window, document) => {
    clipboardOf(document, { writeText: async () => Promise.reject(new Error('NotAllowedError')) });
    // linkedom's textarea has no select(); a browser's does. Record what was selected.
    let selected: string | undefined;
    const create = document.createElement.bind(document);
    (document as unknown as { createElement: (tag: string) => HTMLElement }).createElement = (tag: string) => {
      const node = create(tag);
      if (tag === 'textarea') (node as HTMLTextAreaElement).select = () => void (selected = (node as HTMLTextAreaElement).value);
      return node;
    };
    (document as unknown as { execCommand: (c: string) => boolean }).execCommand = (command: string) => {
      const area = document.querySelector('body > textarea') as HTMLTextAreaElement | null;
      copies.push(`${command}:${area?.value === selected ? selected : 'not selected'}`);
      return true;
    };
  });
  click(document.querySelector('button.copy'));
  await until(() => pane.state().copy !== undefined);
  assert.deepEqual(copies, [`copy:${summary.tsv}`]);
  assert.equal(document.querySelector('body > textarea'), null, 'the helper textarea is removed');
  assert.equal(pane.state().copy?.tone, 'ok');
});

test('when no way of copying works, the pane says how to copy by hand', async () => {
  const { document, pane } = await paneWithSummary((_window, document) => clipboardOf(document, undefined));
  click(document.querySelector('button.copy'));
  await until(() => pane.state().copy !== undefined);
  assert.equal(pane.state().copy?.tone, 'warn');
  assert.match(document.querySelector('.copy-status')?.textContent ?? '', /Ctrl\+A/);
});

test('describeError reads Error, Office errors, strings and other values', () => {
  assert.equal(describeError(new Error('x')), 'x');
  assert.equal(describeError('text'), 'text');
  assert.equal(describeError({ a: 1 }), '{"a":1}');
  assert.equal(describeError(Object.assign(new Error('ItemNotFound: no sheet'), { code: 'ItemNotFound' })), 'ItemNotFound: no sheet');
});

test('the real flow through the pane: typed department name, template, scores with reasons', async () => {
  const { document, root } = dom();
  const host = new MemoryHost();
  const pane = mountPane(root, { host, engine: testEngine() });
  type(document.querySelector('input[name="department"]'), '机电工程学院');
  type(document.querySelector('input[name="year"]'), '2023-2024');
  click(document.querySelector('button[data-action="insertTemplate"]'));
  await until(() => pane.state().running === null && pane.state().report !== undefined);
  assert.equal(pane.state().report?.ok, true, pane.state().report?.message);
  assert.ok(host.sheetNames().some((s) => s.includes('机电工程学院')), host.sheetNames().join(','));
  assert.equal((document.querySelector('input[name="department"]') as HTMLInputElement).value, '机电工程学院', 'typed text survives redraws');

  typeFacts(host, { ...baseFacts(), department: '机电工程学院' });
  await pane.run('fillScores');
  assert.equal(pane.state().report?.ok, true, pane.state().report?.message);
  const final = document.querySelector('td[data-department="机电工程学院"][data-column="final"]');
  assert.equal(final?.textContent, '88');
  const c5 = document.querySelector('td[data-department="机电工程学院"][data-line="C5"][data-column="self"]');
  assert.equal(c5?.textContent, '19');
  assert.ok(document.querySelector('details.lines td.reasons')?.textContent, 'reasons shown');
});

test('the pane over the Excel adapter: insert template and validate, problems select cells in the workbook', async () => {
  const { document, root } = dom();
  const book = new FakeWorkbook('Sheet1');
  const pane = mountPane(root, { host: new ExcelHost(book.run), engine: testEngine() });
  type(document.querySelector('input[name="department"]'), '机电工程学院');
  await pane.run('insertTemplate');
  assert.equal(pane.state().report?.ok, true, pane.state().report?.message);
  await pane.run('validate');
  const first = document.querySelector('ol.problems button.cell');
  assert.ok(first, 'an empty template has required inputs to report');
  click(first);
  // insertTemplate selected the department cell; wait for the click's selection to land.
  await until(() => book.selection?.address === first.getAttribute('data-address'));
  assert.deepEqual(book.selection, { sheet: first.getAttribute('data-sheet'), address: first.getAttribute('data-address') });
  assert.equal(book.active, first.getAttribute('data-sheet'));
});

test('outside Excel the task pane page says where it works, in Chinese first, and links the web page', () => {
  const { document, root } = dom();
  root.appendChild(document.createTextNode('正在加载…'));
  showOutside(root, 'no-office');
  const box = document.querySelector('.outside');
  assert.equal(box?.getAttribute('data-reason'), 'no-office');
  const paragraphs = [...document.querySelectorAll('.outside p')].map((p) => p.textContent ?? '');
  assert.match(paragraphs[0], /只能在 Excel 中运行/);
  assert.match(paragraphs.join(' '), /runs only inside Excel/);
  assert.ok([...document.querySelectorAll('.outside a')].every((a) => a.getAttribute('href') === 'web/index.html'));
  assert.doesNotMatch(root.textContent ?? '', /正在加载/);
  showOutside(root, 'failed', 'boom');
  assert.equal(document.querySelectorAll('.outside').length, 1);
  assert.match(document.querySelector('.outside p')?.textContent ?? '', /任务窗格启动失败：boom/);
});

test('while the engine starts the pane says so; an action pressed meanwhile waits for it, then runs', async () => {
  const { document, root } = dom();
  const pending = pendingEngine();
  const probe = controlled();
  const pane = mountPane(root, { host: recordingHost(), engine: pending.start.ready, extraActions: [probe] });
  assert.match(document.querySelector('.status')?.textContent ?? '', /评分引擎启动中/);
  assert.equal(document.querySelector('.status')?.getAttribute('data-tone'), 'busy');
  click(document.querySelector('button[data-action="probe"]'));
  await until(() => pane.state().running === 'probe');
  assert.match(document.querySelector('.status')?.textContent ?? '', /等待评分引擎启动，随后执行：测试操作/);
  assert.ok([...document.querySelectorAll('button.action')].every((b) => b.hasAttribute('disabled')), 'no second action meanwhile');
  await pending.finish();
  await until(() => /正在执行：测试操作/.test(document.querySelector('.status')?.textContent ?? ''));
  probe.finish(report);
  await until(() => pane.state().running === null);
  assert.equal(pane.state().report, report);
});

test('a failed engine start is one clear message, and no action can run', async () => {
  const { document, root } = dom();
  const pending = pendingEngine();
  const probe = controlled();
  const pane = mountPane(root, { host: recordingHost(), engine: pending.start.ready, extraActions: [probe] });
  await pending.fail(new RangeError('WebAssembly.Compile is disallowed on the main thread, if the buffer size is larger than 4KB'));
  await until(() => pane.state().status.tone === 'error');
  assert.equal(document.querySelector('.status')?.textContent, '校企合作考核评分引擎无法启动：WebAssembly.Compile is disallowed on the main thread, if the buffer size is larger than 4KB');
  assert.ok([...document.querySelectorAll('button.action')].every((b) => b.hasAttribute('disabled')), 'every action disabled');
  await pane.run('probe');
  assert.equal(pane.state().running, null, 'nothing ran');
});

test('each flow action says what it is doing in the user\'s words before the host works', async () => {
  const { document, root } = dom();
  const seen: string[] = [];
  // Whatever the flow asks of the host first: record what the status line says then, and stop.
  const host = new Proxy(recordingHost(), {
    get: (target, key) =>
      key === 'discard'
        ? () => undefined // what a failed action calls to drop its queued changes
        : typeof target[key as keyof Host] === 'function'
        ? async () => {
            seen.push(document.querySelector('.status')?.textContent ?? '');
            throw new Error('stop here');
          }
        : target[key as keyof Host],
  });
  const pane = mountPane(root, { host, engine: testEngine() });
  await pane.run('validate');
  assert.equal(seen[0], '正在检查…');
  click(document.querySelector('button.locale'));
  await pane.run('fillScores');
  assert.equal(seen[1], 'Calculating…');
});

/** A report of `n` problems spread over departments and sheets, some of them warnings. */
function bigReport(departments: number, perDepartment: number, warnings = 0): ActionReport {
  const problems: ActionReport['problems'] = [];
  for (let d = 0; d < departments; d++) {
    for (let i = 0; i < perDepartment; i++) {
      const warning = i < warnings;
      problems.push({
        sheet: `院系${d + 1}-${i % 2 ? '评分' : '填报'}`,
        address: `C${i + 5}`,
        path: 'internship.local',
        code: warning ? 'filing_late' : 'missing',
        message: warning ? '备案晚于一周' : '必填',
        department: `院系${d + 1}`,
        ...(warning ? { severity: 'warning' } : {}),
      } as ActionReport['problems'][number]);
    }
  }
  return { action: 'validate', ok: false, message: `发现 ${problems.length} 个问题`, problems, written: [] };
}

test('at 50 departments the problems stay usable: groups with counts, only the first open, a filter for errors and warnings', async () => {
  const { document, root } = dom();
  const probe = controlled();
  const pane = mountPane(root, deps(recordingHost(), [probe]));
  void pane.run('probe');
  probe.finish(bigReport(50, 6, 2));
  await until(() => pane.state().running === null);
  const groups = [...document.querySelectorAll('details.problem-group')];
  assert.equal(groups.length, 50);
  assert.equal(groups[0].querySelector('summary')?.textContent, '院系1 6 项');
  assert.deepEqual(groups.map((g) => g.hasAttribute('open')), groups.map((_, i) => i === 0), 'only the first group open');
  assert.deepEqual([...groups[0].querySelectorAll('h3')].map((h) => h.textContent), ['院系1-填报 · 3 项', '院系1-评分 · 3 项']);

  // The filter: counts per kind; choosing warnings shows only them.
  const filters = [...document.querySelectorAll('.filter button')].map((b) => b.textContent);
  assert.deepEqual(filters, ['全部 (300)', '错误 (200)', '提醒 (100)']);
  click(document.querySelector('.filter button[data-filter="warning"]'));
  assert.equal(document.querySelectorAll('ol.problems li').length, 100);
  assert.ok([...document.querySelectorAll('ol.problems li')].every((li) => li.getAttribute('data-severity') === 'warning'));
  assert.equal(document.querySelector('.filter button[data-filter="warning"]')?.getAttribute('aria-pressed'), 'true');
  click(document.querySelector('.filter button[data-filter="all"]'));
  assert.equal(document.querySelectorAll('ol.problems li').length, 300);
});

test('a redraw keeps the groups the user opened or closed, and the scroll position', async () => {
  const { document, window, root } = dom();
  const probe = controlled();
  const pane = mountPane(root, deps(recordingHost(), [probe]));
  void pane.run('probe');
  probe.finish(bigReport(30, 2));
  await until(() => pane.state().running === null);
  const group = (i: number) => document.querySelectorAll('details.problem-group')[i] as HTMLDetailsElement;
  // The user opens the third group and closes the first.
  group(2).open = true;
  group(2).dispatchEvent(new window.Event('toggle'));
  group(0).open = false;
  group(0).dispatchEvent(new window.Event('toggle'));
  root.scrollTop = 420;
  // Any state change redraws: here, switching the language.
  click(document.querySelector('button.locale'));
  assert.equal(group(2).hasAttribute('open'), true, 'still open');
  assert.equal(group(0).hasAttribute('open'), false, 'still closed');
  assert.equal(root.scrollTop, 420);
});

test('switching the language remakes a check report in it; other reports say in which language they were made', async () => {
  const { document, root } = dom();
  const seen: string[] = [];
  const host = recordingHost();
  const validate: PaneAction = {
    id: 'validate-probe',
    label: { zh: '检查', en: 'Check' },
    hint: { zh: '', en: '' },
    run: async (ctx) => {
      seen.push(ctx.locale);
      return { ...report, action: 'validate', message: ctx.locale === 'zh' ? '发现 3 个问题' : '3 problems found' };
    },
  };
  const fill: PaneAction = { ...validate, id: 'fill-probe', run: async () => ({ ...report, action: 'fillScores', ok: true, problems: [], message: '已写入' }) };
  const pane = mountPane(root, deps(host, [validate, fill]));
  await pane.run('validate-probe');
  click(document.querySelector('button.locale'));
  await until(() => seen.length === 2 && pane.state().running === null);
  assert.deepEqual(seen, ['zh', 'en']);
  assert.equal(document.querySelector('.status')?.textContent, '3 problems found');
  assert.equal(document.querySelector('.report-locale'), null);

  await pane.run('fill-probe');
  click(document.querySelector('button.locale'));
  assert.equal(seen.length, 2, 'an action that writes is not run again');
  assert.match(document.querySelector('.report-locale')?.textContent ?? '', /以英文生成/);
});

test('after an action that wrote a sheet, a link goes to it', async () => {
  const { document, root } = dom();
  const host = recordingHost();
  const summary: PaneAction = {
    id: 'summary-probe',
    label: { zh: '汇总', en: 'Summary' },
    hint: { zh: '', en: '' },
    run: async () => ({ action: 'buildSummary', ok: true, message: '已生成汇总', problems: [], written: [{ sheet: '校企合作汇总', address: 'A3:F9' }, { sheet: '校企合作汇总', address: 'G3:G9' }] }),
  };
  const pane = mountPane(root, deps(host, [summary]));
  await pane.run('summary-probe');
  const links = [...document.querySelectorAll('nav.written button.go-to')];
  assert.deepEqual(links.map((b) => b.textContent), ['查看校企合作汇总']);
  click(links[0]);
  await until(() => host.selected.length === 1);
  assert.deepEqual(host.selected, [{ sheet: '校企合作汇总', address: 'A3' }]);
});

test('reasons are joined with the separator of the language', async () => {
  const { document, root } = dom();
  const line = { id: 'C5', name: '跟岗实习', category: 'C', max: 20, bonus_cap: 0, base: 20, deduction: 1, bonus: 0, score: 19, notes: ['甲', '乙'], hints: [] };
  const scored: PaneAction = {
    id: 'scored-probe',
    label: { zh: '计分', en: 'Score' },
    hint: { zh: '', en: '' },
    run: async () => ({ action: 'fillScores', ok: true, message: '', problems: [], written: [], departments: [{ department: '甲学院', s1: 19, s2: 19, final: 19, selfLines: [line], assessorLines: [] }] }),
  };
  const pane = mountPane(root, deps(recordingHost(), [scored]));
  await pane.run('scored-probe');
  assert.equal(document.querySelector('td.reasons')?.textContent, '甲；乙');
  click(document.querySelector('button.locale'));
  assert.equal(document.querySelector('td.reasons')?.textContent, '甲; 乙');
});
