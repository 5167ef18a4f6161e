import { type KeyObject, X509Certificate } from 'node:crypto';
import { SamlError } from '../errors.js';
import { MIN_RSA_BITS } from './algorithms.js';

/** One trusted certificate, read and judged at `now`. @internal */
export interface TrustedKey {
  /** The certificate's public key. */
  readonly publicKey: KeyObject;
  /** `usable`, or why the key may not verify anything. */
  readonly status: 'usable' | 'expired' | 'weak';
}

function dateOf(cert: X509Certificate, which: 'validFrom' | 'validTo'): number {
  // Node ≥ 22.10 has validFromDate/validToDate; Node 20 only the OpenSSL text form.
  const exact = (cert as unknown as Record<string, unknown>)[`${which}Date`];
  const time = exact instanceof Date ? exact.getTime() : Date.parse(cert[which]);
  if (Number.isNaN(time)) {
    throw new SamlError('ERR_SAML_CERTIFICATE_INVALID', 'A trusted certificate has an unreadable validity date', {
      field: 'certificates',
    });
  }
  return time;
}

/**
 * Reads the trusted certificates (PEM) and judges each at `now`: RSA of at least 2048 bits, inside
 * its validity window.
 *
 * @param certificates - the `certificates` option
 * @param now - the time of the check
 * @throws {@link SamlError} `ERR_SAML_INVALID_CONFIG` (not a non-empty array of strings) or
 *   `ERR_SAML_CERTIFICATE_INVALID` (a certificate cannot be read; `field` = `certificates.<i>`).
 * @internal
 */
export function readTrustedCertificates(certificates: unknown, now: Date): TrustedKey[] {
  if (!Array.isArray(certificates) || certificates.length === 0) {
    throw new SamlError('ERR_SAML_INVALID_CONFIG', 'certificates must be a non-empty array of PEM certificates', {
      field: 'certificates',
    });
  }
  // Read once, in a guard: an element behind a throwing getter is the caller's configuration error.
  let list: unknown[];
  try {
    list = [...certificates];
  } catch (cause) {
    throw new SamlError('ERR_SAML_INVALID_CONFIG', 'certificates cannot be read', { cause, field: 'certificates' });
  }
  const at = now.getTime();
  return list.map((pem: unknown, i) => {
    const field = `certificates.${i}`;
    if (typeof pem !== 'string') {
      throw new SamlError('ERR_SAML_INVALID_CONFIG', `${field} must be a PEM string`, { field });
    }
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(pem);
    } catch (cause) {
      throw new SamlError('ERR_SAML_CERTIFICATE_INVALID', `${field} cannot be read as a certificate`, { cause, field });
    }
    const publicKey = cert.publicKey;
    const bits = publicKey.asymmetricKeyDetails?.modulusLength;
    if (publicKey.asymmetricKeyType !== 'rsa' || bits === undefined || bits < MIN_RSA_BITS) {
      return { publicKey, status: 'weak' };
    }
    if (at < dateOf(cert, 'validFrom') || at > dateOf(cert, 'validTo')) return { publicKey, status: 'expired' };
    return { publicKey, status: 'usable' };
  });
}
