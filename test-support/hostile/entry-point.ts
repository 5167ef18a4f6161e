/** One public entry point, as the hostile harness drives it (the same table runs in the test and in the worker). */
import fc from 'fast-check';
import type { HostileSpec } from './hostile-spec.js';

/**
 * What a call may do.
 * - `typed`: return, or throw/reject with one of the package's typed errors (a `CivicoError` with a listed code).
 * - `total`: always return (`isValidX`, `inspectX`, `XSchema.safeParse`…); any throw fails.
 * - `zod-parse`: return, or throw a `ZodError` (the exported schemas' `.parse`).
 */
export type EntryPointKind = 'typed' | 'total' | 'zod-parse';

/** Per-call limit of an entry point with no limit of its own: 250 ms in the worker (generous on a loaded 2-core machine). */
export const FAST_CALL_LIMIT_MS = 250;

/** What the worker hands each call besides its arguments. */
export interface CallContext {
  /** Values the test passed when starting the worker (server URLs, fixtures paths). */
  readonly context: Readonly<Record<string, string>>;
}

/** One entry point of a package's main export. */
export interface HostileEntryPoint<M> {
  /** Label, unique in the table: `parseIban`, `FiscalCodeSchema.parse`, `createIoClient().getProfile`. */
  readonly name: string;
  /** The export this entry point covers. */
  readonly covers: string;
  /** Arguments, built around the hostile subject. Default: the subject alone. */
  readonly args: (subject: fc.Arbitrary<HostileSpec>) => fc.Arbitrary<readonly HostileSpec[]>;
  /** The hostile subject (fixtures for the almost-valid mutations). */
  readonly subject: fc.Arbitrary<HostileSpec>;
  /** Runs in the worker: the call (an async result is awaited; an async iterable is drained). */
  readonly call: (module: M, args: unknown[], ctx: CallContext) => unknown;
  /** See {@link EntryPointKind}; default `typed`. */
  readonly kind?: EntryPointKind | undefined;
  /** Documented per-call limit; default {@link FAST_CALL_LIMIT_MS}. */
  readonly limitMs?: number | undefined;
  /** Longest event-loop stall allowed during an async call (checked only when set). */
  readonly stallCapMs?: number | undefined;
  /** Runs in the worker on a returned value: a message when the result breaks the contract. */
  readonly check?: ((result: unknown) => string | undefined) | undefined;
  /** fast-check runs after the fixed sweep (default: the suite's). */
  readonly numRuns?: number | undefined;
  /**
   * Subjects of the entry's own fixed sweep, tried on every run after the shared FIXED_HOSTILES (e.g. a typed
   * array or a throwing getter at each path of its fixtures): what random draws reach too rarely.
   */
  readonly fixed?: readonly HostileSpec[] | undefined;
}

/** Shorthand for the common entry point: one hostile subject. */
export function entry<M>(
  e: Omit<HostileEntryPoint<M>, 'args'> & Partial<Pick<HostileEntryPoint<M>, 'args'>>,
): HostileEntryPoint<M> {
  return { args: (subject) => fc.tuple(subject), ...e };
}

/** Arguments: the subject, then an optional second argument drawn from `second`. */
export function withSecond(second: fc.Arbitrary<HostileSpec>) {
  return (subject: fc.Arbitrary<HostileSpec>): fc.Arbitrary<readonly HostileSpec[]> =>
    fc.oneof(fc.tuple(subject), fc.tuple(subject, second));
}

/** A check that the result is a boolean. */
export const isBoolean = (r: unknown): string | undefined =>
  typeof r === 'boolean' ? undefined : `expected a boolean, got ${typeof r}`;
