/**
 * End-to-end harness of the @civico/spid facade tests: a Service Provider (createServiceProvider)
 * served over real HTTP on 127.0.0.1 by one of the three adapters (Web handler on node:http, Express,
 * Fastify), a tiny application around it (its own session cookie `app_session`, `/home` showing the
 * citizen's codice fiscale), and a real @civico/spid-test-idp trusting the SP's metadata.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestIdp, type TestIdp } from '@civico/spid-test-idp';
import express from 'express';
import Fastify from 'fastify';
import type { AuditSink, SpidAuditRecord } from '../../src/audit/audit-sink.js';
import { createSpidRouter } from '../../src/express/index.js';
import { createSpidPlugin } from '../../src/fastify/index.js';
import { createServiceProvider } from '../../src/index.js';
import type { IdpDescriptor, IdpRegistry } from '../../src/registry/idp-descriptor.js';
import { parseIdpMetadata } from '../../src/registry/parse-idp-metadata.js';
import type { ServiceProvider, SpidLogin } from '../../src/sp/service-provider.js';
import type { SpidStore } from '../../src/store/spid-store.js';
import { createSpidHandler, type SpidHandlerOptions } from '../../src/web/index.js';
import { createWebRequest, readNodeBody, readNodeUrl, sendWebResponse } from '../../src/web/node-io.js';
import { makeSpConfig } from './sp-config.js';

/** Which adapter serves the SP. */
export type Adapter = 'web' | 'express' | 'fastify' | 'express-urlencoded-first';

/** A registry filled once the IdP is up (the SP is created first: the IdP needs its metadata). */
export function createLateRegistry(): IdpRegistry & { set(idp: IdpDescriptor): void } {
  let current: IdpDescriptor | undefined;
  return {
    set: (idp) => {
      current = idp;
    },
    list: () => (current === undefined ? [] : [current]),
    find: (entityId) => (current?.entityId === entityId ? current : undefined),
  };
}

/** The descriptor of a running test IdP, read from its metadata by parseIdpMetadata. */
export async function readTestIdpDescriptor(idp: TestIdp, cie = false): Promise<IdpDescriptor> {
  const xml = await (await fetch(idp.metadataUrl)).text();
  const [descriptor] = parseIdpMetadata(xml, { cie });
  if (descriptor === undefined) throw new Error('test IdP metadata has no IdP');
  return descriptor;
}

function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === name) return v;
  }
  return undefined;
}

/** The application around the SP: its sessions, the SPID callbacks, and its own pages. */
export function createTestApp() {
  const sessions = new Map<string, SpidLogin>();
  const options: SpidHandlerOptions = {
    onLogin: (login) => {
      const id = randomUUID();
      sessions.set(id, login);
      return new Response(null, {
        status: 303,
        headers: {
          location: login.returnTo ?? '/home',
          'set-cookie': `app_session=${id}; Path=/; HttpOnly; SameSite=Lax`,
        },
      });
    },
    getLogin: (request) => sessions.get(readCookie(request, 'app_session') ?? ''),
    onLogout: (subject) => {
      for (const [id, login] of sessions) if (login.nameId === subject.nameId) sessions.delete(id);
      return { 'set-cookie': 'app_session=; Path=/; Max-Age=0' };
    },
  };
  const page = (request: Request): Response | null => {
    const path = new URL(request.url).pathname;
    if (path === '/bye') return new Response('<p>Arrivederci</p>', { headers: { 'content-type': 'text/html' } });
    if (path !== '/home') return null;
    const login = sessions.get(readCookie(request, 'app_session') ?? '');
    if (login === undefined) return new Response('<p>Non autenticato</p>', { status: 401 });
    return new Response(`<p id="cf">${login.user.fiscalNumber ?? ''}</p>`, {
      headers: { 'content-type': 'text/html' },
    });
  };
  return { sessions, options, page };
}

type App = ReturnType<typeof createTestApp>;

async function listen(server: Server, port = 0): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/** A node:http server answering with `serve` (Web Request → Response | null → 404). */
function createWebServer(serve: (request: Request) => Promise<Response | null>): Server {
  return createServer((req, res) => {
    (async () => {
      const { body, truncated } =
        req.method === 'POST' ? await readNodeBody(req, 1024 * 1024) : { body: undefined, truncated: false };
      const url = readNodeUrl(req.url ?? '/', 'http', req.headers.host);
      const response = await serve(createWebRequest(url, req.method ?? 'GET', req.headers, body));
      await sendWebResponse(res, response ?? new Response('not found', { status: 404 }), truncated);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end('error');
    });
  });
}

/** Serves `sp` with `adapter` on `port` (0: any); resolves the port and a close function. */
export async function serveSp(
  adapter: Adapter,
  sp: () => ServiceProvider,
  app: App,
  port = 0,
): Promise<{ readonly port: number; close(): Promise<void> }> {
  if (adapter === 'fastify') {
    const fastify = Fastify();
    await fastify.register(createSpidPlugin(sp(), app.options));
    const toWeb = (url: string, headers: Record<string, string | string[] | undefined>) =>
      createWebRequest(readNodeUrl(url, 'http', undefined), 'GET', headers, undefined);
    for (const path of ['/home', '/bye']) {
      fastify.get(path, async (request, reply) => {
        const response = app.page(toWeb(request.url, request.headers)) as Response;
        return reply
          .code(response.status)
          .type('text/html')
          .send(await response.text());
      });
    }
    await fastify.listen({ port, host: '127.0.0.1' });
    const address = fastify.server.address() as AddressInfo;
    return { port: address.port, close: () => fastify.close() };
  }
  let server: Server;
  if (adapter === 'express' || adapter === 'express-urlencoded-first') {
    const application = express();
    // An app that mounts a body parser before the SPID router: the router re-encodes the parsed form.
    if (adapter === 'express-urlencoded-first') application.use(express.urlencoded({ extended: false, limit: '1mb' }));
    let router: ReturnType<typeof createSpidRouter> | undefined;
    application.use((req, res, next) => (router === undefined ? next() : router(req, res, next)));
    application.get(['/home', '/bye'], async (req, res) => {
      const url = readNodeUrl(req.originalUrl, 'http', req.get('host'));
      await sendWebResponse(res, app.page(createWebRequest(url, 'GET', req.headers, undefined)) as Response);
    });
    server = createServer(application);
    const bound = await listen(server, port);
    router = createSpidRouter(sp(), app.options);
    return { port: bound, close: () => closeServer(server) };
  }
  let handler: ((request: Request) => Promise<Response | null>) | undefined;
  server = createWebServer(async (request) => (await handler?.(request)) ?? app.page(request));
  const bound = await listen(server, port);
  handler = createSpidHandler(sp(), app.options);
  return { port: bound, close: () => closeServer(server) };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** A free TCP port on 127.0.0.1 (for Fastify, whose routes must be known before it listens). */
export async function findFreePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await closeServer(probe);
  return port;
}

/** A running SP + application + test IdP. */
export interface SpidStack {
  readonly spUrl: string;
  readonly sp: ServiceProvider;
  readonly idp: TestIdp;
  readonly app: App;
  /** The audit records written, in order. */
  readonly audit: SpidAuditRecord[];
  close(): Promise<void>;
}

/** An audit sink keeping the records in memory. */
export function createArrayAuditSink(): AuditSink & { readonly records: SpidAuditRecord[] } {
  const records: SpidAuditRecord[] = [];
  return {
    records,
    write: async (record) => {
      records.push(record);
    },
  };
}

/** Starts the SP on `adapter`, then the test IdP trusting its metadata. */
export async function startSpidStack(
  adapter: Adapter,
  options: { readonly store?: SpidStore; readonly cie?: boolean } = {},
): Promise<SpidStack> {
  const registry = createLateRegistry();
  const app = createTestApp();
  const port = await findFreePort();
  const spUrl = `http://127.0.0.1:${port}`;
  const audit = createArrayAuditSink();
  const sp = createServiceProvider(
    makeSpConfig(options.cie ? 'cie-sp-public' : 'spid-sp-public', {
      baseUrl: spUrl,
      idps: registry,
      audit,
      ...(options.store ? { store: options.store } : {}),
    }),
  );
  const served = await serveSp(adapter, () => sp, app, port);
  const idp = await createTestIdp({ serviceProviders: [sp.getMetadata()], cie: options.cie === true });
  registry.set(await readTestIdpDescriptor(idp, options.cie === true));
  return {
    spUrl,
    sp,
    idp,
    app,
    audit: audit.records,
    close: async () => {
      await served.close();
      await idp.close();
    },
  };
}
