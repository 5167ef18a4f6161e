// Measures what importing '@civico/core' (built dist) and decoding its territory data cost, each run
// in a fresh Node process so nothing is cached. Budget: <= 50 ms and <= 30 MB of heap (V8 heap +
// external memory, where typed arrays live).
// Wall time suffers on a loaded machine, so CPU time (user + system) of the process is shown too.
// Usage (from packages/core, after `npx tsup`): npx tsx bench/import-cost.ts
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 7;

// Runs in the child: dependencies first (measured apart), then the package, then first use.
const probe = `
const mb = () => { globalThis.gc(); const m = process.memoryUsage(); return (m.heapUsed + m.external) / 1048576; };
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const mark = () => [performance.now(), cpu()];
const m0 = mark();
await import('zod');
await import('ky');
const heap0 = mb();
const m1 = mark();
const core = await import('@civico/core');
const m2 = mark();
core.isValidFiscalCode('RSSMRA80A01H501U');
core.decodeFiscalCode('RSSMRA80A01H501U', { referenceDate: '2025-01-01' });
core.getForeignState('Z330');
core.findMunicipalities('Roma');
core.getMunicipalityByIstat('058091');
const m3 = mark();
const heap1 = mb();
const d = (a, b, k) => b[k] - a[k];
console.log(JSON.stringify({
  deps: [d(m0, m1, 0), d(m0, m1, 1)], load: [d(m1, m2, 0), d(m1, m2, 1)],
  data: [d(m2, m3, 0), d(m2, m3, 1)], heapMb: heap1 - heap0,
}));
`;

interface Sample {
  readonly deps: [number, number];
  readonly load: [number, number];
  readonly data: [number, number];
  readonly heapMb: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Prints median import time, first-use decode time and retained heap over fresh processes. */
export async function run(): Promise<void> {
  const samples: Sample[] = [];
  for (let k = 0; k < RUNS; k++) {
    const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', probe], {
      cwd: packageDir,
      encoding: 'utf8',
    });
    samples.push(JSON.parse(out) as Sample);
  }
  const row = (pick: (s: Sample) => [number, number]) => ({
    'wall ms': median(samples.map((s) => pick(s)[0])).toFixed(1),
    'cpu ms': median(samples.map((s) => pick(s)[1])).toFixed(1),
  });
  const own = (s: Sample): [number, number] => [s.load[0] + s.data[0], s.load[1] + s.data[1]];
  const heapMb = median(samples.map((s) => s.heapMb));
  console.table({
    'import zod + ky (peer/dependency)': row((s) => s.deps),
    'import @civico/core': row((s) => s.load),
    'first use: decode territory data, look-ups': row((s) => s.data),
    'own total (budget 50 ms)': { ...row(own), 'heap MB': heapMb.toFixed(1) },
  });
  const wall = median(samples.map((s) => own(s)[0]));
  const cpuMs = median(samples.map((s) => own(s)[1]));
  console.log(
    `import cost: wall ${wall.toFixed(1)} ms, cpu ${cpuMs.toFixed(1)} ms, heap ${heapMb.toFixed(1)} MB ` +
      `(median of ${RUNS} fresh processes): ${wall <= 50 && heapMb <= 30 ? 'within' : 'OVER'} budget`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
