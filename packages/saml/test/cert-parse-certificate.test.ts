import { X509Certificate } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CertificateInfo } from '../src/cert/certificate-info.js';
import { createSelfSignedCertificate } from '../src/cert/create-self-signed-certificate.js';
import { parseCertificate } from '../src/cert/parse-certificate.js';
import { SamlError } from '../src/errors.js';
import { loadCertificate } from './support/keys.js';

const SEED = 20261203;
const IDP_PEM = loadCertificate('idp');
const BODY = IDP_PEM.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');

function errorOf(fn: () => unknown): { code: string; reason: string | undefined } | undefined {
  try {
    fn();
  } catch (err) {
    if (SamlError.isInstance(err)) return { code: err.code, reason: err.reason };
    return { code: `foreign: ${String(err)}`, reason: undefined };
  }
  return undefined;
}

describe('parseCertificate()', () => {
  let spid: CertificateInfo;
  beforeAll(async () => {
    const key = await createSelfSignedCertificate({
      subject:
        'CN=Comune di Forlì, O=Comune di Forlì, uri=https://spid.comune.forli.fc.it, organizationIdentifier=PA:IT-c_d704, L=Forlì, C=IT',
      spid: { policy: 'public' },
    });
    spid = parseCertificate(key.certificate);
  });

  it('reads names, validity, key and signature algorithm of a PEM certificate', () => {
    const info = parseCertificate(IDP_PEM);
    expect(info.subject).toBe('C=IT, L=Roma, O=civico SPID test IdP (test-only), CN=localhost');
    expect(info.issuer).toBe(info.subject);
    expect(info.subjectAttributes['2.5.4.3']).toEqual(['localhost']);
    expect(info.subjectAttributes['2.5.4.6']).toEqual(['IT']);
    expect(info.serialNumber).toBe('1000');
    expect(info.notBefore.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(info.notAfter.toISOString()).toBe('2036-01-01T00:00:00.000Z');
    expect(info.keyAlgorithm).toBe('rsa');
    expect(info.keyBits).toBe(2048);
    expect(info.signatureAlgorithm).toBe('sha256WithRSAEncryption');
    expect(info.signatureHash).toBe('sha256');
    expect(info.extensions.keyUsage).toEqual({ critical: true, usages: ['digitalSignature', 'nonRepudiation'] });
  });

  it('computes the SHA-256 fingerprint in the colon form OpenSSL prints', () => {
    const info = parseCertificate(IDP_PEM);
    expect(info.fingerprintSha256).toBe(new X509Certificate(IDP_PEM).fingerprint256);
    expect(info.fingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('reads the same certificate from PEM, one-line PEM, a bare base64 body with line breaks, and DER', () => {
    const reference = parseCertificate(IDP_PEM);
    const oneLine = `-----BEGIN CERTIFICATE-----${BODY}-----END CERTIFICATE-----`;
    const xmlText = `\n        ${BODY.match(/.{1,76}/g)?.join('\r\n        ')}\n      `;
    const der = new Uint8Array(Buffer.from(BODY, 'base64'));
    for (const input of [oneLine, xmlText, BODY, der, Buffer.from(der)]) {
      const info = parseCertificate(input);
      expect(info.fingerprintSha256).toBe(reference.fingerprintSha256);
      expect(info.pem).toBe(reference.pem);
      expect(info.base64).toBe(BODY);
    }
  });

  it('normalises PEM to one block of 64-character lines with a trailing newline', () => {
    const { pem } = parseCertificate(BODY);
    const lines = pem.trimEnd().split('\n');
    expect(lines[0]).toBe('-----BEGIN CERTIFICATE-----');
    expect(lines.at(-1)).toBe('-----END CERTIFICATE-----');
    expect(lines.slice(1, -2).every((l) => l.length === 64)).toBe(true);
    expect(pem.endsWith('-----\n')).toBe(true);
  });

  it('returns a copy of the DER bytes, frozen details', () => {
    const der = new Uint8Array(Buffer.from(BODY, 'base64'));
    const info = parseCertificate(der);
    der[10] = 0;
    expect(info.der[10]).not.toBe(0);
    expect(Object.isFrozen(info)).toBe(true);
    expect(Object.isFrozen(info.subjectAttributes)).toBe(true);
  });

  it('reads the SPID attributes uri (2.5.4.83) and organizationIdentifier (2.5.4.97) by OID', () => {
    expect(spid.subjectAttributes['2.5.4.83']).toEqual(['https://spid.comune.forli.fc.it']);
    expect(spid.subjectAttributes['2.5.4.97']).toEqual(['PA:IT-c_d704']);
    expect(spid.subjectAttributes['2.5.4.7']).toEqual(['Forlì']);
    expect(spid.subject).toBe(
      'CN=Comune di Forlì, O=Comune di Forlì, uri=https://spid.comune.forli.fc.it, organizationIdentifier=PA:IT-c_d704, L=Forlì, C=IT',
    );
  });

  it('reads the SPID extensions: keyUsage, basicConstraints and certificatePolicies with their criticality', () => {
    expect(spid.extensions.keyUsage).toEqual({ critical: true, usages: ['digitalSignature', 'nonRepudiation'] });
    expect(spid.extensions.basicConstraints).toEqual({ critical: false, ca: false });
    expect(spid.extensions.certificatePolicies).toEqual({
      critical: false,
      policies: ['1.3.76.16', '1.3.76.16.6', '1.3.76.16.4.2.1'],
    });
    expect(spid.extensions.present).toEqual(['2.5.29.14', '2.5.29.19', '2.5.29.15', '2.5.29.32']);
  });

  it('refuses text and bytes that are not exactly one certificate', () => {
    const der = Buffer.from(BODY, 'base64');
    const cases: [string | Uint8Array, string][] = [
      ['', 'base64'],
      ['hello world', 'base64'],
      [`${BODY.slice(0, 20)}*${BODY.slice(21)}`, 'base64'],
      [BODY.slice(0, -1), 'base64'],
      [`${IDP_PEM}${IDP_PEM}`, 'several-blocks'],
      [IDP_PEM.replaceAll('CERTIFICATE', 'PRIVATE KEY'), 'pem-label'],
      [`subject=CN=x\n${IDP_PEM}`, 'pem'],
      ['-----BEGIN CERTIFICATE-----\n', 'pem'],
      [Buffer.from('not a certificate').toString('base64'), 'der'],
      [new Uint8Array([...der, 0]), 'der'],
      [new Uint8Array(der.subarray(0, der.length - 1)), 'der'],
      [new Uint8Array(0), 'der'],
      [new Uint8Array(70_000), 'too-large'],
    ];
    for (const [input, reason] of cases) {
      expect(errorOf(() => parseCertificate(input))).toEqual({ code: 'ERR_SAML_CERTIFICATE_INVALID', reason });
    }
  });

  it('refuses a subject that is neither a string nor bytes with ERR_SAML_INVALID_INPUT', () => {
    for (const input of [undefined, null, 42, {}, [1, 2], new ArrayBuffer(4)]) {
      expect(errorOf(() => parseCertificate(input as never))?.code).toBe('ERR_SAML_INVALID_INPUT');
    }
  });

  it('never throws anything but SamlError on random text, random bytes or a certificate with one byte changed', () => {
    const der = new Uint8Array(Buffer.from(BODY, 'base64'));
    const onlySaml = (input: string | Uint8Array): void => {
      try {
        parseCertificate(input);
      } catch (err) {
        expect(SamlError.isInstance(err)).toBe(true);
      }
    };
    fc.assert(fc.property(fc.string({ maxLength: 200 }), onlySaml), { seed: SEED, numRuns: 300 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), onlySaml), { seed: SEED, numRuns: 300 });
    fc.assert(
      fc.property(fc.nat(der.length - 1), fc.integer({ min: 1, max: 255 }), (at, delta) => {
        const mutated = new Uint8Array(der);
        mutated[at] = ((mutated[at] as number) + delta) % 256;
        onlySaml(mutated);
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});

describe('parseCertificate() on a Proxy (hostile-input harness regression)', () => {
  it('refuses a Proxy whose getPrototypeOf trap throws with ERR_SAML_INVALID_INPUT', () => {
    const proxy = new Proxy(function hostile() {}, {
      getPrototypeOf() {
        throw new TypeError('trap');
      },
    });
    expect(errorOf(() => parseCertificate(proxy as never))?.code).toBe('ERR_SAML_INVALID_INPUT');
  });
});
