/**
 * Test side of the hostile harness: one worker thread per suite, with a heap cap and a wall-time cap per call.
 * A crash (out of memory, exit, uncaught exception) or a timeout is reported for the call that caused it and
 * the worker is started again for the next call (fast-check's shrinking keeps calling).
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HostileSpec } from './hostile-spec.js';
import type { CallReply, CallRequest } from './worker-host.js';

/** Old-generation heap cap of the worker, in MiB. */
export const WORKER_MAX_OLD_GENERATION_MB = 256;
/** Young-generation cap of the worker, in MiB. */
export const WORKER_MAX_YOUNG_GENERATION_MB = 64;
/** Extra wall time over an entry point's own limit before the worker is terminated as hung, in ms. */
export const HUNG_CALL_SLACK_MS = 5_000;
/** How long the worker may take to load the package from source, in ms. */
export const WORKER_START_TIMEOUT_MS = 30_000;

const BOOT = fileURLToPath(new URL('./worker-boot.mjs', import.meta.url));

/** Outcome of one call as the test sees it. */
export interface CallResult {
  /** Undefined when the call kept its contract (its own time limit is checked by the caller). */
  readonly violation: string | undefined;
  readonly durationMs: number;
  readonly stallMs: number;
}

/** Options of {@link startHostileWorker}. */
export interface HostileWorkerOptions {
  /** Absolute path of the package's worker script (`test/hostile-worker.ts`). */
  readonly script: string;
  /** Strings handed to every call (server URLs). */
  readonly context?: Readonly<Record<string, string>> | undefined;
}

/** A restartable worker running one package's entry points. */
export interface HostileWorker {
  /** The runtime export names of the package's main module, as the worker imported it. */
  exports(): Promise<readonly string[]>;
  /** Runs one call; a crash or a call over `wallMs` is a violation. */
  call(name: string, args: readonly HostileSpec[], wallMs: number): Promise<CallResult>;
  /** How many times the worker had to be started again after a crash or a hang. */
  restarts(): number;
  close(): Promise<void>;
}

interface Live {
  readonly worker: Worker;
  readonly ready: Promise<readonly string[]>;
  /** Settles the pending call (if any) when the worker dies or reports an uncaught error. */
  fail: ((why: string) => void) | undefined;
  /** An uncaught error reported while no call was pending (a stray timer or rejection of an earlier call). */
  stray: string | undefined;
  dead: boolean;
}

/** Starts the worker lazily and restarts it after every crash. */
export function startHostileWorker(options: HostileWorkerOptions): HostileWorker {
  let live: Live | undefined;
  let restarts = 0;
  let nextId = 1;

  function spawn(): Live {
    const worker = new Worker(BOOT, {
      workerData: { script: options.script, context: options.context ?? {} },
      execArgv: ['--conditions=@civico/source'],
      resourceLimits: {
        maxOldGenerationSizeMb: WORKER_MAX_OLD_GENERATION_MB,
        maxYoungGenerationSizeMb: WORKER_MAX_YOUNG_GENERATION_MB,
      },
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const state: Live = { worker, ready: Promise.resolve([]), fail: undefined, stray: undefined, dead: false };
    const ready = new Promise<readonly string[]>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('hostile worker did not start in time')),
        WORKER_START_TIMEOUT_MS,
      );
      worker.on('message', (m: { ready?: readonly string[]; uncaught?: string }) => {
        if (m.ready) {
          clearTimeout(timer);
          resolve(m.ready);
        }
        if (m.uncaught) {
          if (state.fail) state.fail(m.uncaught);
          else state.stray ??= m.uncaught;
        }
      });
      const die = (why: string) => {
        clearTimeout(timer);
        state.dead = true;
        reject(new Error(`hostile worker failed to start: ${why}`));
        state.fail?.(why);
      };
      worker.on('error', (e: Error & { code?: string }) => die(`worker crashed: ${e.code ?? e.name}: ${e.message}`));
      worker.on('exit', (code) => die(`worker exited with code ${code}`));
    });
    ready.catch(() => undefined);
    return Object.assign(state, { ready });
  }

  async function get(): Promise<Live> {
    if (live && !live.dead) return live;
    if (live) restarts++;
    live = spawn();
    await live.ready;
    return live;
  }

  async function kill(l: Live): Promise<void> {
    l.dead = true;
    l.fail = undefined;
    await l.worker.terminate();
  }

  return {
    exports: async () => (await get()).ready,
    restarts: () => restarts,
    async call(name, args, wallMs) {
      const l = await get();
      if (l.stray !== undefined) {
        const why = `after an earlier call: ${l.stray}`;
        await kill(l);
        return { violation: why, durationMs: 0, stallMs: 0 };
      }
      const id = nextId++;
      const start = performance.now();
      const result = await new Promise<CallResult>((resolve) => {
        const elapsed = () => performance.now() - start;
        const finish = (r: CallResult) => {
          clearTimeout(timer);
          l.worker.off('message', onMessage);
          resolve(r);
        };
        const onMessage = (m: CallReply) => {
          if (m.id === id) finish(m);
        };
        const timer = setTimeout(() => {
          finish({ violation: `no answer within ${wallMs} ms (hung)`, durationMs: elapsed(), stallMs: 0 });
        }, wallMs);
        l.fail = (why) => finish({ violation: why, durationMs: elapsed(), stallMs: 0 });
        l.worker.on('message', onMessage);
        const request: CallRequest = { id, name, args };
        l.worker.postMessage(request);
      });
      l.fail = undefined;
      // Any failure that is not the call's own verdict leaves the worker in an unknown state: start afresh.
      if (result.violation !== undefined && !('id' in result)) await kill(l);
      return { violation: result.violation, durationMs: result.durationMs, stallMs: result.stallMs };
    },
    async close() {
      if (live && !live.dead) await kill(live);
    },
  };
}
