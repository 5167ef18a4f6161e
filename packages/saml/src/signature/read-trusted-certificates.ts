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

/** What is kept of one parsed certificate: its key, and its validity window unless the key is too weak. */
interface ReadCertificate {
  readonly publicKey: KeyObject;
  /** `[notBefore, notAfter]` in epoch ms; `undefined` for a key that is not RSA of at least 2048 bits. */
  readonly validity: readonly [number, number] | undefined;
}

/**
 * Parsed certificates by PEM text: an SP checks every Response against the same few IdP certificates,
 * and parsing one (`X509Certificate`, its public key) costs about as much as a small document's parse.
 * Only what depends on the PEM text alone is kept (the key and the validity dates); `now` is judged on
 * every call. Bounded: the oldest entry is dropped beyond {@link CERTIFICATE_CACHE_SIZE}; a PEM that
 * cannot be read is never kept.
 */
const CERTIFICATE_CACHE_SIZE = 256;
const certificateCache = new Map<string, ReadCertificate>();

function readCertificate(pem: string, field: string): ReadCertificate {
  const cached = certificateCache.get(pem);
  if (cached !== undefined) return cached;
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch (cause) {
    throw new SamlError('ERR_SAML_CERTIFICATE_INVALID', `${field} cannot be read as a certificate`, { cause, field });
  }
  const publicKey = cert.publicKey;
  const bits = publicKey.asymmetricKeyDetails?.modulusLength;
  const weak = publicKey.asymmetricKeyType !== 'rsa' || bits === undefined || bits < MIN_RSA_BITS;
  const read: ReadCertificate = Object.freeze({
    publicKey,
    validity: weak ? undefined : Object.freeze([dateOf(cert, 'validFrom'), dateOf(cert, 'validTo')] as const),
  });
  if (certificateCache.size >= CERTIFICATE_CACHE_SIZE) {
    const oldest = certificateCache.keys().next();
    if (oldest.done !== true) certificateCache.delete(oldest.value);
  }
  certificateCache.set(pem, read);
  return read;
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
    const read = readCertificate(pem, field);
    if (read.validity === undefined) return { publicKey: read.publicKey, status: 'weak' };
    const [from, to] = read.validity;
    if (at < from || at > to) return { publicKey: read.publicKey, status: 'expired' };
    return { publicKey: read.publicKey, status: 'usable' };
  });
}
