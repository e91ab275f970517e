/**
 * The WPS add-in's entry bundle, loaded by `index.html` when WPS starts the add-in.
 *
 * Order matters:
 * 1. The ribbon callbacks are published as globals first (WPS looks up the names ribbon.xml
 *    gives), before anything touches the engine, so a slow or failed start never leaves
 *    dead buttons: a button pressed meanwhile waits for the engine or says why it failed.
 * 2. The engine starts asynchronously from the bytes embedded in this bundle: WPS's old
 *    Chromium refuses to compile a module over 4 KB synchronously on the main thread, and an
 *    offline package (file://) could not fetch a .wasm anyway.
 * 3. The custom functions are registered at once. WPS calls them synchronously; until the
 *    engine is ready they answer a "loading" text, and if any did, the workbook is
 *    recalculated when the engine is there so those cells show real values.
 */
import { embeddedEngine } from '../engine/embedded.js';
import { engineFailureText } from '../engine/engine.js';
import type { Locale } from '../flow/index.js';
import { afterPaint } from '../ui/paint.js';
import type { EtApplication, EtApplicationChrome, WpsAddCustomFunction, WpsAddinRoot } from './et.js';
import { registerWpsFunctions } from './functions.js';
import { ribbonCallbacks } from './ribbon.js';

interface WpsWindow {
  Application?: EtApplication & EtApplicationChrome & WpsAddinRoot;
  wps?: { AddCustomFunction?: WpsAddCustomFunction };
}

const wpsWindow = window as unknown as WpsWindow & Record<string, unknown>;

/** Chinese unless WPS runs in English. */
function pageLocale(): Locale {
  return /^en/i.test(navigator.language) ? 'en' : 'zh';
}

/** Calls into WPS that only inform the user: a build without them must not stop the add-in. */
function tryWps(what: string, call: () => void): void {
  try {
    call();
  } catch (error) {
    console.warn(`校企合作考核：${what}`, error);
  }
}

// 1. The ribbon, before the engine. `embeddedEngine()` returns the one start begun in step 2.
const callbacks = ribbonCallbacks(() => {
  const app = wpsWindow.Application;
  if (!app) throw new Error('不在 WPS 中运行 / not running inside WPS');
  return {
    app,
    engine: embeddedEngine(),
    locale: pageLocale(),
    paneUrl: new URL('taskpane.html', document.location.href).href,
    alert: (message: string) => window.alert(message),
    status: (text: string | null) => tryWps('status bar', () => (app.StatusBar = text ?? false)),
    painted: () => afterPaint(window),
  };
});
Object.assign(wpsWindow, callbacks);

// 2. The engine.
const start = embeddedEngine();

// 3. The functions. wps.AddCustomFunction exists from WPS 12.1.0.20540 on; older builds
// still get the ribbon and the task pane, which never depend on the functions.
let calledEarly = false;
const add = wpsWindow.wps?.AddCustomFunction;
if (typeof add === 'function') {
  try {
    registerWpsFunctions(add.bind(wpsWindow.wps), start, pageLocale, () => {
      calledEarly = true;
    });
  } catch (error) {
    console.warn('校企合作考核：自定义函数注册失败 / custom functions not registered', error);
  }
}

start.ready.then(
  () => {
    const app = wpsWindow.Application;
    if (calledEarly && app) tryWps('recalculation', () => app.CalculateFull());
  },
  (error: unknown) => {
    // One clear message; a ribbon button pressed later says it again.
    console.error('校企合作考核：评分引擎无法启动 / the engine failed to start', error);
    window.alert(engineFailureText(error, pageLocale()));
  },
);
