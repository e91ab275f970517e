/**
 * The registry's custom functions for WPS 表格, through `wps.AddCustomFunction`.
 *
 * WPS calls a custom function synchronously and expects its value at once, so the engine
 * must already be instantiated when a function runs: `main.ts` loads it from the embedded
 * bytes before calling `registerWpsFunctions`. Names are the registry's ASCII ids (WPS
 * accepts `^[a-zA-Z_]\w*$` only); descriptions and argument help are Chinese, the language
 * of WPS's function wizard for these users. The same metadata is written to the package's
 * `functions.json`, which the JsPlugin manifest (`manifest.xml`) points at.
 */
import type { Engine } from '../engine/types.js';
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
 * The function WPS calls for one entry. A bad argument throws an Error carrying the engine's
 * (Chinese) message, which WPS shows for the #VALUE! it puts in the cell.
 */
export function wpsFunction(entry: FunctionEntry, getEngine: () => Engine, locale: () => Locale = () => 'zh') {
  return (...args: unknown[]): FunctionResult => {
    // WPS passes the declared parameters in order; omitted optionals arrive as undefined.
    const values = entry.params.map((_, i) => args[i]);
    try {
      return entry.invoke(values, { engine: getEngine(), locale: locale() });
    } catch (error) {
      throw new Error(error instanceof Error ? error.message : String(error));
    }
  };
}

/** Registers every registry entry; returns the names registered, in registry order. */
export function registerWpsFunctions(add: WpsAddCustomFunction, getEngine: () => Engine, locale: () => Locale = () => 'zh'): string[] {
  const names: string[] = [];
  for (const entry of registry) {
    if (!WPS_FUNCTION_NAME.test(entry.id)) {
      // A registry id WPS cannot take is a programming error; say so instead of skipping.
      throw new Error(`函数名“${entry.id}”不能在 WPS 中注册（只允许 ASCII 字母、数字和下划线）/ not a valid WPS function name`);
    }
    add(WPS_NAMESPACE, entry.id, wpsFunction(entry, getEngine, locale), wpsMetadata(entry, locale()));
    names.push(entry.id);
  }
  return names;
}
