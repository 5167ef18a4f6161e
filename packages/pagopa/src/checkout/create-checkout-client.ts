import { parseOptions, plainObject, readFields } from '@civico/core/internal';
import { z } from 'zod';
import { PagoPaError } from '../errors.js';
import { createPlatformHttp } from '../platform/create-platform-http.js';
import type { PagoPaTarget } from '../platform/environment.js';
import { isHttpsOrLoopbackUrl } from '../platform/is-https-or-loopback-url.js';
import { checkPlatformTarget, PLATFORM_OPTION_FIELDS } from '../platform/platform-options.js';
import { type PlatformCallSettings, runPlatformCall } from '../platform/run-platform-call.js';
import { type CheckoutCart, checkoutCartToWire } from './checkout-cart.js';

/**
 * Options of {@link createCheckoutClient}: where to send (`environment` or a compatible host in
 * `baseUrl`), the subscription key of the Checkout EC product, and transport settings.
 * @group Platform clients
 */
export type CheckoutClientOptions = PagoPaTarget & {
  /** Subscription key (`Ocp-Apim-Subscription-Key`); never shown in errors or logs. */
  readonly apiKey: string;
  /** Timeout of each attempt, whole exchange, in milliseconds (default 10 000). */
  readonly timeoutMs?: number | undefined;
  /** Retries of a 429 or of a failure before connecting (default 3); nothing else is retried. */
  readonly maxRetries?: number | undefined;
  /** First backoff delay in milliseconds, doubled at each retry, with jitter (default 200). */
  readonly baseDelayMs?: number | undefined;
  /** Longest `Retry-After` waited for (default 60 000 ms); a longer one ends the call. */
  readonly maxRetryAfterMs?: number | undefined;
  /** A `fetch` to send through (tests, proxies); default node:http/node:https. */
  readonly fetch?: typeof globalThis.fetch | undefined;
};

/**
 * Options of one {@link CheckoutClient.createCart} call.
 * @group Platform clients
 */
export interface CreateCartOptions {
  /** Cancels the call; once the request may have been sent the error's `outcome` is `unknown`. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * A cart created on Checkout.
 * @group Platform clients
 */
export interface CreatedCart {
  /** The Checkout page to send the payer to (the answer's `Location`), absolute. */
  readonly url: string;
}

/**
 * The Checkout client returned by {@link createCheckoutClient}.
 * @group Platform clients
 */
export interface CheckoutClient {
  /**
   * Creates a cart of 1 to 5 notices and returns the Checkout URL to redirect the payer to.
   *
   * @remarks
   * The cart is checked first ({@link CheckoutCart}); nothing is sent when it breaks a rule. The
   * request is sent again only after a 429 or a failure before connecting: once it may have reached
   * Checkout it is never repeated (a second cart would be created), and the error's `outcome` is
   * `unknown`.
   * @param cart - the notices, return URLs and optional e-mail, cart id, `allCCP`
   * @param options - `signal`
   * @returns the Checkout URL
   * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_CART` (with `field` and `rule`) before sending;
   *   `ERR_PAGOPA_API_BAD_REQUEST`, `_UNAUTHORIZED`, `_RATE_LIMITED`, `_SERVER_ERROR`, `_NETWORK`;
   *   `ERR_PAGOPA_API_UNEXPECTED_RESPONSE` when the answer is not a 302 with an absolute https
   *   `Location` (`rule: 'location'`; `outcome: 'unknown'`, a cart may exist).
   */
  createCart(cart: CheckoutCart, options?: CreateCartOptions): Promise<CreatedCart>;
}

const CheckoutClientOptionsSchema = z
  .object({
    environment: PLATFORM_OPTION_FIELDS.environment,
    baseUrl: PLATFORM_OPTION_FIELDS.baseUrl,
    apiKey: PLATFORM_OPTION_FIELDS.apiKey,
    timeoutMs: PLATFORM_OPTION_FIELDS.timeoutMs,
    maxRetries: PLATFORM_OPTION_FIELDS.maxRetries,
    baseDelayMs: PLATFORM_OPTION_FIELDS.baseDelayMs,
    maxRetryAfterMs: PLATFORM_OPTION_FIELDS.maxRetryAfterMs,
    fetch: z
      .custom<typeof globalThis.fetch>((v) => typeof v === 'function', { message: 'must be a function' })
      .optional(),
  })
  .strict()
  .superRefine(checkPlatformTarget);

function unexpected(message: string, status: number, requestId: string | undefined): PagoPaError {
  // Checkout answered and may have stored the cart: the caller cannot know, so `unknown`.
  return new PagoPaError('ERR_PAGOPA_API_UNEXPECTED_RESPONSE', message, {
    outcome: 'unknown',
    status,
    requestId,
    rule: 'location',
  });
}

/**
 * Creates a client of pagoPA Checkout for creditors (carts, Checkout EC API v1).
 *
 * @remarks
 * `POST {host}/checkout/ec/v1/carts` with the subscription key; Checkout answers 302 and the
 * payment page is in `Location`. Redirects are never followed (the key must not travel with them).
 * For a single notice without a server call use {@link buildCheckoutLink}.
 * @param options - {@link CheckoutClientOptions}
 * @returns the client
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_CONFIG` with `field` when an option is invalid
 *   (both or neither of `environment` and `baseUrl`, a plain `http` URL off loopback, an empty key).
 * @example
 * ```ts
 * import { createCheckoutClient } from '@civico/pagopa';
 * const checkout = createCheckoutClient({ environment: 'uat', apiKey: 'test-only-key' });
 * const { url } = await checkout.createCart({
 *   paymentNotices: [
 *     {
 *       noticeNumber: '312345678901234545',
 *       fiscalCode: '01199250158',
 *       amountCents: 15000,
 *       companyName: 'Comune di Test',
 *       description: 'TARI 2025',
 *     },
 *   ],
 *   returnUrls: {
 *     returnOkUrl: 'https://comune.test.it/pagato',
 *     returnCancelUrl: 'https://comune.test.it/annullato',
 *     returnErrorUrl: 'https://comune.test.it/errore',
 *   },
 * });
 * // redirect the payer to `url`
 * ```
 * @group Platform clients
 */
export function createCheckoutClient(options: CheckoutClientOptions): CheckoutClient {
  const config = parseOptions(
    plainObject(CheckoutClientOptionsSchema),
    options,
    PagoPaError,
    'ERR_PAGOPA_INVALID_CONFIG',
  );
  // A redirect or a problem body: nothing large is expected. The 302's `Location` arrives in the
  // status error's `cause.headers` (core follows no redirect, so the key never travels there).
  const http = createPlatformHttp({ ...config, service: 'checkout', maxBodyBytes: 65_536 });
  const settings: PlatformCallSettings = {
    service: 'Checkout',
    maxRetries: config.maxRetries,
    baseDelayMs: config.baseDelayMs,
    maxRetryAfterMs: config.maxRetryAfterMs,
  };
  return {
    async createCart(cart, callOptions) {
      const json = checkoutCartToWire(cart);
      const { signal } = readFields(callOptions, ['signal'], PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG', {
        path: 'options',
      }) as CreateCartOptions;
      const result = await runPlatformCall(
        http,
        {
          operation: 'createCart',
          request: { method: 'POST', path: 'carts', json },
          idempotent: false,
          accept: [302],
          signal,
        },
        settings,
      );
      const requestId = result.headers.get('x-request-id') ?? undefined;
      if (result.status !== 302) {
        throw unexpected(`Checkout answered HTTP ${result.status} to createCart, not 302`, result.status, requestId);
      }
      const location = result.headers.get('location');
      if (location === null || !isHttpsOrLoopbackUrl(location)) {
        throw unexpected('Checkout answered 302 to createCart without an absolute https Location', 302, requestId);
      }
      return { url: location };
    },
  };
}
