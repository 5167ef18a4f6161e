import { X509Certificate } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { SamlError } from '../errors.js';
import { DS_NS } from './algorithms.js';
import type { SignaturePrecheck } from './precheck-signature.js';
import type { TrustedKey } from './read-trusted-certificates.js';

function keyInfoCertificate(signature: Element): X509Certificate | undefined {
  const certs = signature.getElementsByTagNameNS(DS_NS, 'X509Certificate');
  const b64 = certs.item(0)?.textContent?.replace(/\s+/g, '');
  if (!b64) return undefined;
  try {
    return new X509Certificate(Buffer.from(b64, 'base64'));
  } catch {
    return undefined;
  }
}

/**
 * Chooses the error for a signature whose SignatureValue no usable trusted key verified. Called only
 * once the signature is already refused: it never makes anything pass.
 *
 * @remarks
 * A trusted key that verifies but is expired or too weak gives `ERR_SAML_CERTIFICATE_EXPIRED` or
 * `ERR_SAML_KEY_TOO_WEAK`. Otherwise the certificate in `KeyInfo` (never trusted) is tried, only to
 * tell the two remaining cases apart: it verifies → the document was signed by someone else
 * (`ERR_SAML_SIGNATURE_UNTRUSTED`); it does not → the SignatureValue is damaged
 * (`ERR_SAML_SIGNATURE_INVALID`).
 * @internal
 */
export function classifyFailure(
  precheck: SignaturePrecheck,
  signature: Element,
  keys: readonly TrustedKey[],
): SamlError {
  for (const key of keys) {
    if (key.status === 'usable' || !precheck.valueVerifies(key.publicKey)) continue;
    return key.status === 'expired'
      ? new SamlError(
          'ERR_SAML_CERTIFICATE_EXPIRED',
          'Signature refused: the signing certificate is outside its validity window',
          {
            reason: 'certificate-expired',
          },
        )
      : new SamlError('ERR_SAML_KEY_TOO_WEAK', 'Signature refused: the signing key is not RSA of at least 2048 bits', {
          reason: 'weak-key',
        });
  }
  const foreign = keyInfoCertificate(signature);
  if (foreign !== undefined && precheck.valueVerifies(foreign.publicKey)) {
    return new SamlError(
      'ERR_SAML_SIGNATURE_UNTRUSTED',
      'Signature refused: it was made with a key that is not trusted',
      {
        reason: 'untrusted-key',
      },
    );
  }
  return new SamlError('ERR_SAML_SIGNATURE_INVALID', 'Signature refused: the SignatureValue does not verify', {
    reason: 'signature-value',
  });
}
