import { createPrivateKey, createSign, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSelfSignedCertificate } from '../src/cert/create-self-signed-certificate.js';
import { parseCertificate } from '../src/cert/parse-certificate.js';
import { SamlError } from '../src/errors.js';
import type { SigningKey } from '../src/signature/signing-key.js';

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; field: string | undefined } | undefined> {
  try {
    await promise;
  } catch (err) {
    if (SamlError.isInstance(err)) return { code: err.code, field: err.field };
    return { code: `foreign: ${String(err)}`, field: undefined };
  }
  return undefined;
}

describe('createSelfSignedCertificate()', () => {
  const notBefore = new Date('2026-03-01T10:20:30.456Z');
  let key: SigningKey;
  beforeAll(async () => {
    key = await createSelfSignedCertificate({
      subject: 'CN=Test IdP, O=civico (test-only), C=IT',
      notBefore,
      days: 30,
    });
  });

  it('returns a PKCS#8 PEM private key and a PEM certificate holding its public half', () => {
    expect(key.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+\n-----END PRIVATE KEY-----\n$/);
    expect(key.certificate).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    const cert = new X509Certificate(key.certificate);
    expect(cert.checkPrivateKey(createPrivateKey(key.privateKey))).toBe(true);
  });

  it('self-signs with RSASSA-PKCS1-v1_5 SHA-256, verified by OpenSSL', () => {
    const cert = new X509Certificate(key.certificate);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.ca).toBe(false);
    const info = parseCertificate(key.certificate);
    expect(info.signatureAlgorithm).toBe('sha256WithRSAEncryption');
    expect(info.keyAlgorithm).toBe('rsa');
    expect(info.keyBits).toBe(2048);
    expect(info.issuer).toBe(info.subject);
  });

  it('keeps the subject in the written order and escapes what RFC 4514 escapes', async () => {
    const info = parseCertificate(key.certificate);
    expect(info.subject).toBe('CN=Test IdP, O=civico (test-only), C=IT');
    const escaped = await createSelfSignedCertificate({
      subject: 'CN=Rossi\\, Mario + O=A\\2bB, 2.5.4.97=VATIT-12345678901',
    });
    const e = parseCertificate(escaped.certificate);
    expect(e.subjectAttributes['2.5.4.3']).toEqual(['Rossi, Mario']);
    expect(e.subjectAttributes['2.5.4.10']).toEqual(['A+B']);
    expect(e.subjectAttributes['2.5.4.97']).toEqual(['VATIT-12345678901']);
    // DER sorts the members of a multi-valued RDN by their encodings.
    expect(e.subject).toBe('O=A\\+B+CN=Rossi\\, Mario, organizationIdentifier=VATIT-12345678901');
  });

  it('starts at notBefore (whole seconds) and lasts `days` days', () => {
    const info = parseCertificate(key.certificate);
    expect(info.notBefore.toISOString()).toBe('2026-03-01T10:20:30.000Z');
    expect(info.notAfter.toISOString()).toBe('2026-03-31T10:20:30.000Z');
  });

  it('uses GeneralizedTime past 2049 and a positive 16-octet random serial', async () => {
    const late = await createSelfSignedCertificate({
      subject: 'CN=late',
      notBefore: new Date('2049-12-31T00:00:00Z'),
      days: 2,
    });
    const info = parseCertificate(late.certificate);
    expect(info.notAfter.toISOString()).toBe('2050-01-02T00:00:00.000Z');
    expect(new X509Certificate(late.certificate).validTo).toBe('Jan  2 00:00:00 2050 GMT');
    expect(info.serialNumber).toMatch(/^[4-7][0-9a-f]{31}$/);
    expect(info.serialNumber).not.toBe(parseCertificate(key.certificate).serialNumber);
  });

  it('adds only subjectKeyIdentifier and basicConstraints CA:FALSE without `spid`', () => {
    const info = parseCertificate(key.certificate);
    expect(info.extensions.present).toEqual(['2.5.29.14', '2.5.29.19']);
    expect(info.extensions.basicConstraints).toEqual({ critical: false, ca: false });
  });

  it('adds the SPID extensions of Avviso 29 v3 for a private SP', async () => {
    const sp = await createSelfSignedCertificate({
      subject:
        'CN=Example, O=Example S.p.A., uri=https://sp.example.com, organizationIdentifier=VATIT-12345678901, L=Milano, C=IT',
      spid: { policy: 'private' },
    });
    const info = parseCertificate(sp.certificate);
    expect(info.extensions.keyUsage).toEqual({ critical: true, usages: ['digitalSignature', 'nonRepudiation'] });
    expect(info.extensions.certificatePolicies?.policies).toEqual(['1.3.76.16', '1.3.76.16.6', '1.3.76.16.4.3.1']);
    expect(info.extensions.certificatePolicies?.critical).toBe(false);
    const cert = new X509Certificate(sp.certificate);
    expect(cert.verify(cert.publicKey)).toBe(true);
  });

  it('creates 3072-bit keys that sign', async () => {
    const big = await createSelfSignedCertificate({ subject: 'CN=big', keyBits: 3072 });
    expect(parseCertificate(big.certificate).keyBits).toBe(3072);
    const signature = createSign('RSA-SHA256').update('x').sign(big.privateKey);
    expect(signature.length).toBe(384);
  });

  it('refuses invalid options with ERR_SAML_INVALID_CONFIG naming the field', async () => {
    const cases: [unknown, string | undefined][] = [
      [{ subject: 'CN=x', keyBits: 1024 }, 'keyBits'],
      [{ subject: '' }, 'subject'],
      [{ subject: 'CN=x', days: 0 }, 'days'],
      [{ subject: 'CN=x', days: 1.5 }, 'days'],
      [{ subject: 'CN=x', notBefore: new Date(Number.NaN) }, 'notBefore'],
      [{ subject: 'CN=x', notBefore: new Date('9999-12-31T00:00:00Z'), days: 2 }, 'days'],
      [{ subject: 'CN=x', spid: { policy: 'other' } }, 'spid.policy'],
      [{ subject: 'CN=x', extra: true }, undefined],
      [{ subject: 'CN=x, C=Italy' }, 'subject'],
      [{ subject: 'CN=x, FOO=bar' }, 'subject'],
      [{ subject: 'CN' }, 'subject'],
      [{ subject: 'CN=' }, 'subject'],
      [{ subject: 'CN=#0403' }, 'subject'],
      [{ subject: 'CN=x\\' }, 'subject'],
      [{ subject: 'CN=x\\ff' }, 'subject'],
      [{ subject: 'emailAddress=è@example.it' }, 'subject'],
      [{ subject: '9.9=x' }, 'subject'],
      [undefined, undefined],
    ];
    for (const [options, field] of cases) {
      expect(await codeOf(createSelfSignedCertificate(options as never))).toEqual({
        code: 'ERR_SAML_INVALID_CONFIG',
        field,
      });
    }
  });
});

describe('createSelfSignedCertificate() options (hostile-input harness regression)', () => {
  it('refuses a 2 MB typed array as options, or as options.spid, at once', async () => {
    const start = performance.now();
    expect((await codeOf(createSelfSignedCertificate(new Uint8Array(2_000_000) as never)))?.code).toBe(
      'ERR_SAML_INVALID_CONFIG',
    );
    const spid = new Uint8Array(2_000_000) as never;
    expect((await codeOf(createSelfSignedCertificate({ subject: 'CN=x', spid })))?.code).toBe(
      'ERR_SAML_INVALID_CONFIG',
    );
    expect(performance.now() - start).toBeLessThan(400);
  });
});
