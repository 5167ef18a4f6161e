import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createIoClient } from '../src/index.js';
import { failure, SAMPLE_MESSAGE } from './client-stub-server.js';

const KEY = 'test-only-SECRET/io+key=42';
const CF = SAMPLE_MESSAGE.fiscalCode;
const FORMS = [KEY, encodeURIComponent(KEY), Buffer.from(KEY).toString('base64')];
let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

async function serve(handler: RequestListener): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
}

function leaks(value: unknown): boolean {
  const text = [
    String(value),
    JSON.stringify(value) ?? '',
    inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    value instanceof Error ? String(value.stack) : '',
  ]
    .join('\n')
    .toLowerCase();
  return FORMS.some((form) => text.includes(form.toLowerCase())) || text.includes(CF.toLowerCase());
}

describe('IoClient hardening', () => {
  it('keeps a key IO echoes (plain or URL-encoded) out of the error, its problem and its cause', async () => {
    const echoes = [
      { status: 401, body: { statusCode: 401, message: `Access denied for key ${KEY}.` } },
      { status: 403, body: { title: 'Forbidden', detail: `key=${encodeURIComponent(KEY)}` } },
      { status: 400, body: { title: `Invalid ${KEY}`, detail: `value "${CF}" with ${encodeURIComponent(KEY)}` } },
      { status: 500, body: { title: Buffer.from(KEY).toString('base64') } },
    ];
    let reply = echoes[0];
    const baseUrl = await serve((req, res) => {
      req.resume();
      res.writeHead(reply?.status ?? 500, {
        'content-type': 'application/problem+json',
        'x-request-id': `req-${req.headers['ocp-apim-subscription-key']}`,
      });
      res.end(JSON.stringify(reply?.body));
    });
    const io = createIoClient({ apiKey: KEY, baseUrl, retry: { maxRetries: 0 } });
    for (const echo of echoes) {
      reply = echo;
      const err = await failure(io.sendMessage(SAMPLE_MESSAGE));
      expect(err).toMatchObject({ status: echo.status, requestId: 'req-[redacted]' });
      expect(leaks(err), `HTTP ${echo.status}`).toBe(false);
    }
    reply = echoes[2];
    const err = await failure(io.sendMessage(SAMPLE_MESSAGE));
    expect(err.problem).toEqual({
      title: 'Invalid [redacted]',
      detail: 'value "[fiscal code]" with [redacted]',
      status: undefined,
      type: undefined,
    });
  });

  it('times out a send whose 201 body drips, with outcome unknown, long before the drip ends', async () => {
    const baseUrl = await serve((req, res) => {
      req.resume();
      res.writeHead(201, { 'content-type': 'application/json' });
      const drip = setInterval(() => res.write(' '), 500);
      res.on('close', () => clearInterval(drip));
    });
    const io = createIoClient({ apiKey: KEY, baseUrl, timeoutMs: 2000 });
    const started = Date.now();
    const err = await failure(io.sendMessage(SAMPLE_MESSAGE));
    expect(err).toMatchObject({ code: 'ERR_IO_TIMEOUT', outcome: 'unknown' });
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 30_000);

  it('refuses an oversized answer: a send becomes ERR_IO_INVALID_RESPONSE with outcome unknown, not retried', async () => {
    let requests = 0;
    const baseUrl = await serve((req, res) => {
      requests += 1;
      req.resume();
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: '01BX9NSMKVXXS5PSP2FATZMYYY', pad: 'x'.repeat(2 * 1_048_576) }));
    });
    const io = createIoClient({ apiKey: KEY, baseUrl, retry: { baseDelayMs: 5 } });
    await expect(failure(io.sendMessage(SAMPLE_MESSAGE))).resolves.toMatchObject({
      code: 'ERR_IO_INVALID_RESPONSE',
      status: 201,
      outcome: 'unknown',
    });
    await expect(failure(io.getProfile(CF))).resolves.toMatchObject({ code: 'ERR_IO_INVALID_RESPONSE' });
    expect(requests).toBe(2);
  });

  it('reads a subscriptions feed larger than 1 MiB (its own 32 MiB limit)', async () => {
    const hash = 'a'.repeat(64);
    const subscriptions = Array.from({ length: 20_000 }, () => hash);
    const baseUrl = await serve((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ dateUTC: '2025-01-01', subscriptions, unsubscriptions: [] }));
    });
    const feed = await createIoClient({ apiKey: KEY, baseUrl }).getSubscriptionsFeed('2025-01-01');
    expect(feed.subscriptions).toHaveLength(20_000);
  });
});
