/**
 * Worker side of the hostile harness: materialises each call's arguments, runs the entry point, classifies the
 * outcome (returned, typed error, anything else) and measures its duration and the longest event-loop stall.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { CallContext, HostileEntryPoint } from './entry-point.js';
import { HostileAccessError, type HostileSpec, materialize } from './hostile-spec.js';

/** A call request from the test. */
export interface CallRequest {
  readonly id: number;
  readonly name: string;
  readonly args: readonly HostileSpec[];
}

/** What the worker reports for one call. */
export interface CallReply {
  readonly id: number;
  /** Undefined when the call kept its contract. */
  readonly violation: string | undefined;
  readonly durationMs: number;
  /** Longest event-loop stall during an async call, in ms (0 for synchronous calls). */
  readonly stallMs: number;
}

/** Items drained from an async iterable result at most (a hostile input must not make it endless). */
export const MAX_DRAINED_ITEMS = 100_000;

/** A short, personal-data-free description of a thrown value. */
export function describeThrown(e: unknown): string {
  if (e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e)) {
    const err = e as Error & { code?: unknown };
    const code = err.code === undefined ? '' : ` [${String(err.code)}]`;
    const frame = (err.stack ?? '').split('\n').find((l) => l.includes('/src/')) ?? '';
    return `${err.name}${code}: ${String(err.message).slice(0, 160)}${frame ? ` (${frame.trim()})` : ''}`;
  }
  return `non-Error thrown: ${typeof e}`;
}

function isZodError(e: unknown): boolean {
  return e instanceof Error && e.name === 'ZodError' && Array.isArray((e as { issues?: unknown }).issues);
}

async function settle(result: unknown): Promise<unknown> {
  if (typeof result === 'object' && result !== null) {
    if (typeof (result as PromiseLike<unknown>).then === 'function') return await result;
    if (Symbol.asyncIterator in result) {
      let n = 0;
      for await (const _ of result as AsyncIterable<unknown>) if (++n >= MAX_DRAINED_ITEMS) break;
      return n;
    }
  }
  return result;
}

/** Options of {@link serveEntryPoints}. */
export interface ServeOptions<M> {
  /** The package's main module, imported from source. */
  readonly module: M;
  readonly entries: readonly HostileEntryPoint<M>[];
  /** True for the package's typed errors (a `CivicoError` subclass with a listed code). */
  readonly isTypedError: (e: unknown) => boolean;
}

/** Serves calls on `parentPort` until the test terminates the worker. */
export function serveEntryPoints<M>(options: ServeOptions<M>): void {
  const port = parentPort;
  if (!port) throw new Error('serveEntryPoints runs in a worker thread');
  const byName = new Map(options.entries.map((e) => [e.name, e]));
  const ctx: CallContext = { context: (workerData?.context ?? {}) as Record<string, string> };
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let current = '(between calls)';
  const crash = (kind: string) => (e: unknown) => {
    port.postMessage({ uncaught: `${kind} during ${current}: ${describeThrown(e)}` });
  };
  process.on('uncaughtException', crash('uncaught exception'));
  process.on('unhandledRejection', crash('unhandled rejection'));

  port.on('message', async (req: CallRequest) => {
    const e = byName.get(req.name);
    if (!e) {
      port.postMessage({ id: req.id, violation: `no entry ${req.name}`, durationMs: 0, stallMs: 0 });
      return;
    }
    current = req.name;
    const args = req.args.map(materialize);
    let violation: string | undefined;
    let isAsync = false;
    histogram.reset();
    const start = performance.now();
    try {
      const raw = e.call(options.module, args, ctx);
      isAsync = typeof raw === 'object' && raw !== null && ('then' in raw || Symbol.asyncIterator in raw);
      const result = await settle(raw);
      violation = e.check?.(result);
    } catch (err) {
      const kind = e.kind ?? 'typed';
      // zod passes a throwing accessor's own error through unchanged: an exported schema cannot prevent it.
      const schemaAccess = err instanceof HostileAccessError && e.covers.endsWith('Schema');
      const ok =
        (kind === 'typed' && options.isTypedError(err)) ||
        (kind === 'zod-parse' && isZodError(err)) ||
        (kind !== 'typed' && schemaAccess);
      if (!ok) {
        violation = `${kind === 'total' ? 'threw (must not throw)' : 'untyped error'}: ${describeThrown(err)}`;
      }
    }
    const durationMs = performance.now() - start;
    const stallMs = isAsync ? histogram.max / 1e6 : 0;
    // Let a stray rejection or exception of this call surface before the next one starts.
    await new Promise((resolve) => setImmediate(resolve));
    current = '(between calls)';
    const reply: CallReply = { id: req.id, violation, durationMs, stallMs };
    port.postMessage(reply);
  });
  port.postMessage({ ready: Object.keys(options.module as object) });
}
