// Reporting flows: a generated 100k-payment flow parsed by readReportingFlow (streaming) against the
// whole-document peers (JSON.parse of the full text; an @xmldom/xmldom DOM of the XML), each task alone
// in a child process so its peak RSS (process.resourceUsage().maxRSS) is its own; then reconcile() of
// 100k lines against 100k debt positions. The child is bundled with esbuild and run by plain `node`
// (the tsx loader alone adds ~100 MB of RSS); without esbuild it falls back to tsx and says so.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { generateFlowJson, generateFlowXml } from '../test/reporting-flow-fixtures.js';

const run$ = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const COUNT = 100_000;
const RUNS = 3;

interface Sample {
  readonly task: string;
  readonly ms: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly lines: number;
  readonly cents: number;
}

/** The child as a plain-node bundle, or the tsx loader when esbuild is not installed. */
async function childCommand(dir: string): Promise<{ args: string[]; how: string }> {
  const entry = join(here, 'reconcile-child.ts');
  try {
    const { build } = (await import('esbuild')) as typeof import('esbuild');
    const outfile = join(dir, 'reconcile-child.mjs');
    await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      conditions: ['@civico/source'],
      logLevel: 'error',
      // Bundled CommonJS dependencies (saxes, xmldom) call require for Node built-ins.
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    });
    return { args: [outfile], how: 'esbuild bundle, plain node' };
  } catch {
    return { args: ['--import', 'tsx', entry], how: 'tsx loader (adds ~100 MB to every RSS figure)' };
  }
}

async function measure(args: readonly string[], task: string, file: string, count: number): Promise<Sample> {
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { stdout } = await run$(process.execPath, [...args, task, file, String(count)], { maxBuffer: 1 << 20 });
    samples.push(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Sample);
  }
  const median = (pick: (s: Sample) => number) => samples.map(pick).sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? 0;
  const first = samples[0] as Sample;
  return { ...first, ms: median((s) => s.ms), cpuMs: median((s) => s.cpuMs), maxRssMb: median((s) => s.maxRssMb) };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'civico-reconcile-bench-'));
  try {
    const json = join(dir, 'flow.json');
    const xml = join(dir, 'flow.xml');
    const small = join(dir, 'flow-10k.json');
    await writeFile(json, Readable.from(generateFlowJson(COUNT)));
    await writeFile(xml, Readable.from(generateFlowXml(COUNT)));
    await writeFile(small, Readable.from(generateFlowJson(COUNT / 10)));
    const { args, how } = await childCommand(dir);
    console.log(
      `${COUNT} payments: JSON ${mb((await stat(json)).size)}, XML ${mb((await stat(xml)).size)}; child: ${how}; median of ${RUNS} runs`,
    );

    const baseline = await measure(args, 'baseline', '', 0);
    const rows: [string, Sample][] = [
      ['node + modules loaded, no work (floor)', baseline],
      ['JSON: readReportingFlow, streamed from the file', await measure(args, 'json-stream', json, COUNT)],
      ['JSON: readFileSync + JSON.parse (whole document)', await measure(args, 'json-parse', json, COUNT)],
      ['XML: readReportingFlow, streamed from the file', await measure(args, 'xml-stream', xml, COUNT)],
      ['XML: readFileSync + @xmldom/xmldom DOMParser (whole document)', await measure(args, 'xml-dom', xml, COUNT)],
      [`JSON streamed, ${COUNT / 10} payments (flatness check)`, await measure(args, 'json-stream', small, COUNT / 10)],
      [
        'reconcile: 100k lines (generated, no parser) x 100k positions',
        await measure(args, 'reconcile-lines', '', COUNT),
      ],
      [
        'reference: plain Maps (expected, sum per IUV), no checks, no report',
        await measure(args, 'reconcile-reference', '', COUNT),
      ],
      [
        'reconcile: JSON file streamed x 100k positions (end to end)',
        await measure(args, 'reconcile-file', json, COUNT),
      ],
    ];
    console.table(
      rows.map(([name, s]) => ({
        task: name,
        lines: s.lines,
        'wall ms': Math.round(s.ms),
        'CPU ms': Math.round(s.cpuMs),
        'peak RSS MB': Math.round(s.maxRssMb),
        'RSS over floor MB': Math.round(s.maxRssMb - baseline.maxRssMb),
      })),
    );
    const by = (label: string) => rows.find(([name]) => name.startsWith(label))?.[1] as Sample;
    const pairs: [string, Sample, Sample][] = [
      ['JSON', by('JSON: readReportingFlow'), by('JSON: readFileSync')],
      ['XML', by('XML: readReportingFlow'), by('XML: readFileSync')],
    ];
    for (const [format, ours, peer] of pairs) {
      if (ours.cents !== peer.cents || ours.lines !== peer.lines)
        throw new Error(`${format}: the peers disagree on the flow`);
      const over = (s: Sample) => Math.max(1, s.maxRssMb - baseline.maxRssMb);
      console.log(
        `${format}: streaming takes ${(ours.cpuMs / peer.cpuMs).toFixed(2)}x the whole-document CPU time ` +
          `(${(ours.ms / peer.ms).toFixed(2)}x wall); peak RSS ${(peer.maxRssMb / ours.maxRssMb).toFixed(2)}x lower ` +
          `(${(over(peer) / over(ours)).toFixed(1)}x lower above the floor)`,
      );
    }
    const plain = by('reference: plain Maps');
    const rec = by('reconcile: 100k lines');
    console.log(
      `reconcile 100k x 100k: ${Math.round(rec.cpuMs)} ms CPU, peak RSS ${Math.round(rec.maxRssMb)} MB; ` +
        `${(rec.cpuMs / plain.cpuMs).toFixed(2)}x the CPU of the plain-Map reference, ` +
        `${((rec.maxRssMb - baseline.maxRssMb) / Math.max(1, plain.maxRssMb - baseline.maxRssMb)).toFixed(2)}x its RSS above the node floor`,
    );
    const tenth = by(`JSON streamed, ${COUNT / 10}`);
    console.log(
      `flatness: streaming ${COUNT / 10} -> ${COUNT} payments moves peak RSS ${Math.round(tenth.maxRssMb)} -> ` +
        `${Math.round(by('JSON: readReportingFlow').maxRssMb)} MB`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// `npx tsx bench/reconcile.bench.ts` runs it alone; bench/index.ts imports it and calls run().
if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
