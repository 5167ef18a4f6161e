import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { BulkBenchResult } from './bulk.bench.js';

// Usage: npm run bench -w @civico/io [-- <recipients>]   (default 100 000; the full pipeline uses a fifth)
// Each configuration runs in a fresh plain `node` process (the benchmark compiled to JavaScript,
// `@civico/io` from dist), so its RSS is what a user's process would use, without a TS loader.
const count = Number(process.argv[2] ?? 100_000);
// Goal (issue 8): at most 0.5 ms of sender CPU per message (one core drives 60 services at IO's
// highest rate of 50 msg/s) and a peak RSS of at most 200 MB for 100 000 recipients.
const CPU_GOAL_MS = 0.5;
const RSS_GOAL_MB = 200;
const runs = [
  { name: 'send, journal on', count, precheck: false, poll: false },
  // Same run with V8's old space capped: proves the live set is bounded (the default heap grows lazily).
  {
    name: 'same, node --max-old-space-size=96',
    count,
    precheck: false,
    poll: false,
    nodeOptions: ['--max-old-space-size=96'],
  },
  { name: 'pre-check + send + poll', count: Math.round(count / 5), precheck: true, poll: true },
];
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
for (const run of runs) {
  const { nodeOptions = [], ...config } = run as typeof run & { nodeOptions?: string[] };
  const child = spawnSync(process.execPath, [...nodeOptions, script, JSON.stringify({ ...config, concurrency: 64 })], {
    cwd: pkg,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  results.push(JSON.parse(line) as BulkBenchResult);
}
rmSync(dir, { recursive: true, force: true });
console.table(results);
for (const r of results) {
  const projected = Math.round(1000 / r.cpuMsPerMessage);
  console.log(
    `${r.name}: ${r.messagesPerSecond} msg/s wall, ${r.cpuMsPerMessage} CPU-ms/msg (≈ ${projected} msg/s on a free core; goal ≤ ${CPU_GOAL_MS} ms), ` +
      `sandbox ${r.sandboxCpuMsPerMessage ?? 'n/a'} CPU-ms/msg, ` +
      `RSS ${r.startRssMb} → peak ${r.peakRssMb} MB (goal ≤ ${RSS_GOAL_MB} MB)`,
  );
}
