/**
 * The task pane, host-neutral: Excel, WPS 表格 and the web page mount the same pane over their
 * own Host. One button per flow action (plus whatever the host adds, such as picking other
 * departments' workbooks), a status line, the problems (a click selects the cell), the results
 * and the copy for the appraisal form.
 *
 * Never throws an action's error away: a failing host shows on the status line (and in the
 * console with its stack) and the pane stays usable.
 */
import {
  ACTIONS,
  adviceSheet,
  appraisalText,
  buildSummary,
  clearMarks,
  clearScores,
  addLedgerSheets,
  fillScores,
  insertTemplate,
  validateWorkbook,
  type ActionId,
  type ActionReport,
  type FlowContext,
  type FlowProblem,
  type Locale,
} from '../flow/index.js';
import type { Host } from '../host/host.js';
import { engineFailureText } from '../engine/engine.js';
import type { Engine } from '../engine/types.js';
import { copyText } from './clipboard.js';
import { cellLabel } from './dom.js';
import type { Bilingual } from './i18n.js';
import { renderPane } from './render.js';
import { afterPaint } from './paint.js';
import {
  copied,
  engineFailed,
  engineStarted,
  engineStarting,
  failed,
  finished,
  initialState,
  selectFailed,
  started,
  switchedLocale,
  toggled,
  filtered,
  waitingForEngine,
  type PaneState,
  type ProblemFilter,
} from './state.js';

/** What an action gets besides the flow context: the template fields and any picked files. */
export interface ActionInput {
  department: string;
  year: string;
  files: File[];
}

/** A button of the pane. The flow's actions are these; a host may add its own. */
export interface PaneAction {
  id: string;
  label: Bilingual;
  hint: Bilingual;
  /** When set, the button is a file picker for these types (several files) and `run` gets them. */
  accept?: string;
  run(ctx: FlowContext, input: ActionInput): Promise<ActionReport>;
}

export interface PaneDeps {
  host: Host;
  /** The engine, or its start (`EngineStart.ready`): actions pressed before it is ready wait for it. */
  engine: Engine | Promise<Engine>;
  /** Starting language; default Chinese. */
  locale?: Locale;
  /** Host-specific buttons, shown after the flow's own. */
  extraActions?: PaneAction[];
}

export interface MountedPane {
  /** The current state, for the page that mounted the pane (and for tests). */
  state(): PaneState;
  /** Runs an action as its button would; resolves when it has finished and been drawn. */
  run(id: string, files?: File[]): Promise<void>;
  /** Empties the root and drops the pane. */
  unmount(): void;
}

const RUNNERS: Record<ActionId, PaneAction['run']> = {
  insertTemplate: (ctx, input) =>
    insertTemplate(ctx, { department: input.department.trim() || undefined, year: input.year.trim() || undefined }),
  addLedger: (ctx) => addLedgerSheets(ctx),
  validate: (ctx) => validateWorkbook(ctx),
  fillScores: (ctx) => fillScores(ctx),
  buildSummary: (ctx) => buildSummary(ctx),
  appraisalText: (ctx) => appraisalText(ctx),
  clearMarks: (ctx) => clearMarks(ctx),
  clearScores: (ctx) => clearScores(ctx),
  adviceSheet: (ctx) => adviceSheet(ctx),
};

/** The flow's actions as pane buttons, in the order of the work. */
export function flowActions(): PaneAction[] {
  return ACTIONS.map((a) => ({ id: a.id, label: a.label, hint: a.hint, run: RUNNERS[a.id] }));
}

export function mountPane(root: HTMLElement, deps: PaneDeps): MountedPane {
  const doc = root.ownerDocument;
  const actions = [...flowActions(), ...(deps.extraActions ?? [])];
  let state = initialState(deps.locale ?? 'zh');
  let mounted = true;
  let engine: Engine | undefined;
  /** The button whose report is shown (to remake a check report in another language). */
  let reportedBy: string | undefined;
  const engineReady = Promise.resolve(deps.engine);

  // Every redraw builds the pane afresh; where the user had scrolled to must survive it
  // (the open groups and details live in the state).
  const scrollers = (): Array<{ scrollTop: number }> => [root, doc.scrollingElement].filter((x): x is HTMLElement => !!x);
  const draw = (): void => {
    if (!mounted) return;
    const scrolled = scrollers().map((x) => x.scrollTop);
    const pane = renderPane(doc, state, actions, handlers);
    while (root.firstChild) root.removeChild(root.firstChild);
    root.appendChild(pane);
    scrollers().forEach((x, i) => {
      if (scrolled[i]) x.scrollTop = scrolled[i];
    });
  };
  const set = (next: PaneState): void => {
    state = next;
    draw();
  };

  const run = async (id: string, files: File[] = []): Promise<void> => {
    const action = actions.find((a) => a.id === id);
    // A second click while one action runs is ignored: the host is busy with the first.
    if (!action || state.running) return;
    if (state.engineFailure) return;
    try {
      if (!engine) {
        set(waitingForEngine(state, id, action.label));
        engine = await engineReady;
      }
      set(started(state, id, action.label));
      // The WPS host is synchronous: let the status line reach the screen before it blocks.
      await afterPaint();
      const ctx: FlowContext = { host: deps.host, engine, locale: state.locale };
      const report = await action.run(ctx, { department: state.department, year: state.year, files });
      reportedBy = id;
      set(finished(state, report, ctx.locale));
    } catch (error) {
      if (!engine) return; // the start failed: engineReady's handler below has said so
      console.error('校企合作考核：操作失败 / action failed', id, error);
      set(failed(state, error));
    }
  };

  const handlers = {
    action: (id: string, files?: File[]) => void run(id, files),
    select: (p: FlowProblem) => {
      deps.host.select({ sheet: p.sheet, address: p.address }).catch((error: unknown) => {
        console.error('校企合作考核：无法定位单元格 / select failed', p, error);
        set(selectFailed(state, cellLabel(p.sheet, p.address), error));
      });
    },
    copy: (text: string) => {
      copyText(doc, text).then(
        (ok) => set(copied(state, ok)),
        () => set(copied(state, false)),
      );
    },
    switchLocale: () => {
      set(switchedLocale(state));
      // A check report is remade in the new language (checking again changes nothing but the
      // words of the marks); reports of actions that write stay as they were, with a note.
      if (state.report?.action === 'validate' && reportedBy && state.reportLocale !== state.locale && !state.running) void run(reportedBy);
    },
    toggle: (key: string, open: boolean) => {
      // No redraw: the browser already shows the change, and a redraw would move the focus.
      state = toggled(state, key, open);
    },
    filter: (filter: ProblemFilter) => set(filtered(state, filter)),
    goTo: (ref: { sheet: string; address: string }) => handlers.select({ sheet: ref.sheet, address: ref.address, path: '', code: '', message: '' }),
    // Typing changes no drawing, so it only updates the state (a redraw would steal the focus).
    input: (field: 'department' | 'year', value: string) => {
      state = { ...state, [field]: value };
    },
  };

  if (deps.engine instanceof Promise) state = engineStarting(state);
  else engine = deps.engine;
  draw();
  engineReady.then(
    (started) => {
      engine = started;
      set(engineStarted(state));
    },
    (error: unknown) => {
      console.error('校企合作考核：评分引擎无法启动 / the engine failed to start', error);
      set(engineFailed(state, engineFailureText(error, state.locale)));
    },
  );
  return {
    state: () => state,
    run,
    unmount: () => {
      mounted = false;
      while (root.firstChild) root.removeChild(root.firstChild);
    },
  };
}
