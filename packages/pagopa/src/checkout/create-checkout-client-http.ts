import { ApiCallError } from '@civico/core';
import { createHttp, type Http } from '@civico/core/internal';
import { PAGOPA_SERVICE_PATHS, type PagoPaEnvironment } from '../platform/environment.js';
import { hostOf } from '../platform/platform-options.js';

/**
 * Settings of {@link createCheckoutHttp}, already validated.
 * @internal
 */
export interface CheckoutHttpOptions {
  readonly environment?: PagoPaEnvironment | undefined;
  readonly baseUrl?: string | undefined;
  readonly apiKey: string;
  readonly timeoutMs?: number | undefined;
  readonly fetch?: typeof globalThis.fetch | undefined;
}

// Core keeps only a few steering headers on a non-2xx answer, plus the one named `requestIdHeader`;
// the cart's answer is a 302 whose `Location` is the result, so it is named there, and the
// platform's `X-Request-Id` (always kept by core) is put back as the request id below.
const LOCATION = 'location';
const REQUEST_ID = 'x-request-id';

function withPlatformRequestId(error: unknown): unknown {
  if (!ApiCallError.isInstance(error) || error.code !== 'ERR_CORE_HTTP_STATUS') return error;
  const cause = error.cause as { body?: unknown; headers?: Record<string, string> } | undefined;
  return new ApiCallError(error.code, error.message, {
    url: error.url,
    status: error.status,
    requestId: cause?.headers?.[REQUEST_ID],
    reachedServer: error.reachedServer,
    cause,
  });
}

/**
 * The transport of the Checkout EC service: core's `createHttp` on `host + /checkout/ec/v1/` with
 * the subscription key header (kept out of every error), which keeps the `Location` of a redirect
 * answer in the error's `cause.headers` (core does not follow redirects: an API key must not
 * travel to wherever a `Location` points).
 * @param options - validated target, key, timeout, fetch
 * @returns the transport
 * @internal
 */
export function createCheckoutHttp(options: CheckoutHttpOptions): Http {
  const http = createHttp({
    baseUrl: `${hostOf(options)}${PAGOPA_SERVICE_PATHS.checkout}/`,
    timeoutMs: options.timeoutMs,
    fetch: options.fetch,
    headers: { 'ocp-apim-subscription-key': options.apiKey },
    secrets: [options.apiKey],
    requestIdHeader: LOCATION,
    // A redirect or a problem body: nothing large is expected.
    maxBodyBytes: 65_536,
  });
  return {
    async request(request) {
      try {
        return await http.request(request);
      } catch (error) {
        throw withPlatformRequestId(error);
      }
    },
    async requestJson(request, schema) {
      try {
        return await http.requestJson(request, schema);
      } catch (error) {
        throw withPlatformRequestId(error);
      }
    },
  };
}
