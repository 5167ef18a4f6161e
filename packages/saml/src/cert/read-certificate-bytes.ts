import { SamlError } from '../errors.js';

/** Largest certificate accepted, in DER bytes (real SPID certificates are 1–2 KiB). @internal */
export const MAX_CERTIFICATE_BYTES = 64 * 1024;

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END ([A-Z0-9 ]+)-----/g;
const BASE64_BODY = /^[A-Za-z0-9+/]*={0,2}$/;
const WHITESPACE = /[ \t\r\n]+/g;

function invalid(reason: string): never {
  throw new SamlError('ERR_SAML_CERTIFICATE_INVALID', `Not a readable X.509 certificate (${reason})`, { reason });
}

/**
 * Decodes a strict base64 body (whitespace between characters allowed, `=` padding required).
 * @internal
 */
export function decodeStrictBase64(text: string): Uint8Array | undefined {
  const body = text.replace(WHITESPACE, '');
  if (body.length % 4 !== 0 || !BASE64_BODY.test(body)) return undefined;
  return new Uint8Array(Buffer.from(body, 'base64'));
}

/**
 * The DER bytes of one certificate given as PEM (one `CERTIFICATE` block, nothing but whitespace
 * around it), as a bare base64 body (the text of `ds:X509Certificate`, line breaks allowed) or as DER.
 * @throws {@link SamlError} `ERR_SAML_INVALID_INPUT` (wrong type), `ERR_SAML_CERTIFICATE_INVALID`.
 * @internal
 */
export function readCertificateBytes(value: unknown, field = 'certificate'): Uint8Array {
  // isView first: a bare `instanceof` runs a Proxy's getPrototypeOf trap, which may throw.
  if (ArrayBuffer.isView(value) && value instanceof Uint8Array) {
    if (value.byteLength > MAX_CERTIFICATE_BYTES) invalid('too-large');
    return new Uint8Array(value);
  }
  if (typeof value !== 'string') {
    throw new SamlError('ERR_SAML_INVALID_INPUT', `${field} must be a PEM string, base64 text or DER bytes`, { field });
  }
  if (value.length > MAX_CERTIFICATE_BYTES * 2) invalid('too-large');
  let body = value;
  if (value.includes('-----')) {
    const blocks = [...value.matchAll(PEM_BLOCK)];
    if (blocks.length !== 1) invalid(blocks.length === 0 ? 'pem' : 'several-blocks');
    const [whole, begin, inner, end] = blocks[0] as RegExpExecArray;
    if (begin !== 'CERTIFICATE' || end !== 'CERTIFICATE') invalid('pem-label');
    if (value.replace(whole, '').trim() !== '') invalid('pem');
    body = inner as string;
  }
  const der = decodeStrictBase64(body);
  if (der === undefined || der.length === 0) invalid('base64');
  return der;
}
