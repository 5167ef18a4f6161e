import ky from 'ky';
import type { Wire, WireResponse } from './wire.js';

function fetchResponse(response: Response): WireResponse {
  return {
    status: response.status,
    header: (name) => response.headers.get(name),
    headers: () => response.headers,
    async read(sink) {
      const body = response.body;
      if (body === null) return;
      const reader = body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        if (!sink(value)) {
          reader.cancel().catch(() => undefined);
          return;
        }
      }
    },
    cancel() {
      response.body?.cancel().catch(() => undefined);
    },
  };
}

/**
 * The wire step over ky and a given `fetch` (tests, proxies, runtimes other than Node).
 *
 * @remarks
 * The pipeline of `createHttp` has already built the URL, headers and body, and owns the timeout;
 * ky adds no retry (`retry: 0`), no timeout and no status errors of its own. Redirects are not
 * followed (`redirect: 'manual'`): a 3xx is answered as it is, like the node:http wire step does.
 *
 * @param fetch - the `fetch` to call
 * @returns the wire step
 * @internal
 */
export function createKyWire(fetch: typeof globalThis.fetch): Wire {
  const client = ky.create({ timeout: false, retry: 0, throwHttpErrors: false, fetch, redirect: 'manual' });
  return async (request) =>
    fetchResponse(
      await client(request.url, {
        method: request.method,
        headers: request.headers,
        signal: request.signal,
        ...(request.body !== undefined ? { body: request.body } : {}),
      }),
    );
}
