/**
 * The WPS ribbon's buttons on the fake ET application with the real engine: a button waits
 * for the engine (saying so in the status bar), says what it is doing before the synchronous
 * ET work starts, reports in a message box, selects the first located problem, and shows a
 * problem that has no cell (no template in the workbook) by its own message — never by
 * selecting a cell of a sheet named "". A failed engine start is one clear message.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActionReport } from '../src/flow/index.js';
import { reportText, ribbonCallbacks, runAction, type RibbonEnvironment } from '../src/wps/ribbon.js';
import type { EngineStart } from '../src/engine/engine.js';
import type { EtApplication, WpsAddinRoot } from '../src/wps/et.js';
import { FakeEtApplication } from './support/fake-et.js';
import { pendingEngine, startedEngine } from './support/engine.js';

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
