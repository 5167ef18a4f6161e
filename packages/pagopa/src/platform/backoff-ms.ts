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
