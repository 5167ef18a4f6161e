import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { BenchWire, BulkBenchResult } from './bulk.bench.js';

// Usage: npm run bench -w @civico/io [-- <recipients>]   (default 100 000; the full pipeline uses a fifth)
// Each configuration runs in a fresh plain `node` process (the benchmark compiled to JavaScript,
// `@civico/io` from dist: build core and io first), so its RSS is what a user's process would use,
// without a TS loader. CIVICO_BENCH_NODE=<path to a node binary> measures another Node version.
const count = Number(process.argv[2] ?? 100_000);
const node = process.env.CIVICO_BENCH_NODE ?? process.execPath;
// Goal (issue 8): at most 0.5 ms of sender CPU per message (one core drives 60 services at IO's
// highest rate of 50 msg/s) and a peak RSS of at most 200 MB for 100 000 recipients.
const CPU_GOAL_MS = 0.5;
const RSS_GOAL_MB = 200;
interface Run {
  readonly name: string;
  readonly wire: BenchWire;
  readonly count: number;
  readonly precheck: boolean;
  readonly poll: boolean;
  readonly nodeOptions?: readonly string[];
}
// The same runs through both wire steps of @civico/core/http, side by side.
const runs: Run[] = (['node:http', 'ky'] as const).flatMap((wire): Run[] => [
  { name: `send, journal on (${wire})`, wire, count, precheck: false, poll: false },
  // Same run with V8's old space capped: proves the live set is bounded (the default heap grows lazily).
  {
    name: `same, node --max-old-space-size=96 (${wire})`,
    wire,
    count,
    precheck: false,
    poll: false,
    nodeOptions: ['--max-old-space-size=96'],
  },
  { name: `pre-check + send + poll (${wire})`, wire, count: Math.round(count / 5), precheck: true, poll: true },
]);
const pkg = fileURLToPath(new URL('..', import.meta.url));
// Inside the package, so that `@civico/io` resolves from the bundle as it does from a user's code.
const dir = join(pkg, 'node_modules', '.cache', 'civico-io-bench');
const script = join(dir, 'bulk.bench.mjs');
await build({
  entryPoints: [join(pkg, 'bench', 'bulk.bench.ts')],
  outfile: script,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'silent',
});
const results: BulkBenchResult[] = [];
for (const { nodeOptions = [], ...config } of runs) {
  const child = spawnSync(node, [...nodeOptions, script, JSON.stringify({ ...config, concurrency: 64 })], {
    cwd: pkg,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  results.push(JSON.parse(line) as BulkBenchResult);
}
rmSync(dir, { recursive: true, force: true });
const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`Node ${version}, ${count} recipients, concurrency 64`);
console.table(results);
for (const r of results) {
  const projected = Math.round(1000 / r.cpuMsPerMessage);
  console.log(
    `${r.name}: ${r.messagesPerSecond} msg/s wall, ${r.cpuMsPerMessage} CPU-ms/msg (≈ ${projected} msg/s on a free core; goal ≤ ${CPU_GOAL_MS} ms), ` +
      `sandbox ${r.sandboxCpuMsPerMessage ?? 'n/a'} CPU-ms/msg, ` +
      `RSS ${r.startRssMb} → peak ${r.peakRssMb} MB (goal ≤ ${RSS_GOAL_MB} MB)`,
  );
}
// Side by side: what the ky wire step costs over the node:http one, run by run.
for (const r of results.filter((x) => x.wire === 'node:http')) {
  const ky = results.find((x) => x.wire === 'ky' && x.name === r.name.replace('(node:http)', '(ky)'));
  if (!ky) continue;
  const ratio = (a: number, b: number): string => (a / b).toFixed(2);
  console.log(
    `${r.name.replace(' (node:http)', '')}: ky/node:http CPU ${ratio(ky.cpuMsPerMessage, r.cpuMsPerMessage)}× ` +
      `(${ky.cpuMsPerMessage} vs ${r.cpuMsPerMessage} ms/msg), peak RSS ${ratio(ky.peakRssMb, r.peakRssMb)}× ` +
      `(${ky.peakRssMb} vs ${r.peakRssMb} MB)`,
  );
}
