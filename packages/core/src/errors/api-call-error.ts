import { CivicoError, type CivicoErrorOptions } from './civico-error.js';

const MARKER = Symbol.for('civico.error.api-call');

/**
 * Every code an {@link ApiCallError} can carry. Documented in `docs/errors.md#core`.
 * @group Errors
 */
export const API_CALL_ERROR_CODES = [
  'ERR_CORE_HTTP_BODY_TOO_LARGE',
  'ERR_CORE_HTTP_NETWORK',
  'ERR_CORE_HTTP_STATUS',
  'ERR_CORE_HTTP_TIMEOUT',
] as const;

/**
 * A code carried by {@link ApiCallError}.
 * @group Errors
 */
export type ApiCallErrorCode = (typeof API_CALL_ERROR_CODES)[number];

/** Construction details of an {@link ApiCallError}. */
export interface ApiCallErrorOptions extends CivicoErrorOptions {
  /** Redacted request URL (no query, fragment, credentials; fiscal codes replaced). */
  readonly url: string;
  /** HTTP status, `undefined` when no response arrived. */
  readonly status?: number | undefined;
  /** Value of the upstream request id header, if any. */
  readonly requestId?: string | undefined;
  /** Whether the request reached the server (a response, or a failure after the body was sent). */
  readonly reachedServer?: boolean | undefined;
}

const FISCAL_CODE_SEGMENT =
  /^[A-Za-z]{6}[0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{3}[A-Za-z]$/;

// Longer "URLs" are not parsed at all (a constant-time answer for hostile input): browsers and
// servers cap request lines near this size, and no national-platform URL comes close.
const MAX_URL_LENGTH = 8192;

/**
 * Removes query, fragment and credentials from a URL and replaces fiscal-code-shaped path
 * segments with `:redacted`, so the URL can be logged.
 *
 * @param url - any URL string
 * @returns the redacted URL, or `'<invalid url>'` when it cannot be parsed, is not a string (or
 *   `URL`), or is longer than 8192 characters
 * @example
 * ```ts
 * import { redactUrl } from '@civico/core/internal';
 * redactUrl('https://u:p@api.example/profiles/RSSMRA85T10A562S?x=1'); // 'https://api.example/profiles/:redacted'
 * ```
 * @group Errors
 */
export function redactUrl(url: string): string {
  try {
    const href: unknown = (url as unknown) instanceof URL ? (url as unknown as URL).href : url;
    if (typeof href !== 'string' || href.length > MAX_URL_LENGTH) return '<invalid url>';
    const u = new URL(href);
    const path = u.pathname
      .split('/')
      .map((s) => (FISCAL_CODE_SEGMENT.test(decodeURIComponent(s)) ? ':redacted' : s))
      .join('/');
    return `${u.protocol}//${u.host}${path}`;
  } catch {
    return '<invalid url>';
  }
}

/**
 * An HTTP call to a national platform failed: no response, a timeout, a non-2xx status, or a
 * response body over the size limit.
 *
 * @remarks
 * `isRetryable` is true for timeouts, network failures, 408, 409, 429 and 5xx. Whether a retry is
 * *safe* is a separate question: a failed `POST` that `reachedServer` may have taken effect.
 * The `url` is redacted; bodies and headers are never kept, except the request id.
 *
 * @example By code
 * ```ts
 * import { ApiCallError } from '@civico/core';
 * function describe(err: unknown): string {
 *   if (ApiCallError.isInstance(err) && err.code === 'ERR_CORE_HTTP_TIMEOUT') return 'timed out';
 *   return 'other';
 * }
 * ```
 * @example By class
 * ```ts
 * import { ApiCallError } from '@civico/core';
 * function shouldRetry(err: unknown): boolean {
 *   return ApiCallError.isInstance(err) && err.isRetryable;
 * }
 * ```
 * @group Errors
 */
export class ApiCallError extends CivicoError<ApiCallErrorCode> {
  /** @internal */
  protected readonly [MARKER] = true;
  /** Redacted request URL. */
  readonly url: string;
  /** HTTP status, `undefined` without a response. */
  readonly status: number | undefined;
  /** Upstream request id, when the server sent one. */
  readonly requestId: string | undefined;
  /** True for timeouts, network failures, 408, 409, 429 and 5xx (never for a body over the limit). */
  readonly isRetryable: boolean;
  /** False only when the request certainly did not reach the server. */
  readonly reachedServer: boolean;

  /**
   * @param code - the stable error code
   * @param message - message without personal data
   * @param options - url, status, request id, cause
   */
  constructor(code: ApiCallErrorCode, message: string, options: ApiCallErrorOptions) {
    super(code, message, options);
    this.url = redactUrl(options.url);
    this.status = options.status;
    this.requestId = options.requestId;
    this.reachedServer = options.reachedServer ?? true;
    // A body over the limit would be as large again: not retryable.
    this.isRetryable =
      code === 'ERR_CORE_HTTP_NETWORK' ||
      code === 'ERR_CORE_HTTP_TIMEOUT' ||
      (code === 'ERR_CORE_HTTP_STATUS' &&
        options.status !== undefined &&
        ([408, 409, 429].includes(options.status) || options.status >= 500));
  }

  /**
   * Tells whether a value is an {@link ApiCallError}, across installed copies.
   * @param value - anything caught
   */
  static override isInstance(value: unknown): value is ApiCallError {
    return CivicoError.hasMarker(value, MARKER);
  }
}
