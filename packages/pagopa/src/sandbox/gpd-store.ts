import { parseOptions, plainObject, readFields } from '@civico/core/internal';
import { z } from 'zod';
import { PagoPaError } from '../errors.js';
import type { DebtPositionStatus } from '../gpd/lifecycle.js';
import type {
  GpdStore,
  GpdStoreConflict,
  SandboxMarkResult,
  SandboxPaymentOption,
  SandboxPosition,
  SandboxTransfer,
} from './gpd-store-types.js';

export type {
  GpdStore,
  GpdStoreConflict,
  SandboxMarkResult,
  SandboxMetadata,
  SandboxOptionMatch,
  SandboxPaymentOption,
  SandboxPaymentRecord,
  SandboxPosition,
  SandboxReportRecord,
  SandboxStamp,
  SandboxTransfer,
} from './gpd-store-types.js';

/**
 * Default of `maxPositions`: how many positions the sandbox holds before refusing new ones.
 * @group Sandbox
 */
export const GPD_SANDBOX_MAX_POSITIONS = 100_000;

/**
 * Options of {@link createGpdStore}.
 * @group Sandbox
 */
export interface GpdStoreOptions {
  /** Maximum number of positions (default {@link GPD_SANDBOX_MAX_POSITIONS}). */
  readonly maxPositions?: number | undefined;
  /** Clock for time-driven statuses and change dates (default the system clock). */
  readonly now?: (() => Date) | undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const GpdStoreOptionsSchema = plainObject(
  z.strictObject({
    maxPositions: z.number().int().min(1).max(10_000_000).optional(),
    now: z.custom<() => Date>((v) => typeof v === 'function', { message: 'must be a function' }).optional(),
  }),
);

const key = (org: string, id: string): string => `${org}\u0000${id}`;
/** Lookups by a value that is not a string find nothing (a plain answer, never a TypeError). */
const ids = (...values: readonly unknown[]): boolean => values.every((v) => typeof v === 'string');
const TERMINAL: ReadonlySet<DebtPositionStatus> = new Set(['INVALID', 'EXPIRED']);

function clone(p: SandboxPosition): SandboxPosition {
  return structuredClone(p);
}

/**
 * Creates the in-memory store of the GPD sandbox.
 *
 * @param options - size bound and clock
 * @returns an empty store
 * @example
 * ```ts
 * import { createGpdStore } from '@civico/pagopa/sandbox';
 * const store = createGpdStore({ maxPositions: 10 });
 * console.log(store.size()); // 0
 * ```
 * @group Sandbox
 */
export function createGpdStore(options: GpdStoreOptions = {}): GpdStore {
  const o = parseOptions(GpdStoreOptionsSchema, options, PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG');
  const maxPositions = o.maxPositions ?? GPD_SANDBOX_MAX_POSITIONS;
  const now = o.now ?? (() => new Date());
  const positions = new Map<string, Mutable<SandboxPosition>>();
  const byIuv = new Map<string, string>();
  const byNav = new Map<string, string>();
  const terminal = new Set<string>();

  const stamp = (): string => now().toISOString();

  // Time-driven transitions, applied on every read.
  function refresh(p: Mutable<SandboxPosition>): void {
    const t = now().getTime();
    if (p.status === 'PUBLISHED' && (p.validityDate === undefined || Date.parse(p.validityDate) <= t)) {
      p.status = 'VALID';
      p.lastUpdatedDate = p.validityDate === undefined ? stamp() : new Date(Date.parse(p.validityDate)).toISOString();
    }
    if (p.status === 'VALID' && p.switchToExpired && p.paymentOption.length > 0) {
      const lastDue = Math.max(...p.paymentOption.map((o) => Date.parse(o.dueDate)));
      if (Number.isFinite(lastDue) && t > lastDue) {
        p.status = 'EXPIRED';
        p.lastUpdatedDate = stamp();
        terminal.add(key(p.organizationFiscalCode, p.iupd));
      }
    }
  }

  const live = (k: string): Mutable<SandboxPosition> | undefined => {
    const p = positions.get(k);
    if (p) refresh(p);
    return p;
  };

  function conflictOf(position: SandboxPosition, replacing = false): GpdStoreConflict | undefined {
    const own = key(position.organizationFiscalCode, position.iupd);
    if (!replacing) {
      if (positions.has(own)) return terminal.has(own) ? 'terminal-iupd' : 'iupd';
      if (terminal.has(own)) return 'terminal-iupd';
      if (positions.size >= maxPositions || terminal.size >= maxPositions) return 'full';
    }
    const iuvs = new Set<string>();
    const navs = new Set<string>();
    for (const o of position.paymentOption) {
      const iuvKey = key(position.organizationFiscalCode, o.iuv);
      const navKey = key(position.organizationFiscalCode, o.nav);
      const iuvOwner = byIuv.get(iuvKey);
      if (iuvs.has(iuvKey) || (iuvOwner !== undefined && iuvOwner !== own)) return 'iuv';
      const navOwner = byNav.get(navKey);
      if (navs.has(navKey) || (navOwner !== undefined && navOwner !== own)) return 'nav';
      iuvs.add(iuvKey);
      navs.add(navKey);
    }
    return undefined;
  }

  function index(p: SandboxPosition, add: boolean): void {
    const own = key(p.organizationFiscalCode, p.iupd);
    for (const o of p.paymentOption) {
      if (add) {
        byIuv.set(key(p.organizationFiscalCode, o.iuv), own);
        byNav.set(key(p.organizationFiscalCode, o.nav), own);
      } else {
        byIuv.delete(key(p.organizationFiscalCode, o.iuv));
        byNav.delete(key(p.organizationFiscalCode, o.nav));
      }
    }
  }

  function findOption(
    org: string,
    ref: { readonly iuv?: string | undefined; readonly nav?: string | undefined },
  ): { position: Mutable<SandboxPosition>; optionIndex: number } | undefined {
    ref = readFields(ref, ['iuv', 'nav'], PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG', { path: 'ref' }) as typeof ref;
    if (!ids(org) || (ref.iuv !== undefined && !ids(ref.iuv)) || (ref.nav !== undefined && !ids(ref.nav))) {
      return undefined;
    }
    const owner =
      ref.iuv !== undefined
        ? byIuv.get(key(org, ref.iuv))
        : ref.nav !== undefined
          ? byNav.get(key(org, ref.nav))
          : undefined;
    if (owner === undefined) return undefined;
    const position = live(owner);
    if (!position) return undefined;
    const optionIndex = position.paymentOption.findIndex((o) =>
      ref.iuv !== undefined ? o.iuv === ref.iuv : o.nav === ref.nav,
    );
    return optionIndex < 0 ? undefined : { position, optionIndex };
  }

  const result = (p: SandboxPosition, i: number): SandboxMarkResult => {
    const position = clone(p);
    return { ok: true, position, option: position.paymentOption[i] as SandboxPaymentOption };
  };

  return {
    maxPositions,
    get(org, iupd) {
      if (!ids(org, iupd)) return undefined;
      const p = live(key(org, iupd));
      return p ? clone(p) : undefined;
    },
    list(org) {
      const out: SandboxPosition[] = [];
      if (org !== undefined && !ids(org)) return out;
      for (const p of positions.values()) {
        if (org !== undefined && p.organizationFiscalCode !== org) continue;
        refresh(p);
        out.push(clone(p));
      }
      return out;
    },
    scan(visit, org) {
      for (const p of positions.values()) {
        if (org !== undefined && p.organizationFiscalCode !== org) continue;
        refresh(p);
        visit(p);
      }
    },
    findOption(org, ref) {
      const found = findOption(org, ref);
      if (!found) return undefined;
      const position = clone(found.position);
      return { position, option: position.paymentOption[found.optionIndex] as SandboxPaymentOption };
    },
    conflictOf,
    insert(position) {
      const conflict = conflictOf(position, false);
      if (conflict) return conflict;
      const copy = clone(position) as Mutable<SandboxPosition>;
      positions.set(key(copy.organizationFiscalCode, copy.iupd), copy);
      index(copy, true);
      if (TERMINAL.has(copy.status)) terminal.add(key(copy.organizationFiscalCode, copy.iupd));
      return undefined;
    },
    replace(position) {
      const own = key(position.organizationFiscalCode, position.iupd);
      const old = positions.get(own);
      if (!old) return 'iupd';
      const conflict = conflictOf(position, true);
      if (conflict) return conflict;
      index(old, false);
      const copy = clone(position) as Mutable<SandboxPosition>;
      positions.set(own, copy);
      index(copy, true);
      return undefined;
    },
    remove(org, iupd) {
      if (!ids(org, iupd)) return false;
      const own = key(org, iupd);
      const old = positions.get(own);
      if (!old) return false;
      index(old, false);
      positions.delete(own);
      return true;
    },
    setStatus(org, iupd, status) {
      if (!ids(org, iupd)) return undefined;
      const p = live(key(org, iupd));
      if (!p) return undefined;
      const at = stamp();
      if (p.status === 'DRAFT' && (status === 'PUBLISHED' || status === 'VALID')) p.publishDate = at;
      p.status = status;
      p.lastUpdatedDate = at;
      if (TERMINAL.has(status)) terminal.add(key(org, iupd));
      refresh(p);
      return clone(p);
    },
    markPaid(org, ref, payment) {
      const found = findOption(org, ref);
      if (!found) return { ok: false, reason: 'not-found' };
      const { position: p, optionIndex } = found;
      const option = p.paymentOption[optionIndex] as Mutable<SandboxPaymentOption>;
      if (option.status !== 'PO_UNPAID') return { ok: false, reason: 'already-paid' };
      if (p.status !== 'VALID' && p.status !== 'PARTIALLY_PAID') return { ok: false, reason: 'not-payable' };
      if (p.status === 'PARTIALLY_PAID' && !option.isPartialPayment) return { ok: false, reason: 'not-payable' };
      const at = stamp();
      option.status = 'PO_PAID';
      option.paymentDate = payment.paymentDate;
      option.idReceipt = payment.idReceipt;
      option.pspCompany = payment.pspCompany;
      option.paymentMethod = payment.paymentMethod ?? 'BBT';
      option.lastUpdatedDate = at;
      const instalments = p.paymentOption.filter((o) => o.isPartialPayment);
      const done = !option.isPartialPayment || instalments.every((o) => o.status !== 'PO_UNPAID');
      p.status = done ? 'PAID' : 'PARTIALLY_PAID';
      if (done) p.paymentDate = payment.paymentDate;
      p.lastUpdatedDate = at;
      return result(p, optionIndex);
    },
    markReported(org, iuv, report) {
      const found = findOption(org, { iuv });
      if (!found) return { ok: false, reason: 'not-found' };
      const { position: p, optionIndex } = found;
      const option = p.paymentOption[optionIndex] as Mutable<SandboxPaymentOption>;
      if (option.status === 'PO_UNPAID') return { ok: false, reason: 'not-paid' };
      const ids = report.idTransfers ?? option.transfer.map((t) => t.idTransfer);
      if (ids.some((id) => !option.transfer.some((t) => t.idTransfer === id))) {
        return { ok: false, reason: 'unknown-transfer' };
      }
      const at = stamp();
      option.transfer = option.transfer.map(
        (t): SandboxTransfer => (ids.includes(t.idTransfer) ? { ...t, status: 'T_REPORTED', lastUpdatedDate: at } : t),
      );
      option.status = option.transfer.every((t) => t.status === 'T_REPORTED') ? 'PO_REPORTED' : 'PO_PARTIALLY_REPORTED';
      option.reportingDate = report.reportingDate;
      option.idFlowReporting = report.idFlowReporting;
      option.lastUpdatedDate = at;
      const paid = p.paymentOption.filter((o) => o.status !== 'PO_UNPAID');
      if (p.status === 'PAID' && paid.every((o) => o.status === 'PO_REPORTED')) p.status = 'REPORTED';
      p.lastUpdatedDate = at;
      return result(p, optionIndex);
    },
    isTerminalIupd(org, iupd) {
      if (!ids(org, iupd)) return false;
      const p = positions.get(key(org, iupd));
      if (p) refresh(p);
      return terminal.has(key(org, iupd));
    },
    size: () => positions.size,
    clear() {
      positions.clear();
      byIuv.clear();
      byNav.clear();
      terminal.clear();
    },
  };
}
