/**
 * The SP under attack in hostile-http.test.ts: createSpidHandler on a plain node:http server, as an operator
 * would wire it (the request body STREAMED into the Web Request, so the handler's own cap is what bounds
 * it; the server's requestTimeout is what ends a slow body), the test app of sp-stack.ts, and a real
 * @civico/spid-test-idp trusting the SP. Every rejection of the handler (a would-be 500) is recorded.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createTestIdp, type TestIdp } from '@civico/spid-test-idp';
import { createServiceProvider, type ServiceProvider, type SpidLogoutSubject } from '../src/index.js';
import { createSpidHandler } from '../src/web/index.js';
import { makeSpConfig } from './support/sp-config.js';
import { createArrayAuditSink, createLateRegistry, createTestApp, readTestIdpDescriptor } from './support/sp-stack.js';

/** How long the server waits for a whole request (a slowloris body is cut there). */
export const REQUEST_TIMEOUT_MS = 2_000;

export interface HostileHttpStack {
  readonly spUrl: string;
  readonly sp: ServiceProvider;
  readonly idp: TestIdp;
  /** Subjects onLogout was called with. */
  readonly logouts: SpidLogoutSubject[];
  /** Errors the handler rejected with (each one a 500 in a framework). */
  readonly handlerErrors: unknown[];
  close(): Promise<void>;
}

function toWebRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] ?? '';
    if (/^(connection|transfer-encoding|keep-alive)$/i.test(name)) continue;
    headers.append(name, req.rawHeaders[i + 1] ?? '');
  }
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : (Readable.toWeb(req) as ReadableStream<Uint8Array>);
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    ...(body === undefined ? {} : { body, duplex: 'half' }),
  } as RequestInit);
}

/** Starts the SP (memory store unless given) on node:http and the test IdP trusting it. */
export async function startHostileHttpStack(): Promise<HostileHttpStack> {
  const registry = createLateRegistry();
  const app = createTestApp();
  const logouts: SpidLogoutSubject[] = [];
  const handlerErrors: unknown[] = [];
  let handler: ((r: Request) => Promise<Response | null>) | undefined;
  let origin = '';
  const server: Server = createServer(
    { requestTimeout: REQUEST_TIMEOUT_MS, headersTimeout: REQUEST_TIMEOUT_MS, connectionsCheckingInterval: 250 },
    (req, res) => {
      (async () => {
        const request = toWebRequest(req, origin);
        const response = (await handler?.(request)) ?? app.page(request) ?? new Response('nf', { status: 404 });
        const headers: Record<string, string | string[]> = {};
        response.headers.forEach((v, k) => {
          if (k !== 'set-cookie') headers[k] = v;
        });
        const cookies = response.headers.getSetCookie();
        if (cookies.length > 0) headers['set-cookie'] = cookies;
        const body = Buffer.from(await response.arrayBuffer());
        res.writeHead(response.status, headers).end(body);
      })().catch((error: unknown) => {
        handlerErrors.push(error);
        if (!res.headersSent && !res.destroyed) res.writeHead(500).end('500');
      });
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sp = createServiceProvider(
    makeSpConfig('spid-sp-public', { baseUrl: origin, idps: registry, audit: createArrayAuditSink() }),
  );
  handler = createSpidHandler(sp, {
    ...app.options,
    onLogout: (subject, request) => {
      logouts.push(subject);
      return app.options.onLogout?.(subject, request);
    },
  });
  const idp = await createTestIdp({ serviceProviders: [sp.getMetadata()] });
  registry.set(await readTestIdpDescriptor(idp));
  return {
    spUrl: origin,
    sp,
    idp,
    logouts,
    handlerErrors,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await idp.close();
    },
  };
}
