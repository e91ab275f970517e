/**
 * The engine from the Wasm bytes embedded in the bundle. The build resolves the virtual
 * module below to pkg/coop_engine_bg.wasm with esbuild's binary loader, so the engine
 * starts synchronously and from file:// (WPS offline packages) with nothing to fetch.
 */
import wasmBytes from 'virtual:coop-engine-wasm';
import { loadEngine, type Engine } from './engine.js';

/** The one engine of this page (instantiated on first call, shared afterwards). */
export function embeddedEngine(): Engine {
  return loadEngine(wasmBytes);
}
