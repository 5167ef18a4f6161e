import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createServiceProvider } from '../src/index.js';
import { createSpidHandler, type SpidHandler } from '../src/web/index.js';
import { makeSpConfig, SP_TEST_PLACEHOLDER_IDP } from './support/sp-config.js';

const BASE = 'https://sp.comune-test.example.it';
const IDP = SP_TEST_PLACEHOLDER_IDP;
let handler: SpidHandler;

beforeAll(() => {
  const sp = createServiceProvider(makeSpConfig());
  handler = createSpidHandler(sp, {
    onLogin: () => new Response('logged in'),
    getLogin: () => ({ idp: IDP.entityId, nameId: '_n', nameQualifier: IDP.entityId, sessionIndex: undefined }),
  });
});

const param = fc.oneof(
  fc.constantFrom(
    'idp',
    'level',
    'binding',
    'comparison',
    'purpose',
    'returnTo',
    'SAMLRequest',
    'SAMLResponse',
    'RelayState',
  ),
  fc.string({ maxLength: 8 }),
);
const value = fc.oneof(
  fc.constantFrom(IDP.entityId, '1', '2', '3', 'redirect', 'post', 'exact', 'better', 'P', '/home', '//evil', '/\\x'),
  fc.string({ maxLength: 64 }),
  fc.string({ unit: 'binary', maxLength: 64 }),
);
const pairs = fc.array(fc.tuple(param, value), { maxLength: 6 });
const encode = (entries: readonly (readonly [string, string])[]) =>
  entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

describe('createSpidHandler() under arbitrary requests', () => {
  it('answers /login with a redirect to the IdP, the POST page, or a 400 page; never throws', async () => {
    await fc.assert(
      fc.asyncProperty(pairs, fc.string({ maxLength: 80 }), async (entries, cookie) => {
        const response = await handler(new Request(`${BASE}/spid/login?${encode(entries)}`, { headers: { cookie } }));
        expect([200, 303, 400]).toContain(response?.status);
        if (response?.status === 303)
          expect(response.headers.get('location')?.startsWith(`${IDP.sso.redirect?.url}?`)).toBe(true);
      }),
      { seed: 20261203, numRuns: 250 },
    );
  });

  it('refuses every arbitrary ACS form with 400 or 403, never a redirect or a 200', async () => {
    const field = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc
        .string({ maxLength: 300 })
        .map((xml) =>
          Buffer.from(
            `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">${xml}</samlp:Response>`,
          ).toString('base64'),
        ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(param, field), { maxLength: 5 }), async (entries) => {
        const response = await handler(
          new Request(`${BASE}/spid/acs`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: encode(entries),
          }),
        );
        expect([400, 403]).toContain(response?.status);
        expect(response?.headers.get('location')).toBeNull();
      }),
      { seed: 20261204, numRuns: 250 },
    );
  });

  it('refuses every arbitrary SLO message (GET and POST) with 400 or 403', async () => {
    await fc.assert(
      fc.asyncProperty(pairs, fc.boolean(), async (entries, post) => {
        const request = post
          ? new Request(`${BASE}/spid/slo`, {
              method: 'POST',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              body: encode(entries),
            })
          : new Request(`${BASE}/spid/slo?${encode(entries)}`);
        const response = await handler(request);
        expect([400, 403]).toContain(response?.status);
      }),
      { seed: 20261205, numRuns: 250 },
    );
  });

  it('answers /logout with a redirect or a 400 page for arbitrary parameters', async () => {
    await fc.assert(
      fc.asyncProperty(pairs, async (entries) => {
        const response = await handler(new Request(`${BASE}/spid/logout?${encode(entries)}`));
        expect([200, 303, 400]).toContain(response?.status);
        const location = response?.headers.get('location') ?? '';
        if (response?.status === 303)
          expect(location.startsWith(`${IDP.slo.redirect?.url}?`) || /^\/(?![/\\])/.test(location)).toBe(true);
      }),
      { seed: 20261206, numRuns: 200 },
    );
  });
});
