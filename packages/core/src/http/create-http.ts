import ky, { HTTPError, TimeoutError } from 'ky';
import type { z } from 'zod';
import { ApiCallError, redactUrl } from '../errors/api-call-error.js';
import { CoreError } from '../errors/core-error.js';

/** Options of {@link createHttp}. */
export interface HttpOptions {
  /** Base URL every path is resolved against. */
  readonly baseUrl: string;
  /** Request timeout in milliseconds (default 10 000). */
  readonly timeoutMs?: number | undefined;
  /** Headers sent with every request (API keys go here and never into errors). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** The `fetch` to use; defaults to the global one. */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Name of the response header carrying the upstream request id (default `x-request-id`). */
  readonly requestIdHeader?: string | undefined;
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
}

/** A raw response: status, headers and parsed JSON body (or `undefined`). */
export interface HttpResponse {
  /** HTTP status. */
  readonly status: number;
  /** Response headers. */
  readonly headers: Headers;
  /** Parsed JSON body, `undefined` when empty or not JSON. */
  readonly body: unknown;
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

// Only headers that steer the caller (rate-limit hints, request id, content type) are kept on an
// error: others may carry personal data or secrets (docs/security.md).
const KEPT_HEADERS = ['content-type', 'retry-after', 'x-rate-limit-retry-after', 'x-request-id'] as const;

function keptHeaders(headers: Headers, requestIdHeader: string): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of [...KEPT_HEADERS, requestIdHeader.toLowerCase()]) {
    const value = headers.get(name);
    if (value !== null) kept[name] = value;
  }
  return kept;
}

// Failures that happen before a connection exists: the request certainly did not reach the server
// (undici's codes; a refused dual-stack connect arrives as an AggregateError with one per address).
const BEFORE_CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function hasBeforeConnectCode(value: unknown): boolean {
  const code = (value as { code?: unknown } | null)?.code;
  return typeof code === 'string' && BEFORE_CONNECT_CODES.has(code);
}

function failedBeforeConnecting(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if (hasBeforeConnectCode(current)) return true;
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some(hasBeforeConnectCode)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

// One mapping of failures for both paths below, so that callers see the same errors whichever ran.
async function statusError(
  response: Response,
  method: string,
  url: string,
  requestIdHeader: string,
): Promise<ApiCallError> {
  const body = await readBody(response).catch(() => undefined);
  return new ApiCallError('ERR_CORE_HTTP_STATUS', `HTTP ${response.status} from ${method} request`, {
    url,
    status: response.status,
    requestId: response.headers.get(requestIdHeader) ?? undefined,
    cause: { body, headers: keptHeaders(response.headers, requestIdHeader) },
  });
}

function timeoutError(method: string, url: string): ApiCallError {
  // ky's TimeoutError message carries the full URL (which may hold a fiscal code): keep a
  // redacted equivalent as the cause instead.
  const cause = new Error(`Request timed out: ${method} ${redactUrl(url)}`);
  return new ApiCallError('ERR_CORE_HTTP_TIMEOUT', `${method} request timed out`, { url, cause });
}

function networkError(error: unknown, method: string, url: string): ApiCallError {
  return new ApiCallError('ERR_CORE_HTTP_NETWORK', `${method} request failed before a response`, {
    url,
    cause: error,
    reachedServer: !failedBeforeConnecting(error),
  });
}

const lowerCaseKeys = (headers: Readonly<Record<string, string>> | undefined): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = value;
  return out;
};

/**
 * Creates the one HTTP wrapper civico clients use (over ky).
 *
 * @remarks
 * No automatic retries (`retry: 0`): callers decide from {@link ApiCallError.isRetryable} and from
 * whether the request `reachedServer`. Every failure becomes an {@link ApiCallError} with a
 * redacted URL; non-2xx responses keep the parsed body as `cause` for the client to map.
 *
 * @param options - base URL, timeout, headers, fetch
 * @returns the wrapper
 * @example
 * ```ts
 * import { createHttp } from '@civico/core/http';
 * const http = createHttp({ baseUrl: 'http://127.0.0.1:8080/api/v1/', timeoutMs: 5000 });
 * ```
 * @group Clients
 */
export function createHttp(options: HttpOptions): Http {
  const requestIdHeader = options.requestIdHeader ?? 'x-request-id';
  const timeoutMs = options.timeoutMs ?? 10_000;
  const fetchFn = options.fetch ?? globalThis.fetch;
  const prefix = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const defaultHeaders = lowerCaseKeys(options.headers);
  const client = ky.create({
    prefixUrl: options.baseUrl,
    timeout: timeoutMs,
    retry: 0,
    throwHttpErrors: true,
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const errorUrl = (path: string): string => new URL(path, options.baseUrl).toString();

  async function viaKy(req: HttpRequest): Promise<HttpResponse> {
    try {
      const response = await client(req.path, {
        method: req.method,
        ...(req.json !== undefined ? { json: req.json } : {}),
        ...(req.searchParams ? { searchParams: req.searchParams as Record<string, string | number | boolean> } : {}),
        ...(req.headers ? { headers: req.headers } : {}),
        ...(req.signal ? { signal: req.signal } : {}),
      });
      return { status: response.status, headers: response.headers, body: await readBody(response) };
    } catch (error) {
      const url = errorUrl(req.path);
      if (error instanceof HTTPError) throw await statusError(error.response, req.method, url, requestIdHeader);
      if (error instanceof TimeoutError) throw timeoutError(req.method, url);
      if (req.signal?.aborted) throw error;
      throw networkError(error, req.method, url);
    }
  }

  // Fast path for plain JSON GET/POST (no query string): the same request ky would send, handed to
  // `fetch` as a URL string, a string body and plain headers. It skips ky's per-call Request
  // building and cloning (a tee of the body stream), options merging and hook plumbing, which cost
  // more CPU than the rest of a bulk send together (packages/io README, Performance). Timeout,
  // abort and error mapping behave as on the ky path, and the response is read the same way.
  async function direct(req: HttpRequest): Promise<HttpResponse> {
    const headers: Record<string, string> =
      req.json === undefined ? { ...defaultHeaders } : { 'content-type': 'application/json', ...defaultHeaders };
    if (req.headers) for (const [name, value] of Object.entries(req.headers)) headers[name.toLowerCase()] = value;
    const body = req.json === undefined ? undefined : JSON.stringify(req.json);
    const controller = new AbortController();
    const outer = req.signal;
    const onAbort = (): void => controller.abort(outer?.reason);
    if (outer?.aborted) onAbort();
    else outer?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    let response: Response;
    try {
      response = await fetchFn(prefix + req.path, {
        method: req.method,
        headers,
        ...(body !== undefined ? { body } : {}),
        signal: controller.signal,
      });
    } catch (error) {
      const url = errorUrl(req.path);
      if (timedOut) throw timeoutError(req.method, url);
      if (outer?.aborted) throw error;
      throw networkError(error, req.method, url);
    } finally {
      // Like ky's timeout, this one covers the wait for the response, not the body read.
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    }
    if (!response.ok) throw await statusError(response, req.method, errorUrl(req.path), requestIdHeader);
    try {
      return { status: response.status, headers: response.headers, body: await readBody(response) };
    } catch (error) {
      if (outer?.aborted) throw error;
      throw networkError(error, req.method, errorUrl(req.path));
    }
  }

  const request = (req: HttpRequest): Promise<HttpResponse> =>
    (req.method === 'GET' || req.method === 'POST') && req.searchParams === undefined && !req.path.startsWith('/')
      ? direct(req)
      : viaKy(req);

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
