import { type Http, type HttpRequest, type HttpResponse, sleep } from '@civico/core/internal';
import { IoError, type IoErrorCode } from '../errors.js';
import type { RateLimiter } from '../rate-limit/create-rate-limiter.js';
import { type CallKind, classifyFailure } from './classify-failure.js';

/** @internal One IO operation as the caller runs it. */
export interface Call {
  readonly kind: CallKind;
  readonly request: HttpRequest;
  /** Code for a 404 answer (`ERR_IO_PROFILE_NOT_FOUND` for profiles). */
  readonly notFound: IoErrorCode;
}

/** @internal Retry settings of the caller. */
export interface CallerSettings {
  readonly http: Http;
  readonly limiter: RateLimiter;
  readonly now: () => Date;
  readonly maxRetries: number;
  readonly baseDelayMs: number;
  readonly maxRetryAfterMs: number;
}

/**
 * Runs calls through the shared limiter, retrying only what is safe (`docs/io.md#handle-failures`).
 * @param settings - HTTP wrapper, limiter, clock and retry settings
 * @internal
 */
export function createCaller(settings: CallerSettings): (call: Call, signal?: AbortSignal) => Promise<HttpResponse> {
  const { http, limiter } = settings;
  return async function run(call, signal) {
    for (let attempt = 0; ; attempt += 1) {
      await limiter.acquire(signal);
      try {
        return await http.request({ ...call.request, ...(signal ? { signal } : {}) });
      } catch (error) {
        if (signal?.aborted) {
          // Aborted mid-flight: a send may already be on the wire.
          throw new IoError('ERR_IO_NETWORK', 'IO call aborted', {
            cause: signal.reason,
            reason: 'aborted',
            outcome: call.kind === 'send' ? 'unknown' : 'not-sent',
          });
        }
        const failure = classifyFailure(error, {
          kind: call.kind,
          notFound: call.notFound,
          backoffMs: Math.min(settings.baseDelayMs * 2 ** attempt, 30_000),
          maxRetryAfterMs: settings.maxRetryAfterMs,
          nowMs: settings.now().getTime(),
        });
        if (failure.pauseMs !== undefined) limiter.pause(failure.pauseMs);
        if (failure.retryAfterMs === undefined || attempt >= settings.maxRetries) throw failure.error;
        // A rate-limit pause is waited for inside acquire(); other backoffs are this call's own.
        if (failure.pauseMs === undefined) await sleep(failure.retryAfterMs, signal);
      }
    }
  };
}
