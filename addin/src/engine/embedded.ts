/**
 * The engine of this page, started from the Wasm bytes embedded in the bundle. The build
 * resolves the virtual module below to pkg/coop_engine_bg.wasm with esbuild's binary loader,
 * so nothing is fetched and file:// pages (WPS offline packages) start like served ones.
 */
import wasmBytes from 'virtual:coop-engine-wasm';
import { startEngine, type EngineStart } from './engine.js';

/** Starts the page's engine on first call (asynchronously); every caller shares the one start. */
export function embeddedEngine(): EngineStart {
  return startEngine(wasmBytes);
}
