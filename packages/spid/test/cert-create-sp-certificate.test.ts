import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCertificate, type SigningKey } from '@civico/saml';
import { lintSpMetadata, type SpMetadataProfile } from '@civico/spid-test-idp';
import { beforeAll, describe, expect, it } from 'vitest';
// The spid-test-idp suites' SP metadata fixture (valid for every profile): the certificate lint of
// lintSpMetadata compares the certificate with this metadata's Organization and entityID.
import { buildSpMetadataXml, getTestSpEntityId } from '../../spid-test-idp/test/support/sp-fixtures.js';
import { type CreateSpCertificateOptions, createSpCertificate } from '../src/cert/create-sp-certificate.js';
import { lintSpCertificate } from '../src/cert/lint-sp-certificate.js';
import { validateSpCertificate } from '../src/cert/validate-sp-certificate.js';

const OPENSSL = '/usr/bin/openssl';
const FIXTURE_ORG = 'Comune di Test (test-only)';
const FIXTURE_DISPLAY = 'servizi.comune.example.it';

function fixtureOptions(
  profile: SpMetadataProfile,
  kind: CreateSpCertificateOptions['kind'],
): CreateSpCertificateOptions {
  const id = kind === 'public' ? { ipaCode: 'c_h501' } : { vatNumber: '12345678903' };
  return {
    kind,
    entityId: getTestSpEntityId(profile),
    organizationName: FIXTURE_ORG,
    displayName: FIXTURE_DISPLAY,
    locality: 'Roma',
    keyBits: 2048,
    ...id,
  };
}

describe('createSpCertificate (public, default key size)', () => {
  let key: SigningKey;
  const options: CreateSpCertificateOptions = {
    kind: 'public',
    entityId: 'https://servizi.comune.forli.fc.it/spid',
    organizationName: 'Comune di Forlì',
    displayName: 'Forlì servizi online',
    ipaCode: 'c_d704',
    locality: 'Forlì',
  };
  beforeAll(async () => {
    key = await createSpCertificate(options);
  });

  it('writes the Avviso 29 v3 subject and extensions, RSA 3072 with SHA-256', () => {
    const info = parseCertificate(key.certificate);
    expect(info.keyAlgorithm).toBe('rsa');
    expect(info.keyBits).toBe(3072);
    expect(info.signatureAlgorithm).toBe('sha256WithRSAEncryption');
    expect(info.subjectAttributes).toEqual({
      '2.5.4.6': ['IT'],
      '2.5.4.7': ['Forlì'],
      '2.5.4.10': ['Comune di Forlì'],
      '2.5.4.97': ['PA:IT-c_d704'],
      '2.5.4.3': ['Forlì servizi online'],
      '2.5.4.83': ['https://servizi.comune.forli.fc.it/spid'],
    });
    expect(info.issuer).toBe(info.subject);
    expect(info.extensions.basicConstraints).toEqual({ critical: false, ca: false });
    expect(info.extensions.keyUsage).toEqual({ critical: true, usages: ['digitalSignature', 'nonRepudiation'] });
    expect(info.extensions.certificatePolicies).toEqual({
      critical: false,
      policies: ['1.3.76.16', '1.3.76.16.6', '1.3.76.16.4.2.1'],
    });
    expect(Math.round((info.notAfter.getTime() - info.notBefore.getTime()) / 86_400_000)).toBe(730);
    expect(key.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  });

  it('passes validateSpCertificate and every lint rule', () => {
    const check = {
      entityId: options.entityId,
      kind: 'public' as const,
      organizationName: 'Comune di Forlì',
      displayName: 'Forlì servizi online',
    };
    expect(() => validateSpCertificate(key.certificate, check)).not.toThrow();
    const checks = lintSpCertificate(key.certificate, check);
    expect(checks.map((c) => c.rule)).toEqual([
      'key-size',
      'digest',
      'expired',
      'uri',
      'organization-identifier',
      'common-name',
      'organization-name',
      'country-locality',
      'forbidden-attribute',
      'basic-constraints',
      'key-usage',
      'policies',
    ]);
    expect(checks.every((c) => c.ok)).toBe(true);
  });

  it('encodes organizationName as a UTF8String and countryName as a PrintableString (DER)', () => {
    const der = Buffer.from(parseCertificate(key.certificate).der);
    const o = Buffer.from('Comune di Forlì', 'utf8');
    // AttributeTypeAndValue: OID 2.5.4.10 (06 03 55 04 0a), then UTF8String (0c) of the UTF-8 bytes.
    expect(der.includes(Buffer.concat([Buffer.from([0x06, 0x03, 0x55, 0x04, 0x0a, 0x0c, o.length]), o]))).toBe(true);
    expect(der.includes(Buffer.from([0x06, 0x03, 0x55, 0x04, 0x06, 0x13, 0x02, 0x49, 0x54]))).toBe(true);
  });

  // OpenSSL reads the certificate as an independent implementation would; where it is not installed,
  // the DER test above still checks the encodings.
  it.runIf(existsSync(OPENSSL))(
    'is shown by openssl x509 -text with its extensions and a UTF8String organizationName',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'civico-spid-cert-'));
      try {
        const file = join(dir, 'sp.crt');
        writeFileSync(file, key.certificate);
        const text = execFileSync(
          OPENSSL,
          ['x509', '-in', file, '-noout', '-text', '-nameopt', 'utf8,sep_comma_plus_space'],
          {
            encoding: 'utf8',
          },
        );
        expect(text).toContain('Signature Algorithm: sha256WithRSAEncryption');
        expect(text).toContain('Public-Key: (3072 bit)');
        expect(text).toMatch(
          /Subject: C ?= ?IT, L ?= ?Forlì, O ?= ?Comune di Forlì, organizationIdentifier ?= ?PA:IT-c_d704/,
        );
        expect(text).toMatch(/X509v3 Basic Constraints: ?\n\s+CA:FALSE/);
        expect(text).toMatch(/X509v3 Key Usage: critical\n\s+Digital Signature, Non Repudiation\n/);
        expect(text).toMatch(/Policy: 1\.3\.76\.16\n\s+Policy: 1\.3\.76\.16\.6\n\s+Policy: 1\.3\.76\.16\.4\.2\.1/);
        expect(text).not.toMatch(/Certificate Policies: critical/);
        const asn1 = execFileSync(OPENSSL, ['asn1parse', '-in', file], { encoding: 'utf8' });
        expect(asn1).toMatch(/organizationName\s*\n.*UTF8STRING\s*:Comune di Forl/);
        expect(asn1).toMatch(/countryName\s*\n.*PRINTABLESTRING\s*:IT/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('createSpCertificate for each kind, checked by @civico/spid-test-idp lintSpMetadata (production)', () => {
  const NOW = new Date(Date.now() + 3_600_000);
  const cases: [CreateSpCertificateOptions['kind'], SpMetadataProfile][] = [
    ['public', 'spid-sp-public'],
    ['private', 'spid-sp-private'],
    ['aggregator', 'spid-sp-ag-private-full'],
    ['aggregator', 'spid-sp-ag-private-lite'],
  ];

  it.each(cases)('%s certificate in %s metadata: every metadata check passes', async (kind, profile) => {
    const options = fixtureOptions(profile, kind);
    const key = await createSpCertificate(options);
    validateSpCertificate(key.certificate, {
      entityId: options.entityId,
      kind,
      organizationName: FIXTURE_ORG,
      displayName: FIXTURE_DISPLAY,
    });
    const xml = buildSpMetadataXml({ profile, key, entityId: options.entityId });
    const checks = await lintSpMetadata(xml, { profile, production: true, now: NOW });
    expect(checks.filter((c) => c.id.startsWith('metadata.certificate.')).length).toBeGreaterThanOrEqual(10);
    expect(checks.filter((c) => c.outcome !== 'pass').map((c) => c.id)).toEqual([]);
  });

  it('an aggregator certificate (private policy, vendor VAT) is refused by the public aggregator profiles, which check the public rules', async () => {
    // The AgID conformance tool (spid-sp-test) applies only the generic public/private certificate checks
    // to the aggregator profiles (Avviso 19 v4 aggregator certificate rules are not checked).
    const profile: SpMetadataProfile = 'spid-sp-ag-public-full';
    const options = fixtureOptions(profile, 'aggregator');
    const key = await createSpCertificate(options);
    const checks = await lintSpMetadata(buildSpMetadataXml({ profile, key, entityId: options.entityId }), {
      profile,
      production: true,
      now: NOW,
    });
    expect(checks.filter((c) => c.outcome !== 'pass').map((c) => c.id)).toEqual([
      'metadata.certificate.organization-identifier',
      'metadata.certificate.policies',
    ]);
  });
});

describe('createSpCertificate identifiers and names', () => {
  it('writes VATIT- or CF:IT- and the private policy; escapes DN specials', async () => {
    const base = {
      entityId: 'https://sp.example.it/spid',
      displayName: 'Rossi+Bianchi',
      locality: "L'Aquila",
      keyBits: 2048 as const,
    };
    const vat = await createSpCertificate({
      ...base,
      kind: 'private',
      organizationName: 'Rossi, Bianchi & C. S.r.l.',
      vatNumber: '12345678903',
    });
    const cf = await createSpCertificate({
      ...base,
      kind: 'aggregator',
      organizationName: '#1 "Servizi" <Comuni>; s.p.a.',
      fiscalCode: 'RSSMRA85T10H501O',
    });
    const v = parseCertificate(vat.certificate).subjectAttributes;
    expect(v['2.5.4.97']).toEqual(['VATIT-12345678903']);
    expect(v['2.5.4.10']).toEqual(['Rossi, Bianchi & C. S.r.l.']);
    expect(v['2.5.4.3']).toEqual(['Rossi+Bianchi']);
    expect(v['2.5.4.7']).toEqual(["L'Aquila"]);
    const c = parseCertificate(cf.certificate);
    expect(c.subjectAttributes['2.5.4.97']).toEqual(['CF:IT-RSSMRA85T10H501O']);
    expect(c.subjectAttributes['2.5.4.10']).toEqual(['#1 "Servizi" <Comuni>; s.p.a.']);
    expect(c.extensions.certificatePolicies?.policies).toEqual(['1.3.76.16', '1.3.76.16.6', '1.3.76.16.4.3.1']);
  });

  const valid: CreateSpCertificateOptions = {
    kind: 'public',
    entityId: 'https://sp.example.it/spid',
    organizationName: 'Comune di Test',
    displayName: 'Comune di Test',
    ipaCode: 'c_h501',
    locality: 'Roma',
  };
  it.each<[string, Record<string, unknown>, string | undefined]>([
    ['public without ipaCode', { ipaCode: undefined }, 'ipaCode'],
    ['public with a vatNumber', { vatNumber: '12345678903' }, 'vatNumber'],
    ['private with an ipaCode', { kind: 'private', vatNumber: '12345678903' }, 'ipaCode'],
    ['private without identifier', { kind: 'private', ipaCode: undefined }, 'vatNumber'],
    [
      'aggregator with both identifiers',
      { kind: 'aggregator', ipaCode: undefined, vatNumber: '12345678903', fiscalCode: 'RSSMRA85T10H501O' },
      'vatNumber',
    ],
    [
      'a partita IVA with a wrong check digit',
      { kind: 'private', ipaCode: undefined, vatNumber: '12345678901' },
      'vatNumber',
    ],
    ['a lowercase fiscal code', { kind: 'private', ipaCode: undefined, fiscalCode: 'rssmra85t10h501o' }, 'fiscalCode'],
    ['an IPA code with a space', { ipaCode: 'c h501' }, 'ipaCode'],
    ['an entityID that is not a URL', { entityId: 'sp.example.it' }, 'entityId'],
    ['a control character in a name', { organizationName: 'Comune\ndi Test' }, 'organizationName'],
    ['surrounding spaces', { displayName: ' Comune ' }, 'displayName'],
    ['an unknown kind', { kind: 'operator' }, 'kind'],
    ['a 1024-bit key', { keyBits: 1024 }, 'keyBits'],
    ['an unknown option', { email: 'a@b.it' }, undefined],
    ['an invalid notBefore', { notBefore: new Date(Number.NaN) }, 'notBefore'],
    ['days past year 9999', { days: 36_500, notBefore: new Date('9990-01-01T00:00:00Z') }, 'days'],
  ])('refuses %s with ERR_SPID_INVALID_CONFIG', async (_, change, field) => {
    await expect(createSpCertificate({ ...valid, ...change } as CreateSpCertificateOptions)).rejects.toMatchObject({
      code: 'ERR_SPID_INVALID_CONFIG',
      ...(field === undefined ? {} : { field }),
    });
  });

  it('refuses options that are not an object', async () => {
    await expect(createSpCertificate(null as unknown as CreateSpCertificateOptions)).rejects.toMatchObject({
      code: 'ERR_SPID_INVALID_CONFIG',
    });
  });
});
