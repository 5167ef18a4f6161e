import { parseOptions, plainObject, readFields } from '@civico/core/internal';
import { z } from 'zod';
import { SamlError } from '../errors.js';
import type { CertificateInfo } from './certificate-info.js';
import { parseCertificate } from './parse-certificate.js';

/** Smallest RSA modulus ever accepted (SPID, Avviso 29 v3); `minKeyBits` can only raise it. */
const MIN_RSA_BITS = 2048;
/** Smallest EC curve accepted. */
const MIN_EC_BITS = 256;
const ACCEPTED_HASHES: ReadonlySet<string> = new Set(['sha256', 'sha384', 'sha512', 'none']);

const ValidateCertificateOptionsSchema = plainObject(
  z
    .object({
      now: z
        .date()
        .refine((d) => !Number.isNaN(d.getTime()), 'must be a valid date')
        .optional(),
      minKeyBits: z.number().int().min(MIN_RSA_BITS).max(16_384).optional(),
    })
    .strict(),
);

/**
 * Options of {@link validateCertificate}.
 * @group Certificates
 */
export interface ValidateCertificateOptions {
  /** The instant the certificate must be valid at (default: now). */
  readonly now?: Date;
  /** Smallest RSA modulus accepted, 2048 (default) or more; it cannot be lowered. */
  readonly minKeyBits?: number;
}

/** The DER of a {@link CertificateInfo}, or the input itself (a throwing getter or Proxy → `ERR_SAML_INVALID_INPUT`). */
function certificateInput(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return value;
  return readFields(value, ['der'], SamlError, 'ERR_SAML_INVALID_INPUT', { path: 'cert' }).der;
}

/**
 * Checks that a certificate can be trusted for SAML signatures: inside its validity window, an RSA key
 * of at least `minKeyBits` bits (or EC of at least 256 bits), and signed with SHA-256 or stronger.
 *
 * @remarks
 * A {@link CertificateInfo} passed in is parsed again from its `der`, so a hand-made object cannot
 * claim fields its bytes do not have. Only the certificate itself is judged: chains and revocation are
 * the caller's (SAML trusts the certificates in metadata).
 *
 * @param cert - PEM, base64, DER or the result of {@link parseCertificate}
 * @param options - `now`, `minKeyBits`
 * @throws {@link SamlError} `ERR_SAML_CERTIFICATE_EXPIRED` (`reason` `expired` or `not-yet-valid`),
 *   `ERR_SAML_KEY_TOO_WEAK` (`reason` `rsa-bits`, `ec-bits` or `key-type`),
 *   `ERR_SAML_CERTIFICATE_INVALID` (unreadable; `reason` `sha1`, `md5`, `md2`, `sha224` or
 *   `signature-algorithm` for a weak or unknown signature), `ERR_SAML_INVALID_CONFIG`.
 * @example
 * ```ts
 * import { validateCertificate } from '@civico/saml';
 * declare const pem: string;
 * validateCertificate(pem, { now: new Date() }); // throws when expired, weak or SHA-1
 * ```
 * @group Certificates
 */
export function validateCertificate(
  cert: string | Uint8Array | CertificateInfo,
  options: ValidateCertificateOptions = {},
): void {
  const o = parseOptions(ValidateCertificateOptionsSchema, options, SamlError, 'ERR_SAML_INVALID_CONFIG');
  const info = parseCertificate(certificateInput(cert) as string | Uint8Array);
  const now = o.now ?? new Date();
  if (now.getTime() < info.notBefore.getTime()) {
    throw new SamlError('ERR_SAML_CERTIFICATE_EXPIRED', 'The certificate is not valid yet', {
      reason: 'not-yet-valid',
    });
  }
  if (now.getTime() > info.notAfter.getTime()) {
    throw new SamlError('ERR_SAML_CERTIFICATE_EXPIRED', 'The certificate has expired', { reason: 'expired' });
  }
  const bits = info.keyBits ?? 0;
  if (info.keyAlgorithm === 'rsa' || info.keyAlgorithm === 'rsa-pss') {
    const min = o.minKeyBits ?? MIN_RSA_BITS;
    if (bits < min)
      throw new SamlError('ERR_SAML_KEY_TOO_WEAK', `The RSA key has fewer than ${min} bits`, { reason: 'rsa-bits' });
  } else if (info.keyAlgorithm === 'ec') {
    if (bits < MIN_EC_BITS) {
      throw new SamlError('ERR_SAML_KEY_TOO_WEAK', `The EC key has fewer than ${MIN_EC_BITS} bits`, {
        reason: 'ec-bits',
      });
    }
  } else {
    throw new SamlError('ERR_SAML_KEY_TOO_WEAK', 'The key is neither RSA nor EC', { reason: 'key-type' });
  }
  const hash = info.signatureHash;
  if (hash === undefined || !ACCEPTED_HASHES.has(hash)) {
    throw new SamlError('ERR_SAML_CERTIFICATE_INVALID', 'The certificate is signed with a weak or unknown algorithm', {
      reason: hash ?? 'signature-algorithm',
    });
  }
}
