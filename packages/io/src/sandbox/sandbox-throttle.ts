/**
 * Counters of the sandbox's gateway, to prove a client's behaviour under rate limiting and faults.
 * @group Sandbox
 */
export interface SandboxStats {
  /** API requests received (after authentication). */
  readonly requests: number;
  /** 429 answers in total. */
  readonly throttled: number;
  /** Times a throttling period started (one per exceeded window or injected 429). */
  readonly throttleEpisodes: number;
  /** 429 answers to requests that arrived while a period was already running. */
  readonly throttledWhileBlocked: number;
  /** Injected 500 answers. */
  readonly serverErrors: number;
  /** Connections dropped after a message was stored. */
  readonly droppedAfterStore: number;
}

/** Mutable counters behind {@link SandboxStats}. @internal */
export type MutableStats = { -readonly [K in keyof SandboxStats]: SandboxStats[K] };

/** Result of {@link SandboxThrottle.admit}. @internal */
export type Admission =
  | { readonly ok: true; readonly remaining?: number }
  | { readonly ok: false; readonly retryAfterSeconds: number };

/** Gateway rate limiter of the sandbox. @internal */
export interface SandboxThrottle {
  /** Counts one call and says whether it passes. */
  admit(): Admission;
  /** Starts a throttling period of `seconds` (fault injection); returns the 429 admission. */
  inject(seconds: number): Admission;
}

/**
 * Creates the gateway limiter: a fixed window shared by every key (IO's APIM policy, `docs/io.md#sources`), answering
 * 429 with `x-rate-limit-retry-after` until the window (or an injected period) ends.
 * @param options - the limit, the clock and the counters to update
 * @returns the limiter
 * @internal
 */
export function createSandboxThrottle(options: {
  readonly rateLimit: { readonly limit: number; readonly windowMs: number } | undefined;
  readonly now: () => Date;
  readonly stats: MutableStats;
}): SandboxThrottle {
  const { rateLimit, now, stats } = options;
  let windowStart = 0;
  let count = 0;
  let blockedUntil = 0;

  const refuse = (t: number): Admission => {
    stats.throttled++;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((blockedUntil - t) / 1000)) };
  };
  const startBlock = (t: number, until: number): Admission => {
    blockedUntil = until;
    stats.throttleEpisodes++;
    return refuse(t);
  };

  return {
    admit() {
      const t = now().getTime();
      if (t < blockedUntil) {
        stats.throttledWhileBlocked++;
        return refuse(t);
      }
      if (rateLimit === undefined) return { ok: true };
      if (t >= windowStart + rateLimit.windowMs) {
        windowStart = t;
        count = 0;
      }
      count++;
      if (count > rateLimit.limit) return startBlock(t, windowStart + rateLimit.windowMs);
      return { ok: true, remaining: rateLimit.limit - count };
    },
    inject(seconds) {
      const t = now().getTime();
      return startBlock(t, t + seconds * 1000);
    },
  };
}
