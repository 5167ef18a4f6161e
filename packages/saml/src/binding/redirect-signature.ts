import { constants, type KeyObject, publicDecrypt, verify } from 'node:crypto';
import { SamlError } from '../errors.js';
import { ACCEPTED_SIGNATURE_METHODS } from '../signature/algorithms.js';
import type { TrustedKey } from '../signature/read-trusted-certificates.js';

/** SigAlg URIs refused by name, so the error says why (SAML bindings allow them; SPID does not). */
const WEAK_SIG_ALGS: ReadonlySet<string> = new Set([
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
  'http://www.w3.org/2000/09/xmldsig#dsa-sha1',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-md5',
]);

/**
 * The Node hash of an allow-listed `SigAlg` (RSA with SHA-256, SHA-384 or SHA-512).
 * @throws {@link SamlError} `ERR_SAML_SIGNATURE_ALGORITHM` (`reason` `sha1` or `not-allowed`).
 * @internal
 */
export function redirectHashOf(sigAlg: string): string {
  const hash = ACCEPTED_SIGNATURE_METHODS.get(sigAlg);
  if (hash !== undefined) return hash;
  throw new SamlError('ERR_SAML_SIGNATURE_ALGORITHM', 'SigAlg is not RSA-SHA256, RSA-SHA384 or RSA-SHA512', {
    field: 'SigAlg',
    reason: WEAK_SIG_ALGS.has(sigAlg) ? 'sha1' : 'not-allowed',
  });
}

/** True when `signature` is a well-padded PKCS#1 v1.5 signature block under `key` (whatever it signs). */
function isMadeWith(key: KeyObject, signature: Buffer): boolean {
  try {
    publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, signature);
    return true;
  } catch {
    return false;
  }
}

/**
 * Verifies a Redirect-binding signature over `octets` with the trusted keys; returns when one usable
 * key verifies it, throws otherwise.
 *
 * @remarks
 * A failure is classified after the refusal, never to let anything pass: a key that verifies but is
 * expired or weak → `ERR_SAML_CERTIFICATE_EXPIRED` / `ERR_SAML_KEY_TOO_WEAK`; a signature block made
 * with a trusted key (valid PKCS#1 padding under it) over other octets → `ERR_SAML_SIGNATURE_INVALID`
 * (the query or SigAlg was altered); anything else → `ERR_SAML_SIGNATURE_UNTRUSTED` (another key).
 * @internal
 */
export function verifyRedirectSignature(
  octets: Buffer,
  signature: Buffer,
  hash: string,
  keys: readonly TrustedKey[],
): void {
  const checks = (key: KeyObject): boolean => {
    try {
      return verify(hash, octets, key, signature);
    } catch {
      return false; // e.g. a non-RSA trusted key
    }
  };
  if (keys.some((k) => k.status === 'usable' && checks(k.publicKey))) return;
  for (const key of keys) {
    if (key.status === 'usable' || !checks(key.publicKey)) continue;
    throw key.status === 'expired'
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
  if (keys.some((k) => isMadeWith(k.publicKey, signature))) {
    throw new SamlError('ERR_SAML_SIGNATURE_INVALID', 'Signature refused: the signed query parameters were altered', {
      reason: 'signature-value',
    });
  }
  throw new SamlError('ERR_SAML_SIGNATURE_UNTRUSTED', 'Signature refused: it was not made with a trusted key', {
    reason: 'untrusted-key',
  });
}
