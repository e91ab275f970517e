// Prints how long the shipped Wasm takes through its JavaScript face in Node, beside the same
// calls natively (`cargo bench --bench engine`, run first), and the module's size:
// `node scripts/bench-wasm.mjs` after `bash scripts/build-wasm.sh`. A benchmark, not a test;
// `--no-native` skips the native run.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as engine from '../pkg/coop_engine.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const native = {};
if (!process.argv.includes('--no-native')) {
  const out = execFileSync('cargo', ['bench', '--quiet', '--bench', 'engine'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  for (const m of out.matchAll(/^native\s+(\w+): median ([\d.]+) µs$/gm)) native[m[1]] = Number(m[2]);
}

const bytes = readFileSync(new URL('../pkg/coop_engine_bg.wasm', import.meta.url));
const started = performance.now();
// The add-in starts the module asynchronously (WebAssembly.instantiate); time that.
await engine.default({ module_or_path: bytes });
const instantiate = performance.now() - started;
const facts = JSON.parse(readFileSync(new URL('../examples/department.json', import.meta.url), 'utf8'));

function median(runs, f) {
  for (let i = 0; i < runs / 10; i++) f();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(runs / 2)] * 1000;
}

const result = engine.scoreDepartment(facts);
if (!result.ok || result.total !== 88) throw new Error(`the example did not score 88: ${JSON.stringify(result)}`);
const wasm = {
  scoreDepartment: median(5000, () => engine.scoreDepartment(facts)),
  scoreLine: median(20000, () => engine.scoreLine('C5', { internship: { local: 114, total: 200 } })),
  weightedScore: median(50000, () => engine.weightedScore(87, 91.5)),
};
const targets = { scoreDepartment: 30, scoreLine: 5, weightedScore: 0.3 };

console.log(`wasm module: ${bytes.length} bytes raw, ${gzipSync(bytes, { level: 9 }).length} bytes gzipped (zlib -9); instantiate (async, from bytes) ${instantiate.toFixed(1)} ms`);
console.log('call (RUBRIC.md §3 example)          wasm median    native median   wasm/native   target');
for (const [name, label] of [['scoreDepartment', 'scoreDepartment(facts)'], ['scoreLine', "scoreLine('C5', …)"], ['weightedScore', 'weightedScore(87, 91.5)']]) {
  const n = native[name];
  const ratio = n ? `${(wasm[name] / n).toFixed(1)}×` : '–';
  console.log(`${label.padEnd(36)} ${wasm[name].toFixed(2).padStart(9)} µs ${n === undefined ? '            –' : `${n.toFixed(2).padStart(12)} µs`} ${ratio.padStart(12)}   ≤ ${targets[name]} µs`);
}

// `--stages`: where a scoreDepartment call's time goes. Builds the module again with the
// `profile` feature (extra exports that time each stage alone; never shipped) into
// target/profile-pkg, size-optimised like the shipped one but without the wasm-opt pass.
if (process.argv.includes('--stages')) {
  const dir = `${root}target/profile-pkg`;
  execFileSync('cargo', ['build', '--quiet', '--release', '--target', 'wasm32-unknown-unknown', '--lib', '--features', 'profile', '--target-dir', `${root}target/profile`], { cwd: root, stdio: 'inherit' });
  execFileSync('wasm-bindgen', ['--target', 'web', '--out-dir', dir, '--out-name', 'coop_engine', `${root}target/profile/wasm32-unknown-unknown/release/coop_engine.wasm`], { cwd: root, stdio: 'inherit' });
  const staged = await import(`${dir}/coop_engine.js`);
  staged.initSync({ module: readFileSync(`${dir}/coop_engine_bg.wasm`) });
  const text = readFileSync(new URL('../examples/department.json', import.meta.url), 'utf8');
  // Each stage is timed once per call, less the same call doing nothing but parse the facts'
  // text (`times` = 0): short calls, so that a shared machine's time slices stay out of them.
  const stage = (f) => Math.max(0, median(5000, () => f(1)) - median(5000, () => f(0)));
  const read = median(5000, () => staged.profileRead(facts));
  const scoreOnly = stage((n) => staged.profileScore(text, n, false));
  const score = stage((n) => staged.profileScore(text, n, true));
  const write = stage((n) => staged.profileWrite(text, n));
  const whole = median(5000, () => staged.scoreDepartment(facts));
  const readJson = median(5000, () => staged.profileReadJson(facts));
  const writeJson = stage((n) => staged.profileWriteJson(text, n));
  console.log(`stages of scoreDepartment (profile build): read facts ${read.toFixed(1)} µs · score ${score.toFixed(1)} µs (of which hints ${(score - scoreOnly).toFixed(1)} µs) · write result ${write.toFixed(1)} µs · whole call ${whole.toFixed(1)} µs`);
  console.log(`the same through JSON text instead of serde-wasm-bindgen: read ${readJson.toFixed(1)} µs · write ${writeJson.toFixed(1)} µs`);
}
