/**
 * The contract between scripts/build.ts and the build targets in scripts/targets/*.ts.
 * A target says what to bundle and which static files to place in dist/; build.ts owns
 * esbuild, the embedded Wasm, cleaning and clashes between targets. Adding a host (web,
 * WPS) is one new file in scripts/targets/ exporting `target`.
 */

export interface BuildContext {
  /** Absolute path of addin/. */
  addinDir: string;
  /** Absolute path of the repository root (manifest.xml, pkg/). */
  repoDir: string;
  /** Absolute path of addin/dist/. */
  distDir: string;
  /** Where dist/ will be served from, with a trailing slash, e.g. "https://localhost:3000/". */
  baseUrl: string;
  /** The base URL written in the sources (manifest.xml), with a trailing slash. */
  devBaseUrl: string;
  minify: boolean;
  /**
   * The add-in's version (package.json of the sources built), put into every bundle as the
   * string `__COOP_VERSION__` (esbuild `define`); the Excel pane asks for its on-demand
   * xlsx-reader.js with it, so a browser never pairs a cached old reader with a new pane.
   */
  version: string;
}

export interface BundleEntry {
  /**
   * Source module(s), relative to addin/. Several modules are bundled into one file in the
   * given order (one shared scope, so a module they share, like the engine, exists once).
   */
  entry: string | string[];
  /** Output file relative to dist/, e.g. "taskpane.js". */
  out: string;
  /** "iife" (default): a classic script, which also loads from file:// (WPS offline). */
  format?: 'iife' | 'esm';
  /** esbuild targets; default es2017, since WPS's embedded Chromium may be old. */
  target?: string[];
}

export interface StaticFile {
  /** Path relative to dist/. */
  to: string;
  /** A file to copy, relative to addin/ … */
  from?: string;
  /** … or generated contents. */
  contents?: string | Uint8Array;
}

export interface BuildTarget {
  /** Short name, used by `npm run build -- --target <name>` and in messages. */
  name: string;
  bundles(ctx: BuildContext): BundleEntry[];
  files?(ctx: BuildContext): StaticFile[] | Promise<StaticFile[]>;
  /** Checks run once everything is written (e.g. the manifest against dist/); throw to fail. */
  verify?(ctx: BuildContext): void | Promise<void>;
}

/** A build failure with a message meant for the person running the build. */
export class BuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildError';
  }
}

/** Normalises a base URL to end with exactly one slash. */
export function normaliseBaseUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new BuildError(`--base-url 必须是 http(s) 地址 / must be an http(s) URL: ${url}`);
  }
  return parsed.href.replace(/\/*$/, '/');
}

/** The development base URL every source file uses; a deploy rewrites it (--base-url). */
export const DEV_BASE_URL = 'https://localhost:3000/';
