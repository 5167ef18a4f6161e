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
  for (const [name, value] of Object.entries(res.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
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
  const http = new HttpAgent({ keepAlive: true, maxSockets });
  const https = new HttpsAgent({ keepAlive: true, maxSockets });
  return async (input, init) => {
    const req = input instanceof Request && init === undefined ? input : new Request(input, init);
    const url = new URL(req.url);
    const body = req.body ? Buffer.from(await req.arrayBuffer()) : undefined;
    const headers: Record<string, string> = {};
    req.headers.forEach((value, name) => {
      headers[name] = value;
    });
    if (body) headers['content-length'] = String(body.length);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<Response>((resolve, reject) => {
      const fail = (error: unknown): void => reject(new TypeError('fetch failed', { cause: error }));
      const outgoing = send(
        url,
        { method: req.method, headers, agent: url.protocol === 'https:' ? https : http, signal: req.signal },
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
      outgoing.on('error', (error) => (req.signal.aborted ? reject(req.signal.reason) : fail(error)));
      outgoing.end(body);
    });
  };
}
