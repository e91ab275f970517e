/**
 * The registry's custom functions for WPS 表格, through `wps.AddCustomFunction`.
 *
 * WPS calls a custom function synchronously and expects its value at once, but the engine
 * starts asynchronously (WPS's old Chromium refuses to compile a module over 4 KB
 * synchronously). So the functions are registered at once, a call that comes before the
 * engine is ready answers a "loading" text instead of throwing, and when the engine is
 * ready `main.ts` recalculates the workbook if any such call was made. Names are the registry's ASCII ids (WPS
 * accepts `^[a-zA-Z_]\w*$` only); descriptions and argument help are Chinese, the language
 * of WPS's function wizard for these users. The same metadata is written to the package's
 * `functions.json`, which the JsPlugin manifest (`manifest.xml`) points at.
 */
import { engineFailureText, engineLoadingText, type EngineStart } from '../engine/engine.js';
import { registry, type FunctionEntry, type FunctionResult, type Locale } from '../functions/registry.js';
import type { WpsAddCustomFunction, WpsFunctionMetadata } from './et.js';

/** The same namespace as the Excel add-in's, so formulas read alike in both: COOP.INTERNSHIP. */
export const WPS_NAMESPACE = 'COOP';

/** What WPS accepts as a custom function's name. */
export const WPS_FUNCTION_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * The metadata of one function, in the shape of WPS's functions.json: types "any" for a
 * cell and "any[][]" for a range (WPS hands ranges over as 2D arrays), "?" for optional.
 */
export function wpsMetadata(entry: FunctionEntry, locale: Locale = 'zh'): WpsFunctionMetadata & { name: string } {
  return {
    name: entry.id,
    description: `${entry.name[locale]}：${entry.description[locale]}`,
    result: { type: 'any' },
    parameters: entry.params.map((p) => ({
      name: p.key,
      type: (p.shape === 'range' ? 'any[][]' : 'any') + (p.optional ? '?' : ''),
      description: `${p.name[locale]}：${p.description[locale]}`,
    })),
  };
}

/** The functions.json WPS reads for the function wizard (same content as the registration). */
export function wpsFunctionsJson(locale: Locale = 'zh'): { functions: Array<WpsFunctionMetadata & { name: string }> } {
  return { functions: registry.map((entry) => wpsMetadata(entry, locale)) };
}

/**
 * What WPS passes for an omitted optional argument on some builds: the COM "parameter not
 * found" error (DISP_E_PARAMNOTFOUND, 0x80020004) as a signed 32-bit number, where other
 * builds pass `undefined`. Read as omitted everywhere, so `=COOP.INTERNSHIP(114,200)` works
 * on both. (A user typing exactly this number as a fact would be refused as out of range
 * by every rule anyway.)
 */
export const WPS_PARAM_NOT_FOUND = -2147352572;

/** The arguments as the registry expects them: one per declared parameter, omitted as undefined. */
export function wpsArguments(entry: FunctionEntry, args: readonly unknown[]): unknown[] {
  return entry.params.map((_, i) => (args[i] === WPS_PARAM_NOT_FOUND ? undefined : args[i]));
}

/** Tells whoever registered the functions that a cell asked before the engine was ready. */
export type EarlyCallListener = () => void;

/**
 * The function WPS calls for one entry. Before the engine is ready it answers the loading
 * text (and after a failed start, why), never throwing: the cell is recalculated once the
 * engine is there. A bad argument throws an Error carrying the engine's (Chinese) message,
 * which WPS shows for the #VALUE! it puts in the cell.
 */
export function wpsFunction(entry: FunctionEntry, start: EngineStart, locale: () => Locale = () => 'zh', early: EarlyCallListener = () => undefined) {
  return (...args: unknown[]): FunctionResult => {
    const engine = start.now();
    if (!engine) {
      const failure = start.failure();
      if (failure !== undefined) return engineFailureText(failure, locale());
      early();
      return engineLoadingText(locale());
    }
    try {
      return entry.invoke(wpsArguments(entry, args), { engine, locale: locale() });
    } catch (error) {
      throw new Error(error instanceof Error ? error.message : String(error));
    }
  };
}

/** Registers every registry entry; returns the names registered, in registry order. */
export function registerWpsFunctions(
  add: WpsAddCustomFunction,
  start: EngineStart,
  locale: () => Locale = () => 'zh',
  early: EarlyCallListener = () => undefined,
): string[] {
  const names: string[] = [];
  for (const entry of registry) {
    if (!WPS_FUNCTION_NAME.test(entry.id)) {
      // A registry id WPS cannot take is a programming error; say so instead of skipping.
      throw new Error(`函数名“${entry.id}”不能在 WPS 中注册（只允许 ASCII 字母、数字和下划线）/ not a valid WPS function name`);
    }
    add(WPS_NAMESPACE, entry.id, wpsFunction(entry, start, locale, early), wpsMetadata(entry, locale()));
    names.push(entry.id);
  }
  return names;
}
