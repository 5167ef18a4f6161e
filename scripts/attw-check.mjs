#!/usr/bin/env node
// Runs "Are the types wrong?" on the packed package in the current folder with the esm-only
// profile and prints one line per entry point instead of attw's table, whose ignored rows read
// "Resolution failed". Accepted findings, and why:
// - node10: a pre-exports resolver; these packages need Node >= 20.19, which reads `exports`.
// - node16-cjs (CJSResolvesToESM): CommonJS code `require()`s these ES modules natively on
//   Node >= 20.19; scripts/smoke-pack.mjs proves it on Node 20, 22 and 24.
// Anything else (a missing subpath, untyped resolution, a masquerading module) fails.
import { execFileSync } from 'node:child_process';

const ACCEPTED = new Set(['node10', 'node16-cjs']);
let out;
try {
  out = execFileSync('npx', ['attw', '--pack', '.', '--profile', 'esm-only', '--format', 'json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
} catch (err) {
  // attw exits 1 when it finds problems; the JSON is still on stdout.
  out = err.stdout;
}
const { analysis } = JSON.parse(out);
const problems = Object.values(analysis.problems ?? {}).flat();
const real = problems.filter((p) => !ACCEPTED.has(p.resolutionKind));
const entries = Object.keys(analysis.entrypoints ?? {});
for (const p of real) console.error(`✗ ${analysis.packageName} ${p.entrypoint}: ${p.kind} (${p.resolutionKind})`);
if (real.length > 0) process.exit(1);
console.log(
  `attw ${analysis.packageName}: types resolve under node16 (ESM) and bundler for ${entries.join(', ')}` +
    ' (node10 and CJS-to-ESM findings accepted: ESM-only, require(esm) on Node >= 20.19)',
);
