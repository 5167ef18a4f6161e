import type { GpdSandboxService } from './routes.js';

/**
 * One request seen by the sandbox.
 * @group Sandbox
 */
export interface GpdSandboxLedgerEntry {
  /** Arrival order, from 1. */
  readonly seq: number;
  /** Arrival date-time (sandbox clock, ISO). */
  readonly at: string;
  /** HTTP method. */
  readonly method: string;
  /** Path and query as received (fiscal codes included: a local test tool; never printed). */
  readonly path: string;
  /** The service, `sandbox` for control routes, `page` for browser pages, `unknown` otherwise. */
  readonly service: GpdSandboxService | 'sandbox' | 'page' | 'unknown';
  /** The spec's `operationId` (or the control route's name), `unknown` when no route matched. */
  readonly operation: string;
  /** The status answered, or `dropped` when the connection ended without an answer. */
  readonly status: number | 'dropped';
  /** The injected fault, if any. */
  readonly fault?: 'latency' | '5xx' | '429' | 'drop' | undefined;
  /** The position concerned, if any. */
  readonly iupd?: string | undefined;
}

/**
 * Most ledger entries kept (the oldest are dropped beyond it).
 * @group Sandbox
 */
export const GPD_SANDBOX_MAX_LEDGER_ENTRIES = 100_000;

/** A bounded, append-only list of ledger entries. @internal */
export interface SandboxLedger {
  /** Next sequence number. */
  next(): number;
  /** Appends an entry. */
  add(entry: GpdSandboxLedgerEntry): void;
  /** The entries kept, in completion order. */
  entries(): readonly GpdSandboxLedgerEntry[];
}

/**
 * Creates a bounded ledger.
 * @param max - most entries kept
 * @returns the ledger
 * @internal
 */
export function createSandboxLedger(max: number = GPD_SANDBOX_MAX_LEDGER_ENTRIES): SandboxLedger {
  let seq = 0;
  let list: GpdSandboxLedgerEntry[] = [];
  return {
    next: () => ++seq,
    add(entry) {
      list.push(entry);
      if (list.length > max * 1.1) list = list.slice(list.length - max);
    },
    entries: () => (list.length > max ? list.slice(list.length - max) : list.slice()),
  };
}
