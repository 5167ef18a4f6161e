import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BulkRecipient, createIoClient, sendBulk } from '@civico/io';
import { syntheticFiscalCode } from '@civico/io/sandbox';

/** The two wire steps of `@civico/core/http`, measured side by side. */
export type BenchWire = 'node:http' | 'ky';

/** One measured configuration of the bulk benchmark. */
export interface BulkBenchResult {
  /** Configuration name. */
  readonly name: string;
  /** Wire step of `@civico/core/http`: `node:http` (the default) or `ky` (over the global `fetch`). */
  readonly wire: BenchWire;
  /** Recipients. */
  readonly count: number;
  /** Wall time in seconds. */
  readonly seconds: number;
  /** Messages sent per second. */
  readonly messagesPerSecond: number;
  /** RSS of the sending process when the run started, MB (runtime, loader and modules). */
  readonly startRssMb: number;
  /** Peak RSS of the sending process during the run, MB. */
  readonly peakRssMb: number;
  /** CPU time of the sending process per message, ms (independent of other load on the machine). */
  readonly cpuMsPerMessage: number;
  /** CPU time of the sandbox process per message, ms (`undefined` where `/proc` is unavailable). */
  readonly sandboxCpuMsPerMessage: number | undefined;
  /** Journal size, MB. */
  readonly journalMb: number;
}

// Linux only: utime + stime of another process in ms (the sandbox runs in its own process, and
// both share the machine's cores, so its CPU per message matters as much as the sender's).
function childCpuMs(pid: number | undefined): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/** Starts the sandbox CLI in its own process, next to wherever `@civico/io/sandbox` resolves. */
async function startSandbox(): Promise<{ url: string; child: ChildProcess }> {
  const entry = fileURLToPath(import.meta.resolve('@civico/io/sandbox'));
  // Built: dist/sandbox-cli.js; from source (tsx, @civico/source condition): src/sandbox/cli.ts.
  const args = entry.endsWith('.ts')
    ? ['--conditions=@civico/source', '--import', 'tsx', join(dirname(entry), 'cli.ts')]
    : [join(dirname(entry), 'sandbox-cli.js')];
  const child = spawn(process.execPath, [...args, '--port', '0', '--seed', 'allow-all', '--processing-delay-ms', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening: (\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', () => reject(new Error('sandbox exited')));
  });
  return { url, child };
}

function* recipients(count: number): Generator<BulkRecipient> {
  for (let i = 0; i < count; i++) yield { fiscalCode: syntheticFiscalCode(i), fields: { nome: `Cittadino ${i}` } };
}

/**
 * Sends `count` messages through the sandbox with the journal on, over one wire step of the
 * client's transport (`node:http` when no `fetch` is given, `ky` over Node's global `fetch` when
 * it is), and measures throughput, CPU per message and peak RSS.
 * @param options - wire step, recipients, concurrency, and whether to pre-check and poll
 * @returns the measurements
 */
export async function benchBulk(options: {
  readonly name: string;
  readonly wire: BenchWire;
  readonly count: number;
  readonly concurrency: number;
  readonly precheck: boolean;
  readonly poll: boolean;
}): Promise<BulkBenchResult> {
  const { url, child } = await startSandbox();
  const dir = mkdtempSync(join(tmpdir(), 'civico-io-bench-'));
  const journalPath = join(dir, 'bench.journal');
  const startRss = process.memoryUsage.rss();
  let peak = startRss;
  const cpu0 = process.cpuUsage();
  const sandboxCpu0 = childCpuMs(child.pid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  try {
    const client = createIoClient({
      apiKey: 'sandbox-key',
      baseUrl: url,
      rateLimit: { requestsPerSecond: 10_000 },
      // Passing a `fetch` selects the ky wire step; without one the client uses node:http.
      ...(options.wire === 'ky' ? { fetch: globalThis.fetch } : {}),
    });
    const started = performance.now();
    let sent = 0;
    for await (const o of sendBulk(client, recipients(options.count), {
      template: {
        subject: 'Avviso TARI 2025 disponibile',
        markdown: 'Gentile {{nome}}, è disponibile l’avviso di pagamento della TARI 2025. Puoi pagarlo in app.',
      },
      campaign: options.name,
      journalPath,
      concurrency: options.concurrency,
      precheck: options.precheck,
      poll: options.poll ? { initialDelayMs: 0, maxDelayMs: 100, maxWaitMs: 10_000 } : false,
    })) {
      if (o.messageId !== undefined) sent++;
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const sandboxCpu1 = childCpuMs(child.pid);
    return {
      name: options.name,
      wire: options.wire,
      count: options.count,
      seconds: Number(seconds.toFixed(2)),
      messagesPerSecond: Math.round(sent / seconds),
      startRssMb: Math.round(startRss / 2 ** 20),
      peakRssMb: Math.round(peak / 2 ** 20),
      cpuMsPerMessage: Number(((cpu.user + cpu.system) / 1000 / Math.max(1, sent)).toFixed(3)),
      sandboxCpuMsPerMessage:
        sandboxCpu0 === undefined || sandboxCpu1 === undefined
          ? undefined
          : Number(((sandboxCpu1 - sandboxCpu0) / Math.max(1, sent)).toFixed(3)),
      journalMb: Number((statSync(journalPath).size / 2 ** 20).toFixed(1)),
    };
  } finally {
    clearInterval(sampler);
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run directly (by bench/index.ts) with one JSON configuration: prints one JSON result line.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] !== undefined) {
  const result = await benchBulk(JSON.parse(process.argv[2]) as Parameters<typeof benchBulk>[0]);
  console.log(JSON.stringify(result));
}
