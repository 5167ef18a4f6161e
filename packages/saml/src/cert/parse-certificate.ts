import { createHash, X509Certificate } from 'node:crypto';
import { SamlError } from '../errors.js';
import type { CertificateInfo } from './certificate-info.js';
import { childrenOf, DerError, decodeOid, decodeTime, expectTag, readTlv, type Tlv, toHex } from './der.js';
import { HASH_OIDS, RSASSA_PSS, SIGNATURE_ALGORITHMS, type SignatureHash } from './oids.js';
import { readCertificateBytes } from './read-certificate-bytes.js';
import { readExtensions } from './read-extensions.js';
import { readName } from './read-name.js';

const CURVE_BITS: ReadonlyMap<string, number> = new Map([
  ['prime256v1', 256],
  ['secp256k1', 256],
  ['secp384r1', 384],
  ['secp521r1', 521],
  ['brainpoolP256r1', 256],
  ['brainpoolP384r1', 384],
  ['brainpoolP512r1', 512],
]);

/** The PEM form of DER bytes: one `CERTIFICATE` block, 64-character lines. @internal */
export function formatCertificatePem(base64: string): string {
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

function readSignatureAlgorithm(buf: Uint8Array, alg: Tlv): { name: string; hash: SignatureHash | undefined } {
  const [oidTlv, params] = childrenOf(buf, expectTag(alg, 0x30));
  const oid = decodeOid(buf, oidTlv as Tlv);
  const known = SIGNATURE_ALGORITHMS.get(oid);
  if (known !== undefined) return known;
  if (oid !== RSASSA_PSS) return { name: oid, hash: undefined };
  // RFC 4055: RSASSA-PSS-params [0] hashAlgorithm DEFAULT sha1.
  const hashField =
    params === undefined ? undefined : childrenOf(buf, expectTag(params, 0x30)).find((t) => t.tag === 0xa0);
  if (hashField === undefined) return { name: 'rsassaPss', hash: 'sha1' };
  const [hashAlg] = childrenOf(buf, hashField);
  const [hashOid] = childrenOf(buf, expectTag(hashAlg, 0x30));
  return { name: 'rsassaPss', hash: HASH_OIDS.get(decodeOid(buf, hashOid as Tlv)) };
}

function readKey(cert: X509Certificate): { keyAlgorithm: string; keyBits: number | undefined } {
  try {
    const key = cert.publicKey;
    const details = key.asymmetricKeyDetails;
    const bits =
      details?.modulusLength ?? (details?.namedCurve === undefined ? undefined : CURVE_BITS.get(details.namedCurve));
    return { keyAlgorithm: key.asymmetricKeyType ?? 'unknown', keyBits: bits };
  } catch {
    return { keyAlgorithm: 'unknown', keyBits: undefined }; // a key type this OpenSSL cannot load
  }
}

function readTbs(der: Uint8Array) {
  const outer = readTlv(der, 0, der.length);
  if (outer.tag !== 0x30 || outer.end !== der.length) throw new DerError('not one certificate');
  const [tbs, sigAlg, sigValue, extra] = childrenOf(der, outer);
  if (extra !== undefined) throw new DerError('extra field');
  expectTag(sigValue, 0x03);
  const fields = childrenOf(der, expectTag(tbs, 0x30));
  let i = fields[0]?.tag === 0xa0 ? 1 : 0;
  const next = (): Tlv => {
    const f = fields[i++];
    if (f === undefined) throw new DerError('missing field');
    return f;
  };
  const serial = expectTag(next(), 0x02);
  next(); // inner signature AlgorithmIdentifier; OpenSSL checks it against the outer one
  const issuer = next();
  const [notBefore, notAfter] = childrenOf(der, expectTag(next(), 0x30));
  const subject = next();
  next(); // subjectPublicKeyInfo, read through node:crypto
  const extensions = fields.slice(i).find((f) => f.tag === 0xa3);
  return { serial, issuer, notBefore, notAfter, subject, extensions, sigAlg: sigAlg as Tlv };
}

/**
 * Reads an X.509 certificate: names, validity, key, signature algorithm, fingerprint, extensions.
 *
 * @remarks
 * Accepts PEM (one `CERTIFICATE` block, with or without line breaks), the bare base64 body found in
 * `ds:X509Certificate` (whitespace allowed) or DER bytes. The certificate must be read completely by
 * OpenSSL (node:crypto) and by civico's strict DER reader. Nothing is judged here (SHA-1, weak keys and
 * expired certificates are read as they are): use {@link validateCertificate} for that.
 *
 * @param pemOrDer - the certificate
 * @returns the certificate's details, frozen
 * @throws {@link SamlError} `ERR_SAML_INVALID_INPUT` when not a string or `Uint8Array`;
 *   `ERR_SAML_CERTIFICATE_INVALID` (with `reason`) when not exactly one readable certificate.
 * @example
 * ```ts
 * import { parseCertificate } from '@civico/saml';
 * declare const pem: string; // e.g. the text of ds:X509Certificate in SP metadata
 * const info = parseCertificate(pem);
 * const ipaCode = info.subjectAttributes['2.5.4.97']?.[0]; // 'PA:IT-c_h501'
 * console.log(info.subject, info.fingerprintSha256, ipaCode); // '16:B9:7D:…'
 * ```
 * @group Certificates
 */
export function parseCertificate(pemOrDer: string | Uint8Array): CertificateInfo {
  const der = readCertificateBytes(pemOrDer, 'pemOrDer');
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(der);
  } catch (cause) {
    throw new SamlError('ERR_SAML_CERTIFICATE_INVALID', 'Not a readable X.509 certificate (der)', {
      cause,
      reason: 'der',
    });
  }
  try {
    const t = readTbs(der);
    const subject = readName(der, t.subject);
    const issuer = readName(der, t.issuer);
    const signature = readSignatureAlgorithm(der, t.sigAlg);
    const base64 = Buffer.from(der).toString('base64');
    const fingerprint = createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g) ?? [];
    return Object.freeze({
      subject: subject.text,
      subjectAttributes: subject.attributes,
      issuer: issuer.text,
      issuerAttributes: issuer.attributes,
      serialNumber: toHex(der.subarray(t.serial.contentStart, t.serial.end)),
      notBefore: decodeTime(der, t.notBefore as Tlv),
      notAfter: decodeTime(der, t.notAfter as Tlv),
      ...readKey(cert),
      signatureAlgorithm: signature.name,
      signatureHash: signature.hash,
      fingerprintSha256: fingerprint.join(':'),
      extensions: readExtensions(der, t.extensions),
      pem: formatCertificatePem(base64),
      base64,
      der,
    });
  } catch (cause) {
    if (SamlError.isInstance(cause)) throw cause;
    // The causes are the DER reader's own messages or a strict UTF-8 decoder's: no certificate content.
    throw new SamlError('ERR_SAML_CERTIFICATE_INVALID', 'Not a readable X.509 certificate (structure)', {
      cause,
      reason: 'der',
    });
  }
}
