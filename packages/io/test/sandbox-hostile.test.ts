import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createIoSandbox, type IoSandbox } from '../src/sandbox/create-io-sandbox.js';
import { isLoopbackHost, SANDBOX_MAX_BODY_BYTES } from '../src/sandbox/http-utils.js';

let sandbox: IoSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const KEY = 'sandbox-key';

function portOf(s: IoSandbox): number {
  return Number(new URL(s.url).port);
}

/** Opens a raw socket to the sandbox and collects everything it answers until it closes. */
function rawSocket(port: number): { socket: Socket; answer: Promise<{ text: string; closedAfterMs: number }> } {
  const started = Date.now();
  const socket = connect({ host: '127.0.0.1', port });
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (d: string) => {
    text += d;
  });
  const answer = new Promise<{ text: string; closedAfterMs: number }>((resolve) => {
    socket.once('close', () => resolve({ text, closedAfterMs: Date.now() - started }));
  });
  socket.on('error', () => undefined); // a reset after the answer is fine; the answer is what counts
  return { socket, answer };
}

const statusOf = (text: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);

describe('createIoSandbox() on hostile HTTP', () => {
  it('answers 400, not 500, to bad percent-encoding in a path (raw socket)', async () => {
    sandbox = await createIoSandbox();
    const { socket, answer } = rawSocket(portOf(sandbox));
    socket.end('GET /inbox/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    const { text } = await answer;
    expect(statusOf(text)).toBe(400);
    expect(text).toMatch(/Malformed percent-encoding/);
  });

  it('refuses a declared 50 MB body with 413 naming the limit, without reading it', async () => {
    sandbox = await createIoSandbox();
    const { socket, answer } = rawSocket(portOf(sandbox));
    socket.write(
      `POST /api/v1/messages HTTP/1.1\r\nHost: x\r\nOcp-Apim-Subscription-Key: ${KEY}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${50 * 1024 * 1024}\r\n\r\n{"a":`,
    );
    const { text } = await answer;
    expect(statusOf(text)).toBe(413);
    expect(text).toContain(`larger than the ${SANDBOX_MAX_BODY_BYTES}-byte limit`);
    expect(text).not.toMatch(/not valid JSON/);
  });

  it('stops reading a chunked body at the limit and answers 413', async () => {
    sandbox = await createIoSandbox();
    const url = new URL(`${sandbox.url}/messages`);
    const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'ocp-apim-subscription-key': KEY },
        },
        (res) => {
          let body = '';
          res.on('data', (d: Buffer) => {
            body += d.toString();
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (sent < 2 * SANDBOX_MAX_BODY_BYTES && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    }).catch((error: NodeJS.ErrnoException) => ({ status: -1, body: String(error.code) }));
    // The answer arrives before the client finished sending; some kernels reset instead (EPIPE).
    if (status.status !== -1) {
      expect(status.status).toBe(413);
      expect(status.body).toContain('byte limit');
    } else {
      expect(['EPIPE', 'ECONNRESET']).toContain(status.body);
    }
  });

  it('answers 408 and closes when a body trickles in one byte at a time', async () => {
    sandbox = await createIoSandbox({ requestTimeoutMs: 500 });
    const { socket, answer } = rawSocket(portOf(sandbox));
    socket.write(
      `POST /api/v1/profiles HTTP/1.1\r\nHost: x\r\nOcp-Apim-Subscription-Key: ${KEY}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n',
    );
    const drip = setInterval(() => {
      if (!socket.destroyed) socket.write(' ');
    }, 100);
    try {
      const { text, closedAfterMs } = await answer;
      expect(statusOf(text)).toBe(408);
      expect(text).toMatch(/not received within 500 ms/);
      expect(closedAfterMs).toBeLessThan(10_000);
    } finally {
      clearInterval(drip);
    }
  });

  it('closes a connection whose headers trickle in (headersTimeout)', async () => {
    sandbox = await createIoSandbox({ requestTimeoutMs: 500 });
    const { socket, answer } = rawSocket(portOf(sandbox));
    const head = 'GET /inbox HTTP/1.1\r\nHost: x\r\nX-Slow: ';
    socket.write(head);
    const drip = setInterval(() => {
      if (!socket.destroyed) socket.write('a');
    }, 100);
    try {
      const { text, closedAfterMs } = await answer;
      expect(text === '' || statusOf(text) === 408).toBe(true);
      expect(closedAfterMs).toBeLessThan(10_000);
    } finally {
      clearInterval(drip);
    }
  });

  it('keeps the admin ledger open on loopback and requires the key when told to (or beyond loopback)', async () => {
    sandbox = await createIoSandbox();
    expect((await fetch(`${new URL(sandbox.url).origin}/__sandbox/ledger`)).status).toBe(200);
    await sandbox.close();
    sandbox = await createIoSandbox({ adminKeyRequired: true });
    const origin = new URL(sandbox.url).origin;
    const without = await fetch(`${origin}/__sandbox/ledger`);
    const wrong = await fetch(`${origin}/__sandbox/ledger`, { headers: { 'ocp-apim-subscription-key': 'nope' } });
    const withKey = await fetch(`${origin}/__sandbox/ledger`, { headers: { 'ocp-apim-subscription-key': KEY } });
    expect([without.status, wrong.status, withKey.status]).toEqual([401, 401, 200]);
    expect(await withKey.json()).toEqual({ items: [] });
  });

  it('isLoopbackHost() tells loopback binds (key optional) from the rest (key required by default)', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1'].map(isLoopbackHost)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['0.0.0.0', '::', '192.168.1.10', 'sandbox.example.it', '127.0.0.1.nip.io'].map(isLoopbackHost)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
