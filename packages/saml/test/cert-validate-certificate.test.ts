import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bitString, explicit, nullValue, oid, seq, set, time, unsignedInteger, utf8 } from '../src/cert/der-write.js';
import { parseCertificate } from '../src/cert/parse-certificate.js';
import { validateCertificate } from '../src/cert/validate-certificate.js';
import { SamlError } from '../src/errors.js';
import { loadCertificate } from './support/keys.js';

const AT = new Date('2030-06-01T00:00:00Z');

function errorOf(fn: () => unknown): { code: string; reason: string | undefined } | undefined {
  try {
    fn();
  } catch (err) {
    if (SamlError.isInstance(err)) return { code: err.code, reason: err.reason };
    return { code: `foreign: ${String(err)}`, reason: undefined };
  }
  return undefined;
}

/** A self-signed v3 certificate built by hand, for key types and algorithms the generator never makes. */
function buildCertificate(
  publicKey: KeyObject,
  privateKey: KeyObject,
  sigOid: string,
  hash: string | null,
  rsa: boolean,
): Uint8Array {
  const algorithm = rsa ? seq(oid(sigOid), nullValue()) : seq(oid(sigOid));
  const name = seq(set(seq(oid('2.5.4.3'), utf8('hand-made (test-only)'))));
  const spki = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
  const tbs = seq(
    explicit(0, unsignedInteger(new Uint8Array([2]))),
    unsignedInteger(new Uint8Array([1, 2, 3])),
    algorithm,
    name,
    seq(time(new Date('2026-01-01T00:00:00Z')), time(new Date('2036-01-01T00:00:00Z'))),
    name,
    spki,
  );
  return seq(tbs, algorithm, bitString(new Uint8Array(sign(hash, tbs, privateKey))));
}

describe('validateCertificate()', () => {
  it('accepts an RSA-2048 SHA-256 certificate inside its validity window', () => {
    expect(validateCertificate(loadCertificate('idp'), { now: AT })).toBeUndefined();
    expect(validateCertificate(parseCertificate(loadCertificate('sp')), { now: AT })).toBeUndefined();
  });

  it('refuses an expired certificate and one not valid yet', () => {
    expect(errorOf(() => validateCertificate(loadCertificate('expired'), { now: AT }))).toEqual({
      code: 'ERR_SAML_CERTIFICATE_EXPIRED',
      reason: 'expired',
    });
    expect(
      errorOf(() => validateCertificate(loadCertificate('idp'), { now: new Date('2025-12-31T23:59:59Z') })),
    ).toEqual({
      code: 'ERR_SAML_CERTIFICATE_EXPIRED',
      reason: 'not-yet-valid',
    });
    expect(
      errorOf(() => validateCertificate(loadCertificate('idp'), { now: new Date('2036-01-01T00:00:01Z') }))?.code,
    ).toBe('ERR_SAML_CERTIFICATE_EXPIRED');
  });

  it('refuses an RSA-1024 key, and a 2048-bit key when minKeyBits is 3072', () => {
    expect(errorOf(() => validateCertificate(loadCertificate('weak'), { now: AT }))).toEqual({
      code: 'ERR_SAML_KEY_TOO_WEAK',
      reason: 'rsa-bits',
    });
    expect(errorOf(() => validateCertificate(loadCertificate('idp'), { now: AT, minKeyBits: 3072 }))?.code).toBe(
      'ERR_SAML_KEY_TOO_WEAK',
    );
  });

  it('refuses a certificate signed with SHA-1 (reason sha1)', () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const der = buildCertificate(publicKey, privateKey, '1.2.840.113549.1.1.5', 'sha1', true);
    expect(parseCertificate(der).signatureAlgorithm).toBe('sha1WithRSAEncryption');
    expect(errorOf(() => validateCertificate(der, { now: AT }))).toEqual({
      code: 'ERR_SAML_CERTIFICATE_INVALID',
      reason: 'sha1',
    });
  });

  it('accepts an EC P-256 key with ECDSA-SHA256 and refuses P-192 and Ed25519 keys', () => {
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const ok = buildCertificate(p256.publicKey, p256.privateKey, '1.2.840.10045.4.3.2', 'sha256', false);
    expect(parseCertificate(ok).keyBits).toBe(256);
    expect(validateCertificate(ok, { now: AT })).toBeUndefined();
    const p192 = generateKeyPairSync('ec', { namedCurve: 'prime192v1' });
    const small = buildCertificate(p192.publicKey, p192.privateKey, '1.2.840.10045.4.3.2', 'sha256', false);
    expect(errorOf(() => validateCertificate(small, { now: AT }))).toEqual({
      code: 'ERR_SAML_KEY_TOO_WEAK',
      reason: 'ec-bits',
    });
    const ed = generateKeyPairSync('ed25519');
    const edCert = buildCertificate(ed.publicKey, ed.privateKey, '1.3.101.112', null, false);
    expect(parseCertificate(edCert).keyAlgorithm).toBe('ed25519');
    expect(errorOf(() => validateCertificate(edCert, { now: AT }))).toEqual({
      code: 'ERR_SAML_KEY_TOO_WEAK',
      reason: 'key-type',
    });
  });

  it('judges a CertificateInfo by its DER bytes, not by its other fields', () => {
    const forged = { ...parseCertificate(loadCertificate('weak')), keyBits: 4096 };
    expect(errorOf(() => validateCertificate(forged, { now: AT }))?.code).toBe('ERR_SAML_KEY_TOO_WEAK');
  });

  it('refuses options that would lower the bar or are malformed', () => {
    for (const options of [
      { minKeyBits: 1024 },
      { minKeyBits: 2048.5 },
      { now: 'today' },
      { now: new Date(Number.NaN) },
      { strict: false },
    ]) {
      expect(errorOf(() => validateCertificate(loadCertificate('idp'), options as never))?.code).toBe(
        'ERR_SAML_INVALID_CONFIG',
      );
    }
  });

  it('refuses an object whose der cannot be read with ERR_SAML_INVALID_INPUT', () => {
    const hostile = new Proxy(
      {},
      {
        has: () => true,
        get: () => {
          throw new Error('trap');
        },
      },
    );
    expect(errorOf(() => validateCertificate(hostile as never, { now: AT }))?.code).toBe('ERR_SAML_INVALID_INPUT');
    expect(errorOf(() => validateCertificate({} as never, { now: AT }))?.code).toBe('ERR_SAML_INVALID_INPUT');
  });

  it('refuses what is not a certificate', () => {
    expect(errorOf(() => validateCertificate('garbage', { now: AT }))?.code).toBe('ERR_SAML_CERTIFICATE_INVALID');
    expect(errorOf(() => validateCertificate(42 as never, { now: AT }))?.code).toBe('ERR_SAML_INVALID_INPUT');
  });
});

describe('validateCertificate() options (hostile-input harness regression)', () => {
  it('refuses a 2 MB typed array as options at once, without listing its keys', () => {
    const start = performance.now();
    expect(errorOf(() => validateCertificate(loadCertificate('idp'), new Uint8Array(2_000_000) as never))?.code).toBe(
      'ERR_SAML_INVALID_CONFIG',
    );
    expect(performance.now() - start).toBeLessThan(200);
  });
});
