/**
 * The callbacks `ribbon.xml` names (onLoad, onAction, getImage). WPS looks them up as
 * globals of the add-in's entry page, so `main.ts` puts this object's members on `window`;
 * the package test checks that every callback ribbon.xml names is one of these keys.
 *
 * The 校企合作考核 tab's buttons either open the shared task pane or run one action of the
 * flow directly on the open workbook and report in a WPS message box, with the first
 * problem's cell selected so that the user lands where the work is.
 */
import { engineFailureText, type EngineStart } from '../engine/engine.js';
import { addLedgerSheets, adviceSheet, buildSummary, clearMarks, clearScores, fillScores, validateWorkbook, type ActionReport, type FlowContext, type Locale } from '../flow/index.js';
import { WpsHost } from '../host/wps.js';
import { MSO_CTP_DOCK_RIGHT, type EtApplication, type WpsAddinRoot } from './et.js';

/** The button ids of ribbon.xml, and what each does. */
export const BUTTONS = {
  btnCoopPane: 'pane',
  btnCoopValidate: 'validate',
  btnCoopFill: 'fill',
  btnCoopSummary: 'summary',
  btnCoopAdvice: 'advice',
  btnCoopClearMarks: 'clearMarks',
  btnCoopClearScores: 'clearScores',
  btnCoopAddLedger: 'addLedger',
} as const;

type ButtonId = keyof typeof BUTTONS;

/** The ribbon image, relative to the package root (the entry page's folder). */
export const RIBBON_IMAGE = 'images/coop-32.png';

const PANE_KEY = 'coop_assessment_taskpane_id';
const PANE_WIDTH = 380;

/** What the ribbon needs from its page: WPS's root object, the engine, ways to tell the user. */
export interface RibbonEnvironment {
  app: EtApplication & WpsAddinRoot;
  /** The page's engine start; an action waits for it. */
  engine: EngineStart;
  locale: Locale;
  /** The task pane page's URL (taskpane.html beside the entry page). */
  paneUrl: string;
  alert(message: string): void;
  /** Shows a line in WPS's status bar while an action works, or gives the bar back (null). */
  status(text: string | null): void;
  /** Resolves once the status line has had a chance to be painted (before synchronous ET work). */
  painted(): Promise<void>;
}

/** A ribbon control as WPS passes it to callbacks. */
export interface RibbonControl {
  Id: string;
}

const ACTIONS: Record<'validate' | 'fill' | 'summary' | 'advice' | 'clearMarks' | 'clearScores' | 'addLedger', (ctx: FlowContext) => Promise<ActionReport>> = {
  validate: validateWorkbook,
  addLedger: addLedgerSheets,
  fill: fillScores,
  summary: buildSummary,
  advice: adviceSheet,
  clearMarks,
  clearScores,
};

/** The status bar while each button works. */
const PROGRESS: Record<keyof typeof ACTIONS, { zh: string; en: string }> = {
  validate: { zh: '校企合作考核：正在检查…', en: 'Cooperation assessment: checking…' },
  fill: { zh: '校企合作考核：正在计算…', en: 'Cooperation assessment: calculating…' },
  summary: { zh: '校企合作考核：正在汇总…', en: 'Cooperation assessment: building the summary…' },
  advice: { zh: '校企合作考核：正在生成提升建议…', en: 'Cooperation assessment: listing the suggestions…' },
  clearMarks: { zh: '校企合作考核：正在清除标记…', en: 'Cooperation assessment: clearing the marks…' },
  clearScores: { zh: '校企合作考核：正在清除得分…', en: 'Cooperation assessment: clearing the scores…' },
  addLedger: { zh: '校企合作考核：正在添加台账与月报…', en: 'Cooperation assessment: adding the ledger sheets…' },
};

const WAITING = { zh: '校企合作考核：等待评分引擎启动…', en: 'Cooperation assessment: waiting for the scoring engine…' };

/** The report in a few lines: the sentence, then at most ten problems with their cells. */
export function reportText(report: ActionReport, locale: Locale): string {
  const lines = [report.message];
  // A problem with no cell to blame (no template, a department twice) is its message alone.
  for (const p of report.problems.slice(0, 10)) lines.push(p.sheet && p.address ? `• ${p.sheet}!${p.address}：${p.message}` : `• ${p.message}`);
  const more = report.problems.length - 10;
  if (more > 0) lines.push(locale === 'zh' ? `……另有 ${more} 项，请打开任务窗格查看` : `… and ${more} more: open the task pane to see them`);
  return lines.join('\n');
}

/** Shows the task pane, creating it on first use; a second click hides it again. */
export function togglePane(env: RibbonEnvironment): void {
  const storage = env.app.PluginStorage;
  const id = Number(storage.getItem(PANE_KEY));
  if (id) {
    const pane = env.app.GetTaskPane(id);
    pane.Visible = !pane.Visible;
    return;
  }
  const pane = env.app.CreateTaskPane(env.paneUrl, env.locale === 'zh' ? '校企合作考核' : 'Cooperation assessment');
  pane.DockPosition = MSO_CTP_DOCK_RIGHT;
  pane.Width = PANE_WIDTH;
  pane.Visible = true;
  storage.setItem(PANE_KEY, pane.ID);
}

/**
 * Runs one flow action on the open workbook and reports it; never throws into WPS. Waits for
 * the engine (saying so in the status bar), shows what it is doing before the synchronous ET
 * work starts, and selects the first problem's cell when there is one.
 */
export async function runAction(env: RibbonEnvironment, action: keyof typeof ACTIONS): Promise<ActionReport | undefined> {
  const say = (text: { zh: string; en: string }) => env.status(text[env.locale]);
  let engine = env.engine.now();
  if (!engine) {
    say(WAITING);
    try {
      engine = await env.engine.ready;
    } catch (error) {
      env.status(null);
      env.alert(engineFailureText(error, env.locale));
      return undefined;
    }
  }
  say(PROGRESS[action]);
  await env.painted();
  const host = new WpsHost(env.app);
  try {
    const report = await ACTIONS[action]({ host, engine, locale: env.locale });
    const first = report.problems.find((p) => p.sheet && p.address);
    if (first) await host.select({ sheet: first.sheet, address: first.address });
    env.status(null);
    env.alert(reportText(report, env.locale));
    return report;
  } catch (error) {
    env.status(null);
    const message = error instanceof Error ? error.message : String(error);
    env.alert(env.locale === 'zh' ? `操作未完成：${message}` : `The action did not complete: ${message}`);
    return undefined;
  }
}

/** The ribbon callbacks, by the names ribbon.xml uses. */
export function ribbonCallbacks(env: () => RibbonEnvironment) {
  return {
    OnAddinLoad(): boolean {
      return true;
    },
    OnAction(control: RibbonControl): boolean {
      const what = BUTTONS[control.Id as ButtonId];
      if (what === 'pane') togglePane(env());
      else if (what) void runAction(env(), what);
      return true;
    },
    GetImage(_control: RibbonControl): string {
      return RIBBON_IMAGE;
    },
  };
}
