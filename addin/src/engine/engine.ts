/**
 * Starts the scoring engine from the Wasm bytes and hands out its JavaScript face.
 *
 * Asynchronous on purpose, everywhere: Chromium before about version 115 (the one WPS embeds,
 * and Android WebViews today) refuses `new WebAssembly.Module` / `new WebAssembly.Instance` on
 * the main thread for a buffer over 4 KB, so `initSync` would leave WPS without an engine.
 * `WebAssembly.instantiate` on the bytes embedded in the bundle has no such limit and needs no
 * fetch, so offline packages loaded from file:// start too.
 *
 * One start per page: every caller shares the same `EngineStart`, and callers that cannot wait
 * (WPS custom functions, which are synchronous) ask `now()` and answer "loading" meanwhile.
 */
import init, * as wasm from '../../../pkg/coop_engine.js';
import type { CreditCodeCheck, Engine, MissedMonths } from './types.js';

export type { Engine } from './types.js';

/** What the engine is started from: the module's bytes, or an already compiled module. */
export type EngineSource = BufferSource | WebAssembly.Module;

/** The face over the module once it is instantiated. */
function engineFace(): Engine {
  return {
    scoreDepartment: (facts, options) => wasm.scoreDepartment(facts, options),
    validateFacts: (facts, options) => wasm.validateFacts(facts, options),
    scoreLine: (lineId, facts, options) => wasm.scoreLine(lineId, facts, options),
    weightedScore: (s1, s2, options) => wasm.weightedScore(s1, s2, options),
    rankDepartments: (rows, options) => wasm.rankDepartments(rows, options),
    rubricInfo: () => wasm.rubricInfo(undefined),
    platformTargets: (factsList, options) => wasm.platformTargets(factsList, options),
    filingDays: (signed, filed, options) => wasm.filingDays(signed, filed, options),
    creditCode: (code, options) => wasm.creditCode(code, options) as CreditCodeCheck,
    missedMonths: (year, months, options) => wasm.missedMonths(year, months, options) as MissedMonths,
    derivedInputs: (facts, options) => wasm.derivedInputs(facts, options),
  };
}

/**
 * The engine instantiated synchronously. Only for Node (tests, build scripts), which has no
 * main-thread limit on compiling; a page must use `startEngine`.
 */
export function engineInNode(source: EngineSource): Engine {
  wasm.initSync({ module: source });
  return engineFace();
}

/** The readiness of the one engine of a page: a promise for those who can wait, a peek for those who cannot. */
export class EngineStart {
  private engine: Engine | undefined;
  private error: unknown;
  private failedToStart = false;
  /** Resolves with the engine, or rejects with why it could not start; every caller awaits this one promise. */
  readonly ready: Promise<Engine>;

  constructor(starting: Promise<Engine>) {
    this.ready = starting.then(
      (engine) => {
        this.engine = engine;
        return engine;
      },
      (error: unknown) => {
        this.error = error;
        this.failedToStart = true;
        throw error;
      },
    );
    // A page that never awaits (no function called, no button pressed) must not report an
    // unhandled rejection; whoever awaits `ready` still sees the failure.
    this.ready.catch(() => undefined);
  }

  /** The engine if it has started, else undefined. */
  now(): Engine | undefined {
    return this.engine;
  }

  /** Why the start failed, or undefined while it is starting or has started. */
  failure(): unknown {
    return this.failedToStart ? (this.error ?? new Error('unknown')) : undefined;
  }
}

let pageStart: EngineStart | undefined;

/**
 * Starts the engine once per page with the asynchronous `WebAssembly.instantiate` (through
 * wasm-bindgen's init, handed the bytes so it never fetches); later calls return the same start.
 */
export function startEngine(source: EngineSource): EngineStart {
  if (!pageStart) {
    const starting = Promise.resolve()
      .then(() => init({ module_or_path: source }))
      .then(engineFace);
    pageStart = new EngineStart(starting);
  }
  return pageStart;
}

/** The engine's start failure in one sentence for the user, Chinese or English. */
export function engineFailureText(error: unknown, locale: 'zh' | 'en'): string {
  // Duck-typed, not `instanceof Error`: an error thrown in another realm (a frame, WPS's
  // own objects) is still an error with a message.
  const { message, name } = (typeof error === 'object' && error !== null ? error : {}) as { message?: unknown; name?: unknown };
  const why = typeof message === 'string' && message !== '' ? message : typeof name === 'string' ? name : String(error);
  return locale === 'zh' ? `校企合作考核评分引擎无法启动：${why}` : `The scoring engine could not start: ${why}`;
}

/** What a cell shows while the engine is still starting (WPS functions cannot wait). */
export function engineLoadingText(locale: 'zh' | 'en'): string {
  return locale === 'zh' ? '校企合作考核引擎加载中，请稍候' : 'The assessment engine is loading, please wait';
}
