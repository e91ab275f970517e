/**
 * `npm run build [-- --base-url https://intranet.example.edu.cn/coop/] [--target excel] [--no-minify]`
 *
 * Builds every target in scripts/targets/*.ts into dist/. The Wasm engine is embedded in
 * each bundle (binary loader behind the `virtual:coop-engine-wasm` module), so bundles start
 * synchronously and work from file:// as well as from a web server.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { BuildError, DEV_BASE_URL, normaliseBaseUrl, type BuildContext, type BuildTarget, type BundleEntry } from './build-api.js';

const addinDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoDir = resolve(addinDir, '..');

/** The two files of the engine package every bundle needs (made by scripts/build-wasm.sh). */
export function enginePackageFiles(root = repoDir): { glue: string; wasm: string } {
  return { glue: join(root, 'pkg', 'coop_engine.js'), wasm: join(root, 'pkg', 'coop_engine_bg.wasm') };
}

function checkEnginePackage(root: string): void {
  const missing = Object.values(enginePackageFiles(root)).filter((f) => !existsSync(f));
  if (missing.length > 0) {
    throw new BuildError(
      `引擎尚未构建，缺少 ${missing.map((f) => relative(root, f)).join('、')}：请先在仓库根目录运行 bash scripts/build-wasm.sh\n` +
        `The engine is not built (missing ${missing.map((f) => relative(root, f)).join(', ')}): run bash scripts/build-wasm.sh at the repository root first.`,
    );
  }
}

/** Resolves the virtual module to the real .wasm bytes (esbuild's binary loader). */
function wasmBytesPlugin(root: string): esbuild.Plugin {
  return {
    name: 'coop-engine-wasm',
    setup(build) {
      build.onResolve({ filter: /^virtual:coop-engine-wasm$/ }, () => ({ path: enginePackageFiles(root).wasm }));
    },
  };
}

/**
 * Loads the target modules of scripts/targets/ (sorted by file name), or only the named
 * ones: a target is named after its file (excel.ts → "excel"), so building one target never
 * depends on another target's sources being in a buildable state.
 */
export async function loadTargets(names?: string[], dir = join(addinDir, 'scripts', 'targets')): Promise<BuildTarget[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort();
  const known = files.map((f) => f.slice(0, -3));
  const unknown = (names ?? []).filter((n) => !known.includes(n));
  if (unknown.length > 0) throw new BuildError(`未知目标 / unknown target: ${unknown.join(', ')} (known: ${known.join(', ')})`);
  const targets: BuildTarget[] = [];
  for (const file of files.filter((f) => !names || names.length === 0 || names.includes(f.slice(0, -3)))) {
    let module: { target?: BuildTarget };
    try {
      module = (await import(pathToFileURL(join(dir, file)).href)) as { target?: BuildTarget };
    } catch (error) {
      throw new BuildError(`无法加载构建目标 scripts/targets/${file} / cannot load build target scripts/targets/${file}:\n${error instanceof Error ? error.message : String(error)}`);
    }
    if (!module.target || typeof module.target.bundles !== 'function') {
      throw new BuildError(`scripts/targets/${file} 未导出 target / does not export \`target\` (a BuildTarget)`);
    }
    if (module.target.name !== file.slice(0, -3)) {
      throw new BuildError(`scripts/targets/${file} 的 target.name 应为 "${file.slice(0, -3)}" / target.name must match the file name`);
    }
    targets.push(module.target);
  }
  return targets;
}

function entryPoints(ctx: BuildContext, target: BuildTarget, bundle: BundleEntry): string[] {
  const entries = Array.isArray(bundle.entry) ? bundle.entry : [bundle.entry];
  const paths = entries.map((e) => join(ctx.addinDir, e));
  const missing = entries.filter((_, i) => !existsSync(paths[i]));
  if (missing.length > 0) {
    throw new BuildError(
      `目标 ${target.name}：入口文件不存在 ${missing.join('、')}（${bundle.out} 无法构建）\n` +
        `target ${target.name}: entry file(s) missing: ${missing.join(', ')} (cannot build ${bundle.out})`,
    );
  }
  return paths;
}

async function bundle(ctx: BuildContext, target: BuildTarget, spec: BundleEntry): Promise<void> {
  const paths = entryPoints(ctx, target, spec);
  const common: esbuild.BuildOptions = {
    bundle: true,
    outfile: join(ctx.distDir, spec.out),
    format: spec.format ?? 'iife',
    platform: 'browser',
    target: spec.target ?? ['es2017'],
    charset: 'utf8',
    minify: ctx.minify,
    sourcemap: 'linked',
    loader: { '.wasm': 'binary', '.png': 'file', '.svg': 'file' },
    plugins: [wasmBytesPlugin(ctx.repoDir)],
    define: { __COOP_VERSION__: JSON.stringify(ctx.version) },
    // wasm-bindgen's async init reads import.meta.url; we only ever call initSync.
    logOverride: { 'empty-import-meta': 'silent' },
    logLevel: 'warning',
  };
  if (paths.length === 1) {
    await esbuild.build({ ...common, entryPoints: [paths[0]] });
  } else {
    // Several modules, one scope: a synthetic entry importing them in order.
    const contents = paths.map((p) => `import ${JSON.stringify('./' + relative(ctx.addinDir, p).split('\\').join('/'))};`).join('\n');
    await esbuild.build({ ...common, stdin: { contents, resolveDir: ctx.addinDir, sourcefile: `${spec.out}.entry.ts`, loader: 'ts' } });
  }
}

/** The "version" of the package.json in `dir` (the add-in's sources). */
export function packageVersion(dir: string): string {
  const path = join(dir, 'package.json');
  const version = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown }).version : undefined;
  if (typeof version !== 'string' || version === '') {
    throw new BuildError(`${path} 中没有版本号 / has no "version"`);
  }
  return version;
}

export interface BuildOptions {
  baseUrl?: string;
  /** Where the sources are (tests build a fixture tree); targets always come from this repo. */
  addinDir?: string;
  targets?: string[];
  minify?: boolean;
  distDir?: string;
  repoDir?: string;
}

/** Builds the selected targets (all by default) and returns the context used. */
export async function build(options: BuildOptions = {}): Promise<BuildContext> {
  const sources = options.addinDir ?? addinDir;
  const ctx: BuildContext = {
    addinDir: sources,
    repoDir: options.repoDir ?? resolve(sources, '..'),
    distDir: options.distDir ?? join(sources, 'dist'),
    baseUrl: normaliseBaseUrl(options.baseUrl ?? DEV_BASE_URL),
    devBaseUrl: DEV_BASE_URL,
    minify: options.minify ?? true,
    version: packageVersion(sources),
  };
  checkEnginePackage(ctx.repoDir);
  const selected = await loadTargets(options.targets);

  // A full build starts from an empty dist/ so nothing stale is ever deployed.
  if (!options.targets || options.targets.length === 0) rmSync(ctx.distDir, { recursive: true, force: true });
  mkdirSync(ctx.distDir, { recursive: true });

  const owners = new Map<string, string>();
  const claim = (path: string, owner: string) => {
    const previous = owners.get(path);
    if (previous && previous !== owner) throw new BuildError(`dist/${path}：目标 ${previous} 与 ${owner} 冲突 / written by both ${previous} and ${owner}`);
    owners.set(path, owner);
  };

  for (const target of selected) {
    for (const spec of target.bundles(ctx)) {
      claim(spec.out, target.name);
      await bundle(ctx, target, spec);
    }
    for (const file of (await target.files?.(ctx)) ?? []) {
      claim(file.to, target.name);
      const out = join(ctx.distDir, file.to);
      mkdirSync(dirname(out), { recursive: true });
      if (file.contents !== undefined) writeFileSync(out, file.contents);
      else if (file.from !== undefined) {
        const source = join(ctx.addinDir, file.from);
        if (!existsSync(source)) throw new BuildError(`目标 ${target.name}：文件不存在 ${file.from} / target ${target.name}: missing file ${file.from}`);
        copyFileSync(source, out);
      } else throw new BuildError(`目标 ${target.name}：${file.to} 既无 from 也无 contents / has neither from nor contents`);
    }
  }
  for (const target of selected) await target.verify?.(ctx);
  return ctx;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'base-url': { type: 'string' },
      target: { type: 'string', multiple: true },
      'no-minify': { type: 'boolean' },
    },
  });
  const started = Date.now();
  const ctx = await build({ baseUrl: values['base-url'], targets: values.target, minify: !values['no-minify'] });
  const files = readdirSync(ctx.distDir, { recursive: true }).length;
  console.log(`构建完成 / built: ${relative(process.cwd(), ctx.distDir) || '.'} (${files} entries, ${Date.now() - started} ms), base URL ${ctx.baseUrl}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    // esbuild has already printed its own diagnostics; ours are printed here.
    console.error(error instanceof BuildError ? `\n${error.message}\n` : error);
    process.exit(1);
  });
}
