import { parseOptions, sleep } from '@civico/core/internal';
import { z } from 'zod';
import { IoError } from '../errors.js';
import { isAbortSignal } from './is-abort-signal.js';

/** Default pace: IO's default tier allows 150 calls per 5 s (`docs/io.md#sources`). */
export const DEFAULT_REQUESTS_PER_SECOND = 30;

/**
 * Options of {@link createRateLimiter}.
 * @group Schemas
 */
export const RateLimiterOptionsSchema = z.object({
  /** Calls per second, spread evenly (default 30). */
  requestsPerSecond: z.number().positive().max(10_000).default(DEFAULT_REQUESTS_PER_SECOND),
});

/**
 * Options of {@link createRateLimiter}.
 * @group Clients
 */
export interface RateLimiterOptions extends z.input<typeof RateLimiterOptionsSchema> {
  /** Clock (default `() => new Date()`). */
  readonly now?: (() => Date) | undefined;
}

/**
 * A pacer shared by every call of one or more IO clients.
 *
 * @remarks
 * IO counts every call of an institution's account against one budget (`docs/io.md#sources`), so one limiter
 * should serve all the services and workers of an institution: pass it to each client as
 * `rateLimiter`. A 429 pauses the limiter, so every caller waits, not only the one that was throttled.
 * @group Clients
 */
export interface RateLimiter {
  /** Calls per second this limiter allows. */
  readonly requestsPerSecond: number;
  /**
   * Resolves when the caller may start one call; rejects with the signal's reason on abort, and with
   * `ERR_IO_INVALID_CONFIG` (`field: 'signal'`) when `signal` is not an `AbortSignal`.
   * @param signal - cancels the wait
   */
  acquire(signal?: AbortSignal): Promise<void>;
  /**
   * Stops every caller for `ms` milliseconds from now (longer pauses win).
   * @param ms - pause length in milliseconds
   */
  pause(ms: number): void;
  /** The instant the current pause ends, or `undefined` when not paused. */
  pausedUntil(): Date | undefined;
}

/**
 * Creates a limiter that spaces calls evenly and honours pauses.
 *
 * @param options - pace and clock
 * @returns the limiter
 * @throws {@link IoError} `ERR_IO_INVALID_CONFIG` when `requestsPerSecond` is not a positive number.
 * @example
 * ```ts
 * import { createRateLimiter } from '@civico/io';
 * const limiter = createRateLimiter({ requestsPerSecond: 25 });
 * await limiter.acquire();
 * ```
 * @group Clients
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const config = parseOptions(RateLimiterOptionsSchema, options, IoError, 'ERR_IO_INVALID_CONFIG');
  const clock = options.now ?? (() => new Date());
  const interval = 1000 / config.requestsPerSecond;
  let nextSlot = 0;
  let pauseEnd = 0;

  async function acquire(signal?: AbortSignal): Promise<void> {
    if (signal !== undefined && !isAbortSignal(signal)) {
      throw new IoError('ERR_IO_INVALID_CONFIG', 'signal must be an AbortSignal', { field: 'signal' });
    }
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const now = clock().getTime();
      // Reserve a slot at once so concurrent callers queue up instead of waking together.
      const start = Math.max(now, nextSlot, pauseEnd);
      nextSlot = start + interval;
      if (start <= now) return;
      await sleep(start - now, signal);
      // A pause that began while we slept voids the reservation: queue again behind it.
      if (pauseEnd <= clock().getTime()) return;
    }
  }

  return {
    requestsPerSecond: config.requestsPerSecond,
    acquire,
    pause(ms) {
      if (!Number.isFinite(ms) || ms <= 0) return;
      pauseEnd = Math.max(pauseEnd, clock().getTime() + ms);
    },
    pausedUntil() {
      return pauseEnd > clock().getTime() ? new Date(pauseEnd) : undefined;
    },
  };
}
