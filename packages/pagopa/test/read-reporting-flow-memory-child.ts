// Child process of read-reporting-flow-memory.test.ts, run with --max-old-space-size=64 --expose-gc: reads
// a generated flow of N lines (never held whole) and prints one JSON line with the live heap after a full
// GC at 10% of the lines and at the end, the RSS seen along the way and the peak RSS of the process.
import { readReportingFlow } from '../src/fdr/read/read-reporting-flow.js';
import { generateFlowJson, generateFlowXml } from './reporting-flow-fixtures.js';

const format = process.argv[2] === 'xml' ? 'xml' : 'json';
const n = Number(process.argv[3] ?? 100_000);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

const started = performance.now();
const source = format === 'xml' ? generateFlowXml(n) : generateFlowJson(n);
const flow = await readReportingFlow(source);
gc();
const rssAtHeader = process.memoryUsage().rss;
let lines = 0;
let cents = 0;
let heapEarly = 0;
let rssEarly = 0;
let rssMax = 0;
for await (const line of flow.payments) {
  lines += 1;
  cents += line.amountCents;
  if (lines % 5000 === 0) rssMax = Math.max(rssMax, process.memoryUsage().rss);
  if (lines === Math.floor(n / 10)) {
    gc();
    heapEarly = process.memoryUsage().heapUsed;
    rssEarly = process.memoryUsage().rss;
  }
}
const elapsedMs = Math.round(performance.now() - started);
gc();
const heapEnd = process.memoryUsage().heapUsed;
process.stdout.write(
  `${JSON.stringify({
    format,
    lines,
    cents,
    declaredCents: flow.header.totalAmountCents,
    elapsedMs,
    heapEarlyMb: mb(heapEarly),
    heapEndMb: mb(heapEnd),
    rssAtHeaderMb: mb(rssAtHeader),
    rssEarlyMb: mb(rssEarly),
    rssMaxMb: mb(rssMax),
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
  })}\n`,
);
