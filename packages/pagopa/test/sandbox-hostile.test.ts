import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGpdSandbox, type GpdSandbox } from '../src/sandbox/index.js';
import { gpd, iuvOf, ORG, wirePosition } from './sandbox-fixtures.js';

let sandbox: GpdSandbox;
beforeAll(async () => {
  sandbox = await createGpdSandbox({ maxBodyBytes: 64 * 1024, requestTimeoutMs: 300, maxPositions: 3 });
});
afterAll(() => sandbox.close());

const PATH = `/gpd/debt-positions-service/v1/organizations/${ORG}/debtpositions`;

/** Sends raw bytes and returns the status line's code (0 when the connection closed without one). */
function raw(request: string | Buffer, endAfterMs?: number): Promise<number> {
  return new Promise((resolve) => {
    const u = new URL(sandbox.url);
    const socket = connect(Number(u.port), u.hostname);
    let data = '';
    socket.on('data', (d) => {
      data += d.toString('latin1');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
    socket.write(request);
    if (endAfterMs !== undefined) setTimeout(() => socket.end(), endAfterMs);
  });
}

const post = (body: NonNullable<RequestInit['body']>, headers: Record<string, string> = {}) =>
  fetch(`${sandbox.url}${PATH}`, {
    method: 'POST',
    headers: { 'ocp-apim-subscription-key': sandbox.apiKey, 'content-type': 'application/json', ...headers },
    body,
    duplex: 'half',
  } as RequestInit);

describe('hostile HTTP: 4xx, never 5xx, never a crash', () => {
  it('refuses a declared huge body with 413 before reading it', async () => {
    const status = await raw(
      `POST ${PATH} HTTP/1.1\r\nhost: x\r\nocp-apim-subscription-key: ${sandbox.apiKey}\r\ncontent-length: 999999999\r\n\r\n{`,
      100,
    );
    expect(status).toBe(413);
  });

  it('stops reading a streamed body past the cap (413)', async () => {
    const big = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 100; i++) c.enqueue(new Uint8Array(4096).fill(0x20));
        c.close();
      },
    });
    expect((await post(big)).status).toBe(413);
  });

  it('answers 400 to binary, invalid UTF-8, invalid JSON and too deep JSON', async () => {
    expect((await post(new Uint8Array([0xff, 0xfe, 0x00, 0x01]))).status).toBe(400);
    expect((await post('{"iupd": "')).status).toBe(400);
    expect((await post(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).status).toBe(413);
    const deep = await post(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`);
    expect(deep.status).toBe(400);
    expect(await deep.json()).toMatchObject({ detail: expect.stringMatching(/deeper/) });
    expect((await post('null')).status).toBe(400);
    expect((await post('')).status).toBe(400);
  });

  it('answers 408 to a body that never completes', async () => {
    const status = await raw(
      `POST ${PATH} HTTP/1.1\r\nhost: x\r\nocp-apim-subscription-key: ${sandbox.apiKey}\r\ncontent-length: 100\r\n\r\n{"iupd":`,
    );
    expect([408, 400]).toContain(status);
  });

  it('answers 400 to malformed paths and garbage requests', async () => {
    expect(
      (await fetch(`${sandbox.url}${PATH}/%E0%A4%A`, { headers: { 'ocp-apim-subscription-key': sandbox.apiKey } }))
        .status,
    ).toBe(400);
    expect(await raw('\x00\x01\x02 garbage\r\n\r\n')).toBe(400);
    expect(await raw(`GET ${PATH} HTTP/1.1\r\nhost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`)).toBe(431);
  });

  it('never answers 5xx to random bytes (fast-check, fixed seed)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
        const status = (await post(bytes)).status;
        expect(status).toBeGreaterThanOrEqual(400);
        expect(status).toBeLessThan(500);
      }),
      { seed: 11, numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.json({ maxDepth: 6 }), async (text) => {
        const status = (await post(text)).status;
        expect(status).toBeGreaterThanOrEqual(400);
        expect(status).toBeLessThan(500);
      }),
      { seed: 12, numRuns: 60 },
    );
  });

  it('bounds the store: past maxPositions a create gets 409, and still answers afterwards', async () => {
    for (let i = 0; i < 3; i++)
      expect((await gpd(sandbox, 'POST', '', wirePosition(`B-${i}`, iuvOf(i)))).status).toBe(201);
    const full = await gpd(sandbox, 'POST', '', wirePosition('B-3', iuvOf(3)));
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ detail: expect.stringMatching(/maximum/) });
    expect((await gpd(sandbox, 'GET', '')).status).toBe(200);
    expect(sandbox.ledger().every((e) => e.status === 'dropped' || e.status < 500)).toBe(true);
  });
});
