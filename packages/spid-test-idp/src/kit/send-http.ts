import { SpidTestIdpError } from '../errors.js';
import type { CookieJar } from './cookie-jar.js';

/**
 * One HTTP exchange of the kit, redirects not followed.
 * @internal
 */
export interface HttpExchange {
  /** The HTTP status. */
  readonly status: number;
  /** The raw `Location` header (not re-encoded: the Redirect binding signs its exact bytes). */
  readonly location: string | undefined;
  /** The body as UTF-8 text, at most `maxBytes` long. */
  readonly body: string;
  /** The `Content-Type` header. */
  readonly contentType: string;
}

/**
 * What {@link sendHttp} needs besides the URL.
 * @internal
 */
export interface SendHttpOptions {
  readonly method?: 'GET' | 'POST';
  /** An `application/x-www-form-urlencoded` body (POST only). */
  readonly form?: URLSearchParams | undefined;
  readonly jar: CookieJar;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly fetch: typeof globalThis.fetch;
  readonly accept?: string;
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const reader = response.body?.getReader();
  if (reader === undefined) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new SpidTestIdpError(
        'ERR_SPID_TEST_IDP_UNEXPECTED_RESPONSE',
        `The response body is larger than ${maxBytes} bytes`,
        { reason: 'body-too-large' },
      );
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Sends one request with `redirect: 'manual'`, the jar's cookies, a timeout covering headers and
 * body, and a body size cap; stores the response's cookies in the jar.
 *
 * @param url - absolute http(s) URL
 * @param options - method, body, jar, limits, fetch
 * @returns status, raw Location, body
 * @throws {@link SpidTestIdpError} `ERR_SPID_TEST_IDP_NETWORK` on a network failure or timeout,
 * `ERR_SPID_TEST_IDP_UNEXPECTED_RESPONSE` when the body exceeds `maxBytes`.
 * @internal
 */
export async function sendHttp(url: string, options: SendHttpOptions): Promise<HttpExchange> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const headers: Record<string, string> = { accept: options.accept ?? 'text/html,application/xml;q=0.9,*/*;q=0.8' };
    const cookie = options.jar.header(url);
    if (cookie !== undefined) headers.cookie = cookie;
    const init: RequestInit = {
      method: options.method ?? 'GET',
      headers,
      redirect: 'manual',
      signal: controller.signal,
    };
    if (options.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      init.body = options.form.toString();
    }
    let response: Response;
    try {
      response = await options.fetch(url, init);
    } catch (err) {
      throw new SpidTestIdpError(
        'ERR_SPID_TEST_IDP_NETWORK',
        controller.signal.aborted ? `No answer within ${options.timeoutMs} ms` : 'The request failed (network error)',
        { cause: err, reason: controller.signal.aborted ? 'timeout' : 'network' },
      );
    }
    options.jar.store(url, response.headers.getSetCookie());
    let body: string;
    try {
      body = await readCapped(response, options.maxBytes);
    } catch (err) {
      if (SpidTestIdpError.isInstance(err)) throw err;
      throw new SpidTestIdpError(
        'ERR_SPID_TEST_IDP_NETWORK',
        controller.signal.aborted ? `No complete answer within ${options.timeoutMs} ms` : 'Reading the body failed',
        { cause: err, reason: controller.signal.aborted ? 'timeout' : 'network' },
      );
    }
    return {
      status: response.status,
      location: response.headers.get('location') ?? undefined,
      body,
      contentType: response.headers.get('content-type') ?? '',
    };
  } finally {
    clearTimeout(timer);
  }
}
