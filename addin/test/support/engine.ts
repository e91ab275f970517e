/** Loads the real engine for Node tests from the built module (`scripts/build-wasm.sh`). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadEngine, type Engine } from '../../src/engine/engine.js';

const wasmPath = fileURLToPath(new URL('../../../pkg/coop_engine_bg.wasm', import.meta.url));

export function testEngine(): Engine {
  return loadEngine(readFileSync(wasmPath));
}
