import { z } from 'zod';
import { DEFAULT_REQUESTS_PER_SECOND, type RateLimiter } from '../rate-limit/create-rate-limiter.js';

/** IO's production endpoint, path prefix included (`host` and `basePath` of the IO Services API spec). */
export const DEFAULT_IO_BASE_URL = 'https://api.io.pagopa.it/api/v1';

// IO subscription keys are 32 hex characters; the cap keeps a pasted file or blob out of headers
// and bounds the work of redacting the key from server texts.
const IO_API_KEY_MAX_LENGTH = 256;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Options of `createIoClient` that are validated at construction.
 *
 * @remarks
 * `baseUrl` must be `https://`, except on loopback hosts (`localhost`, `127.0.0.1`, `[::1]`) where
 * the local sandbox and Prism run; it may carry no credentials, query or fragment.
 * @group Schemas
 */
export const IoClientOptionsSchema = z.object({
  /** The service's use key (`Ocp-Apim-Subscription-Key`). Never logged or exposed. */
  apiKey: z
    .string()
    .max(IO_API_KEY_MAX_LENGTH, { message: `must be at most ${IO_API_KEY_MAX_LENGTH} characters` })
    .regex(/^[\x21-\x7e]+$/, { message: 'must be a non-empty printable ASCII string' }),
  /** Base URL with the path prefix (default `https://api.io.pagopa.it/api/v1`). */
  baseUrl: z
    .string()
    .default(DEFAULT_IO_BASE_URL)
    .refine(
      (value) => {
        if (!URL.canParse(value)) return false;
        const url = new URL(value);
        if (url.username || url.password || url.search || url.hash) return false;
        return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
      },
      { message: 'must be an https URL (http only on loopback) without credentials, query or fragment' },
    ),
  /** Timeout of each attempt in milliseconds, covering the whole exchange, body included (default 10 000). */
  timeoutMs: z.number().int().positive().max(600_000).default(10_000),
  /** Pace of the client's own limiter when no `rateLimiter` is passed. */
  rateLimit: z
    .strictObject({
      /** Calls per second (default 30). */
      requestsPerSecond: z.number().positive().max(10_000).default(DEFAULT_REQUESTS_PER_SECOND),
    })
    .optional(),
  /** Automatic retries of the failures that are safe to retry. */
  retry: z
    .strictObject({
      /** Retries after the first attempt (default 3). */
      maxRetries: z.number().int().min(0).max(10).default(3),
      /** First backoff delay in milliseconds, doubled at each retry (default 500). */
      baseDelayMs: z.number().int().min(0).max(60_000).default(500),
      /** Longest `x-rate-limit-retry-after` the client waits for before giving up (default 60 000). */
      maxRetryAfterMs: z.number().int().min(0).max(3_600_000).default(60_000),
    })
    .prefault({}),
});

/**
 * Options of `createIoClient`.
 * @group Clients
 */
export interface IoClientOptions extends z.input<typeof IoClientOptionsSchema> {
  /**
   * A `fetch` to send through (tests pass a fake; proxies, other runtimes). Given, requests go
   * through ky over it; omitted, through node:http/node:https with the client's own keep-alive
   * agent, which costs a third to a quarter of the CPU per bulk message (docs/benchmarks.md#io).
   */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Clock (default `() => new Date()`). */
  readonly now?: (() => Date) | undefined;
  /** A limiter shared with other clients of the same institution; excludes `rateLimit`. */
  readonly rateLimiter?: RateLimiter | undefined;
}
