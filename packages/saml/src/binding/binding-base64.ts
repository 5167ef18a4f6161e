import { SamlError } from '../errors.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes strict base64: the standard alphabet, `=` padding to a multiple of 4, nothing else (the
 * caller removes the whitespace it allows first).
 * @throws {@link SamlError} `ERR_SAML_BINDING_INVALID` with `reason: 'base64'` and the given `field`.
 * @internal
 */
export function decodeBindingBase64(text: string, field: string): Buffer {
  if (text.length === 0 || text.length % 4 !== 0 || !BASE64.test(text)) {
    throw new SamlError('ERR_SAML_BINDING_INVALID', `${field} is not valid base64`, { field, reason: 'base64' });
  }
  return Buffer.from(text, 'base64');
}

/**
 * Decodes UTF-8 strictly (a malformed sequence is an error, not U+FFFD).
 * @throws {@link SamlError} `ERR_SAML_BINDING_INVALID` with `reason: 'encoding'`.
 * @internal
 */
export function decodeBindingUtf8(bytes: Uint8Array, field: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new SamlError('ERR_SAML_BINDING_INVALID', `${field} does not hold UTF-8 text`, { field, reason: 'encoding' });
  }
}

/**
 * The byte limit of a decoded message: `maxBytes` when given (a positive integer up to `hardCap`),
 * `fallback` otherwise.
 * @throws {@link SamlError} `ERR_SAML_INVALID_CONFIG` with `field: 'maxBytes'`.
 * @internal
 */
export function readMaxBytes(value: unknown, fallback: number, hardCap: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || value > hardCap) {
    throw new SamlError('ERR_SAML_INVALID_CONFIG', `maxBytes must be a positive integer up to ${hardCap}`, {
      field: 'maxBytes',
    });
  }
  return value;
}
