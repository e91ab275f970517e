/**
 * The WPS add-in's entry bundle, loaded by `index.html` when WPS starts the add-in.
 *
 * Order matters: the engine is instantiated synchronously from the bytes embedded in this
 * bundle *before* any custom function is registered, because WPS calls custom functions
 * synchronously and an offline package (file://) could not fetch a .wasm anyway. Then the
 * ribbon callbacks are published as globals, where WPS looks for the names in ribbon.xml.
 */
import { embeddedEngine } from '../engine/embedded.js';
import type { Locale } from '../flow/index.js';
import type { EtApplication, WpsAddCustomFunction, WpsAddinRoot } from './et.js';
import { registerWpsFunctions } from './functions.js';
import { ribbonCallbacks } from './ribbon.js';

interface WpsWindow {
  Application?: EtApplication & WpsAddinRoot;
  wps?: { AddCustomFunction?: WpsAddCustomFunction };
}

const wpsWindow = window as unknown as WpsWindow & Record<string, unknown>;

/** Chinese unless WPS runs in English. */
function pageLocale(): Locale {
  return /^en/i.test(navigator.language) ? 'en' : 'zh';
}

const engine = embeddedEngine();

// wps.AddCustomFunction exists from WPS 12.1.0.20540 on; older builds still get the ribbon
// and the task pane, which never depend on the functions.
const add = wpsWindow.wps?.AddCustomFunction;
if (typeof add === 'function') {
  try {
    registerWpsFunctions(add.bind(wpsWindow.wps), () => engine, pageLocale);
  } catch (error) {
    console.warn('校企合作考核：自定义函数注册失败 / custom functions not registered', error);
  }
}

const callbacks = ribbonCallbacks(() => {
  const app = wpsWindow.Application;
  if (!app) throw new Error('不在 WPS 中运行 / not running inside WPS');
  return {
    app,
    engine: () => engine,
    locale: pageLocale(),
    paneUrl: new URL('taskpane.html', document.location.href).href,
    alert: (message: string) => window.alert(message),
  };
});
Object.assign(wpsWindow, callbacks);
