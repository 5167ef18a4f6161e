import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestIdp, type TestIdp } from '../src/index.js';
import { startTestSp, type TestSp } from './support/test-sp-server.js';

let sp: TestSp;
let idp: TestIdp;

beforeAll(async () => {
  sp = await startTestSp();
  idp = await createTestIdp({ serviceProviders: [sp.metadataXml] });
});
afterAll(async () => {
  await Promise.all([idp.close(), sp.close()]);
});

const token = fc.oneof(
  fc.constantFrom(
    'SAMLRequest',
    'SAMLResponse',
    'RelayState',
    'SigAlg',
    'Signature',
    'request',
    'user',
    'level',
    'outcome',
    'session',
    'binding',
  ),
  fc.string({ maxLength: 12 }),
);
const value = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.base64String({ maxLength: 200 }),
  fc.constantFrom('%', '%zz', '+', '&', '=', ''),
);
const pairs = fc.array(fc.tuple(token, value), { maxLength: 8 });
const encode = (p: readonly (readonly [string, string])[], raw: boolean) =>
  p.map(([k, v]) => (raw ? `${k}=${v}` : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)).join('&');

describe('createTestIdp() arbitrary input (fast-check)', () => {
  it('answers any query or form on every endpoint with a page below 500, and stays up', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/sso', '/slo', '/login', '/logout/initiate', '/', '/metadata'),
        fc.constantFrom('GET', 'POST'),
        pairs,
        fc.boolean(),
        async (path, method, fields, raw) => {
          const body = encode(fields, raw);
          const res =
            method === 'GET'
              ? await fetch(`${idp.url}${path}?${body}`, { redirect: 'manual' })
              : await fetch(`${idp.url}${path}`, {
                  method,
                  headers: { 'content-type': 'application/x-www-form-urlencoded' },
                  body,
                  redirect: 'manual',
                });
          await res.arrayBuffer();
          expect(res.status).toBeLessThan(500);
        },
      ),
      { seed: 20_261_203, numRuns: 150 },
    );
    expect((await fetch(idp.metadataUrl)).status).toBe(200);
  });
});
