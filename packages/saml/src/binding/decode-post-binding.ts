import { readFields } from '@civico/core/internal';
import { SamlError } from '../errors.js';
import { XML_HARD_LIMITS, XML_LIMITS } from '../xml/xml-limits.js';
import { decodeBindingBase64, decodeBindingUtf8, readMaxBytes } from './binding-base64.js';

/**
 * Options of {@link decodePostBinding}.
 * @group Bindings
 */
export interface DecodePostBindingOptions {
  /** Largest decoded message, in bytes (default `XML_LIMITS.maxBytes`, 1 MiB; at most 32 MiB). */
  readonly maxBytes?: number;
}

/**
 * Decodes the `SAMLRequest`/`SAMLResponse` field of an HTTP-POST binding form (SAML bindings §3.5.4):
 * strict base64 (line breaks and spaces allowed), at most `maxBytes`, UTF-8.
 *
 * @remarks
 * The value is the form field as already URL-decoded by the form parser. The XML is returned as text,
 * not parsed and not verified: give it to `parseXml` and `verifyXmlSignature`.
 *
 * @param value - the base64 form field
 * @param options - `maxBytes`
 * @returns the XML text
 * @throws {@link SamlError} `ERR_SAML_INVALID_INPUT` (not a string), `ERR_SAML_INVALID_CONFIG`,
 *   `ERR_SAML_BINDING_INVALID` (`reason` `base64`, `too-large`, `encoding`).
 * @example
 * ```ts
 * import { decodePostBinding, parseXml } from '@civico/saml';
 * declare const form: URLSearchParams; // the parsed POST body
 * const xml = decodePostBinding(form.get('SAMLResponse') ?? '');
 * const doc = parseXml(xml);
 * console.log(doc.documentElement?.localName);
 * ```
 * @group Bindings
 */
export function decodePostBinding(value: string, options?: DecodePostBindingOptions): string {
  if (typeof value !== 'string') {
    throw new SamlError('ERR_SAML_INVALID_INPUT', 'value must be a string', { field: 'value' });
  }
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new SamlError('ERR_SAML_INVALID_CONFIG', 'options must be an object', { field: 'options' });
  }
  const o = readFields(options, ['maxBytes'], SamlError, 'ERR_SAML_INVALID_CONFIG');
  const maxBytes = readMaxBytes(o.maxBytes, XML_LIMITS.maxBytes, XML_HARD_LIMITS.maxBytes);
  const tooLarge = (): never => {
    throw new SamlError('ERR_SAML_BINDING_INVALID', `The message is larger than ${maxBytes} bytes`, {
      reason: 'too-large',
    });
  };
  // 4 base64 characters per 3 bytes, plus generous room for line breaks: checked before any copy.
  if (value.length > Math.ceil(maxBytes / 3) * 8 + 1024) tooLarge();
  const compact = value.replace(/[ \t\r\n]+/g, '');
  if ((compact.length / 4) * 3 - (compact.endsWith('==') ? 2 : compact.endsWith('=') ? 1 : 0) > maxBytes) tooLarge();
  return decodeBindingUtf8(decodeBindingBase64(compact, 'value'), 'value');
}
