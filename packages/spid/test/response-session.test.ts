import { describe, expect, it } from 'vitest';
import { SpidError } from '../src/errors.js';
import type { SpidStore } from '../src/store/spid-store.js';
import {
  ATTACKER_KEY,
  baselineResponse,
  createTestStore,
  IDP,
  NOW,
  outcome,
  postForm,
  SKEW_MS,
  startLogin,
  validate,
} from './support/response-fixtures.js';

const FIVE_MINUTES = 5 * 60_000;

describe('validateSamlResponse() consumes each request once', () => {
  it('accepts a baseline Response and returns the login of the stored request', async () => {
    const store = createTestStore();
    const login = await startLogin(store, { returnTo: '/pratiche', level: 1 });
    const result = await validate(store, login, baselineResponse(login));
    expect(result).toMatchObject({
      idp: 'https://localhost:8443',
      level: 1,
      nameQualifier: 'https://localhost:8443',
      requestId: login.pending.id,
      authenticatedAt: login.pending.issueInstant,
      returnTo: '/pratiche',
    });
    expect(result.nameId).toMatch(/^_r/);
    expect(result.sessionIndex).toMatch(/^_r/);
    expect(result.user.fiscalNumber).toMatch(/^[A-Z0-9]{16}$/);
    expect(result.user.attributes.fiscalNumber).toMatch(/^TINIT-/);
    // The replay cache keeps the Assertion ID until NotOnOrAfter (now + 5 min) plus the skew.
    expect(store.adds).toEqual([{ key: `assertion:${result.assertionId}`, ttlMs: FIVE_MINUTES + SKEW_MS }]);
  });

  it('refuses the same Response posted again with ERR_SPID_REPLAY', async () => {
    const store = createTestStore();
    const login = await startLogin(store);
    const xml = baselineResponse(login);
    await validate(store, login, xml);
    const again = await outcome(validate(store, login, xml));
    expect(again).toMatchObject({ ok: false, code: 'ERR_SPID_REPLAY', reason: 'assertion.replay', status: 403 });
  });

  it('refuses an accepted Assertion even when its request is pending again (the replay cache is the last guard)', async () => {
    const store = createTestStore();
    const login = await startLogin(store);
    const xml = baselineResponse(login);
    await validate(store, login, xml);
    await store.set(`req:${login.pending.id}`, JSON.stringify(login.pending), 60_000);
    const again = await outcome(validate(store, login, xml));
    expect(again).toMatchObject({ ok: false, code: 'ERR_SPID_REPLAY', reason: 'assertion.replay' });
  });

  it('accepts exactly one of two concurrent validations of the same Response', async () => {
    for (let round = 0; round < 5; round++) {
      const store = createTestStore();
      const login = await startLogin(store);
      const xml = baselineResponse(login);
      const results = await Promise.all([outcome(validate(store, login, xml)), outcome(validate(store, login, xml))]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const loser = results.find((r) => !r.ok);
      // Both passed every check; the loser lost the atomic take (or found the Assertion remembered).
      expect(['request.consumed', 'assertion.replay']).toContain(loser?.ok === false ? loser.reason : undefined);
    }
  });

  it('refuses a Response posted with another browser session, and keeps the request for the right one', async () => {
    const store = createTestStore();
    const login = await startLogin(store, { session: 'session-a' });
    const xml = baselineResponse(login);
    const other = await outcome(validate(store, login, xml, { session: 'session-b' }));
    expect(other).toMatchObject({
      ok: false,
      code: 'ERR_SPID_REQUEST_UNKNOWN',
      reason: 'request.session',
      status: 403,
    });
    const empty = await outcome(validate(store, login, xml, { session: '' }));
    expect(empty).toMatchObject({ ok: false, reason: 'request.session' });
    expect((await validate(store, login, xml)).requestId).toBe(login.pending.id);
  });

  it('refuses a Response whose RelayState differs from the request, or is missing', async () => {
    const store = createTestStore();
    const login = await startLogin(store);
    const xml = baselineResponse(login);
    for (const relayState of ['other', undefined]) {
      const form = postForm(xml, relayState);
      const result = await outcome(validate(store, login, xml, { form }));
      expect(result).toMatchObject({ ok: false, code: 'ERR_SPID_REQUEST_UNKNOWN', reason: 'request.relay-state' });
    }
  });

  it('refuses a Response to a request that was never stored or has expired', async () => {
    const store = createTestStore();
    const login = await startLogin(store);
    const xml = baselineResponse(login);
    store.advance(900_001); // past the request TTL
    const result = await outcome(validate(store, login, xml));
    expect(result).toMatchObject({ ok: false, code: 'ERR_SPID_REQUEST_UNKNOWN', reason: 'request.unknown' });
  });

  it('refuses when the stored request is not readable (fail closed)', async () => {
    const store = createTestStore();
    const login = await startLogin(store);
    const xml = baselineResponse(login);
    for (const value of ['{not json', '42', JSON.stringify({ ...login.pending, level: 4 })]) {
      await store.set(`req:${login.pending.id}`, value, 60_000);
      const result = await outcome(validate(store, login, xml));
      expect(result).toMatchObject({ ok: false, code: 'ERR_SPID_REQUEST_UNKNOWN', reason: 'request.unknown' });
    }
  });

  it('turns a failing store into ERR_SPID_STORE', async () => {
    const store = createTestStore();
    const login = await startLogin(store);
    const broken: SpidStore = {
      ...store,
      get: async () => {
        throw new Error('connection refused');
      },
    };
    const result = await outcome(validate(broken, login, baselineResponse(login)));
    expect(result).toMatchObject({ ok: false, code: 'ERR_SPID_STORE' });
    expect(SpidError.isInstance((result as { error: unknown }).error)).toBe(true);
  });
});

describe('validateSamlResponse() trusts only the stored IdP', () => {
  it('refuses when the IdP of the request is no longer trusted', async () => {
    const store = createTestStore();
    const login = await startLogin(store);
    const result = await outcome(validate(store, login, baselineResponse(login), { findIdp: () => undefined }));
    expect(result).toMatchObject({ ok: false, code: 'ERR_SPID_RESPONSE_REJECTED', reason: 'idp.unknown' });
  });

  it('refuses a Response signed by the IdP when the registry holds another certificate for it', async () => {
    const store = createTestStore();
    const login = await startLogin(store);
    const rotated = { ...IDP, certificates: [ATTACKER_KEY.certificate] };
    const result = await outcome(validate(store, login, baselineResponse(login), { findIdp: () => rotated }));
    expect(result).toMatchObject({ ok: false, reason: 'response.signature' });
  });

  it('accepts during a certificate rotation (the signing one among several)', async () => {
    const store = createTestStore();
    const login = await startLogin(store);
    const both = { ...IDP, certificates: [ATTACKER_KEY.certificate, IDP.certificates[0] as string] };
    expect((await validate(store, login, baselineResponse(login), { findIdp: () => both })).level).toBe(2);
  });

  it('accepts an unsigned Response whose Assertion is signed, and checks its header all the same', async () => {
    const store = createTestStore();
    const login = await startLogin(store);
    const xml = baselineResponse(login, { sign: { response: false, assertion: true } });
    const tampered = xml.replace(/Destination="[^"]*"/, 'Destination="https://evil.example/acs"');
    const refused = await outcome(validate(store, login, tampered));
    expect(refused).toMatchObject({ ok: false, reason: 'response.destination' });
    expect((await validate(store, login, xml)).requestId).toBe(login.pending.id);
  });
});

describe('validateSamlResponse() time windows', () => {
  it('accepts until NotOnOrAfter plus the skew, and refuses after', async () => {
    const store = createTestStore();
    const login = await startLogin(store);
    const xml = baselineResponse(login);
    const late = new Date(NOW.getTime() + FIVE_MINUTES + SKEW_MS);
    const refused = await outcome(validate(store, login, xml, { now: () => late }));
    expect(refused).toMatchObject({ ok: false, reason: 'assertion.subject-not-on-or-after' });
    const justInTime = new Date(late.getTime() - 1);
    expect((await validate(store, login, xml, { now: () => justInTime })).requestId).toBe(login.pending.id);
  });

  it('tolerates an IdP clock up to the skew behind the request time, not more', async () => {
    const store = createTestStore();
    const login = await startLogin(store);
    const early = (ms: number) => ({
      ...login.request,
      issueInstant: new Date(login.request.issueInstant.getTime() - ms),
    });
    const within = baselineResponse({ ...login, request: early(SKEW_MS) });
    const beyond = baselineResponse({ ...login, request: early(SKEW_MS + 1000) });
    const refused = await outcome(validate(store, login, beyond));
    expect(refused).toMatchObject({ ok: false, reason: 'response.issue-instant' });
    expect((await validate(store, login, within)).level).toBe(2);
  });

  it('refuses a clock that is not a valid Date, and a negative skew, as configuration errors', async () => {
    const store = createTestStore();
    const login = await startLogin(store);
    const xml = baselineResponse(login);
    const badNow = await outcome(validate(store, login, xml, { now: () => new Date(Number.NaN) }));
    const badSkew = await outcome(validate(store, login, xml, { clockSkewMs: -1 }));
    expect([badNow.ok, badSkew.ok]).toEqual([false, false]);
    expect([badNow, badSkew].map((r) => (r.ok ? '' : r.code))).toEqual([
      'ERR_SPID_INVALID_CONFIG',
      'ERR_SPID_INVALID_CONFIG',
    ]);
  });
});
