import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { createServer as createNetServer, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ApiCallError } from '../errors/api-call-error.js';
import { createHttp as createHttpOver, DEFAULT_MAX_BODY_BYTES, type HttpOptions } from './create-http.js';

const servers: (Server | NetServer)[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    if ('closeAllConnections' in server) server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(server: Server | NetServer): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/`;
}

const serve = (handler: RequestListener): Promise<string> => listen(createServer(handler));

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the request to fail');
}

/** Everything an error can show: message, JSON, deep inspect (cause chain included) and stack. */
const views = (value: unknown): string =>
  [
    String(value),
    JSON.stringify(value) ?? '',
    inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    value instanceof Error ? String(value.stack) : '',
  ].join('\n');

// Streams `total` bytes of JSON-ish filler in 64 KiB chunks, honouring backpressure, and records
// how many bytes it managed to write before the client closed the socket.
function bigBody(total: number, withLength: boolean) {
  const seen = { written: 0, closed: false };
  const handler: RequestListener = (_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      ...(withLength ? { 'content-length': String(total) } : {}),
    });
    const chunk = Buffer.alloc(65_536, 0x20);
    res.on('close', () => {
      seen.closed = true;
    });
    const pump = (): void => {
      while (seen.written < total && !res.destroyed) {
        seen.written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    pump();
  };
  return { seen, handler };
}

// Every test runs against both wire steps, with the same expectations.
const WIRES = [
  ['node:http (no fetch option)', {}],
  ['ky over fetch', { fetch: globalThis.fetch }],
] as const;

describe.each(WIRES)('createHttp() over %s', (_wire, wireOptions) => {
  const createHttp = (options: HttpOptions) => createHttpOver({ ...options, ...wireOptions });

  describe('timeout', () => {
    it('covers the body read: a server dripping one byte every 500 ms fails a 2 s call in time', async () => {
      let closed = false;
      const baseUrl = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        let sent = 0;
        // 60 bytes over 30 s: without a timeout on the body, the call would last that long.
        const drip = setInterval(() => {
          if (sent++ >= 60) {
            clearInterval(drip);
            res.end();
          } else res.write(' ');
        }, 500);
        res.on('close', () => {
          closed = true;
          clearInterval(drip);
        });
      });
      const started = Date.now();
      const err = await failure(createHttp({ baseUrl, timeoutMs: 2000 }).request({ method: 'GET', path: 'drip' }));
      const elapsed = Date.now() - started;
      expect(err).toMatchObject({ code: 'ERR_CORE_HTTP_TIMEOUT', status: undefined, isRetryable: true });
      // Well before the drip's 30 s; loose on purpose (a shared, loaded machine).
      expect(elapsed).toBeGreaterThanOrEqual(1900);
      expect(elapsed).toBeLessThan(15_000);
      await expect.poll(() => closed).toBe(true);
    }, 30_000);

    it('covers the body read of a status error too', async () => {
      const baseUrl = await serve((_req, res) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.write('{"title":');
        // Never finishes the body: the 500 is still reported, without a body, within the timeout.
      });
      const err = await failure(createHttp({ baseUrl, timeoutMs: 200 }).request({ method: 'GET', path: 'x' }));
      expect(err).toMatchObject({ code: 'ERR_CORE_HTTP_STATUS', status: 500, cause: { body: undefined } });
    });
  });

  describe('body limit', () => {
    let dir = '';
    let bundle = '';
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'civico-core-http-'));
      bundle = join(dir, 'create-http.mjs');
      await build({
        entryPoints: [new URL('./create-http.ts', import.meta.url).pathname],
        outfile: bundle,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        logLevel: 'silent',
      });
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    // The client runs in a worker with a small heap and a time limit, so a body read whole (or a
    // hang) fails the test instead of exhausting the test process.
    async function requestInWorker(baseUrl: string): Promise<Record<string, unknown>> {
      const code = `
      const { parentPort, workerData } = require('node:worker_threads');
      import(workerData.bundle).then(async ({ createHttp }) => {
        try {
          await createHttp({ baseUrl: workerData.baseUrl, timeoutMs: 20000, ...(workerData.useFetch ? { fetch } : {}) }).request({ method: 'GET', path: 'big' });
          parentPort.postMessage({ ok: true });
        } catch (e) {
          parentPort.postMessage({ code: e.code, status: e.status, isRetryable: e.isRetryable,
            heapMb: process.memoryUsage().heapUsed / 1048576 });
        }
      });`;
      const worker = new Worker(code, {
        eval: true,
        workerData: { bundle: pathToFileURL(bundle).href, baseUrl, useFetch: 'fetch' in wireOptions },
        resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
      });
      const limit = setTimeout(() => void worker.terminate(), 25_000);
      try {
        return await new Promise((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (exitCode) => reject(new Error(`worker exited with ${exitCode}`)));
        });
      } finally {
        clearTimeout(limit);
        await worker.terminate();
      }
    }

    it.each([
      ['streamed without a length', false],
      ['announced by Content-Length', true],
    ])(
      'refuses a 100 MB body %s without reading it, and closes the connection',
      async (_name, withLength) => {
        const { seen, handler } = bigBody(100 * 1_048_576, withLength);
        const baseUrl = await serve(handler);
        const result = await requestInWorker(baseUrl);
        expect(result).toMatchObject({ code: 'ERR_CORE_HTTP_BODY_TOO_LARGE', status: 200, isRetryable: false });
        expect(result.heapMb).toBeLessThan(48);
        await expect.poll(() => seen.closed).toBe(true);
        // Socket buffers hold a few MB at most: far from the 100 MB a full read would take.
        expect(seen.written).toBeLessThan(32 * 1_048_576);
      },
      30_000,
    );

    it('accepts a body of exactly the limit and refuses one byte more (property)', async () => {
      let size = 0;
      const baseUrl = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`"${'a'.repeat(size - 2)}"`);
      });
      const http = createHttp({ baseUrl, maxBodyBytes: 4096 });
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 2, max: 8192 }), fc.integer({ min: 2, max: 8192 }), async (n, limit) => {
          size = n;
          const outcome = await http.request({ method: 'GET', path: 'x', maxBodyBytes: limit }).then(
            (response) => (typeof response.body === 'string' ? response.body.length + 2 : -1),
            (err: unknown) => (err as ApiCallError).code,
          );
          expect(outcome).toBe(n <= limit ? n : 'ERR_CORE_HTTP_BODY_TOO_LARGE');
        }),
        { numRuns: 40 },
      );
    });

    it('fails closed on a limit or timeout that is not a positive number', async () => {
      const baseUrl = 'http://127.0.0.1:9/api/';
      for (const [options, field] of [
        [{ maxBodyBytes: Number.NaN }, 'maxBodyBytes'],
        [{ maxBodyBytes: 0 }, 'maxBodyBytes'],
        [{ timeoutMs: -1 }, 'timeoutMs'],
      ] as const) {
        expect(() => createHttp({ baseUrl, ...options })).toThrow(
          expect.objectContaining({ code: 'ERR_CORE_INVALID_CONFIG', field }),
        );
      }
      const err = await failure(createHttp({ baseUrl }).request({ method: 'GET', path: 'x', maxBodyBytes: -5 }));
      expect(err).toMatchObject({ code: 'ERR_CORE_INVALID_CONFIG', field: 'maxBodyBytes' });
    });

    it('defaults to 1 MiB and drops an oversized body of a status error, keeping the status', async () => {
      expect(DEFAULT_MAX_BODY_BYTES).toBe(1_048_576);
      const baseUrl = await serve((_req, res) => {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ title: 'x'.repeat(DEFAULT_MAX_BODY_BYTES) }));
      });
      const err = await failure(createHttp({ baseUrl }).request({ method: 'GET', path: 'x' }));
      expect(err).toMatchObject({ code: 'ERR_CORE_HTTP_STATUS', status: 503, isRetryable: true });
      expect(((err as Error).cause as { body: unknown }).body).toBeUndefined();
    });
  });

  describe('secrets', () => {
    const KEY = 'test-only-SECRET/key+42=';
    const encoded = [KEY, encodeURIComponent(KEY), Buffer.from(KEY).toString('base64')];
    const leaks = (value: unknown): boolean => {
      const text = views(value);
      return encoded.some((form) => text.toLowerCase().includes(form.toLowerCase()));
    };

    it('removes the key, plain or encoded, from an echoed problem body, its keys and the request id', async () => {
      const echoed = {
        title: `Invalid key ${KEY}`,
        detail: `header was ${encodeURIComponent(KEY)} (${Buffer.from(KEY).toString('base64')})`,
        [KEY]: 'as a property name',
        nested: [{ value: `%${[...Buffer.from(KEY)].map((b) => b.toString(16)).join('%')}` }],
      };
      const baseUrl = await serve((req, res) => {
        res.writeHead(401, { 'content-type': 'application/json', 'x-request-id': `r-${req.headers['x-api-key']}` });
        res.end(JSON.stringify(echoed));
      });
      const http = createHttp({ baseUrl, headers: { 'x-api-key': KEY }, secrets: [KEY] });
      const err = await failure(http.request({ method: 'POST', path: 'messages', json: {} }));
      expect(err).toMatchObject({ code: 'ERR_CORE_HTTP_STATUS', status: 401, requestId: 'r-[redacted]' });
      const body = ((err as Error).cause as { body: Record<string, unknown> }).body;
      expect(body.title).toBe('Invalid key [redacted]');
      expect(body.detail).toBe('header was [redacted] ([redacted])');
      expect(leaks(err)).toBe(false);
    });

    it('removes the key from the raw bytes a parser error keeps, and from every network error', async () => {
      const server = createNetServer((socket) => {
        socket.on('data', () => socket.end(`HTTP/1.1 200 OK\r\nBad Header ${KEY}: x\r\n\r\n${KEY}`));
      });
      const baseUrl = await listen(server);
      const http = createHttp({ baseUrl, headers: { 'x-api-key': KEY }, secrets: [KEY] });
      const err = await failure(http.request({ method: 'GET', path: 'x' }));
      expect(err).toMatchObject({ code: 'ERR_CORE_HTTP_NETWORK', reachedServer: true });
      expect(leaks(err)).toBe(false);
    });
  });
});
