/**
 * Milliseconds asked by a `Retry-After` header (delta seconds or an HTTP date), else `undefined`.
 * @param value - the header value
 * @param nowMs - current time
 * @returns the wait, ≥ 0
 * @internal
 */
export function retryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Longest backoff between two attempts, before jitter. */
const MAX_BACKOFF_MS = 30_000;

/**
 * Exponential backoff with "equal jitter": half the delay fixed, half random, so concurrent
 * clients that failed together do not retry together.
 * @param attempt - 0 for the first retry
 * @param baseDelayMs - first delay
 * @param random - a number in [0, 1)
 * @returns the delay in milliseconds
 * @internal
 */
export function backoffMs(attempt: number, baseDelayMs: number, random: number): number {
  const full = Math.min(baseDelayMs * 2 ** attempt, MAX_BACKOFF_MS);
  return Math.round(full / 2 + (full / 2) * random);
}

/**
 * Waits `ms` milliseconds, rejecting early with the signal's reason when it aborts.
 * @param ms - delay
 * @param signal - cancels the wait
 * @internal
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
