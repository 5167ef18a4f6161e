import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSelfSignedCertificate, type SigningKey } from '@civico/saml';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSpCertificate } from '../src/cert/create-sp-certificate.js';
import { lintSpCertificate, type SpCertificateCheckOptions } from '../src/cert/lint-sp-certificate.js';
import { validateSpCertificate } from '../src/cert/validate-sp-certificate.js';
import { SpidError } from '../src/errors.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/cert/', import.meta.url));
const SAML_FIXTURES = fileURLToPath(new URL('../../saml/test/fixtures/', import.meta.url));
const ENTITY_ID = 'https://servizi.comune.example.it/spid';
const ORG = 'Comune di Test (test-only)';
const CN = 'servizi.comune.example.it';
const SUBJECT = `C=IT, L=Roma, O=${ORG}, organizationIdentifier=PA:IT-c_h501, CN=${CN}, uri=${ENTITY_ID}`;
const PUBLIC: SpCertificateCheckOptions = {
  entityId: ENTITY_ID,
  kind: 'public',
  organizationName: ORG,
  displayName: CN,
};
// The openssl fixtures start on 2026-12-03 (test/fixtures/cert/generate.sh).
const LATER = new Date('2030-01-01T00:00:00Z');

function reasonOf(pem: string, options: SpCertificateCheckOptions): string | undefined {
  try {
    validateSpCertificate(pem, options);
    return undefined;
  } catch (err) {
    expect(SpidError.isInstance(err)).toBe(true);
    const e = err as SpidError;
    expect(e.code).toBe('ERR_SPID_CERTIFICATE');
    // No certificate value in the message (names, URLs, identifiers).
    expect(e.message).not.toMatch(/Comune|servizi|c_h501|Mario|https?:/);
    return e.reason;
  }
}

const selfSigned = (subject: string, policy?: 'public' | 'private', extra: { notBefore?: Date; days?: number } = {}) =>
  createSelfSignedCertificate({ subject, ...(policy === undefined ? {} : { spid: { policy } }), ...extra });

describe('validateSpCertificate refuses each broken rule with its reason', () => {
  let good: SigningKey;
  let privateKey: SigningKey;
  beforeAll(async () => {
    good = await selfSigned(SUBJECT, 'public');
    privateKey = await createSpCertificate({
      kind: 'private',
      entityId: ENTITY_ID,
      organizationName: ORG,
      displayName: CN,
      vatNumber: '12345678903',
      locality: 'Roma',
      keyBits: 2048,
    });
  });

  it('accepts the compliant certificates', () => {
    expect(reasonOf(good.certificate, PUBLIC)).toBeUndefined();
    expect(reasonOf(privateKey.certificate, { ...PUBLIC, kind: 'private' })).toBeUndefined();
    expect(reasonOf(privateKey.certificate, { ...PUBLIC, kind: 'aggregator' })).toBeUndefined();
    expect(reasonOf(good.certificate, { entityId: ENTITY_ID, kind: 'public' })).toBeUndefined();
  });

  it('certificate: unreadable PEM', () => {
    expect(reasonOf('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', PUBLIC)).toBe('certificate');
    expect(reasonOf('', PUBLIC)).toBe('certificate');
    expect(lintSpCertificate('not a certificate', PUBLIC)).toEqual([
      { rule: 'certificate', ok: false, message: 'the certificate cannot be read' },
    ]);
  });

  it('key-size: an RSA key under 2048 bits', () => {
    expect(reasonOf(readFileSync(`${SAML_FIXTURES}weak.crt`, 'utf8'), PUBLIC)).toBe('key-size');
  });

  it('digest: a SHA-1 signature (openssl fixture)', () => {
    expect(reasonOf(readFileSync(`${FIXTURES}sha1-digest.crt`, 'utf8'), { ...PUBLIC, now: LATER })).toBe('digest');
  });

  it('expired: after notAfter and before notBefore', async () => {
    const old = await selfSigned(SUBJECT, 'public', { notBefore: new Date('2020-01-01T00:00:00Z'), days: 30 });
    expect(reasonOf(old.certificate, PUBLIC)).toBe('expired');
    expect(reasonOf(good.certificate, { ...PUBLIC, now: new Date('2000-01-01T00:00:00Z') })).toBe('expired');
    expect(reasonOf(good.certificate, { ...PUBLIC, now: new Date(Date.now() + 400 * 86_400_000) })).toBe('expired');
  });

  it('uri: another entityID, a missing or repeated uri', async () => {
    expect(reasonOf(good.certificate, { ...PUBLIC, entityId: 'https://other.example.it/spid' })).toBe('uri');
    expect(reasonOf(good.certificate, { ...PUBLIC, entityId: `${ENTITY_ID}/` })).toBe('uri');
    const none = await selfSigned(SUBJECT.replace(`, uri=${ENTITY_ID}`, ''), 'public');
    expect(reasonOf(none.certificate, PUBLIC)).toBe('uri');
    const twice = await selfSigned(`${SUBJECT}, uri=${ENTITY_ID}`, 'public');
    expect(reasonOf(twice.certificate, PUBLIC)).toBe('uri');
  });

  it('organization-identifier: the other kind, a malformed or missing one', async () => {
    expect(reasonOf(good.certificate, { ...PUBLIC, kind: 'private' })).toBe('organization-identifier');
    expect(reasonOf(privateKey.certificate, PUBLIC)).toBe('organization-identifier');
    const bads = ['PA:IT-', 'PA:IT-c_h501_too_long_code', 'VATIT-1234567890', 'CF:IT-rssmra85t10h501o'];
    const keys = await Promise.all(bads.map((bad) => selfSigned(SUBJECT.replace('PA:IT-c_h501', bad), 'public')));
    for (const key of keys) {
      expect(reasonOf(key.certificate, PUBLIC)).toBe('organization-identifier');
      expect(reasonOf(key.certificate, { ...PUBLIC, kind: 'private' })).toBe('organization-identifier');
    }
    const none = await selfSigned(SUBJECT.replace(', organizationIdentifier=PA:IT-c_h501', ''), 'public');
    expect(reasonOf(none.certificate, PUBLIC)).toBe('organization-identifier');
  });

  it('common-name and organization-name: differ from the metadata or are missing', async () => {
    expect(reasonOf(good.certificate, { ...PUBLIC, displayName: 'Comune' })).toBe('common-name');
    expect(reasonOf(good.certificate, { ...PUBLIC, organizationName: 'Comune di Test' })).toBe('organization-name');
    const noCn = await selfSigned(SUBJECT.replace(`, CN=${CN}`, ''), 'public');
    expect(reasonOf(noCn.certificate, { entityId: ENTITY_ID, kind: 'public' })).toBe('common-name');
    const noO = await selfSigned(SUBJECT.replace(`, O=${ORG}`, ''), 'public');
    expect(reasonOf(noO.certificate, { entityId: ENTITY_ID, kind: 'public' })).toBe('organization-name');
  });

  it('country-locality: no localityName, no countryName', async () => {
    const noL = await selfSigned(SUBJECT.replace(', L=Roma', ''), 'public');
    expect(reasonOf(noL.certificate, PUBLIC)).toBe('country-locality');
    const noC = await selfSigned(SUBJECT.replace('C=IT, ', ''), 'public');
    expect(reasonOf(noC.certificate, PUBLIC)).toBe('country-locality');
  });

  it('forbidden-attribute: a person named in the subject, an e-mail address', async () => {
    const attrs = [
      'GN=Mario',
      'SN=Rossi',
      'name=Mario Rossi',
      'initials=MR',
      'pseudonym=Mario',
      'emailAddress=spid@x.it',
    ];
    const keys = await Promise.all(attrs.map((attr) => selfSigned(`${SUBJECT}, ${attr}`, 'public')));
    for (const key of keys) {
      expect(reasonOf(key.certificate, PUBLIC)).toBe('forbidden-attribute');
    }
  });

  it('basic-constraints: CA:TRUE (openssl fixture)', () => {
    expect(reasonOf(readFileSync(`${FIXTURES}ca-true.crt`, 'utf8'), { ...PUBLIC, now: LATER })).toBe(
      'basic-constraints',
    );
  });

  it('key-usage and policies: no SPID extensions, or the other kind policy', async () => {
    const plain = await selfSigned(SUBJECT);
    expect(reasonOf(plain.certificate, PUBLIC)).toBe('key-usage');
    const failing = lintSpCertificate(plain.certificate, PUBLIC).filter((c) => !c.ok);
    expect(failing.map((c) => c.rule)).toEqual(['key-usage', 'policies']);
    const wrongPolicy = await selfSigned(SUBJECT, 'private');
    expect(reasonOf(wrongPolicy.certificate, PUBLIC)).toBe('policies');
  });

  it('reports every broken rule in lint order; validate throws the first', async () => {
    const bad = await selfSigned('C=IT, CN=x, GN=Mario');
    const failing = lintSpCertificate(bad.certificate, PUBLIC)
      .filter((c) => !c.ok)
      .map((c) => c.rule);
    expect(failing).toEqual([
      'uri',
      'organization-identifier',
      'common-name',
      'organization-name',
      'country-locality',
      'forbidden-attribute',
      'key-usage',
      'policies',
    ]);
    expect(reasonOf(bad.certificate, PUBLIC)).toBe('uri');
  });
});

describe('validateSpCertificate options', () => {
  it.each<[string, unknown, string | undefined]>([
    ['no entityId', { kind: 'public' }, 'entityId'],
    ['an unknown kind', { entityId: ENTITY_ID, kind: 'operator' }, 'kind'],
    ['an invalid now', { entityId: ENTITY_ID, kind: 'public', now: new Date(Number.NaN) }, 'now'],
    ['an unknown option', { entityId: ENTITY_ID, kind: 'public', production: true }, undefined],
    ['null', null, undefined],
  ])('refuses %s with ERR_SPID_INVALID_INPUT', (_, options, field) => {
    expect(() => validateSpCertificate('x', options as SpCertificateCheckOptions)).toThrow(
      expect.objectContaining({ code: 'ERR_SPID_INVALID_INPUT', ...(field === undefined ? {} : { field }) }),
    );
  });

  it('never throws anything but SpidError on any string (fast-check)', () => {
    const run = () =>
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.base64String()), (pem) => {
          try {
            validateSpCertificate(pem, PUBLIC);
            return false;
          } catch (err) {
            return SpidError.isInstance(err) && (err as SpidError).reason === 'certificate';
          }
        }),
        { seed: 1010, numRuns: 300 },
      );
    expect(run).not.toThrow();
  });
});
