/**
 * Instantiates the scoring engine synchronously from the Wasm bytes and hands out its
 * JavaScript face. Synchronous on purpose: WPS registers custom functions synchronously,
 * and offline WPS packages load from file://, where fetching a .wasm fails; so every
 * bundle embeds the bytes (esbuild's binary loader) and calls this once at start-up.
 */
import * as wasm from '../../../pkg/coop_engine.js';
import type { Engine } from './types.js';

export type { Engine } from './types.js';

let engine: Engine | undefined;

/** Instantiates the module on first call (later calls return the same engine). */
export function loadEngine(bytes: BufferSource | WebAssembly.Module): Engine {
  if (!engine) {
    wasm.initSync({ module: bytes });
    engine = {
      scoreDepartment: (facts, options) => wasm.scoreDepartment(facts, options),
      validateFacts: (facts, options) => wasm.validateFacts(facts, options),
      scoreLine: (lineId, facts, options) => wasm.scoreLine(lineId, facts, options),
      weightedScore: (s1, s2, options) => wasm.weightedScore(s1, s2, options),
      rankDepartments: (rows, options) => wasm.rankDepartments(rows, options),
      rubricInfo: () => wasm.rubricInfo(undefined),
    };
  }
  return engine;
}
