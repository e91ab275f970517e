// Prints how long the shipped Wasm takes through its JavaScript face in Node, and its size:
// `node scripts/bench-wasm.mjs` after `bash scripts/build-wasm.sh`. A benchmark, not a test.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import * as engine from '../pkg/coop_engine.js';

const wasmUrl = new URL('../pkg/coop_engine_bg.wasm', import.meta.url);
const bytes = readFileSync(wasmUrl);
const started = performance.now();
engine.initSync({ module: bytes });
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
  return samples[Math.floor(runs / 2)];
}

const department = median(5000, () => engine.scoreDepartment(facts));
const scalar = median(50000, () => engine.weightedScore(87, 91.5));
const line = median(20000, () => engine.scoreLine('C5', { internship: { local: 114, total: 200 } }));
const result = engine.scoreDepartment(facts);
if (!result.ok || result.total !== 88) throw new Error(`the example did not score 88: ${JSON.stringify(result)}`);

console.log(`wasm    module size: ${bytes.length} bytes raw, ${gzipSync(bytes, { level: 9 }).length} bytes gzipped`);
console.log(`wasm    initSync from bytes: ${instantiate.toFixed(1)} ms`);
console.log(`wasm    scoreDepartment (RUBRIC.md §3 example): median ${(department * 1000).toFixed(1)} µs`);
console.log(`wasm    scoreLine('C5', …): median ${(line * 1000).toFixed(1)} µs`);
console.log(`wasm    weightedScore(87, 91.5), a scalar call through the boundary: median ${(scalar * 1000).toFixed(2)} µs`);
