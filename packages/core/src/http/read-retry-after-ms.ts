/**
 * The wait a `Retry-After` header asks for, in milliseconds: delta seconds (`120`, fractions rounded
 * up) or an HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`, a date in the past meaning no wait).
 *
 * @remarks
 * RFC 9110 §10.2.3. A negative, empty or unreadable value is `undefined`, so the caller falls back
 * to its own backoff; capping the wait is the caller's decision.
 *
 * @param value - the header value, or `undefined` when absent
 * @param nowMs - the current time (epoch milliseconds), for a date value
 * @returns the wait, at least 0, or `undefined`
 * @example
 * ```ts
 * import { readRetryAfterMs } from '@civico/core/internal';
 * readRetryAfterMs('2', Date.now()); // 2000
 * readRetryAfterMs('soon', Date.now()); // undefined
 * ```
 * @group Clients
 */
export function readRetryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
