import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IoError } from '../src/index.js';

/** A request the stub received. */
export interface StubRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
  readonly at: number;
}

/** What the stub answers: a response, `'destroy'` (drop the socket) or `'hang'` (never answer). */
export type StubReply =
  | { readonly status: number; readonly body?: unknown; readonly headers?: Record<string, string> }
  | 'destroy'
  | 'hang';

/** A tiny IO stand-in on a random loopback port. */
export interface StubServer {
  readonly baseUrl: string;
  readonly requests: StubRequest[];
  reply: (request: StubRequest, index: number) => StubReply;
  close(): Promise<void>;
}

/** Starts a stub server on port 0. */
export async function startStubServer(): Promise<StubServer> {
  const requests: StubRequest[] = [];
  const stub: { reply: StubServer['reply'] } = { reply: () => ({ status: 500 }) };
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
        at: Date.now(),
      };
      requests.push(request);
      const reply = stub.reply(request, requests.length - 1);
      if (reply === 'destroy') return void req.socket.destroy();
      if (reply === 'hang') return;
      const json = reply.body === undefined ? '' : JSON.stringify(reply.body);
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(json);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v1`,
    requests,
    get reply() {
      return stub.reply;
    },
    set reply(fn) {
      stub.reply = fn;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A valid message for a synthetic citizen, shared by the client suites. */
export const SAMPLE_MESSAGE = {
  fiscalCode: 'RSSMRA85T10A562S',
  subject: 'Carta di identità in scadenza',
  markdown: 'La tua carta di identità scade tra 30 giorni. Prenota un appuntamento presso gli uffici comunali.',
};

/** Awaits a promise that must reject with an {@link IoError} and returns that error. */
export async function failure(promise: Promise<unknown>): Promise<IoError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!IoError.isInstance(err)) throw new Error(`expected an IoError, got ${String(err)}`);
  return err;
}
