import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { maskPersonalData, readRetryAfterMs } from '@civico/core/internal';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PagoPaError } from '../src/errors.js';
import { backoffMs } from '../src/platform/backoff-ms.js';
import { createPlatformHttp } from '../src/platform/create-platform-http.js';
import { type PlatformCallSettings, runPlatformCall } from '../src/platform/run-platform-call.js';
import { type GpdStub, STUB_KEY, startGpdStub } from './gpd-stub-server.js';

const ORG = '77777777777';
const LIST = `organizations/${ORG}/debtpositions`;
const SETTINGS: PlatformCallSettings = { service: 'GPD', maxRetries: 3, baseDelayMs: 1, maxRetryAfterMs: 5_000 };

let stub: GpdStub;
beforeEach(async () => {
  stub = await startGpdStub();
});
afterEach(async () => {
  await stub.close();
});

const http = (timeoutMs = 2_000) =>
  createPlatformHttp({ baseUrl: stub.url, service: 'gpd', apiKey: STUB_KEY, timeoutMs });

async function failure(promise: Promise<unknown>): Promise<PagoPaError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!PagoPaError.isInstance(error)) throw new Error(`expected a PagoPaError, got ${String(error)}`);
  return error;
}

describe('createPlatformHttp', () => {
  it('sends to host + service path with the subscription key', async () => {
    await runPlatformCall(
      http(),
      { operation: 'list', request: { method: 'GET', path: LIST }, idempotent: true },
      SETTINGS,
    );
    expect(stub.requests[0]?.path).toBe(`/gpd/debt-positions-service/v1/${LIST}`);
    expect(stub.requests[0]?.key).toBe(STUB_KEY);
  });

  it('tolerates a trailing slash on the host', async () => {
    const h = createPlatformHttp({ baseUrl: `${stub.url}/`, service: 'receipts', apiKey: STUB_KEY });
    await runPlatformCall(
      h,
      { operation: 'r', request: { method: 'GET', path: `payments/${ORG}/receipts` }, idempotent: true },
      SETTINGS,
    );
    expect(stub.requests[0]?.path).toBe(`/gpd/payments-receipts-service/v1/payments/${ORG}/receipts`);
  });
});

describe('runPlatformCall retries', () => {
  const get = { operation: 'getPosition', request: { method: 'GET', path: `${LIST}/x` }, idempotent: true } as const;

  it('retries a GET after 503 and a lost response', async () => {
    stub.plan({ method: 'GET', action: { status: 503 } });
    stub.plan({ method: 'GET', action: 'drop-before' });
    const res = await runPlatformCall(http(), { ...get, accept: [404] }, SETTINGS);
    expect(res.status).toBe(404);
    expect(res.attempts).toBe(3);
  });

  it('never retries a non-idempotent POST after a 5xx; outcome unknown', async () => {
    stub.plan({ method: 'POST', action: { status: 500, body: { title: 'Internal', status: 500 } } });
    const call = { operation: 'create', request: { method: 'POST', path: LIST, json: {} }, idempotent: false } as const;
    const error = await failure(runPlatformCall(http(), call, SETTINGS));
    expect(error.code).toBe('ERR_PAGOPA_API_SERVER_ERROR');
    expect(error.outcome).toBe('unknown');
    expect(error.status).toBe(500);
    expect(error.requestId).toBe('stub-req-1');
    expect(stub.requests).toHaveLength(1);
  });

  it('never retries a non-idempotent POST after a lost response', async () => {
    stub.plan({ method: 'POST', action: 'drop-after' });
    const call = {
      operation: 'create',
      request: { method: 'POST', path: LIST, json: { iupd: 'a' } },
      idempotent: false,
    } as const;
    const error = await failure(runPlatformCall(http(), call, SETTINGS));
    expect(error.code).toBe('ERR_PAGOPA_API_NETWORK');
    expect(error.rule).toBe('connection-lost');
    expect(error.outcome).toBe('unknown');
    expect(stub.requests).toHaveLength(1);
  });

  it('retries a 429 for any call, honouring Retry-After in seconds', async () => {
    stub.plan({ method: 'POST', action: { status: 429, headers: { 'retry-after': '0.05' } } });
    const call = {
      operation: 'create',
      request: { method: 'POST', path: `${LIST}/x/publish` },
      idempotent: false,
      accept: [404],
    } as const;
    const started = performance.now();
    const res = await runPlatformCall(http(), call, SETTINGS);
    expect(res.status).toBe(404);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('gives up on a Retry-After over maxRetryAfterMs: RATE_LIMITED, not-sent', async () => {
    stub.plan({ action: { status: 429, headers: { 'retry-after': '3600' } } });
    const error = await failure(runPlatformCall(http(), get, SETTINGS));
    expect(error.code).toBe('ERR_PAGOPA_API_RATE_LIMITED');
    expect(error.outcome).toBe('not-sent');
    expect(stub.requests).toHaveLength(1);
  });

  it('stops after maxRetries and marks a write whose earlier attempt was lost as unknown', async () => {
    stub.plan({ method: 'PUT', action: 'drop-before' });
    stub.plan({ method: 'PUT', action: { status: 429, headers: { 'retry-after': '0' } }, times: 10 });
    const put = {
      operation: 'update',
      request: { method: 'PUT', path: `${LIST}/x`, json: {} },
      idempotent: true,
    } as const;
    const error = await failure(runPlatformCall(http(), put, { ...SETTINGS, maxRetries: 2 }));
    expect(error.code).toBe('ERR_PAGOPA_API_RATE_LIMITED');
    expect(error.outcome).toBe('unknown');
    expect(stub.requests).toHaveLength(3);
  });

  it('retries a refused connection for every call: not-sent', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r()));
    const h = createPlatformHttp({ baseUrl: `http://127.0.0.1:${port}`, service: 'gpd', apiKey: STUB_KEY });
    const call = { operation: 'create', request: { method: 'POST', path: LIST, json: {} }, idempotent: false } as const;
    const error = await failure(runPlatformCall(h, call, { ...SETTINGS, maxRetries: 2 }));
    expect(error.code).toBe('ERR_PAGOPA_API_NETWORK');
    expect(error.outcome).toBe('not-sent');
    expect(error.rule).toBe('not-connected');
  });

  it('times out a GET, retries it, then reports the timeout', async () => {
    stub.plan({ action: 'hang', times: 2 });
    const error = await failure(runPlatformCall(http(100), get, { ...SETTINGS, maxRetries: 1 }));
    expect(error.code).toBe('ERR_PAGOPA_API_NETWORK');
    expect(error.rule).toBe('timeout');
    expect(error.outcome).toBe('rejected');
    expect(stub.requests).toHaveLength(2);
  });

  it('an abort during the backoff ends the call', async () => {
    stub.plan({ action: { status: 503 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stop')), 30);
    const error = await failure(
      runPlatformCall(http(), { ...get, signal: controller.signal }, { ...SETTINGS, baseDelayMs: 10_000 }),
    );
    expect(error.rule).toBe('aborted');
    expect(error.outcome).toBe('not-sent');
  });
});

describe('runPlatformCall error mapping', () => {
  const cases = [
    [400, 'ERR_PAGOPA_API_BAD_REQUEST'],
    [401, 'ERR_PAGOPA_API_UNAUTHORIZED'],
    [403, 'ERR_PAGOPA_API_UNAUTHORIZED'],
    [404, 'ERR_PAGOPA_API_NOT_FOUND'],
    [409, 'ERR_PAGOPA_API_CONFLICT'],
    [422, 'ERR_PAGOPA_API_BAD_REQUEST'],
    [302, 'ERR_PAGOPA_API_UNEXPECTED_RESPONSE'],
  ] as const;
  for (const [status, code] of cases) {
    it(`maps ${status} to ${code}, rejected`, async () => {
      stub.plan({ action: { status, body: { title: 'T', status, detail: 'd' } } });
      const call = { operation: 'op', request: { method: 'POST', path: LIST, json: {} }, idempotent: true } as const;
      const error = await failure(runPlatformCall(http(), call, SETTINGS));
      expect(error.code).toBe(code);
      expect(error.outcome).toBe('rejected');
      expect(error.problem).toEqual({ title: 'T', status, detail: 'd' });
      expect(stub.requests).toHaveLength(1);
    });
  }

  it('masks fiscal codes and e-mails in the problem, and keeps no body in the cause', async () => {
    const detail = 'Debtor RSSMRA85T10A562S (12345678901, mario.rossi@example.it) not valid for IUV 01234567890123456';
    stub.plan({ action: { status: 400, body: { title: 'Bad Request', status: 400, detail } } });
    const error = await failure(runPlatformCall(http(), { ...getCall(), idempotent: true }, SETTINGS));
    expect(error.problem?.detail).toBe(
      'Debtor [fiscal code] ([fiscal code], [email]) not valid for IUV 01234567890123456',
    );
    const dump = JSON.stringify({ error, cause: error.cause, stack: error.stack });
    expect(dump).not.toContain('RSSMRA85T10A562S');
    expect(JSON.stringify((error.cause as { cause?: unknown }).cause ?? null)).toBe('null');
  });

  it('a 5xx to a GET is rejected (nothing was changed)', async () => {
    stub.plan({ action: { status: 500 }, times: 5 });
    const error = await failure(runPlatformCall(http(), getCall(), { ...SETTINGS, maxRetries: 1 }));
    expect(error.code).toBe('ERR_PAGOPA_API_SERVER_ERROR');
    expect(error.outcome).toBe('rejected');
  });
});

function getCall() {
  return { operation: 'get', request: { method: 'GET', path: `${LIST}/x` }, idempotent: true } as const;
}

describe('retry delays', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(readRetryAfterMs('2', now)).toBe(2_000);
    expect(readRetryAfterMs('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3_000);
    expect(readRetryAfterMs('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(readRetryAfterMs('soon', now)).toBeUndefined();
    expect(readRetryAfterMs('-1', now)).toBeUndefined();
    expect(readRetryAfterMs(undefined, now)).toBeUndefined();
  });

  it('backs off exponentially with jitter in [half, full], capped', () => {
    expect(backoffMs(0, 200, 0)).toBe(100);
    expect(backoffMs(0, 200, 0.999)).toBeLessThanOrEqual(200);
    expect(backoffMs(3, 200, 0)).toBe(800);
    expect(backoffMs(20, 200, 1)).toBe(30_000);
  });

  it('masks only whole 11-digit runs, not IUVs or notice numbers', () => {
    expect(maskPersonalData('iuv 01234567890123456 nav 301234567890123456 ofc 77777777777')).toBe(
      'iuv 01234567890123456 nav 301234567890123456 ofc [fiscal code]',
    );
  });
});
