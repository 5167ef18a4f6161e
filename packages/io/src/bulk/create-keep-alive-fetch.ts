import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * Options of {@link createKeepAliveFetch}.
 * @group Bulk
 */
export interface KeepAliveFetchOptions {
  /** Most open connections per host (default 64); match the bulk `concurrency`. */
  readonly maxSockets?: number | undefined;
}

function toHeaders(res: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] ?? '', raw[i + 1] ?? '');
  return headers;
}

interface Outgoing {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string | Buffer | undefined;
  readonly signal: AbortSignal | undefined;
}

const isPlainHeaders = (headers: RequestInit['headers']): headers is Record<string, string> =>
  headers === undefined || (typeof headers === 'object' && !Array.isArray(headers) && !(headers instanceof Headers));

// A URL string with a string body (or none) and plain headers, as `@civico/core/http` sends JSON,
// maps to `node:http` options directly; anything else goes through a WHATWG Request first.
async function toOutgoing(input: Parameters<typeof fetch>[0], init: RequestInit | undefined): Promise<Outgoing> {
  const headers = init?.headers;
  const body = init?.body;
  if (typeof input === 'string' && isPlainHeaders(headers) && (body === undefined || typeof body === 'string')) {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = value;
    if (body !== undefined && out['content-type'] === undefined) out['content-type'] = 'text/plain;charset=UTF-8';
    return {
      url: input,
      method: (init?.method ?? 'GET').toUpperCase(),
      headers: out,
      body,
      signal: init?.signal ?? undefined,
    };
  }
  const req = input instanceof Request && init === undefined ? input : new Request(input, init);
  const out: Record<string, string> = {};
  req.headers.forEach((value, name) => {
    out[name] = value;
  });
  const buffer = req.body ? Buffer.from(await req.arrayBuffer()) : undefined;
  return { url: req.url, method: req.method, headers: out, body: buffer, signal: req.signal };
}

/**
 * A `fetch` over `node:http`/`node:https` with a keep-alive agent, for bulk sends.
 *
 * @remarks
 * Pass it as the client's `fetch` when sending thousands of messages: it reuses up to
 * `maxSockets` connections and skips the WHATWG-stream plumbing of the built-in fetch, which
 * dominates CPU time at high rates (see the README's Performance section). Failures reject with a
 * `TypeError('fetch failed')` whose `cause` carries the socket error code (`ECONNREFUSED`,
 * `ECONNRESET`…), as the built-in fetch does, so the client still tells "never sent" from "unknown".
 *
 * @param options - connection pool size
 * @returns a `fetch`-compatible function
 * @example
 * ```ts
 * import { createIoClient, createKeepAliveFetch } from '@civico/io';
 * const client = createIoClient({ apiKey: 'sandbox-key', baseUrl: 'http://127.0.0.1:8787/api/v1', fetch: createKeepAliveFetch() });
 * ```
 * @group Bulk
 */
export function createKeepAliveFetch(options: KeepAliveFetchOptions = {}): typeof globalThis.fetch {
  const maxSockets = options.maxSockets ?? 64;
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets });
  const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets });
  return async (input, init) => {
    const req = await toOutgoing(input, init);
    const { signal } = req;
    if (signal?.aborted) throw signal.reason;
    const https = req.url.startsWith('https:');
    const headers = req.headers;
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
    return new Promise<Response>((resolve, reject) => {
      const fail = (error: unknown): void => reject(new TypeError('fetch failed', { cause: error }));
      const outgoing = (https ? httpsRequest : httpRequest)(
        req.url,
        { method: req.method, headers, agent: https ? httpsAgent : httpAgent, ...(signal ? { signal } : {}) },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', fail);
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            const empty = status === 204 || status === 304 || req.method === 'HEAD';
            resolve(
              new Response(empty ? null : Buffer.concat(chunks), {
                status,
                statusText: res.statusMessage ?? '',
                headers: toHeaders(res),
              }),
            );
          });
        },
      );
      outgoing.on('error', (error) => (signal?.aborted ? reject(signal.reason) : fail(error)));
      outgoing.end(req.body);
    });
  };
}
