import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSamlInstant } from '../src/response/parse-saml-instant.js';
import type { ValidateSamlResponseArgs } from '../src/response/validate-saml-response.js';
import {
  baselineResponse,
  createTestStore,
  outcome,
  postForm,
  startLogin,
  validate,
} from './support/response-fixtures.js';

describe('parseSamlInstant()', () => {
  it('reads UTC xs:dateTime with any fraction length, to the millisecond', () => {
    expect(parseSamlInstant('2026-06-01T10:00:00Z')).toBe(Date.UTC(2026, 5, 1, 10));
    expect(parseSamlInstant('2026-06-01T10:00:00.5Z')).toBe(Date.UTC(2026, 5, 1, 10, 0, 0, 500));
    expect(parseSamlInstant('2026-06-01T10:00:00.123456789Z')).toBe(Date.UTC(2026, 5, 1, 10, 0, 0, 123));
    expect(parseSamlInstant('2024-02-29T23:59:59Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
    expect(parseSamlInstant('0099-01-01T00:00:00Z')).toBe(Date.parse('0099-01-01T00:00:00Z'));
  });

  it('refuses the shapes of the conformance cases and every non-UTC or impossible instant', () => {
    for (const bad of [
      '',
      '2018-09-04', // case 13
      '2018-09-06 16:00', // case 38
      '2018.09.18', // case 65
      '2018/09/10', // case 77
      '10-09-2018', // case 81
      '2026-06-01T10:00:00',
      '2026-06-01T10:00:00+01:00',
      '2026-06-01T10:00:00.Z',
      '2026-06-01t10:00:00z',
      '2026-02-29T10:00:00Z',
      '2026-13-01T10:00:00Z',
      '2026-06-31T10:00:00Z',
      '2026-06-01T24:00:00Z',
      '2026-06-01T10:60:00Z',
      '2026-06-01T10:00:60Z',
      ' 2026-06-01T10:00:00Z',
      '+02026-06-01T10:00:00Z',
      '0000-01-01T00:00:00Z',
    ]) {
      expect(parseSamlInstant(bad), bad).toBeUndefined();
    }
  });

  it('agrees with the ISO form of every instant (round trip, fixed seed)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
        (d) => {
          expect(parseSamlInstant(d.toISOString())).toBe(d.getTime());
          expect(parseSamlInstant(d.toISOString().replace(/\.\d{3}Z$/, 'Z'))).toBe(
            d.getTime() - d.getUTCMilliseconds(),
          );
        },
      ),
      { seed: 1203, numRuns: 500 },
    );
  });

  it('never throws and returns undefined or an integer on any string (fixed seed)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const ms = parseSamlInstant(s);
        expect(ms === undefined || Number.isInteger(ms)).toBe(true);
      }),
      { seed: 1204, numRuns: 1000 },
    );
  });
});

describe('validateSamlResponse() on malformed input (400)', () => {
  async function refusal(overrides: Partial<ValidateSamlResponseArgs>, xml?: string) {
    const store = createTestStore();
    const login = await startLogin(store);
    const result = await outcome(validate(store, login, xml ?? baselineResponse(login), overrides));
    return result.ok ? { ok: true } : { code: result.code, reason: result.reason, status: result.status };
  }
  const malformed = (reason: string) => ({ code: 'ERR_SPID_RESPONSE_MALFORMED', reason, status: 400 });

  it('refuses a form without SAMLResponse, or with it empty or repeated', async () => {
    expect(await refusal({ form: { RelayState: 'x' } })).toEqual(malformed('response.missing'));
    expect(await refusal({ form: { SAMLResponse: '' } })).toEqual(malformed('response.missing'));
    const params = new URLSearchParams([
      ['SAMLResponse', 'PHg+'],
      ['SAMLResponse', 'PHg+'],
    ]);
    expect(await refusal({ form: params })).toEqual(malformed('form.duplicate'));
  });

  it('accepts the same form as URLSearchParams', async () => {
    const store = createTestStore();
    const login = await startLogin(store);
    const form = new URLSearchParams(
      postForm(baselineResponse(login), login.pending.relayState) as Record<string, string>,
    );
    expect((await validate(store, login, '', { form })).requestId).toBe(login.pending.id);
  });

  it('refuses a SAMLResponse over the size cap before decoding it', async () => {
    const store = createTestStore();
    const login = await startLogin(store);
    const xml = baselineResponse(login);
    const size = Buffer.from(xml).toString('base64').length;
    const over = await outcome(validate(store, login, xml, { maxBytes: size - 1 }));
    expect(over).toMatchObject({ ok: false, code: 'ERR_SPID_RESPONSE_MALFORMED', reason: 'response.too-large' });
    const huge = { SAMLResponse: 'A'.repeat(256 * 1024 + 4), RelayState: login.pending.relayState };
    expect(await outcome(validate(store, login, xml, { form: huge }))).toMatchObject({ reason: 'response.too-large' });
    expect((await validate(store, login, xml, { maxBytes: size })).requestId).toBe(login.pending.id);
  });

  it('refuses base64 that is not strict, and bytes that are not UTF-8', async () => {
    for (const SAMLResponse of ['PHg+!', 'PHg', Buffer.from([0x3c, 0xff, 0xfe, 0x3e]).toString('base64')]) {
      expect(await refusal({ form: { SAMLResponse } })).toEqual(malformed('response.base64'));
    }
  });

  it('refuses unsafe XML, schema-invalid XML and other SAML messages', async () => {
    const store = createTestStore();
    const login = await startLogin(store);
    const xml = baselineResponse(login);
    const doctype = `<!DOCTYPE r [<!ENTITY e "x">]>${xml}`;
    const logout = `<samlp:LogoutResponse xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_a" Version="2.0" IssueInstant="2026-06-01T10:00:00Z"><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:LogoutResponse>`;
    const cases: [string, string][] = [
      [doctype, 'response.xml'],
      ['<a>', 'response.xml'],
      [xml.replace('<samlp:Status>', '<samlp:Bogus/><samlp:Status>'), 'response.schema'],
      [logout, 'response.root'],
    ];
    for (const [doc, reason] of cases) {
      const form = postForm(doc, login.pending.relayState);
      expect(await outcome(validate(store, login, doc, { form }))).toMatchObject({ ok: false, reason, status: 400 });
    }
  });
});
