import { z } from 'zod';
import { PAGOPA_HOSTS, type PagoPaEnvironment } from './environment.js';
import { isHttpsOrLoopbackUrl } from './is-https-or-loopback-url.js';

// Subscription keys are 32 hex characters; the cap keeps a pasted file out of headers and bounds
// the work of redacting the key from server texts.
const API_KEY_MAX_LENGTH = 256;

function isAllowedBaseUrl(value: string): boolean {
  if (!isHttpsOrLoopbackUrl(value)) return false;
  const url = new URL(value);
  return url.search === '' && url.hash === '';
}

/**
 * The zod fields every platform client validates: target, key, timeout and retry settings. A
 * client's own schema spreads them (`z.object({ ...PLATFORM_OPTION_FIELDS, mine })`) and adds
 * {@link checkPlatformTarget} with `superRefine`.
 * @internal
 */
export const PLATFORM_OPTION_FIELDS = {
  /** Named environment (exclusive with `baseUrl`). */
  environment: z.enum(['uat', 'prod']).optional(),
  /** Host of a compatible server: https, or http only on loopback; no credentials, query or fragment. */
  baseUrl: z
    .string()
    .refine(isAllowedBaseUrl, {
      message: 'must be an https URL (http only on loopback) without credentials, query or fragment',
    })
    .optional(),
  /** Subscription key (`Ocp-Apim-Subscription-Key`). */
  apiKey: z
    .string()
    .max(API_KEY_MAX_LENGTH, { message: `must be at most ${API_KEY_MAX_LENGTH} characters` })
    .regex(/^[\x21-\x7e]+$/, { message: 'must be a non-empty printable ASCII string' }),
  /** Timeout of each attempt, whole exchange (default 10 000 ms). */
  timeoutMs: z.number().int().positive().max(600_000).default(10_000),
  /** Retries after the first attempt (default 3). */
  maxRetries: z.number().int().min(0).max(20).default(3),
  /** First backoff delay, doubled at each retry, with jitter (default 200 ms). */
  baseDelayMs: z.number().int().min(0).max(60_000).default(200),
  /** Longest `Retry-After` waited for before giving up (default 60 000 ms). */
  maxRetryAfterMs: z.number().int().min(0).max(3_600_000).default(60_000),
} as const;

/**
 * `superRefine` check: exactly one of `environment` and `baseUrl`.
 * @param value - the parsed options
 * @param ctx - zod refinement context
 * @internal
 */
export function checkPlatformTarget(
  value: { readonly environment?: PagoPaEnvironment | undefined; readonly baseUrl?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if ((value.environment === undefined) === (value.baseUrl === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [value.environment === undefined ? 'environment' : 'baseUrl'],
      message: 'pass exactly one of environment and baseUrl',
    });
  }
}

/**
 * Host URL of a validated target, without a trailing slash.
 * @param target - validated `environment` or `baseUrl`
 * @returns the host URL
 * @internal
 */
export function hostOf(target: {
  readonly environment?: PagoPaEnvironment | undefined;
  readonly baseUrl?: string | undefined;
}): string {
  const host = target.baseUrl ?? PAGOPA_HOSTS[target.environment ?? 'prod'];
  return host.replace(/\/+$/, '');
}
