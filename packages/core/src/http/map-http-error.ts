import { ApiCallError, redactUrl } from '../errors/api-call-error.js';
import type { Redactor } from './create-redactor.js';
import { sanitizeCause } from './sanitize-cause.js';
import type { WireResponse } from './wire.js';

// Only headers that steer the caller (rate-limit hints, request id, content type) are kept on an
// error: others may carry personal data or secrets (docs/security.md).
const KEPT_HEADERS = ['content-type', 'location', 'retry-after', 'x-rate-limit-retry-after', 'x-request-id'] as const;

/**
 * What an error of one request needs to know.
 * @internal
 */
export interface Exchange {
  readonly method: string;
  readonly url: string;
  readonly requestIdHeader: string;
  readonly redactor: Redactor;
}

function requestId(response: WireResponse, ex: Exchange): string | undefined {
  const value = response.header(ex.requestIdHeader);
  return value === null ? undefined : ex.redactor.text(value);
}

/**
 * A non-2xx answer: status, request id, the steering headers and the body, secrets removed.
 * @internal
 */
export function statusError(response: WireResponse, body: unknown, ex: Exchange): ApiCallError {
  const headers: Record<string, string> = {};
  for (const name of [...KEPT_HEADERS, ex.requestIdHeader]) {
    const value = response.header(name);
    if (value !== null) headers[name] = ex.redactor.text(value);
  }
  return new ApiCallError('ERR_CORE_HTTP_STATUS', `HTTP ${response.status} from ${ex.method} request`, {
    url: ex.url,
    status: response.status,
    requestId: requestId(response, ex),
    cause: { body: ex.redactor.json(body), headers },
  });
}

/**
 * A body over the limit, refused unread.
 * @internal
 */
export function tooLargeError(response: WireResponse, maxBytes: number, ex: Exchange): ApiCallError {
  return new ApiCallError('ERR_CORE_HTTP_BODY_TOO_LARGE', `${ex.method} response body exceeds ${maxBytes} bytes`, {
    url: ex.url,
    status: response.status,
    requestId: requestId(response, ex),
  });
}

/**
 * The wrapper's own timeout fired.
 * @internal
 */
export function timeoutError(ex: Exchange): ApiCallError {
  // The cause carries the redacted URL only (the transports' messages may hold the full one).
  const cause = new Error(`Request timed out: ${ex.method} ${redactUrl(ex.url)}`);
  return new ApiCallError('ERR_CORE_HTTP_TIMEOUT', `${ex.method} request timed out`, { url: ex.url, cause });
}

/**
 * Any other failure of the wire step, its cause copied without raw bytes and with secrets removed.
 * @internal
 */
export function networkError(error: unknown, ex: Exchange, reachedServer: boolean): ApiCallError {
  return new ApiCallError('ERR_CORE_HTTP_NETWORK', `${ex.method} request failed before a complete response`, {
    url: ex.url,
    cause: sanitizeCause(error, ex.redactor.text),
    reachedServer,
  });
}
