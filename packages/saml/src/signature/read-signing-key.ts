import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { readFields } from '@civico/core/internal';
import { SamlError } from '../errors.js';
import { MIN_RSA_BITS } from './algorithms.js';

/** A {@link SigningKey} that was checked: readable, RSA ≥ 2048 bits, matching its certificate. @internal */
export interface CheckedSigningKey {
  /** The private key. */
  readonly privateKey: KeyObject;
  /** The certificate, PEM as given. */
  readonly certificate: string;
}

/**
 * Reads and checks a signing key pair.
 *
 * @param value - the `key` option
 * @param field - dotted name of the option, for `field`
 * @returns the private key object and the certificate
 * @throws {@link SamlError} `ERR_SAML_INVALID_CONFIG` (not an object, not strings),
 *   `ERR_SAML_KEY_INVALID` (unreadable key, not matching the certificate),
 *   `ERR_SAML_KEY_TOO_WEAK` (not RSA or under 2048 bits), `ERR_SAML_CERTIFICATE_INVALID`.
 * @internal
 */
export function readSigningKey(value: unknown, field = 'key'): CheckedSigningKey {
  if (typeof value !== 'object' || value === null) {
    throw new SamlError('ERR_SAML_INVALID_CONFIG', `${field} must be { privateKey, certificate }`, { field });
  }
  const { privateKey, certificate } = readFields(
    value,
    ['privateKey', 'certificate'],
    SamlError,
    'ERR_SAML_INVALID_CONFIG',
    { path: field },
  );
  if (typeof privateKey !== 'string' || privateKey.length === 0) {
    throw new SamlError('ERR_SAML_INVALID_CONFIG', `${field}.privateKey must be a PEM string`, {
      field: `${field}.privateKey`,
    });
  }
  if (typeof certificate !== 'string' || certificate.length === 0) {
    throw new SamlError('ERR_SAML_INVALID_CONFIG', `${field}.certificate must be a PEM string`, {
      field: `${field}.certificate`,
    });
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: privateKey, format: 'pem' });
  } catch (cause) {
    throw new SamlError('ERR_SAML_KEY_INVALID', 'The private key cannot be read (expected an unencrypted PEM key)', {
      cause,
      field: `${field}.privateKey`,
    });
  }
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (key.asymmetricKeyType !== 'rsa' || bits === undefined || bits < MIN_RSA_BITS) {
    throw new SamlError('ERR_SAML_KEY_TOO_WEAK', `The private key must be RSA of at least ${MIN_RSA_BITS} bits`, {
      field: `${field}.privateKey`,
      reason: key.asymmetricKeyType === 'rsa' ? 'rsa-bits' : 'not-rsa',
    });
  }
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certificate);
  } catch (cause) {
    throw new SamlError(
      'ERR_SAML_CERTIFICATE_INVALID',
      'The certificate cannot be read (expected one PEM certificate)',
      {
        cause,
        field: `${field}.certificate`,
      },
    );
  }
  if (!cert.checkPrivateKey(key)) {
    throw new SamlError('ERR_SAML_KEY_INVALID', 'The private key does not match the certificate', {
      field: `${field}.privateKey`,
      reason: 'key-certificate-mismatch',
    });
  }
  return { privateKey: key, certificate };
}
