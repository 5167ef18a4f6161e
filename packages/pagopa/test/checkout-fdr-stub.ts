// A tiny stand-in for the Checkout and FdR services on a random loopback port (real HTTP).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PagoPaError } from '../src/errors.js';

/** A request the stub received. */
export interface StubRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

/**
 * What the stub answers: a JSON body, a raw text body (`raw`, sent as is), `'destroy'` (drop the
 * socket after reading the request) or `'hang'` (never answer).
 */
export type StubReply =
  | {
      readonly status: number;
      readonly body?: unknown;
      readonly raw?: string;
      readonly headers?: Record<string, string>;
    }
  | 'destroy'
  | 'hang';

/** The stub server. */
export interface StubServer {
  /** Host URL, `http://127.0.0.1:<port>` (the clients append the service path). */
  readonly url: string;
  readonly requests: StubRequest[];
  reply: (request: StubRequest, index: number) => StubReply;
  close(): Promise<void>;
}

/** Starts a stub on port 0; the default reply is a 500. */
export async function startCheckoutFdrStub(): Promise<StubServer> {
  const requests: StubRequest[] = [];
  const state: { reply: StubServer['reply'] } = { reply: () => ({ status: 500 }) };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const request: StubRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: text ? (JSON.parse(text) as unknown) : undefined,
      };
      requests.push(request);
      const reply = state.reply(request, requests.length - 1);
      if (reply === 'destroy') return void req.socket.destroy();
      if (reply === 'hang') return;
      const payload = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get reply() {
      return state.reply;
    },
    set reply(fn) {
      state.reply = fn;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Awaits a promise that must reject with a {@link PagoPaError} and returns that error. */
export async function pagoPaFailure(promise: Promise<unknown>): Promise<PagoPaError> {
  try {
    await promise;
  } catch (error) {
    if (PagoPaError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a PagoPaError');
}

/** Calls a function that must throw a {@link PagoPaError} and returns it. */
export function pagoPaThrow(run: () => unknown): PagoPaError {
  try {
    run();
  } catch (error) {
    if (PagoPaError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a PagoPaError');
}
