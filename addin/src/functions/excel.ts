/**
 * Registers the registry's functions with Excel. The only Excel-specific work: turn the
 * host-neutral FunctionArgError into `CustomFunctions.Error(invalidValue, message)` (Excel
 * shows a message only for #VALUE! and #N/A), and wrap a scalar into a 1×1 block for
 * functions whose metadata promises a matrix result (they may spill the detail row).
 */
import { engineFailureText, type EngineStart } from '../engine/engine.js';
import type { Engine } from '../engine/types.js';
import { registry, type FunctionEntry, type FunctionResult, type Locale } from './registry.js';

/**
 * The language of everything the add-in says in Excel, from Office's display language. It
 * must match the names Office shows: the manifest and the function metadata are Chinese only
 * for zh-CN (Simplified Chinese), and Office falls back to the English defaults for every other
 * language, Traditional Chinese (zh-TW, zh-HK, zh-MO) included. So Simplified Chinese gets
 * Chinese, everything else English, and Chinese when Office does not say.
 */
export function languageLocale(language: string | undefined): Locale {
  if (!language) return 'zh';
  const [primary, ...rest] = language.toLowerCase().split(/[-_]/);
  if (primary !== 'zh') return 'en';
  if (rest.includes('hant')) return 'en';
  if (rest.includes('hans')) return 'zh';
  const region = rest.find((part) => part.length === 2);
  return region === undefined || region === 'cn' || region === 'sg' ? 'zh' : 'en';
}

/** The Office display language's locale (see languageLocale). */
export function officeLocale(): Locale {
  return languageLocale(typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined);
}

function invalidValue(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

/** One call on a started engine: the result in the shape the metadata promises, or #VALUE! with the reason. */
function evaluate(entry: FunctionEntry, values: unknown[], engine: Engine, locale: Locale): FunctionResult {
  try {
    const result = entry.invoke(values, { engine, locale });
    return entry.result === 'matrix' && !Array.isArray(result) ? [[result]] : result;
  } catch (error) {
    throw invalidValue(error instanceof Error ? error.message : String(error));
  }
}

/**
 * The function Excel calls for one registry entry. Excel (shared runtime) lets a custom
 * function return a promise, so a call made while the engine is still starting waits for it;
 * once started, calls answer synchronously.
 */
export function excelFunction(entry: FunctionEntry, start: EngineStart, locale: () => Locale = officeLocale) {
  return (...args: unknown[]): FunctionResult | Promise<FunctionResult> => {
    // Excel passes exactly the declared parameters (no invocation object: none is requested).
    const values = entry.params.map((_, i) => args[i]);
    const engine = start.now();
    if (engine) return evaluate(entry, values, engine, locale());
    return start.ready.then(
      (started) => evaluate(entry, values, started, locale()),
      (failure: unknown) => {
        throw invalidValue(engineFailureText(failure, locale()));
      },
    );
  };
}

/** Associates every registry entry with its metadata id; nothing waits for the engine here. */
export function registerExcelFunctions(start: EngineStart, locale: () => Locale = officeLocale): void {
  for (const entry of registry) {
    CustomFunctions.associate(entry.id, excelFunction(entry, start, locale));
  }
}
