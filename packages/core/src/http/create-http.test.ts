import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiCallError } from '../errors/api-call-error.js';
import { CoreError } from '../errors/core-error.js';
import { createHttp as createHttpOver, type HttpOptions } from './create-http.js';

interface Received {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

// A real local server on port 0; returns its base URL and the requests it received.
async function serve(handler: Handler): Promise<{ baseUrl: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body });
      handler(req, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}/api/v1/`, received };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the request to fail');
}

// Every test runs against both wire steps, with the same expectations.
const WIRES = [
  ['node:http (no fetch option)', {}],
  ['ky over fetch', { fetch: globalThis.fetch }],
] as const;

describe.each(WIRES)('createHttp() over %s', (_wire, wireOptions) => {
  const createHttp = (options: HttpOptions) => createHttpOver({ ...options, ...wireOptions });

  it('resolves a 2xx JSON response and sends path, query, headers and body', async () => {
    const { baseUrl, received } = await serve(json(201, { id: 'n-1' }));
    const http = createHttp({ baseUrl, headers: { 'x-api-key': 'test-only-key' } });
    const response = await http.request({
      method: 'POST',
      path: 'notices',
      json: { amountCents: 1500 },
      searchParams: { dryRun: true },
    });
    expect(response).toMatchObject({ status: 201, body: { id: 'n-1' } });
    expect(received[0]).toMatchObject({ method: 'POST', url: '/api/v1/notices?dryRun=true' });
    expect(received[0]?.headers['x-api-key']).toBe('test-only-key');
    expect(JSON.parse(received[0]?.body ?? '')).toEqual({ amountCents: 1500 });
  });

  it('validates the body with requestJson', async () => {
    const { baseUrl } = await serve(json(200, { id: 'n-1', extra: true }));
    const body = await createHttp({ baseUrl }).requestJson(
      { method: 'GET', path: 'notices/n-1' },
      z.object({ id: z.string() }),
    );
    expect(body).toEqual({ id: 'n-1' });
  });

  it('maps a 4xx to a non-retryable ApiCallError with status and request id', async () => {
    const { baseUrl } = await serve(json(404, { title: 'Not Found' }, { 'x-request-id': 'req-404' }));
    const err = await failure(createHttp({ baseUrl }).request({ method: 'GET', path: 'notices/missing' }));
    expect(ApiCallError.isInstance(err)).toBe(true);
    expect(err).toMatchObject({
      code: 'ERR_CORE_HTTP_STATUS',
      status: 404,
      isRetryable: false,
      requestId: 'req-404',
      url: `${baseUrl}notices/missing`,
    });
  });

  it.each([429, 500, 503])('maps HTTP %i to a retryable ApiCallError', async (status) => {
    const { baseUrl } = await serve(json(status, {}, { 'x-correlation-id': 'corr-1' }));
    const http = createHttp({ baseUrl, requestIdHeader: 'x-correlation-id' });
    const err = await failure(http.request({ method: 'GET', path: 'x' }));
    expect(err).toMatchObject({ code: 'ERR_CORE_HTTP_STATUS', status, isRetryable: true, requestId: 'corr-1' });
  });

  it('keeps only rate-limit hints and the request id of the response headers', async () => {
    const headers = { 'x-rate-limit-retry-after': '2', 'set-cookie': 'session=secret', 'x-request-id': 'r-1' };
    const { baseUrl } = await serve(json(429, { title: 'Too Many Requests' }, headers));
    const err = await failure(createHttp({ baseUrl }).request({ method: 'POST', path: 'messages', json: {} }));
    const cause = (err as Error).cause as { body: unknown; headers: Record<string, string> };
    expect(cause.body).toEqual({ title: 'Too Many Requests' });
    expect(cause.headers).toEqual({
      'content-type': 'application/json',
      'x-rate-limit-retry-after': '2',
      'x-request-id': 'r-1',
    });
  });

  it('does not retry on its own', async () => {
    const { baseUrl, received } = await serve(json(503, {}));
    await failure(createHttp({ baseUrl }).request({ method: 'GET', path: 'x' }));
    expect(received).toHaveLength(1);
  });

  it('maps a timeout to ERR_CORE_HTTP_TIMEOUT without a status', async () => {
    const { baseUrl } = await serve(() => {
      // Never answers: the client must give up after timeoutMs.
    });
    const err = await failure(createHttp({ baseUrl, timeoutMs: 50 }).request({ method: 'GET', path: 'slow' }));
    expect(ApiCallError.isInstance(err)).toBe(true);
    expect(err).toMatchObject({ code: 'ERR_CORE_HTTP_TIMEOUT', status: undefined, isRetryable: true });
  });

  it('keeps no fiscal code anywhere in a timeout error, cause included', async () => {
    const { baseUrl } = await serve(() => {
      // Never answers.
    });
    const err = await failure(
      createHttp({ baseUrl, timeoutMs: 50 }).request({ method: 'GET', path: 'messages/RSSMRA85T10A562S/01ABC' }),
    );
    expect(err).toMatchObject({ code: 'ERR_CORE_HTTP_TIMEOUT' });
    const cause = (err as Error).cause as Error;
    expect(cause.message).toContain(':redacted');
    expect(`${(err as Error).message} ${cause.message} ${String(cause.stack)}`).not.toContain('RSSMRA85T10A562S');
  });

  it('maps a timeout with a query string and a body the same way', async () => {
    const { baseUrl } = await serve(() => {
      // Never answers.
    });
    const http = createHttp({ baseUrl, timeoutMs: 50 });
    const err = await failure(http.request({ method: 'POST', path: 'slow', json: {}, searchParams: { page: 1 } }));
    expect(err).toMatchObject({ code: 'ERR_CORE_HTTP_TIMEOUT', status: undefined, url: `${baseUrl}slow` });
  });

  it("rejects with the caller's abort reason, before or during the request", async () => {
    const { baseUrl } = await serve(() => {
      // Never answers: only the abort ends the request.
    });
    const controller = new AbortController();
    const reason = new Error('stop');
    const pending = failure(createHttp({ baseUrl }).request({ method: 'GET', path: 'x', signal: controller.signal }));
    setTimeout(() => controller.abort(reason), 20);
    expect(await pending).toBe(reason);
    const before = new AbortController();
    before.abort(reason);
    expect(await failure(createHttp({ baseUrl }).request({ method: 'GET', path: 'x', signal: before.signal }))).toBe(
      reason,
    );
  });

  it('sends the default and per-request headers and a JSON content type', async () => {
    const { baseUrl, received } = await serve(json(200, {}));
    const http = createHttp({ baseUrl, headers: { 'X-Api-Key': 'test-only-key' } });
    await http.request({ method: 'POST', path: 'a', json: { n: 1 }, headers: { 'x-extra': '1' } });
    expect(received[0]?.headers).toMatchObject({
      'x-api-key': 'test-only-key',
      'x-extra': '1',
      'content-type': 'application/json',
    });
    expect(received[0]?.body).toBe('{"n":1}');
  });

  it('maps a refused connection to ERR_CORE_HTTP_NETWORK', async () => {
    const { baseUrl } = await serve(json(200, {}));
    const server = servers.pop();
    await new Promise((resolve) => server?.close(resolve));
    const err = await failure(createHttp({ baseUrl }).request({ method: 'GET', path: 'x' }));
    expect(err).toMatchObject({ code: 'ERR_CORE_HTTP_NETWORK', status: undefined, isRetryable: true });
    expect((err as Error).cause).toBeDefined();
    // A refused connection never carried the request: safe to resend even a POST.
    expect((err as { reachedServer: boolean }).reachedServer).toBe(false);
  });

  it('redacts fiscal-code path segments and drops the query from the error url', async () => {
    const { baseUrl, received } = await serve(json(403, {}));
    const err = await failure(
      createHttp({ baseUrl }).request({
        method: 'GET',
        path: 'profiles/RSSMRA85T10A562S',
        searchParams: { fiscal_code: 'RSSMRA85T10A562S' },
      }),
    );
    expect(received[0]?.url).toContain('RSSMRA85T10A562S');
    expect(err).toMatchObject({ url: `${baseUrl}profiles/:redacted` });
    expect(`${(err as Error).message} ${(err as ApiCallError).url}`).not.toContain('RSSMRA');
  });

  it('rejects a 2xx body that does not match the schema with ERR_CORE_INVALID_RESPONSE', async () => {
    const { baseUrl } = await serve(json(200, { id: 42 }));
    const err = await failure(
      createHttp({ baseUrl }).requestJson({ method: 'GET', path: 'x' }, z.object({ id: z.string() })),
    );
    expect(CoreError.isInstance(err)).toBe(true);
    expect(err).toMatchObject({ code: 'ERR_CORE_INVALID_RESPONSE', field: 'id' });
    expect((err as Error).cause).toBeInstanceOf(z.ZodError);
  });

  it('treats a non-JSON 2xx body as invalid for requestJson', async () => {
    const { baseUrl } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>maintenance</html>');
    });
    const http = createHttp({ baseUrl });
    await expect(http.request({ method: 'GET', path: 'x' })).resolves.toMatchObject({ status: 200, body: undefined });
    const err = await failure(http.requestJson({ method: 'GET', path: 'x' }, z.object({ id: z.string() })));
    expect(err).toMatchObject({ code: 'ERR_CORE_INVALID_RESPONSE' });
  });
});
