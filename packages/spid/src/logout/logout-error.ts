import { SamlError } from '@civico/saml';
import { SpidError } from '../errors.js';

/**
 * A refused logout message: `ERR_SPID_LOGOUT_INVALID` with the check id as `reason`.
 * @param status - 400 malformed, 403 not acceptable (unsigned, untrusted, not addressed to us)
 * @param reason - the check id (`logout.signature`, `logout.schema`…)
 * @param message - what failed, without document text
 * @param cause - the underlying error
 * @internal
 */
export function logoutError(status: 400 | 403, reason: string, message: string, cause?: unknown): SpidError {
  return new SpidError('ERR_SPID_LOGOUT_INVALID', message, { status, reason, cause });
}

// Signature failures: the message is well formed but not proven to come from the IdP.
const REFUSED = new Set([
  'ERR_SAML_SIGNATURE_MISSING',
  'ERR_SAML_SIGNATURE_INVALID',
  'ERR_SAML_SIGNATURE_UNTRUSTED',
  'ERR_SAML_SIGNATURE_WRAPPING',
  'ERR_SAML_SIGNATURE_ALGORITHM',
  'ERR_SAML_CERTIFICATE_EXPIRED',
  'ERR_SAML_KEY_TOO_WEAK',
]);

/**
 * Maps an error of `@civico/saml` met while reading a logout message to a {@link SpidError}:
 * signature problems → 403 `logout.signature`; an unreadable trusted certificate (or a list that
 * is not one) → `ERR_SPID_INVALID_CONFIG` (`field: 'certificates'`); anything else (binding, base64, DEFLATE, XML,
 * schema) → 400 with `reason` `check`. Other throwables pass through unchanged.
 * @param err - what was thrown
 * @param check - the check id for a malformed message
 * @internal
 */
export function mapSamlError(err: unknown, check: string): unknown {
  if (SpidError.isInstance(err) || !SamlError.isInstance(err)) return err;
  if (REFUSED.has(err.code)) {
    return logoutError(403, 'logout.signature', `The logout message signature is refused (${err.code})`, err);
  }
  if (err.code === 'ERR_SAML_CERTIFICATE_INVALID' || err.code === 'ERR_SAML_INVALID_CONFIG') {
    return new SpidError('ERR_SPID_INVALID_CONFIG', 'The trusted IdP certificates cannot be used', {
      field: 'certificates',
      cause: err,
    });
  }
  return logoutError(400, check, `The logout message is malformed (${err.code})`, err);
}
