import { ApiCallError } from '@civico/core';
import { maskPersonalData } from '@civico/core/internal';
import { PagoPaError, type PagoPaErrorCode, type PagoPaOutcome, type PagoPaProblem } from '../errors.js';

/**
 * What the runner knows about the call that failed.
 * @internal
 */
export interface FailureContext {
  /** Service name for messages, e.g. `GPD`. */
  readonly service: string;
  /** Operation name for messages, e.g. `createPosition`. */
  readonly operation: string;
  /** Whether the request may change something on the platform (every method but GET). */
  readonly mutates: boolean;
}

/**
 * A failed attempt as the runner sees it.
 * @internal
 */
export interface PlatformFailure {
  /** The error to throw if no retry follows. */
  readonly error: PagoPaError;
  /** `429`: retry after the server's wait; `transient`: retry if the call is idempotent; `not-sent`: always safe. */
  readonly kind: 'rate-limited' | 'transient' | 'not-sent' | 'final';
  /** `Retry-After` of a 429, raw. */
  readonly retryAfter?: string | undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? maskPersonalData(value) : undefined;
}

/**
 * The platform's `{title, status, detail}` problem body, masked, or `undefined`.
 * @param body - parsed JSON body of an error answer
 * @internal
 */
export function readProblem(body: unknown): PagoPaProblem | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const b = body as Record<string, unknown>;
  const problem = {
    title: text(b.title),
    status: typeof b.status === 'number' && Number.isInteger(b.status) ? b.status : undefined,
    detail: text(b.detail),
  };
  return Object.values(problem).some((v) => v !== undefined) ? problem : undefined;
}

// Keep only what is safe: the redacted ApiCallError and, for network failures, the socket error
// that says whether anything was sent; never a body (it may hold personal data).
function sanitize(error: ApiCallError): ApiCallError {
  return new ApiCallError(error.code, error.message, {
    url: error.url,
    status: error.status,
    requestId: error.requestId,
    reachedServer: error.reachedServer,
    cause: error.code === 'ERR_CORE_HTTP_NETWORK' && error.cause instanceof Error ? error.cause.cause : undefined,
  });
}

/**
 * The `ERR_PAGOPA_API_*` code of an HTTP error status.
 * @param status - the answer's status
 * @returns the code
 * @internal
 */
export function codeOfStatus(status: number): PagoPaErrorCode {
  if (status === 400 || status === 422) return 'ERR_PAGOPA_API_BAD_REQUEST';
  if (status === 401 || status === 403) return 'ERR_PAGOPA_API_UNAUTHORIZED';
  if (status === 404) return 'ERR_PAGOPA_API_NOT_FOUND';
  if (status === 409) return 'ERR_PAGOPA_API_CONFLICT';
  if (status === 429) return 'ERR_PAGOPA_API_RATE_LIMITED';
  if (status >= 500) return 'ERR_PAGOPA_API_SERVER_ERROR';
  if (status >= 400) return 'ERR_PAGOPA_API_BAD_REQUEST';
  return 'ERR_PAGOPA_API_UNEXPECTED_RESPONSE';
}

function statusFailure(error: ApiCallError, status: number, ctx: FailureContext): PlatformFailure {
  const cause = error.cause as { body?: unknown; headers?: Record<string, string> } | undefined;
  const code = codeOfStatus(status);
  // A 4xx (and a 3xx: redirects are not followed) means the platform acted on nothing; a 429 was
  // refused before any work; after a 5xx a write may still have been applied.
  let outcome: PagoPaOutcome = 'rejected';
  if (status === 429) outcome = 'not-sent';
  else if (status >= 500 && ctx.mutates) outcome = 'unknown';
  const pagoPaError = new PagoPaError(code, `${ctx.service} answered HTTP ${status} to ${ctx.operation}`, {
    cause: sanitize(error),
    outcome,
    status,
    requestId: error.requestId,
    problem: readProblem(cause?.body),
  });
  if (status === 429) return { error: pagoPaError, kind: 'rate-limited', retryAfter: cause?.headers?.['retry-after'] };
  const transient = status >= 500 || status === 408;
  return { error: pagoPaError, kind: transient ? 'transient' : 'final' };
}

/**
 * Maps what `http.request` threw to a {@link PagoPaError} and says which retries are safe.
 * @param error - the thrown value
 * @param ctx - service, operation and whether it mutates
 * @returns the failure
 * @internal
 */
export function mapPlatformFailure(error: unknown, ctx: FailureContext): PlatformFailure {
  if (!ApiCallError.isInstance(error)) {
    const wrapped = new PagoPaError('ERR_PAGOPA_API_NETWORK', `${ctx.service} ${ctx.operation} failed unexpectedly`, {
      cause: error,
      outcome: ctx.mutates ? 'unknown' : 'rejected',
      rule: 'unexpected',
    });
    return { error: wrapped, kind: 'final' };
  }
  if (error.code === 'ERR_CORE_HTTP_STATUS' && error.status !== undefined) {
    return statusFailure(error, error.status, ctx);
  }
  if (error.code === 'ERR_CORE_HTTP_BODY_TOO_LARGE') {
    const tooLarge = new PagoPaError(
      'ERR_PAGOPA_API_UNEXPECTED_RESPONSE',
      `${ctx.service} response to ${ctx.operation} too large`,
      {
        cause: sanitize(error),
        status: error.status,
        requestId: error.requestId,
        outcome: ctx.mutates ? 'unknown' : 'rejected',
        rule: 'body-too-large',
      },
    );
    return { error: tooLarge, kind: 'final' };
  }
  // Core marks failures before any connection (refused, DNS, connect timeout) as not having reached
  // the server: safe to retry for every operation.
  const notSent = error.code === 'ERR_CORE_HTTP_NETWORK' && !error.reachedServer;
  const timeout = error.code === 'ERR_CORE_HTTP_TIMEOUT';
  let outcome: PagoPaOutcome = 'not-sent';
  if (!notSent) outcome = ctx.mutates ? 'unknown' : 'rejected';
  let what = 'connection failed mid-call';
  if (timeout) what = 'timed out';
  else if (notSent) what = 'failed before sending';
  const network = new PagoPaError('ERR_PAGOPA_API_NETWORK', `${ctx.service} ${ctx.operation} ${what}`, {
    cause: sanitize(error),
    outcome,
    requestId: error.requestId,
    rule: timeout ? 'timeout' : notSent ? 'not-connected' : 'connection-lost',
  });
  return { error: network, kind: notSent ? 'not-sent' : 'transient' };
}
