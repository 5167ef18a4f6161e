/**
 * Runs one entry point's property: the fixed sweep of hostile classes first, then random hostile runs; every
 * call must keep its contract, answer within its limit and (when set) not stall the event loop beyond its cap.
 */
import fc from 'fast-check';
import { FAST_CALL_LIMIT_MS, type HostileEntryPoint } from './entry-point.js';
import { FIXED_HOSTILES } from './hostile-arbitraries.js';
import { type HostileWorker, HUNG_CALL_SLACK_MS } from './hostile-pool.js';
import type { HostileSpec } from './hostile-spec.js';

/** Random runs per entry point after the fixed sweep (kept low: the three suites share a ~90 s budget). */
export const DEFAULT_NUM_RUNS = 12;
/** Time fast-check may spend on one entry point, shrinking included, in ms. */
export const ENTRY_POINT_TIME_LIMIT_MS = 10_000;

/**
 * The fast-check seed of an entry point: fixed per entry name, so the gate is reproducible and a
 * counterexample found once is found again. `CIVICO_HOSTILE_SEED=random` (or a number) explores
 * other inputs; every failure it finds is a bug to fix and then a fixed case to keep.
 */
function seedOption(name: string): { seed: number } | Record<string, never> {
  const seed = seedOf(name);
  return seed === undefined ? {} : { seed };
}

function seedOf(name: string): number | undefined {
  const env = process.env.CIVICO_HOSTILE_SEED;
  if (env === 'random') return undefined;
  if (env !== undefined && env !== '') return Number(env);
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h | 0;
}

/** Figures of one entry point's run, for the suite's printout. */
export interface EntryPointFigures {
  readonly name: string;
  readonly calls: number;
  readonly maxDurationMs: number;
  readonly maxStallMs: number;
}

/** Shortens a recipe for a failure message: big strings and byte arrays by size only. */
export function showSpec(spec: unknown): string {
  return JSON.stringify(spec, function (this: unknown, key, v: unknown) {
    const holder = this as { k?: string } | undefined;
    if (key === 'target' && (holder?.k === 'at' || holder?.k === 'getter-at')) {
      const t = v as { k?: string; v?: unknown };
      if (t.k === 'value' && typeof t.v === 'object' && t.v !== null) {
        return `<valid fixture {${Object.keys(t.v).join(',')}}>`;
      }
    }
    if (typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'Buffer') {
      return `Buffer(${((v as { data?: unknown[] }).data ?? []).length})`;
    }
    if (typeof v === 'bigint') return `${v}n`;
    if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
    if (Object.is(v, -0)) return '-0';
    if (v === undefined) return 'undefined';
    if (v instanceof Uint8Array)
      return `Uint8Array(${v.length})[${[...v.slice(0, 8)].join(',')}${v.length > 8 ? ',…' : ''}]`;
    if (typeof v === 'string' && v.length > 80) return `${v.slice(0, 40)}…(${v.length} chars)`;
    return v;
  });
}

/**
 * Checks one entry point and returns its figures; throws (fast-check's report, with the shrunk counterexample)
 * when a call breaks the contract.
 */
export async function checkEntryPoint<M>(
  worker: HostileWorker,
  e: HostileEntryPoint<M>,
  numRuns: number = DEFAULT_NUM_RUNS,
): Promise<EntryPointFigures> {
  const limitMs = e.limitMs ?? FAST_CALL_LIMIT_MS;
  let calls = 0;
  let maxDurationMs = 0;
  let maxStallMs = 0;
  const property = fc.asyncProperty(e.args(e.subject), async (args: readonly HostileSpec[]) => {
    let r = await worker.call(e.name, args, limitMs + HUNG_CALL_SLACK_MS);
    calls++;
    if (r.violation === undefined && r.durationMs > limitMs) {
      // Over the limit once may be the shared machine or a GC of the previous input: a slow call is slow twice.
      const again = await worker.call(e.name, args, limitMs + HUNG_CALL_SLACK_MS);
      calls++;
      if (again.violation !== undefined || again.durationMs < r.durationMs) r = again;
    }
    maxDurationMs = Math.max(maxDurationMs, r.durationMs);
    maxStallMs = Math.max(maxStallMs, r.stallMs);
    if (r.violation !== undefined) throw new Error(`${e.name}: ${r.violation}`);
    if (r.durationMs > limitMs) {
      throw new Error(`${e.name}: took ${r.durationMs.toFixed(0)} ms (twice over), over its ${limitMs} ms limit`);
    }
    if (e.stallCapMs !== undefined && r.stallMs > e.stallCapMs) {
      throw new Error(`${e.name}: stalled the event loop ${r.stallMs.toFixed(0)} ms, over its ${e.stallCapMs} ms cap`);
    }
  });
  const examples = [...FIXED_HOSTILES, ...(e.fixed ?? [])].map(
    (h, i) => [fc.sample(e.args(fc.constant(h)), { numRuns: 1, seed: i })[0] ?? [h]] as [readonly HostileSpec[]],
  );
  await fc.assert(property, {
    numRuns: (e.numRuns ?? numRuns) + examples.length,
    examples,
    ...seedOption(e.name),
    interruptAfterTimeLimit: ENTRY_POINT_TIME_LIMIT_MS,
    markInterruptAsFailure: false,
    reporter: (details) => {
      if (!details.failed) return;
      const shown = details.counterexample ? details.counterexample.map(showSpec).join(', ') : '(none)';
      throw new Error(
        `${e.name} failed after ${details.numRuns} runs (${details.numShrinks} shrinks)\n` +
          `counterexample args: ${shown}\n${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`,
      );
    },
  });
  return { name: e.name, calls, maxDurationMs, maxStallMs };
}

/** Entry points that cover a name the main module does not export (a stale table). */
export function staleEntries<M>(exportNames: readonly string[], entries: readonly HostileEntryPoint<M>[]): string[] {
  return entries.filter((e) => !exportNames.includes(e.covers)).map((e) => e.name);
}

/** Exports of a main module that no entry point covers and that are not excluded with a reason. */
export function uncoveredExports<M>(
  exportNames: readonly string[],
  entries: readonly HostileEntryPoint<M>[],
  excluded: Readonly<Record<string, string>>,
): string[] {
  const covered = new Set(entries.map((e) => e.covers));
  return exportNames.filter((name) => !covered.has(name) && excluded[name] === undefined).sort();
}
