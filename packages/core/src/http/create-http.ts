import type { z } from 'zod';
import type { ApiCallError } from '../errors/api-call-error.js';
import { CoreError } from '../errors/core-error.js';
import { createRedactor } from './create-redactor.js';
import { failedBeforeConnecting } from './failed-before-connecting.js';
import { createKyWire } from './ky-wire.js';
import { type Exchange, networkError, statusError, timeoutError, tooLargeError } from './map-http-error.js';
import { createNodeWire } from './node-wire.js';
import { BODY_TOO_LARGE, readCappedText } from './read-capped-text.js';
import type { WireResponse } from './wire.js';

/**
 * Default timeout of a whole exchange (connect, send, response headers and body), in milliseconds.
 * @group Clients
 */
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Default largest response body read, in bytes (1 MiB); a larger one is refused unread.
 * @group Clients
 */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

/** Options of {@link createHttp}. */
export interface HttpOptions {
  /** Base URL every path is resolved against. */
  readonly baseUrl: string;
  /**
   * Timeout of each request in milliseconds (default {@link DEFAULT_TIMEOUT_MS}), covering the
   * whole exchange: connecting, sending, waiting and reading the body to its end.
   */
  readonly timeoutMs?: number | undefined;
  /** Headers sent with every request (API keys go here and never into errors). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /**
   * A `fetch` to send through (tests, proxies, runtimes other than Node): requests then go through
   * ky over it. Without one they go through node:http/node:https with a keep-alive agent of this
   * wrapper's own; both follow the same rules (see {@link createHttp}).
   */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Name of the response header carrying the upstream request id (default `x-request-id`). */
  readonly requestIdHeader?: string | undefined;
  /** Largest response body read, in bytes, after decompression (default {@link DEFAULT_MAX_BODY_BYTES}). */
  readonly maxBodyBytes?: number | undefined;
  /**
   * Secret values (API keys) removed from every server-provided text an error keeps: the body,
   * the request id and the messages of network failures. Plain, URL-encoded, base64 and hex forms
   * are replaced with `[redacted]`.
   */
  readonly secrets?: readonly string[] | undefined;
}

/** One request made through {@link Http}. */
export interface HttpRequest {
  /** HTTP method. */
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path relative to the base URL, without a leading slash. */
  readonly path: string;
  /** JSON body. */
  readonly json?: unknown;
  /** Query parameters. */
  readonly searchParams?: Readonly<Record<string, string | number | boolean>> | undefined;
  /** Extra headers for this request. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Cancels the request. */
  readonly signal?: AbortSignal | undefined;
  /** Largest response body for this request, in bytes (default: the wrapper's `maxBodyBytes`). */
  readonly maxBodyBytes?: number | undefined;
  /** `text`: a 2xx body is returned as `HttpResponse.text`, not parsed (XML answers). Default `json`. */
  readonly responseType?: 'json' | 'text' | undefined;
}

/** A raw response: status, headers and parsed JSON body (or `undefined`). */
export interface HttpResponse {
  /** HTTP status. */
  readonly status: number;
  /** Response headers. */
  readonly headers: Headers;
  /** Parsed JSON body, `undefined` when empty or not JSON. */
  readonly body: unknown;
  /** The body text of a 2xx, only when the request asked `responseType: 'text'`. */
  readonly text?: string | undefined;
}

/** The HTTP wrapper returned by {@link createHttp}. */
export interface Http {
  /**
   * Sends a request; resolves on 2xx, throws {@link ApiCallError} otherwise.
   * @param request - the request
   */
  request(request: HttpRequest): Promise<HttpResponse>;
  /**
   * Sends a request and validates the JSON body with a partial zod schema.
   * @param request - the request
   * @param schema - what the caller reads of the body
   */
  requestJson<S extends z.ZodType>(request: HttpRequest, schema: S): Promise<z.output<S>>;
}

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function lowerCaseKeys(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers) for (const name of Object.keys(headers)) out[name.toLowerCase()] = headers[name] as string;
  return out;
}

// ky's `searchParams` rule: values are stringified, and an empty object adds no `?`.
function queryOf(params: HttpRequest['searchParams']): string {
  if (params === undefined) return '';
  const entries = Object.entries(params);
  if (entries.length === 0) return '';
  return `?${new URLSearchParams(entries.map(([name, value]): [string, string] => [name, String(value)])).toString()}`;
}

// Fail closed: a limit that is not a positive number would disable the check (`size > NaN` is false).
function positive(value: number | undefined, fallback: number, field: string): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  throw new CoreError('ERR_CORE_INVALID_CONFIG', `Invalid ${field}: must be a positive number`, { field });
}

/**
 * Creates the one HTTP wrapper civico clients use.
 *
 * @remarks
 * One request pipeline with two wire steps: without a `fetch` option the request goes out through
 * node:http/node:https with a keep-alive agent of this wrapper's own (Node's own keep-alive, a
 * seventh of the CPU per request of ky over `fetch` on Node 20; see docs/benchmarks.md), with one
 * it goes through ky over that `fetch`. Everything else is the same code for both: the URL (`baseUrl` + path +
 * `searchParams`), the headers, the JSON body, the timeout, the body limit and the error mapping.
 *
 * No automatic retries: callers decide from {@link ApiCallError.isRetryable} and from whether the
 * request `reachedServer`. Redirects are not followed: a 3xx is an `ERR_CORE_HTTP_STATUS` (an API
 * key header must not travel to wherever a `Location` points). The timeout covers the whole
 * exchange, body included, and a body over `maxBodyBytes` is refused without reading the rest
 * (`ERR_CORE_HTTP_BODY_TOO_LARGE`). Every failure becomes an {@link ApiCallError} with a redacted
 * URL; non-2xx responses keep the parsed body (with `secrets` removed) as `cause` for the client
 * to map.
 *
 * @param options - base URL, timeout, headers, fetch, body limit, secrets
 * @returns the wrapper
 * @throws `CoreError` (from `@civico/core`) `ERR_CORE_INVALID_CONFIG` when `timeoutMs` or `maxBodyBytes` is not a
 * positive number (a request's own `maxBodyBytes` is checked the same way).
 * @example
 * ```ts
 * import { createHttp } from '@civico/core/internal';
 * const http = createHttp({ baseUrl: 'http://127.0.0.1:8080/api/v1/', timeoutMs: 5000 });
 * ```
 * @group Clients
 */
export function createHttp(options: HttpOptions): Http {
  const requestIdHeader = (options.requestIdHeader ?? 'x-request-id').toLowerCase();
  const timeoutMs = positive(options.timeoutMs, DEFAULT_TIMEOUT_MS, 'timeoutMs');
  const defaultMaxBytes = positive(options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES, 'maxBodyBytes');
  const redactor = createRedactor(options.secrets);
  // ky's `prefixUrl` rule, for both wire steps: the path is appended to the base URL and its slash.
  const prefix = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const headers = lowerCaseKeys(options.headers);
  const jsonHeaders = { 'content-type': 'application/json', ...headers };
  const wire = options.fetch ? createKyWire(options.fetch) : createNodeWire(prefix);
  const exchange = (req: HttpRequest): Exchange => ({
    method: req.method,
    url: new URL(req.path, prefix).toString(),
    requestIdHeader,
    redactor,
  });
  const headersOf = (req: HttpRequest): Readonly<Record<string, string>> => {
    const base = req.json === undefined ? headers : jsonHeaders;
    return req.headers ? { ...base, ...lowerCaseKeys(req.headers) } : base;
  };

  async function request(req: HttpRequest): Promise<HttpResponse> {
    const maxBytes = positive(req.maxBodyBytes, defaultMaxBytes, 'maxBodyBytes');
    const outer = req.signal;
    if (outer?.aborted) throw outer.reason;
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(outer?.reason);
    outer?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    // The caller's abort wins, then the timeout; anything else is a network failure.
    const failure = (error: unknown, reachedServer: boolean): unknown => {
      if (outer?.aborted) return outer.reason;
      if (timedOut) return timeoutError(exchange(req));
      return networkError(error, exchange(req), reachedServer);
    };
    try {
      let response: WireResponse;
      try {
        response = await wire({
          method: req.method,
          url: prefix + req.path + queryOf(req.searchParams),
          headers: headersOf(req),
          body: req.json === undefined ? undefined : JSON.stringify(req.json),
          signal: controller.signal,
        });
      } catch (error) {
        throw failure(error, !failedBeforeConnecting(error));
      }
      const ok = response.status >= 200 && response.status < 300;
      let text: string | typeof BODY_TOO_LARGE | undefined;
      try {
        text = await readCappedText(response, maxBytes);
      } catch (error) {
        // A status error keeps its status without the body; a 2xx must be read whole.
        if (ok) throw failure(error, true);
      }
      // Closes the connection of a refused body instead of draining it.
      if (text === BODY_TOO_LARGE) controller.abort();
      const asText = ok && req.responseType === 'text' && typeof text === 'string';
      const body = typeof text === 'string' && !asText ? parseJson(text) : undefined;
      if (!ok) throw statusError(response, body, exchange(req));
      if (text === BODY_TOO_LARGE) throw tooLargeError(response, maxBytes, exchange(req));
      // Built on first read: callers of a 2xx rarely look at its headers.
      let all: Headers | undefined;
      return {
        status: response.status,
        get headers() {
          all ??= response.headers();
          return all;
        },
        body,
        ...(asText ? { text } : {}),
      };
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    }
  }
  return {
    request,
    async requestJson(req, schema) {
      const response = await request(req);
      const parsed = schema.safeParse(response.body);
      if (!parsed.success) {
        const field = parsed.error.issues[0]?.path.map(String).join('.');
        throw new CoreError('ERR_CORE_INVALID_RESPONSE', `Unexpected response body${field ? ` at ${field}` : ''}`, {
          cause: parsed.error,
          field,
        });
      }
      return parsed.data;
    },
  };
}
