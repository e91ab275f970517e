/**
 * Registers the registry's functions with Excel. The only Excel-specific work: turn the
 * host-neutral FunctionArgError into `CustomFunctions.Error(invalidValue, message)` (Excel
 * shows a message only for #VALUE! and #N/A), and wrap a scalar into a 1×1 block for
 * functions whose metadata promises a matrix result (they may spill the detail row).
 */
import type { Engine } from '../engine/types.js';
import { registry, type FunctionEntry, type FunctionResult, type Locale } from './registry.js';

/** The Office display language decides the message language; Chinese when unknown. */
export function officeLocale(): Locale {
  const language = typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined;
  return language && !language.toLowerCase().startsWith('zh') ? 'en' : 'zh';
}

/** The function Excel calls for one registry entry. */
export function excelFunction(entry: FunctionEntry, getEngine: () => Engine, locale: () => Locale = officeLocale) {
  return (...args: unknown[]): FunctionResult => {
    // Excel passes exactly the declared parameters (no invocation object: none is requested).
    const values = entry.params.map((_, i) => args[i]);
    try {
      const result = entry.invoke(values, { engine: getEngine(), locale: locale() });
      return entry.result === 'matrix' && !Array.isArray(result) ? [[result]] : result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
    }
  };
}

/**
 * Associates every registry entry with its metadata id. `getEngine` is called on the first
 * calculation, so registering costs nothing until a function is used.
 */
export function registerExcelFunctions(getEngine: () => Engine, locale: () => Locale = officeLocale): void {
  for (const entry of registry) {
    CustomFunctions.associate(entry.id, excelFunction(entry, getEngine, locale));
  }
}
