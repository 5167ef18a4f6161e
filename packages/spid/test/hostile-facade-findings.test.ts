// BUGS FOUND BY H-hostile IN H-FACADE'S FILES (src/sp, src/web), NOT FIXED HERE: H-facade was still at work.
// Each test below is `it.fails`: it states the CORRECT behaviour and currently fails, so the suite stays green
// while the bug exists. When the bug is fixed, vitest reports "expected to fail" for it: then turn the
// `it.fails` into `it` (the lead routes each one to H-facade).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { createSpidRouter } from '../src/express/index.js';
import { createServiceProvider, SpidError } from '../src/index.js';
import { createSpidHandler } from '../src/web/index.js';
import { makeSpConfig, SP_TEST_PLACEHOLDER_IDP } from './support/sp-config.js';

const BASE = 'https://sp.comune-test.example.it';
const sp = createServiceProvider(makeSpConfig());
const handler = createSpidHandler(sp, {
  onLogin: () => new Response('logged in'),
  getLogin: () => undefined,
});

async function settle(run: () => Promise<unknown>): Promise<{ value?: unknown; error?: unknown }> {
  try {
    return { value: await run() };
  } catch (error) {
    return { error };
  }
}

describe('BUG (H-facade) findings of the hostile suite', () => {
  // BUG 1 — src/sp/is-local-path.ts: a returnTo such as '/∕evil' (U+2215 DIVISION SLASH, or any character
  // above U+00FF after the leading '/') passes isLocalPath. /logout then builds `Location: /∕evil`, which
  // the Headers constructor refuses (not a ByteString): the handler REJECTS with a TypeError (500). At
  // /login the same returnTo is stored and handed to onLogin after a valid login, where the app's own
  // `Location: login.returnTo` throws the same way (500 after the Response was consumed). Fix: refuse
  // non-ASCII in isLocalPath, or percent-encode it (encodeURI) before use.
  it.fails('GET /spid/logout?returnTo=/∕evil is a 400 page (or a same-origin redirect), never a rejection', async () => {
    const outcome = await settle(() => handler(new Request(`${BASE}/spid/logout?returnTo=%2F%E2%88%95evil`)));
    expect(outcome.error).toBeUndefined();
    expect([303, 400]).toContain((outcome.value as Response).status);
  });

  it.fails('the same returnTo through the Express router is not a 500', async () => {
    const app = express();
    app.use(createSpidRouter(sp, { onLogin: () => new Response('x'), getLogin: () => undefined }));
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const r = await fetch(`http://127.0.0.1:${port}/spid/logout?returnTo=%2F%E2%88%95evil`, { redirect: 'manual' });
      expect([303, 400]).toContain(r.status);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it.fails('createLoginRequest refuses a returnTo no Location header can carry (/∕evil)', async () => {
    const outcome = await settle(() =>
      sp.createLoginRequest({ idp: SP_TEST_PLACEHOLDER_IDP.entityId, session: 's', returnTo: '/\u2215evil' }),
    );
    expect(SpidError.isInstance(outcome.error)).toBe(true);
  });

  // BUG 2 — src/web/read-form-body.ts: when the client aborts the body (or node's requestTimeout cuts a
  // slowloris body), reader.read() rejects with the stream's error and readFormBody lets it through: the
  // handler REJECTS (framework 500, logged as a server error; one per attacker connection) instead of
  // resolving the 400 page as for any unreadable body (the Fastify adapter already does, reason 'body').
  it.fails('a body stream that errors mid-way is a 400 SpidError page, not a rejection', async () => {
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
    expect((outcome.value as Response).status).toBe(400);
  });

  // BUG 3 (minor) — src/web/create-spid-handler.ts: the handler called with something that is not a
  // Request (null, a plain object, a Proxy) rejects with a TypeError ("Cannot read properties of null
  // (reading 'url')") instead of a SpidError ERR_SPID_INVALID_INPUT: the only entry point of the package
  // that lets a foreign error out on a wrong-type argument (found by hostile-entry-points.test.ts).
  it.fails('the handler refuses a non-Request argument with a SpidError', async () => {
    for (const value of [null, {}, 'https://x/spid/login']) {
      const outcome = await settle(() => handler(value as never));
      expect(SpidError.isInstance(outcome.error)).toBe(true);
    }
  });
});
