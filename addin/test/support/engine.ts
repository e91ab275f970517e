/** Loads the real engine for Node tests from the built module (`scripts/build-wasm.sh`). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EngineStart, engineInNode, type Engine } from '../../src/engine/engine.js';

const wasmPath = fileURLToPath(new URL('../../../pkg/coop_engine_bg.wasm', import.meta.url));

/** Node has no main-thread limit on compiling Wasm, so tests take the engine synchronously. */
export function testEngine(): Engine {
  return engineInNode(readFileSync(wasmPath));
}

/** The built module's bytes, for tests that start the engine as a page does. */
export function engineBytes(): Uint8Array {
  return readFileSync(wasmPath);
}

/** A page's engine start that has already finished, for code that takes an `EngineStart`. */
export async function startedEngine(): Promise<EngineStart> {
  const start = new EngineStart(Promise.resolve(testEngine()));
  await start.ready;
  return start;
}

/** A start the test finishes (or fails) when it chooses, to see what callers do meanwhile. */
export function pendingEngine(): { start: EngineStart; finish(): Promise<void>; fail(error: Error): Promise<void> } {
  let resolve!: (engine: Engine) => void;
  let reject!: (error: Error) => void;
  const start = new EngineStart(
    new Promise<Engine>((res, rej) => {
      resolve = res;
      reject = rej;
    }),
  );
  return {
    start,
    finish: async () => {
      resolve(testEngine());
      await start.ready;
    },
    fail: async (error) => {
      reject(error);
      await start.ready.catch(() => undefined);
    },
  };
}
