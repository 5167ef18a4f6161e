import { ApiCallError } from '@civico/core';
import { maskPersonalData, readRetryAfterMs } from '@civico/core/internal';
import { IoError, type IoErrorCode, type IoOutcome, type IoProblem } from '../errors.js';
import { ProblemWireSchema } from './wire-schemas.js';

/**
 * Kind of call: a `send` must never be retried once it may have reached IO; a `read` may.
 * @internal
 */
export type CallKind = 'send' | 'read';

/**
 * A failed attempt: the error to throw, and how long to wait before a retry if one is safe.
 * @internal
 */
export interface Failure {
  readonly error: IoError;
  /** Delay before a safe retry; `undefined` when the call must not be retried. */
  readonly retryAfterMs: number | undefined;
  /** How long IO's rate limit asks every caller to pause, if it did. */
  readonly pauseMs: number | undefined;
}

/** @internal Seconds from `x-rate-limit-retry-after`, else `Retry-After` (seconds or HTTP date). */
export function retryAfterMs(headers: Record<string, string>, nowMs: number): number | undefined {
  const own = Number.parseFloat(headers['x-rate-limit-retry-after'] ?? '');
  if (Number.isFinite(own) && own >= 0) return Math.ceil(own * 1000);
  return readRetryAfterMs(headers['retry-after'], nowMs);
}

const FORBIDDEN_REASONS: readonly (readonly [RegExp, string])[] = [
  [/recipient forbidden/i, 'recipient-forbidden'],
  [/premium/i, 'premium-required'],
  [/with payee/i, 'payee-not-allowed'],
  [/third party/i, 'third-party-not-allowed'],
  [/attachments/i, 'attachments-forbidden'],
  [/configuration/i, 'remote-content-configuration'],
  [/client certificate/i, 'client-certificate-required'],
  [/not allowed here|no valid scopes/i, 'not-allowed'],
];

// IO's 400 details are io-ts reports that echo input values: mask personal data before keeping them.
const mask = (text: string | undefined): string | undefined =>
  text === undefined ? undefined : maskPersonalData(text);

function readProblem(body: unknown): IoProblem & { gateway?: string | undefined } {
  const parsed = ProblemWireSchema.safeParse(body);
  if (!parsed.success) return {};
  const p = parsed.data;
  return {
    title: mask(p.title ?? p.message),
    status: p.status ?? p.statusCode,
    detail: mask(p.detail),
    type: p.type,
    gateway: p.statusCode !== undefined ? p.message : undefined,
  };
}

function statusError(status: number, body: unknown, notFound: IoErrorCode, cause: ApiCallError): IoError {
  const { gateway, ...problem } = readProblem(body);
  const hasProblem = Object.values(problem).some((v) => v !== undefined);
  const text = [problem.title, problem.detail].filter(Boolean).join(' ');
  let code: IoErrorCode = 'ERR_IO_UNEXPECTED_STATUS';
  let reason: string | undefined;
  // A 4xx means IO acted on nothing; after a 5xx a send may still have been stored (`docs/io.md#handle-failures`).
  let outcome: IoOutcome = status < 500 ? 'rejected' : 'unknown';
  if (status === 400) code = 'ERR_IO_BAD_REQUEST';
  else if (status === 401) code = 'ERR_IO_UNAUTHORIZED';
  else if (status === 403) {
    reason = FORBIDDEN_REASONS.find(([re]) => re.test(text))?.[1] ?? 'unknown';
    code = reason === 'recipient-forbidden' ? 'ERR_IO_RECIPIENT_FORBIDDEN' : 'ERR_IO_FORBIDDEN';
  } else if (status === 404) {
    // A gateway 404 means a wrong path, not a missing profile: never mark citizens "not on IO" for it.
    const wrongPath = gateway !== undefined && /resource not found/i.test(gateway);
    code = wrongPath ? 'ERR_IO_NOT_FOUND' : notFound;
    reason = wrongPath ? 'route-not-found' : undefined;
  } else if (status === 429) {
    code = 'ERR_IO_RATE_LIMITED';
    outcome = 'not-sent';
  } else if (status >= 500) code = 'ERR_IO_SERVER_ERROR';
  return new IoError(code, `IO answered HTTP ${status}${reason ? ` (${reason})` : ''}`, {
    status,
    outcome,
    reason,
    requestId: cause.requestId,
    cause,
    problem: hasProblem ? problem : undefined,
  });
}

// Keep only what is safe: the redacted ApiCallError and, for network failures, the socket error
// that says whether anything was sent (never a message holding the full URL).
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
 * Maps a failed attempt to an {@link IoError} and decides whether a retry is safe.
 * @param error - what `http.request` threw
 * @param context - call kind, the code for a 404, attempt number and retry settings
 * @internal
 */
export function classifyFailure(
  error: unknown,
  context: {
    readonly kind: CallKind;
    readonly notFound: IoErrorCode;
    readonly backoffMs: number;
    readonly maxRetryAfterMs: number;
    readonly nowMs: number;
  },
): Failure {
  const { kind, backoffMs } = context;
  if (!ApiCallError.isInstance(error)) {
    const wrapped = new IoError('ERR_IO_NETWORK', 'IO call failed unexpectedly', {
      cause: error,
      outcome: 'unknown',
    });
    return { error: wrapped, retryAfterMs: undefined, pauseMs: undefined };
  }
  if (error.code === 'ERR_CORE_HTTP_STATUS' && error.status !== undefined) {
    const cause = error.cause as { body?: unknown; headers?: Record<string, string> } | undefined;
    const ioError = statusError(error.status, cause?.body, context.notFound, sanitize(error));
    if (error.status === 429) {
      const wait = retryAfterMs(cause?.headers ?? {}, context.nowMs) ?? backoffMs;
      return { error: ioError, retryAfterMs: wait <= context.maxRetryAfterMs ? wait : undefined, pauseMs: wait };
    }
    const safe = kind === 'read' && error.status >= 500;
    return { error: ioError, retryAfterMs: safe ? backoffMs : undefined, pauseMs: undefined };
  }
  if (error.code === 'ERR_CORE_HTTP_BODY_TOO_LARGE') {
    // A 2xx IO cannot have meant: like an unreadable body, a send was still created. Not retried.
    const ioError = new IoError('ERR_IO_INVALID_RESPONSE', 'IO response body too large', {
      cause: sanitize(error),
      status: error.status,
      requestId: error.requestId,
      outcome: kind === 'send' ? 'unknown' : undefined,
    });
    return { error: ioError, retryAfterMs: undefined, pauseMs: undefined };
  }
  // Core marks failures before any connection (refused, DNS, connect timeout) as not having reached IO
  // (`docs/io.md#handle-failures`).
  const notSent = error.code === 'ERR_CORE_HTTP_NETWORK' && !error.reachedServer;
  const timeout = error.code === 'ERR_CORE_HTTP_TIMEOUT';
  const ioError = new IoError(
    timeout ? 'ERR_IO_TIMEOUT' : 'ERR_IO_NETWORK',
    timeout ? 'IO call timed out' : notSent ? 'IO call failed before sending' : 'IO connection failed mid-call',
    { cause: sanitize(error), outcome: notSent ? 'not-sent' : 'unknown', requestId: error.requestId },
  );
  const safe = notSent || kind === 'read';
  return { error: ioError, retryAfterMs: safe ? backoffMs : undefined, pauseMs: undefined };
}
