/**
 * Prints the round trips of every action at 1 and at 50 departments: `context.sync()` calls
 * in Excel and calls into ET in WPS, on the fake hosts with the real engine (build the engine
 * first: `bash scripts/build-wasm.sh`). A benchmark that prints, not a test: the targets are
 * asserted by test/round-trips.test.ts over the same scenario (test/support/call-bench.ts).
 *
 * Usage (in addin/): npx tsx scripts/bench-calls.ts [N …]   (default: 1 50)
 */
import { excelSyncs, table, wpsCalls, type BenchCounts } from '../test/support/call-bench.js';

const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
const counts = sizes.length > 0 ? sizes : [1, 50];
const label = (n: number) => `${n} dept${n === 1 ? '' : 's'}`;

const excel: Array<[string, BenchCounts]> = [];
const wps: Array<[string, BenchCounts]> = [];
for (const n of counts) {
  excel.push([label(n), await excelSyncs(n)]);
  wps.push([label(n), await wpsCalls(n)]);
}
console.log(table('Excel: context.sync() per action', excel));
console.log();
console.log(table('WPS: calls into ET per action', wps));
