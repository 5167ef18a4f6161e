// @civico/spid attacked over real HTTP (createSpidHandler on node:http, body streamed, requestTimeout 2 s;
// a real test IdP): oversized and slowloris bodies, one Response raced
// 20 times, a Response from another browser, open-redirect and header-injection attempts, replayed and
// forged IdP-initiated logouts. No answer is ever 5xx, no handler rejection, memory stays bounded.
import { connect, type Socket } from 'node:net';
import { buildLogoutRequest as buildIdpLogoutRequest } from '@civico/spid-test-idp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HostileHttpStack, REQUEST_TIMEOUT_MS, startHostileHttpStack } from './hostile-http-stack.js';
import { loadTestKey } from './support/response-fixtures.js';
import { createBrowser, findForm } from './support/sp-browser.js';
import { reachIdpResponse } from './support/sp-flows.js';
import type { SpidStack } from './support/sp-stack.js';

let stack: HostileHttpStack;
const asSpidStack = (): SpidStack => stack as unknown as SpidStack;
const form = 'application/x-www-form-urlencoded';

beforeAll(async () => {
  stack = await startHostileHttpStack();
});
afterAll(async () => {
  await stack?.close();
});

/** Opens a raw connection and writes `head` (+ `body`), resolving when the server closes it, with the bytes read. */
function rawRequest(head: string, body = ''): { readonly socket: Socket; readonly closed: Promise<string> } {
  const url = new URL(stack.spUrl);
  const socket = connect(Number(url.port), url.hostname);
  let received = '';
  socket.on('data', (d) => {
    received += d.toString('latin1');
  });
  socket.write(head + body);
  const closed = new Promise<string>((resolve) => {
    socket.on('close', () => resolve(received));
    socket.on('error', () => undefined);
  });
  return { socket, closed };
}

const statusOf = (raw: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0);

describe('@civico/spid over HTTP under attack', () => {
  it('refuses a declared 10 MB body with 400 at once, and a chunked 10 MB body without reading it all', async () => {
    const declared = rawRequest(
      `POST /spid/acs HTTP/1.1\r\nHost: x\r\nContent-Type: ${form}\r\nContent-Length: ${10 * 2 ** 20}\r\nConnection: close\r\n\r\n`,
      'SAMLResponse=',
    );
    // The answer comes before the body: the client never has to send the 10 MB.
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, 300));
    declared.socket.end();
    expect(statusOf(await declared.closed)).toBe(400);
    expect(performance.now() - t0).toBeLessThan(REQUEST_TIMEOUT_MS);

    const chunk = `${'A'.repeat(64 * 1024 - 2)}\r\n`;
    const big = await fetch(`${stack.spUrl}/spid/acs`, {
      method: 'POST',
      headers: { 'content-type': form },
      body: new ReadableStream({
        pull(c) {
          c.enqueue(new TextEncoder().encode(`SAMLResponse=${chunk.repeat(16)}`));
        },
      }),
      duplex: 'half',
    } as RequestInit).then(
      (r) => r.status,
      () => 'closed',
    );
    expect([400, 'closed']).toContain(big);
    expect(stack.handlerErrors).toEqual([]);
  });

  it('cuts slowloris bodies at the server requestTimeout: 200 stalled posts, all closed, memory bounded', async () => {
    global.gc?.();
    const before = process.memoryUsage().rss;
    const t0 = performance.now();
    const conns = Array.from({ length: 200 }, () =>
      rawRequest(
        `POST /spid/acs HTTP/1.1\r\nHost: x\r\nContent-Type: ${form}\r\nContent-Length: 400000\r\n\r\n`,
        `SAMLResponse=${'A'.repeat(100_000)}`,
      ),
    );
    const answers = await Promise.all(conns.map((c) => c.closed));
    const elapsed = performance.now() - t0;
    const grown = (process.memoryUsage().rss - before) / 2 ** 20;
    process.stdout.write(
      `slowloris: 200 × 100 kB stalled bodies closed after ${elapsed.toFixed(0)} ms, RSS +${grown.toFixed(0)} MB\n`,
    );
    expect(elapsed).toBeLessThan(REQUEST_TIMEOUT_MS + 3_000);
    // node answers 408 (or just closes); never a 200, a redirect or a 5xx.
    for (const raw of answers) expect([0, 400, 408]).toContain(statusOf(raw));
    expect(grown).toBeLessThan(200);
    // Known (reported, H-facade): each cut body makes the handler REJECT with the stream's own error
    // ('aborted', ECONNRESET) instead of resolving a 400 page: a 500 in a framework, on a dead socket.
    // See hostile-facade-findings.test.ts. Anything else would be a new bug.
    const foreign = stack.handlerErrors.filter((e) => (e as { code?: unknown }).code !== 'ECONNRESET');
    expect(foreign).toEqual([]);
    stack.handlerErrors.length = 0;
  }, 20_000);

  it('accepts one valid Response posted 20 times at once exactly once; another browser cannot use it', async () => {
    const victim = createBrowser();
    const page = await reachIdpResponse(victim, asSpidStack());
    const response = findForm(page.body, 'SAMLResponse');
    if (response === undefined) throw new Error('no Response form');
    const body = new URLSearchParams([...response.fields]).toString();
    const acs = new URL(response.action, page.url).href;
    // Another browser (no session cookie, or its own) posting the victim's Response: refused, not consumed.
    const thief = createBrowser();
    await thief.get(`${stack.spUrl}/spid/login?idp=${encodeURIComponent(stack.idp.entityId)}`);
    for (const browser of [createBrowser(), thief]) {
      const stolen = await browser.send(acs, { method: 'POST', headers: { 'content-type': form }, body });
      expect(stolen.status).toBe(403);
      expect(stolen.headers.get('location')).toBeNull();
    }
    const race = await Promise.all(
      Array.from({ length: 20 }, () => victim.send(acs, { method: 'POST', headers: { 'content-type': form }, body })),
    );
    const statuses = race.map((p) => p.status).sort();
    expect(statuses.filter((s) => s === 303)).toHaveLength(1);
    expect(statuses.filter((s) => s === 403)).toHaveLength(19);
    expect(stack.handlerErrors).toEqual([]);
  });

  const REDIRECTS = [
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    'https:evil.example',
    'https://evil.example/',
    '%2F%2Fevil.example',
    '/%2F%2Fevil.example/../',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\u0000x',
    '\u2215\u2215evil.example',
    '\uFF0F\uFF0Fevil.example',
    'javascript:alert(1)',
    ' /x',
    '/x\r\nSet-Cookie: civico_spid_session=attacker',
    '/x\rLocation: https://evil.example',
  ];

  it('refuses every open-redirect and header-injection returnTo at /login and /logout (400, no Location)', async () => {
    const idp = encodeURIComponent(stack.idp.entityId);
    for (const returnTo of REDIRECTS) {
      const q = encodeURIComponent(returnTo);
      for (const path of [`/spid/login?idp=${idp}&returnTo=${q}`, `/spid/logout?returnTo=${q}`]) {
        const r = await fetch(`${stack.spUrl}${path}`, { redirect: 'manual' });
        await r.arrayBuffer();
        const location = r.headers.get('location') ?? '';
        // Refused; or (a percent-encoded look-alike, a same-origin path) /login goes to the IdP with it
        // kept server-side, /logout (nobody logged in) redirects to it on this origin.
        if (r.status !== 400) {
          expect(r.status, path).toBe(303);
          const expected = path.startsWith('/spid/login') ? new URL(stack.idp.url).origin : stack.spUrl;
          expect(new URL(location, stack.spUrl).origin, `${path} → ${location.slice(0, 60)}`).toBe(expected);
        }
        expect(r.headers.get('set-cookie') ?? '').not.toContain('attacker');
      }
    }
    // Injected header lines never reach the wire.
    const raw = rawRequest(
      'GET /spid/login?idp=x&level=2%0D%0ASet-Cookie:%20a=b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    const answer = await raw.closed;
    expect(statusOf(answer)).toBe(400);
    expect(answer).not.toMatch(/\r\nSet-Cookie: a=b/i);
    expect(stack.handlerErrors).toEqual([]);
  });

  it('refuses a RelayState that points elsewhere on a valid Response (403, no Location)', async () => {
    const browser = createBrowser();
    const page = await reachIdpResponse(browser, asSpidStack());
    for (const relay of ['//evil.example', 'https://evil.example', '/x\r\nLocation: //evil']) {
      const r = await browser.submit(page, 'SAMLResponse', { RelayState: relay });
      expect(r.status).toBe(403);
      expect(r.headers.get('location')).toBeNull();
    }
  });

  it('refuses a replayed IdP-initiated LogoutRequest and a forged one (untrusted key): onLogout not called', async () => {
    const browser = createBrowser();
    await browser.submit(await reachIdpResponse(browser, asSpidStack()), 'SAMLResponse');
    const session = stack.idp.sessions().at(-1);
    const initiated = await createBrowser().post(`${stack.idp.url}/logout/initiate`, {
      session: session?.id ?? '',
      binding: 'post',
    });
    const request = findForm(initiated.body, 'SAMLRequest');
    if (request === undefined) throw new Error('no LogoutRequest form');
    const slo = new URL(request.action, initiated.url).href;
    const body = new URLSearchParams([...request.fields]).toString();
    const send = () => fetch(slo, { method: 'POST', headers: { 'content-type': form }, body, redirect: 'manual' });
    const before = stack.logouts.length;
    expect((await send()).status).toBe(200);
    expect(stack.logouts.length).toBe(before + 1);
    // The same signed message replayed by whoever captured it (another browser, another user's session).
    expect((await send()).status).toBe(403);

    const forged = buildIdpLogoutRequest({
      issuer: stack.idp.entityId,
      destination: `${stack.spUrl}/spid/slo`,
      nameId: stack.logouts.at(-1)?.nameId ?? '_someone',
      nameQualifier: stack.idp.entityId,
      sessionIndex: stack.logouts.at(-1)?.sessionIndex,
      now: new Date(),
      key: loadTestKey('attacker'),
    } as never);
    const r = await fetch(`${stack.spUrl}/spid/slo`, {
      method: 'POST',
      headers: { 'content-type': form },
      body: new URLSearchParams({ SAMLRequest: Buffer.from(forged).toString('base64') }).toString(),
    });
    expect(r.status).toBe(403);
    expect(stack.logouts.length).toBe(before + 1);
    expect(stack.handlerErrors).toEqual([]);
  });
});
