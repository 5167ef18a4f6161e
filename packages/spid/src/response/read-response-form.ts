import { decodePostBinding } from '@civico/saml';
import type { SpidFormInput } from '../sp/service-provider.js';
import { malformed } from './response-errors.js';

/** @internal Default cap on the `SAMLResponse` form field: 256 KiB of base64 (192 KiB of XML). */
export const DEFAULT_RESPONSE_MAX_BYTES = 256 * 1024;

/** One form field: `undefined` when absent, 400 when repeated or not a string. */
function readField(form: SpidFormInput, name: string): string | undefined {
  if (form instanceof URLSearchParams) {
    const all = form.getAll(name);
    if (all.length > 1) malformed('form.duplicate', `The form field ${name} is repeated`);
    return all[0];
  }
  if (typeof form !== 'object' || form === null) malformed('form', 'The form must be an object');
  if (!Object.hasOwn(form, name)) return undefined;
  const value: unknown = form[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') malformed('form', `The form field ${name} must be a string`);
  return value;
}

/**
 * @internal Reads an HTTP-POST binding form (SAML bindings §3.5.4): the `SAMLResponse` field, at
 * most `maxBytes` characters of base64, strict base64 of UTF-8 text; and `RelayState` (`''` when
 * absent).
 * @throws `SpidError` `ERR_SPID_RESPONSE_MALFORMED` (400), `reason` `form`, `form.duplicate`,
 *   `response.missing`, `response.too-large`, `response.base64`
 */
export function readResponseForm(
  form: SpidFormInput,
  maxBytes: number,
): { readonly xml: string; readonly relayState: string } {
  const encoded = readField(form, 'SAMLResponse');
  if (encoded === undefined || encoded === '') malformed('response.missing', 'The form has no SAMLResponse');
  // Checked before any copy or decoding: the cap is on what was received.
  if (encoded.length > maxBytes) malformed('response.too-large', `SAMLResponse is larger than ${maxBytes} characters`);
  const relayState = readField(form, 'RelayState') ?? '';
  let xml: string;
  try {
    xml = decodePostBinding(encoded, { maxBytes });
  } catch (cause) {
    malformed('response.base64', 'SAMLResponse is not base64 of UTF-8 text', cause);
  }
  return { xml, relayState };
}
