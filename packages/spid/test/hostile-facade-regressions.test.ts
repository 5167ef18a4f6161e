// Regressions of the hostile-input review of the facade (src/sp, src/web, src/express): each bug it found
// is fixed, and each test below asserts the fixed behaviour. Audit-log regressions: audit-refused-excerpt.test.ts.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import express from 'express';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createSpidRouter } from '../src/express/index.js';
import { createMemoryStore, createServiceProvider, SpidError } from '../src/index.js';
import { isLocalPath } from '../src/sp/is-local-path.js';
import { createSpidHandler } from '../src/web/index.js';
import { makeSpConfig, SP_TEST_PLACEHOLDER_IDP } from './support/sp-config.js';

const BASE = 'https://sp.comune-test.example.it';
const UNICODE_RETURN_TO = '/\u2215evil'; // U+2215 DIVISION SLASH: no Location header can carry it
const SUBJECT = {
  idp: SP_TEST_PLACEHOLDER_IDP.entityId,
  nameId: '_transient-1',
  nameQualifier: SP_TEST_PLACEHOLDER_IDP.entityId,
  sessionIndex: '_s1',
};
const sp = createServiceProvider(makeSpConfig());
const handler = createSpidHandler(sp, {
  onLogin: () => new Response('logged in'),
  getLogin: () => SUBJECT,
});

async function settle(run: () => Promise<unknown>): Promise<{ value?: unknown; error?: unknown }> {
  try {
    return { value: await run() };
  } catch (error) {
    return { error };
  }
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(app: express.Express): Promise<number> {
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('returnTo: printable ASCII of a URL path only (RFC 3986)', () => {
  it('answers GET /logout?returnTo=/∕evil with the 400 page, not a rejection', async () => {
    const outcome = await settle(() => handler(new Request(`${BASE}/spid/logout?returnTo=%2F%E2%88%95evil`)));
    expect(outcome.error).toBeUndefined();
    expect((outcome.value as Response).status).toBe(400);
  });

  it('answers GET /login?returnTo=/∕evil with the 400 page and stores no pending request', async () => {
    const store = createMemoryStore();
    const local = createServiceProvider(makeSpConfig('spid-sp-public', { store }));
    const spid = createSpidHandler(local, { onLogin: () => new Response('x') });
    const idp = encodeURIComponent(SP_TEST_PLACEHOLDER_IDP.entityId);
    const response = await spid(new Request(`${BASE}/spid/login?idp=${idp}&returnTo=%2F%E2%88%95evil`));
    expect(response?.status).toBe(400);
    expect(response?.headers.get('location')).toBeNull();
    // The same login with an ASCII returnTo is accepted (a redirect to the IdP): the 400 was the returnTo.
    const ok = await spid(new Request(`${BASE}/spid/login?idp=${idp}&returnTo=%2Fpratiche%3Fid%3D7`));
    expect(ok?.status).toBe(303);
  });

  it('answers the same returnTo through the Express router with 400, not a 500', async () => {
    const app = express();
    app.use(createSpidRouter(sp, { onLogin: () => new Response('x'), getLogin: () => SUBJECT }));
    const port = await listen(app);
    const r = await fetch(`http://127.0.0.1:${port}/spid/logout?returnTo=%2F%E2%88%95evil`, { redirect: 'manual' });
    expect(r.status).toBe(400);
  });

  it('refuses a Unicode returnTo in createLoginRequest and createLogoutRequest with ERR_SPID_INVALID_INPUT', async () => {
    for (const returnTo of [UNICODE_RETURN_TO, '/caffè', '/a b', '/x%zz', '/x%4', '/a"b', '/a<b>', '/a{b}', '/a|b']) {
      const login = await settle(() =>
        sp.createLoginRequest({ idp: SP_TEST_PLACEHOLDER_IDP.entityId, session: 's', returnTo }),
      );
      const logout = await settle(() => sp.createLogoutRequest({ subject: SUBJECT, session: 's', returnTo }));
      for (const { error } of [login, logout]) {
        expect(SpidError.isInstance(error)).toBe(true);
        expect(error).toMatchObject({ code: 'ERR_SPID_INVALID_INPUT', field: 'returnTo', status: 400 });
      }
    }
  });

  it('accepts a path, query and fragment of RFC 3986 characters, percent-encoding included', async () => {
    for (const returnTo of ['/', '/caff%C3%A8', "/a/b;c=d?e=f&g=h+i,j:k@l!$'()*~-._#frag/?", '/%E2%88%95x']) {
      expect(isLocalPath(returnTo)).toBe(true);
      const login = await sp.createLoginRequest({ idp: SP_TEST_PLACEHOLDER_IDP.entityId, session: 's', returnTo });
      expect(login.requestId).toMatch(/^_/);
    }
  });

  it('accepts only paths a Location header carries and a browser resolves on the same origin', () => {
    const origin = 'https://sp.example.it';
    const anyChar = fc.oneof(
      fc.constantFrom('/', '\\', '%', '?', '#', ':', '@', ' ', '\u2215', '\u00e8', '\uff0f', '\t', '.'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.array(anyChar, { maxLength: 24 }), (chars) => {
        const value = `/${chars.join('')}`;
        if (!isLocalPath(value)) return;
        expect(() => new Headers({ location: value })).not.toThrow();
        expect(new URL(value, `${origin}/spid/logout`).origin).toBe(origin);
      }),
      { seed: 20261204, numRuns: 3000 },
    );
  });
});

describe('an aborted request body', () => {
  it('gets the 400 page (reason body.read), never a rejection, through the Web handler', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('SAMLResponse=abc'));
        c.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
      },
    });
    const outcome = await settle(() =>
      handler(
        new Request(`${BASE}/spid/acs`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body,
          duplex: 'half',
        } as RequestInit),
      ),
    );
    expect(outcome.error).toBeUndefined();
    const response = outcome.value as Response;
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('ERR_SPID_INVALID_INPUT');
  });

  it('never reaches Express error handling when the client aborts mid-body (Express router)', async () => {
    const errors: unknown[] = [];
    const statuses: number[] = [];
    let closed: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      closed = resolve;
    });
    const app = express();
    app.use((_req, res, next) => {
      // After the close, the router's promise settles within a few ticks: then record what was answered.
      res.on('close', () =>
        setTimeout(() => {
          statuses.push(res.statusCode);
          closed();
        }, 50),
      );
      next();
    });
    app.use(createSpidRouter(sp, { onLogin: () => new Response('x') }));
    app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      errors.push(error);
      res.status(500).end();
    });
    const port = await listen(app);
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write(
      'POST /spid/acs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n' +
        'Content-Length: 100000\r\n\r\nSAMLResponse=PHNhbWxwOlJlc3BvbnNl',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await done;
    expect(errors).toEqual([]);
    expect(statuses).toEqual([400]);
  });
});

describe('createSpidHandler(): a call with a non-Request', () => {
  it('refuses null, a plain object, a URL string and a throwing Proxy with SpidError ERR_SPID_INVALID_INPUT', async () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
      },
    );
    const fake = { url: 'not a url', method: 'GET', headers: new Headers() };
    for (const value of [null, undefined, {}, 'https://x/spid/login', 42, hostile, fake]) {
      const outcome = await settle(() => handler(value as never));
      expect(SpidError.isInstance(outcome.error)).toBe(true);
      expect(outcome.error).toMatchObject({ code: 'ERR_SPID_INVALID_INPUT', field: 'request' });
    }
  });

  it('still serves a Request of another realm (checked by shape, not instanceof)', async () => {
    const real = new Request(`${BASE}/spid/metadata`);
    const foreign = { url: real.url, method: 'GET', headers: real.headers, body: null };
    const response = await handler(foreign as unknown as Request);
    expect(response?.status).toBe(200);
  });
});
