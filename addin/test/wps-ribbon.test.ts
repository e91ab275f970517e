/**
 * The WPS ribbon's buttons on the fake ET application with the real engine: a button waits
 * for the engine (saying so in the status bar), says what it is doing before the synchronous
 * ET work starts, reports in a message box, selects the first located problem, and shows a
 * problem that has no cell (no template in the workbook) by its own message — never by
 * selecting a cell of a sheet named "". A failed engine start is one clear message.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { insertTemplate, type ActionReport } from '../src/flow/index.js';
import { BUTTONS, reportText, ribbonCallbacks, runAction, type RibbonEnvironment } from '../src/wps/ribbon.js';
import { WpsHost } from '../src/host/wps.js';
import { typeFacts } from './support/wps-facts.js';
import { baseFacts } from './support/flow-fixture.js';
import type { EngineStart } from '../src/engine/engine.js';
import type { EtApplication, WpsAddinRoot } from '../src/wps/et.js';
import { FakeEtApplication } from './support/fake-et.js';
import { pendingEngine, startedEngine, testEngine } from './support/engine.js';

interface Seen {
  events: string[];
  alerts: string[];
}

function environment(app: FakeEtApplication, engine: EngineStart): RibbonEnvironment & Seen {
  const events: string[] = [];
  const alerts: string[] = [];
  const root = app as unknown as EtApplication & WpsAddinRoot;
  return {
    app: root,
    engine,
    locale: 'zh',
    paneUrl: 'file:///taskpane.html',
    events,
    alerts,
    alert: (message) => {
      events.push('alert');
      alerts.push(message);
    },
    status: (text) => events.push(`status:${text ?? ''}`),
    painted: async () => {
      events.push('painted');
    },
  };
}

test('a problem without a cell is shown by its message, and no cell is selected', async () => {
  const app = new FakeEtApplication();
  const env = environment(app, await startedEngine());
  const report = await runAction(env, 'validate');
  assert.ok(report && !report.ok);
  assert.equal(report.problems[0].code, 'no_template');
  assert.equal(app.selection, undefined, 'nothing selected');
  assert.equal(env.alerts.length, 1);
  assert.doesNotMatch(env.alerts[0], /!|找不到工作表/);
  assert.match(env.alerts[0], /• 工作簿中没有院系填报表，请先插入填报模板/);
  assert.deepEqual(env.events, ['status:校企合作考核：正在检查…', 'painted', 'status:', 'alert']);
});

test('reportText lists located problems with their cell and the others alone', () => {
  const report: ActionReport = {
    action: 'buildSummary',
    ok: false,
    message: '汇总未生成',
    written: [],
    problems: [
      { sheet: '机电 填报', address: 'C7', path: 'x', code: 'not_a_number', message: '不是数字' },
      { sheet: '', address: '', path: 'department', code: 'duplicate_department', message: '院系“机电工程学院”出现两次' },
    ],
  };
  assert.equal(reportText(report, 'zh'), '汇总未生成\n• 机电 填报!C7：不是数字\n• 院系“机电工程学院”出现两次');
});

test('a button pressed while the engine starts waits, saying so, then runs', async () => {
  const app = new FakeEtApplication();
  const pending = pendingEngine();
  const env = environment(app, pending.start);
  const running = runAction(env, 'fill');
  await new Promise((r) => setTimeout(r, 5));
  assert.deepEqual(env.events, ['status:校企合作考核：等待评分引擎启动…'], 'waiting, nothing else yet');
  await pending.finish();
  const report = await running;
  assert.equal(report?.action, 'fillScores');
  assert.deepEqual(env.events, ['status:校企合作考核：等待评分引擎启动…', 'status:校企合作考核：正在计算…', 'painted', 'status:', 'alert']);
});

test('a failed engine start is one clear message from a button', async () => {
  const app = new FakeEtApplication();
  const pending = pendingEngine();
  const env = environment(app, pending.start);
  await pending.fail(new RangeError('WebAssembly.Compile is disallowed on the main thread, if the buffer size is larger than 4KB'));
  assert.equal(await runAction(env, 'summary'), undefined);
  assert.deepEqual(env.alerts, ['校企合作考核评分引擎无法启动：WebAssembly.Compile is disallowed on the main thread, if the buffer size is larger than 4KB']);
});

test('the callbacks answer WPS at once, whatever the engine is doing', () => {
  const app = new FakeEtApplication();
  const env = environment(app, pendingEngine().start);
  const callbacks = ribbonCallbacks(() => env);
  assert.equal(callbacks.OnAddinLoad(), true);
  assert.equal(callbacks.GetImage({ Id: 'btnCoopValidate' }), 'images/coop-32.png');
  assert.equal(callbacks.OnAction({ Id: 'btnCoopValidate' }), true, 'returns before the engine is ready');
  assert.deepEqual(env.events, ['status:校企合作考核：等待评分引擎启动…']);
});

test('生成提升建议 on the ribbon writes the 提升建议 sheet through the ET adapter and reports it', async () => {
  assert.equal(BUTTONS.btnCoopAdvice, 'advice');
  const app = new FakeEtApplication();
  const inserted = await insertTemplate({ host: new WpsHost(app), engine: testEngine(), locale: 'zh' }, { department: '机电工程学院', year: '2023-2024' });
  assert.equal(inserted.ok, true, inserted.message);
  typeFacts(app, '机电工程学院', { ...baseFacts(), department: '机电工程学院' });
  const env = environment(app, await startedEngine());
  const report = await runAction(env, 'advice');
  assert.equal(report?.ok, true, report?.message);
  assert.deepEqual(env.events, ['status:校企合作考核：正在生成提升建议…', 'painted', 'status:', 'alert']);
  assert.match(env.alerts[0], /已在“提升建议”中列出 1 个院系的 11 条提升建议/);
  const c5 = [...Array(11).keys()].map((i) => app.valueAt('提升建议', `E${3 + i}`)).find((v) => String(v).startsWith('本地实习'));
  assert.equal(c5, '本地实习再增加 6 人（达到 120 人）可少扣 1 分');
  assert.equal(app.valueAt('提升建议', 'D3'), '6 分（满分 10）', 'C3 first: its gain of 4 is the best');
});
