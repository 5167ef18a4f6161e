export { computeSessionHash, isSameSession } from '../session-hash.js';

import { readFields } from '@civico/core/internal';
import type { AuditSink, SpidAuditRecord } from '../audit/audit-sink.js';
import type { ResolvedServiceProviderConfig } from '../config/service-provider-config-schema.js';
import { SpidError } from '../errors.js';
import type { IdpRegistry } from '../registry/idp-descriptor.js';
import type { SpidStore } from '../store/spid-store.js';

/**
 * What the Service Provider's methods share: the resolved configuration, the store, the audit sink
 * (`undefined` with `audit: false`), the IdP registry.
 * @internal
 */
export interface SpContext {
  readonly config: ResolvedServiceProviderConfig;
  readonly store: SpidStore;
  readonly audit: AuditSink | undefined;
  readonly idps: IdpRegistry;
}

/** Largest XML kept in one audit record (SpidAuditRecord: capped at 1 MiB). */
const MAX_AUDIT_XML = 1024 * 1024;

/**
 * Writes one audit record; a failing sink fails the operation closed (`ERR_SPID_STORE`, reason `audit`).
 * @internal
 */
export async function writeAudit(ctx: SpContext, record: Omit<SpidAuditRecord, 'sp'>): Promise<void> {
  if (ctx.audit === undefined) return;
  const xml = record.xml.length > MAX_AUDIT_XML ? record.xml.slice(0, MAX_AUDIT_XML) : record.xml;
  try {
    await ctx.audit.write({ ...record, sp: ctx.config.entityId, xml });
  } catch (cause) {
    throw new SpidError('ERR_SPID_STORE', 'The SPID audit trail could not be written', {
      reason: 'audit',
      status: 403,
      cause,
    });
  }
}

/**
 * Runs a store call; a failure that is not already a `SpidError` becomes `ERR_SPID_STORE` (no store,
 * no login).
 * @internal
 */
export async function callStore<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (cause) {
    if (SpidError.isInstance(cause)) throw cause;
    throw new SpidError('ERR_SPID_STORE', 'The SPID store failed', { reason: 'store', status: 403, cause });
  }
}

/**
 * A `SpidError` `ERR_SPID_INVALID_INPUT` (400) for a bad call argument, naming its field.
 * @internal
 */
export function invalidInput(field: string, message: string, reason = field): SpidError {
  return new SpidError('ERR_SPID_INVALID_INPUT', message, { field, reason, status: 400 });
}

/**
 * Checks the browser session argument: a non-empty string of at most 512 characters.
 * @internal
 */
export function readSession(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 512) {
    throw invalidInput('session', 'session must be a non-empty string (the browser session ID)');
  }
  return value;
}

/**
 * A snapshot of the listed fields of a call argument, each read once: a throwing getter or Proxy
 * becomes `ERR_SPID_INVALID_INPUT` (400) naming the field, and later checks cannot be answered twice.
 * @internal
 */
export function readInput<K extends string>(value: unknown, keys: readonly K[]): { readonly [P in K]?: unknown } {
  if (typeof value !== 'object' || value === null) throw invalidInput('input', 'The argument must be an object');
  return readFields(value, keys, SpidError, 'ERR_SPID_INVALID_INPUT', { errorOptions: { status: 400 } });
}
