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

// Failures that happen before a connection exists: the request certainly did not reach the server.
const BEFORE_CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function failedBeforeConnecting(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && BEFORE_CONNECT_CODES.has(code)) return true;
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
  const client = ky.create({
    prefixUrl: options.baseUrl,
    timeout: options.timeoutMs ?? 10_000,
    retry: 0,
    throwHttpErrors: true,
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  async function request(req: HttpRequest): Promise<HttpResponse> {
    const url = new URL(req.path, options.baseUrl).toString();
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
      if (error instanceof HTTPError) {
        const body = await readBody(error.response).catch(() => undefined);
        throw new ApiCallError('ERR_CORE_HTTP_STATUS', `HTTP ${error.response.status} from ${req.method} request`, {
          url,
          status: error.response.status,
          requestId: error.response.headers.get(requestIdHeader) ?? undefined,
          cause: { body, headers: keptHeaders(error.response.headers, requestIdHeader) },
        });
      }
      if (error instanceof TimeoutError) {
        // ky's TimeoutError message carries the full URL (which may hold a fiscal code): keep a
        // redacted equivalent as the cause instead.
        const cause = new Error(`Request timed out: ${req.method} ${redactUrl(url)}`);
        throw new ApiCallError('ERR_CORE_HTTP_TIMEOUT', `${req.method} request timed out`, { url, cause });
      }
      if (req.signal?.aborted) throw error;
      throw new ApiCallError('ERR_CORE_HTTP_NETWORK', `${req.method} request failed before a response`, {
        url,
        cause: error,
        reachedServer: !failedBeforeConnecting(error),
      });
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
