import { benchBulk } from './bulk.bench.js';

// Usage: npm run bench -w @civico/io [-- <recipients>]   (default 100 000; the full pipeline uses a fifth)
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
const results = [];
for (const run of runs) results.push(await benchBulk({ ...run, concurrency: 64 }));
console.table(results);
for (const r of results) {
  const projected = Math.round(1000 / r.cpuMsPerMessage);
  console.log(
    `${r.name}: ${r.messagesPerSecond} msg/s wall, ${r.cpuMsPerMessage} CPU-ms/msg (≈ ${projected} msg/s per free core; goal ≥ 2000), ` +
      `RSS ${r.startRssMb} → peak ${r.peakRssMb} MB (goal ≤ 200)`,
  );
}
