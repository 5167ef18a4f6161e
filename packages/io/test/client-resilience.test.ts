import { createServer } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIoClient, type IoClient } from '../src/index.js';
import { failure, SAMPLE_MESSAGE, type StubServer, startStubServer } from './client-stub-server.js';

const CF = 'RSSMRA85T10A562S';
const KEY = 'test-only-SECRET-io-key-42';
const message = SAMPLE_MESSAGE;
let stub: StubServer;
let io: IoClient;

beforeEach(async () => {
  stub = await startStubServer();
  io = createIoClient({ apiKey: KEY, baseUrl: stub.baseUrl, timeoutMs: 300, retry: { baseDelayMs: 5 } });
});
afterEach(() => stub.close());

function leaks(value: unknown): boolean {
  const views = [
    String(value),
    JSON.stringify(value) ?? '',
    inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    value instanceof Error ? (value.stack ?? '') : '',
  ];
  return views.some((v) => v.includes(KEY) || v.includes(CF));
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('IoClient rate limiting', () => {
  it('pauses every concurrent caller for x-rate-limit-retry-after after one 429', async () => {
    stub.reply = (req, i) => {
      if (i === 0) return { status: 429, headers: { 'x-rate-limit-retry-after': '0.4' } };
      return req.url.endsWith('/messages')
        ? { status: 201, body: { id: '01BX9NSMKVXXS5PSP2FATZMYYY' } }
        : { status: 200, body: { sender_allowed: true } };
    };
    const first = io.getProfile(CF);
    await vi.waitFor(() => expect(io.rateLimiter.pausedUntil()).toBeInstanceOf(Date));
    const pauseEnd = io.rateLimiter.pausedUntil()?.getTime() ?? 0;
    const others = [io.getProfile(CF), io.getProfile(CF), io.sendMessage({ ...message })];
    const results = await Promise.all([first, ...others]);
    expect(results).toHaveLength(4);
    // One 429, then exactly one request per caller, all after the pause (a lower bound, not a timing race).
    expect(stub.requests).toHaveLength(5);
    for (const r of stub.requests.slice(1)) expect(r.at).toBeGreaterThanOrEqual(pauseEnd - 5);
  });

  it('gives up with ERR_IO_RATE_LIMITED (outcome not-sent) after maxRetries', async () => {
    const strict = createIoClient({ apiKey: KEY, baseUrl: stub.baseUrl, retry: { maxRetries: 2, baseDelayMs: 5 } });
    stub.reply = () => ({ status: 429, headers: { 'x-rate-limit-retry-after': '0' } });
    await expect(failure(strict.sendMessage(message))).resolves.toMatchObject({
      code: 'ERR_IO_RATE_LIMITED',
      status: 429,
      outcome: 'not-sent',
    });
    expect(stub.requests).toHaveLength(3);
  });

  it('does not wait for a pause longer than maxRetryAfterMs, but pauses the limiter', async () => {
    stub.reply = () => ({ status: 429, headers: { 'x-rate-limit-retry-after': '3600' } });
    await expect(failure(io.getProfile(CF))).resolves.toMatchObject({ code: 'ERR_IO_RATE_LIMITED' });
    expect(io.rateLimiter.pausedUntil()).toBeInstanceOf(Date);
    expect(stub.requests).toHaveLength(1);
  });
});

describe('IoClient retries', () => {
  it('never retries a send whose connection dropped mid-request: outcome unknown', async () => {
    stub.reply = () => 'destroy';
    const err = await failure(io.sendMessage(message));
    expect(err).toMatchObject({ code: 'ERR_IO_NETWORK', outcome: 'unknown' });
    expect(stub.requests).toHaveLength(1);
  });

  it('never retries a send that timed out: outcome unknown', async () => {
    stub.reply = () => 'hang';
    await expect(failure(io.sendMessage(message))).resolves.toMatchObject({
      code: 'ERR_IO_TIMEOUT',
      outcome: 'unknown',
    });
    expect(stub.requests).toHaveLength(1);
  });

  it('retries a send refused before connecting, then reports outcome not-sent', async () => {
    let attempts = 0;
    const counting: typeof fetch = (input, init) => {
      attempts += 1;
      return fetch(input, init);
    };
    const port = await closedPort();
    const refused = createIoClient({
      apiKey: KEY,
      baseUrl: `http://127.0.0.1:${port}/api/v1`,
      fetch: counting,
      retry: { maxRetries: 2, baseDelayMs: 5 },
    });
    await expect(failure(refused.sendMessage(message))).resolves.toMatchObject({
      code: 'ERR_IO_NETWORK',
      outcome: 'not-sent',
    });
    expect(attempts).toBe(3);
  });

  it('aborts while queued without sending', async () => {
    const controller = new AbortController();
    io.rateLimiter.pause(1000);
    const pending = io.getProfile(CF, { signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    expect(stub.requests).toHaveLength(0);
  });
});

describe('API key redaction', () => {
  it('keeps the key and the fiscal code out of errors, JSON and inspect output', async () => {
    const errors: unknown[] = [];
    for (const reply of [
      { status: 401 },
      { status: 403, body: { title: 'Recipient forbidden' } },
      'destroy',
      'hang',
    ] as const) {
      stub.reply = () => reply;
      errors.push(await failure(io.sendMessage(message)));
      errors.push(await failure(io.getMessageStatus({ fiscalCode: CF, messageId: '01BX9NSMKVXXS5PSP2FATZMYYY' })));
    }
    try {
      createIoClient({ apiKey: `${KEY} with space`, baseUrl: stub.baseUrl });
    } catch (err) {
      errors.push(err);
    }
    expect(errors).toHaveLength(9);
    for (const err of errors) expect(leaks(err)).toBe(false);
    expect(leaks(io)).toBe(false);
    expect(inspect(io, { depth: Number.POSITIVE_INFINITY, showHidden: true })).not.toContain(KEY);
  });
});
