/**
 * The layers of the add-in import in one direction only: the flow builds on the template
 * (its layout, tags, names and record), never the other way round, so neither can reach the
 * other half-initialised through an import circle.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = (d: string) => fileURLToPath(new URL(`../src/${d}/`, import.meta.url));

function imports(folder: string): Array<[string, string]> {
  return readdirSync(dir(folder))
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...readFileSync(dir(folder) + f, 'utf8').matchAll(/\bfrom '([^']+)'/g)].map((m): [string, string] => [f, m[1]]));
}

test('the template imports nothing of the flow (flow → template only)', () => {
  const upward = imports('template').filter(([, target]) => target.includes('/flow/'));
  assert.deepEqual(upward, []);
  assert.ok(imports('flow').some(([, target]) => target.startsWith('../template/')), 'the flow does build on the template');
});
