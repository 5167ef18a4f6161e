import { type Http, type HttpRequest, type HttpResponse, readRetryAfterMs, sleep } from '@civico/core/internal';
import { PagoPaError, type PagoPaOutcome } from '../errors.js';
import { backoffMs } from './backoff-ms.js';
import { mapPlatformFailure } from './map-platform-failure.js';

/**
 * One platform operation as {@link runPlatformCall} runs it.
 * @internal
 */
export interface PlatformCall {
  /** Operation name for messages, e.g. `createPosition`. */
  readonly operation: string;
  /** The request (path relative to the service, without a leading slash). */
  readonly request: HttpRequest;
  /**
   * Whether the call may be sent again after it may have reached the server (a 5xx, a timeout, a
   * connection lost mid-call): GET, PUT, DELETE, and writes the caller makes idempotent by reading
   * back. A `false` call is retried only after a 429 or a failure before connecting.
   */
  readonly idempotent: boolean;
  /** Non-2xx statuses returned as a response instead of thrown (e.g. `[409]` to read back). */
  readonly accept?: readonly number[] | undefined;
  /** Cancels the call, including the waits between attempts. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Retry settings of a client, shared by its calls.
 * @internal
 */
export interface PlatformCallSettings {
  /** Service name for messages, e.g. `GPD`. */
  readonly service: string;
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** First backoff delay, doubled at each retry, with jitter. */
  readonly baseDelayMs: number;
  /** Longest `Retry-After` honoured; a longer one ends the call with the 429. */
  readonly maxRetryAfterMs: number;
  /** Clock for `Retry-After` dates (default `() => new Date()`). */
  readonly now?: (() => Date) | undefined;
  /** Jitter source in [0, 1) (default `Math.random`). */
  readonly random?: (() => number) | undefined;
}

/**
 * What a successful (or accepted) call returns.
 * @internal
 */
export interface PlatformCallResult extends HttpResponse {
  /** Attempts made, ≥ 1. */
  readonly attempts: number;
  /**
   * Whether an earlier attempt may have been applied without a usable answer (lost response,
   * timeout, 5xx to a write): a 404 to a retried DELETE, or a 409 to a retried write, may be
   * the effect of that attempt.
   */
  readonly uncertain: boolean;
  /** The raw body text, when the transport hands it over (XML answers). */
  readonly text?: string | undefined;
}

function withOutcome(error: PagoPaError, outcome: PagoPaOutcome): PagoPaError {
  if (error.outcome === outcome) return error;
  return new PagoPaError(error.code, error.message, {
    cause: error.cause,
    field: error.field,
    outcome,
    status: error.status,
    requestId: error.requestId,
    rule: error.rule,
    problem: error.problem,
  });
}

function abortedError(call: PlatformCall, settings: PlatformCallSettings, uncertain: boolean): PagoPaError {
  const mutates = call.request.method !== 'GET';
  return new PagoPaError('ERR_PAGOPA_API_NETWORK', `${settings.service} ${call.operation} aborted`, {
    cause: call.signal?.reason,
    outcome: mutates ? 'unknown' : uncertain ? 'unknown' : 'not-sent',
    rule: 'aborted',
  });
}

function acceptedResponse(error: unknown, accept: readonly number[] | undefined): HttpResponse | undefined {
  if (accept === undefined || typeof error !== 'object' || error === null) return undefined;
  const e = error as { code?: unknown; status?: unknown; cause?: unknown };
  if (e.code !== 'ERR_CORE_HTTP_STATUS' || typeof e.status !== 'number' || !accept.includes(e.status)) return undefined;
  const cause = e.cause as { body?: unknown; headers?: Record<string, string> } | undefined;
  return { status: e.status, headers: new Headers(cause?.headers ?? {}), body: cause?.body };
}

/**
 * The caller's `signal`, when it is one: anything else (a string, a look-alike object, a Proxy whose traps
 * throw) is ERR_PAGOPA_INVALID_CONFIG before a request is sent, never an error of its own mid-call.
 */
function checkedSignal(signal: unknown): AbortSignal | undefined {
  if (signal === undefined) return undefined;
  let ok = false;
  try {
    ok = signal instanceof AbortSignal && typeof signal.aborted === 'boolean';
  } catch {
    ok = false;
  }
  if (!ok)
    throw new PagoPaError('ERR_PAGOPA_INVALID_CONFIG', 'Invalid options.signal: must be an AbortSignal', {
      field: 'options.signal',
      outcome: 'not-sent',
    });
  return signal as AbortSignal;
}

/**
 * Runs one platform call, retrying only what is safe, and maps every failure to a
 * {@link PagoPaError} `ERR_PAGOPA_API_*` with its `outcome`.
 *
 * @remarks
 * Retried, up to `maxRetries` times with exponential backoff and jitter: a 429 (after its
 * `Retry-After`, seconds or HTTP date, when not over `maxRetryAfterMs`) and a failure before
 * connecting, for every call; a 5xx, 408, timeout or connection lost mid-call only for
 * `idempotent` calls. Status → code: 400/422 (and other 4xx) `API_BAD_REQUEST`, 401/403
 * `API_UNAUTHORIZED`, 404 `API_NOT_FOUND`, 409 `API_CONFLICT`, 429 `API_RATE_LIMITED`, 5xx
 * `API_SERVER_ERROR`, 3xx `API_UNEXPECTED_RESPONSE`; no answer `API_NETWORK` (`rule` `timeout`,
 * `not-connected`, `connection-lost` or `aborted`). `outcome`: `rejected` for an answered 4xx or
 * any failure of a GET, `not-sent` for a 429 or a failure before connecting, `unknown` for a
 * write that may have been applied, and `unknown` whenever an earlier attempt of a write may have
 * been applied. The problem body is kept masked (fiscal codes, e-mails); the cause is core's
 * redacted `ApiCallError` without the body.
 * @param http - the service's transport ({@link createPlatformHttp})
 * @param call - operation, request, idempotency, accepted statuses, signal
 * @param settings - service name and retry settings
 * @returns the response (2xx or an accepted status), with attempts and uncertainty
 * @throws {@link PagoPaError} `ERR_PAGOPA_API_*` as above.
 * @internal
 */
export async function runPlatformCall(
  http: Http,
  call: PlatformCall,
  settings: PlatformCallSettings,
): Promise<PlatformCallResult> {
  call = { ...call, signal: checkedSignal(call.signal) };
  const mutates = call.request.method !== 'GET';
  const now = settings.now ?? (() => new Date());
  const random = settings.random ?? Math.random;
  const request = call.signal ? { ...call.request, signal: call.signal } : call.request;
  let uncertain = false;
  for (let attempt = 0; ; attempt += 1) {
    let failure: ReturnType<typeof mapPlatformFailure>;
    try {
      const response = await http.request(request);
      return {
        status: response.status,
        headers: response.headers,
        body: response.body,
        ...(response.text !== undefined ? { text: response.text } : {}),
        attempts: attempt + 1,
        uncertain,
      };
    } catch (error) {
      if (call.signal?.aborted) throw abortedError(call, settings, uncertain);
      const accepted = acceptedResponse(error, call.accept);
      if (accepted) return { ...accepted, attempts: attempt + 1, uncertain };
      failure = mapPlatformFailure(error, { service: settings.service, operation: call.operation, mutates });
    }
    const maybeApplied: boolean = uncertain || failure.error.outcome === 'unknown';
    const final = maybeApplied && mutates ? withOutcome(failure.error, 'unknown') : failure.error;
    let delay: number | undefined;
    const backoff = backoffMs(attempt, settings.baseDelayMs, random());
    if (failure.kind === 'rate-limited') {
      const wait = readRetryAfterMs(failure.retryAfter, now().getTime()) ?? backoff;
      delay = wait <= settings.maxRetryAfterMs ? wait : undefined;
    } else if (failure.kind === 'not-sent' || (failure.kind === 'transient' && call.idempotent)) {
      delay = backoff;
    }
    if (delay === undefined || attempt >= settings.maxRetries) throw final;
    uncertain = maybeApplied;
    try {
      await sleep(delay, call.signal);
    } catch {
      throw abortedError(call, settings, uncertain);
    }
  }
}
