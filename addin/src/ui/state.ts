/**
 * The pane's state and how each event changes it, as plain functions, so the behaviour
 * (what the status line says, when buttons are disabled, that an error is kept and shown)
 * is tested without a browser. Rendering (render.ts) only draws a state.
 */
import type { ActionReport, Locale } from '../flow/index.js';
import { PROGRESS, t, type Bilingual } from './i18n.js';

export type Tone = 'info' | 'busy' | 'ok' | 'warn' | 'error';

export interface PaneState {
  locale: Locale;
  /** The id of the action running now; every action button is disabled while it is set. */
  running: string | null;
  status: { tone: Tone; text: string };
  /** The last finished action's report (kept until the next action finishes). */
  report?: ActionReport;
  /** Outcome of the last copy to the clipboard, shown beside the copy button. */
  copy?: { tone: Tone; text: string };
  /** What the user typed for the next template; kept across redraws. */
  department: string;
  year: string;
  /** Why the engine could not start; set, it disables every action for good. */
  engineFailure?: string;
  /** The locale the shown report was made in (its messages are in that language). */
  reportLocale?: Locale;
  /** Which kinds of problem the list shows. */
  problemFilter: ProblemFilter;
  /** Groups and details the user opened or closed, by key; the rest follow their default. */
  open: Record<string, boolean>;
}

export type ProblemFilter = 'all' | 'error' | 'warning';

export function initialState(locale: Locale): PaneState {
  return { locale, running: null, status: { tone: 'info', text: t(locale, 'ready') }, department: '', year: '', problemFilter: 'all', open: {} };
}

/** The engine is still starting: said at once, so nobody takes the pane for broken. */
export function engineStarting(state: PaneState): PaneState {
  return { ...state, status: { tone: 'busy', text: t(state.locale, 'engineStarting') } };
}

/** The engine has started: back to the ready line, unless something else is being said. */
export function engineStarted(state: PaneState): PaneState {
  return state.status.text === t(state.locale, 'engineStarting') ? { ...state, status: { tone: 'info', text: t(state.locale, 'ready') } } : state;
}

/** The engine could not start: one clear message that stays, and no action can run. */
export function engineFailed(state: PaneState, message: string): PaneState {
  return { ...state, running: null, engineFailure: message, status: { tone: 'error', text: message } };
}

/** An action pressed while the engine starts: it waits, and says so. */
export function waitingForEngine(state: PaneState, id: string, label: Bilingual): PaneState {
  return { ...state, running: id, copy: undefined, status: { tone: 'busy', text: t(state.locale, 'engineWaiting') + label[state.locale] } };
}

export function started(state: PaneState, id: string, label: Bilingual): PaneState {
  const progress = PROGRESS[id]?.[state.locale] ?? t(state.locale, 'running') + label[state.locale] + '…';
  return { ...state, running: id, copy: undefined, status: { tone: 'busy', text: progress } };
}

export function finished(state: PaneState, report: ActionReport, locale: Locale = state.locale): PaneState {
  return { ...state, running: null, report, reportLocale: locale, status: { tone: report.ok ? 'ok' : 'warn', text: report.message } };
}

/** The user opened or closed a group or a details box (kept across redraws). */
export function toggled(state: PaneState, key: string, open: boolean): PaneState {
  return { ...state, open: { ...state.open, [key]: open } };
}

export function filtered(state: PaneState, problemFilter: ProblemFilter): PaneState {
  return { ...state, problemFilter };
}

/** An action that threw (the host failed, not the user's data): say so, keep the last report. */
export function failed(state: PaneState, error: unknown): PaneState {
  return { ...state, running: null, status: { tone: 'error', text: t(state.locale, 'failed') + describeError(error) } };
}

/** A click on a problem whose cell could not be selected (sheet renamed or deleted since). */
export function selectFailed(state: PaneState, where: string, error: unknown): PaneState {
  return { ...state, status: { tone: 'error', text: t(state.locale, 'selectFailed') + where + ': ' + describeError(error) } };
}

export function copied(state: PaneState, ok: boolean): PaneState {
  return { ...state, copy: ok ? { tone: 'ok', text: t(state.locale, 'copied') } : { tone: 'warn', text: t(state.locale, 'copyFailed') } };
}

export function switchedLocale(state: PaneState): PaneState {
  const locale: Locale = state.locale === 'zh' ? 'en' : 'zh';
  // The ready line follows the language; a report's message stays in the language it was made in.
  const status = !state.report && !state.running && state.status.tone === 'info' ? { tone: 'info' as const, text: t(locale, 'ready') } : state.status;
  return { ...state, locale, status };
}

/**
 * One line for any thrown value. Office.js errors carry a code (ItemNotFound, InvalidArgument…)
 * and debug info naming the failing statement: both help whoever reads the user's screenshot.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const office = error as Error & { code?: unknown; debugInfo?: { errorLocation?: unknown } };
    const code = typeof office.code === 'string' && !error.message.includes(office.code) ? ` [${office.code}]` : '';
    const where = typeof office.debugInfo?.errorLocation === 'string' ? ` (${office.debugInfo.errorLocation})` : '';
    return (error.message || error.name) + code + where;
  }
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
