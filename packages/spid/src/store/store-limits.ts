import { SpidError } from '../errors.js';

/**
 * Limits every {@link SpidStore} of this package enforces on its inputs.
 *
 * @remarks
 * Keys are short prefixed identifiers (`req:<ID>`, `assertion:<ID>`) and values are small JSON records
 * (a pending request is well under 4 KiB): the limits stop a bug or a hostile input from filling the
 * store, not legitimate use.
 *
 * @example
 * ```ts
 * import { SPID_STORE_LIMITS } from '@civico/spid';
 * const week = SPID_STORE_LIMITS.maxTtlMs; // 604 800 000
 * ```
 * @group Store
 */
export const SPID_STORE_LIMITS = Object.freeze({
  /** Longest key, in UTF-16 code units. */
  maxKeyLength: 512,
  /** Largest value, in UTF-8 bytes (64 KiB). */
  maxValueBytes: 64 * 1024,
  /** Shortest TTL, in milliseconds. */
  minTtlMs: 1,
  /** Longest TTL, in milliseconds (7 days). */
  maxTtlMs: 7 * 24 * 60 * 60 * 1000,
} as const);

function invalid(field: string, rule: string): SpidError {
  return new SpidError('ERR_SPID_INVALID_INPUT', `Invalid store ${field}: ${rule}`, {
    field,
    reason: `store.${field}`,
    status: 400,
  });
}

/** @internal Throws `ERR_SPID_INVALID_INPUT` (field `key`) unless `key` is a string of 1–512 characters. */
export function assertStoreKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.length === 0 || key.length > SPID_STORE_LIMITS.maxKeyLength) {
    throw invalid('key', `must be a string of 1 to ${SPID_STORE_LIMITS.maxKeyLength} characters`);
  }
}

/** @internal Throws `ERR_SPID_INVALID_INPUT` (field `ttlMs`) unless an integer from 1 ms to 7 days. */
export function assertStoreTtl(ttlMs: unknown): asserts ttlMs is number {
  if (
    typeof ttlMs !== 'number' ||
    !Number.isInteger(ttlMs) ||
    ttlMs < SPID_STORE_LIMITS.minTtlMs ||
    ttlMs > SPID_STORE_LIMITS.maxTtlMs
  ) {
    throw invalid('ttlMs', `must be an integer number of milliseconds from 1 to ${SPID_STORE_LIMITS.maxTtlMs}`);
  }
}

/** @internal Throws `ERR_SPID_INVALID_INPUT` (field `value`) unless a string of at most 64 KiB in UTF-8. */
export function assertStoreValue(value: unknown): asserts value is string {
  // Cheap bound first: a UTF-8 byte length is at most 3 bytes per UTF-16 code unit.
  if (
    typeof value !== 'string' ||
    (value.length * 3 > SPID_STORE_LIMITS.maxValueBytes &&
      Buffer.byteLength(value, 'utf8') > SPID_STORE_LIMITS.maxValueBytes)
  ) {
    throw invalid('value', `must be a string of at most ${SPID_STORE_LIMITS.maxValueBytes} bytes (UTF-8)`);
  }
}
