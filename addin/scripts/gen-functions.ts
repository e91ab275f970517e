/**
 * Excel custom-functions metadata (functions.json, functions-zh-CN.json) generated from the
 * one registry, so names, help texts and parameters can never drift from the code.
 * `id` is the same in both files and never changes: workbooks store it, so a formula typed
 * as =COOP.跟岗实习(…) in Chinese Excel reads =COOP.INTERNSHIP(…) in English Excel.
 */
import { registry, type FunctionEntry, type Locale } from '../src/functions/registry.js';

export interface ParameterMetadata {
  name: string;
  description: string;
  type: 'any' | 'number' | 'string' | 'boolean';
  dimensionality: 'scalar' | 'matrix';
  optional: boolean;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description: string;
  result: { type: 'any' | 'number' | 'string' | 'boolean'; dimensionality: 'scalar' | 'matrix' };
  parameters: ParameterMetadata[];
  options: { cancelable: boolean; requiresAddress: boolean; stream: boolean; volatile: boolean };
}

export interface FunctionsMetadata {
  functions: FunctionMetadata[];
}

function describe(entry: FunctionEntry, locale: Locale): FunctionMetadata {
  return {
    id: entry.id,
    name: entry.name[locale],
    description: entry.description[locale],
    // A block may mix numbers and texts, and CREDITCODE answers TRUE/FALSE or its reason:
    // "any" there, so that Excel passes a JS boolean as TRUE/FALSE and coerces nothing.
    result: { type: entry.result === 'scalar' ? entry.resultType ?? 'number' : 'any', dimensionality: entry.result },
    // "any" parameters: the engine reads texts like "是" or "１２" itself, so Excel must not coerce.
    parameters: entry.params.map((p) => ({
      name: p.name[locale],
      description: p.description[locale],
      type: 'any',
      dimensionality: p.shape === 'range' ? 'matrix' : 'scalar',
      optional: p.optional === true,
    })),
    // All synchronous and pure: WPS can only register synchronous functions, and nothing
    // here depends on time or the calling cell.
    options: { cancelable: false, requiresAddress: false, stream: false, volatile: false },
  };
}

/** The metadata for one language: "en" is functions.json, "zh" is functions-zh-CN.json. */
export function functionsMetadata(locale: Locale, entries: readonly FunctionEntry[] = registry): FunctionsMetadata {
  return { functions: entries.map((e) => describe(e, locale)) };
}

/** The two files, as dist/ paths and their text. */
export function functionsMetadataFiles(): Array<{ to: string; contents: string }> {
  return [
    { to: 'functions.json', contents: JSON.stringify(functionsMetadata('en'), null, 2) + '\n' },
    { to: 'functions-zh-CN.json', contents: JSON.stringify(functionsMetadata('zh'), null, 2) + '\n' },
  ];
}
