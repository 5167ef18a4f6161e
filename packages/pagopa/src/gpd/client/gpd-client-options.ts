import { frozenArray } from '@civico/core/internal';
import { z } from 'zod';
import type { PagoPaTarget } from '../../platform/environment.js';
import { checkPlatformTarget, PLATFORM_OPTION_FIELDS } from '../../platform/platform-options.js';

const fn = <T>() => z.custom<T>((v) => typeof v === 'function', { message: 'must be a function' }).optional();

/**
 * Options of `createGpdClient`, validated at construction (`fetch` and `now` included: functions).
 * @internal
 */
export const GpdClientOptionsSchema = z
  .object({
    ...PLATFORM_OPTION_FIELDS,
    /** The creditor's fiscal code, 11 digits: every call is for this organization. */
    organizationFiscalCode: z.string().regex(/^\d{11}$/, { message: 'must be 11 digits' }),
    /** Segregation codes the key is enabled for (2 digits each); IUVs must start with one of them. */
    segregationCodes: frozenArray(z.string().regex(/^\d{2}$/, { message: 'must be 2 digits' }), {
      min: 1,
      max: 100,
    }).optional(),
    // Read and checked here with the rest: a getter that throws or a non-function is a typed config error.
    fetch: fn<typeof globalThis.fetch>(),
    now: fn<() => Date>(),
  })
  .superRefine(checkPlatformTarget);

/**
 * Options of `createGpdClient`.
 *
 * @remarks
 * Exactly one of `environment` (`uat` or `prod`) and `baseUrl` (the host of a compatible server:
 * https, or http on `localhost`/`127.0.0.1`/`[::1]` for the local sandbox), as in
 * `PagoPaTarget`; the client appends the GPD and receipts service paths.
 * @group Platform clients
 */
export type GpdClientOptions = PagoPaTarget & {
  /** Subscription key of the GPD product (`Ocp-Apim-Subscription-Key`); never logged or exposed. */
  readonly apiKey: string;
  /** The creditor's fiscal code, 11 digits; every call is for this organization. */
  readonly organizationFiscalCode: string;
  /** Segregation codes the key is enabled for; each IUV must start with one of them. */
  readonly segregationCodes?: readonly string[] | undefined;
  /** Timeout of each attempt in milliseconds, body included (default 10 000). */
  readonly timeoutMs?: number | undefined;
  /** Retries of a failed attempt when safe (default 3, at most 20). */
  readonly maxRetries?: number | undefined;
  /** First backoff delay in milliseconds, doubled at each retry, with jitter (default 200). */
  readonly baseDelayMs?: number | undefined;
  /** Longest `Retry-After` of a 429 waited for, in milliseconds (default 60 000); longer gives up. */
  readonly maxRetryAfterMs?: number | undefined;
  /** A `fetch` to send through (proxies, other runtimes); default node:http/node:https. */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Clock for the date checks of a position and `Retry-After` dates (default `() => new Date()`). */
  readonly now?: (() => Date) | undefined;
};
