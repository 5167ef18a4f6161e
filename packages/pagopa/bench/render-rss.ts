// Peak RSS while streaming many notices: `npx tsx bench/render-rss.ts [count] [separate|combined]`.
// Bytes are discarded as they arrive, as a server piping them to storage would. The tsx loader alone
// adds ~100 MB of RSS; the README figures come from this file bundled with esbuild and run by plain
// `node` (fixtures copied beside the bundle), as a deployed service would run the package.
import { type NoticeJob, renderNotices } from '@civico/pagopa';
import { RATES_POSTE, SINGLE } from '../test/notice-fixtures.js';

const count = Number(process.argv[2] ?? 100_000);
const mode = process.argv[3] === 'combined' ? 'combined' : 'separate';

async function* jobs(): AsyncGenerator<NoticeJob> {
  for (let i = 0; i < count; i++) {
    const base = i % 10 === 0 ? RATES_POSTE : SINGLE;
    // A different debtor on every notice, as in a real run (synthetic names).
    yield { ref: String(i), notice: { ...base, debtor: { ...base.debtor, name: `Contribuente ${i}` } } };
  }
}

let peak = 0;
let bytes = 0;
let done = 0;
const started = performance.now();
const cpu = process.cpuUsage();
// Sampled between notices: rendering resolves through microtasks, so a timer would rarely get to run.
const sample = () => {
  peak = Math.max(peak, process.memoryUsage.rss());
};

if (mode === 'separate') {
  for await (const outcome of renderNotices(jobs(), { mode })) {
    if (outcome.ok) bytes += outcome.bytes.length;
    sample();
    if (++done % 10_000 === 0)
      console.log(`${done} notices, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
  }
} else {
  for await (const chunk of renderNotices(jobs(), { mode })) {
    bytes += chunk.length;
    sample();
  }
  done = count;
}
sample();
const used = process.cpuUsage(cpu);
const seconds = (performance.now() - started) / 1000;
console.log(
  `${mode}: ${done} notices, ${(bytes / 2 ** 20).toFixed(0)} MB of PDF in ${seconds.toFixed(0)} s ` +
    `(${((used.user + used.system) / 1000 / count).toFixed(2)} ms CPU per notice), peak RSS ${(peak / 2 ** 20).toFixed(0)} MB`,
);
