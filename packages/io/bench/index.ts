import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BulkBenchResult } from './bulk.bench.js';

// Usage: npm run bench -w @civico/io [-- <recipients>]   (default 100 000; the full pipeline uses a fifth)
// Each configuration runs in a fresh process, so its RSS is its own.
const count = Number(process.argv[2] ?? 100_000);
const runs = [
  {
    name: 'send, journal on, built-in fetch',
    count: Math.round(count / 5),
    precheck: false,
    poll: false,
    keepAlive: false,
  },
  { name: 'send, journal on, keep-alive fetch', count, precheck: false, poll: false, keepAlive: true },
  {
    name: 'pre-check + send + poll, keep-alive',
    count: Math.round(count / 5),
    precheck: true,
    poll: true,
    keepAlive: true,
  },
];
const script = fileURLToPath(new URL('./bulk.bench.ts', import.meta.url));
const results: BulkBenchResult[] = [];
for (const run of runs) {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, script, JSON.stringify({ ...run, concurrency: 64 })],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  results.push(JSON.parse(line) as BulkBenchResult);
}
console.table(results);
for (const r of results) {
  const projected = Math.round(1000 / r.cpuMsPerMessage);
  console.log(
    `${r.name}: ${r.messagesPerSecond} msg/s wall, ${r.cpuMsPerMessage} CPU-ms/msg (≈ ${projected} msg/s on a free core; goal ≥ 2000), ` +
      `RSS ${r.startRssMb} → peak ${r.peakRssMb} MB (goal ≤ 200)`,
  );
}
