import { inflateRawSync } from 'node:zlib';
import { type ReceivedXml, readFormField, readReceivedBytes } from './read-received-xml.js';
import type { SpidFormInput } from './service-provider.js';

/** Largest field decoded, and largest inflated message, for the audit trail. */
const MAX_BYTES = 4 * 1024 * 1024;
const MAX_INFLATED = 1024 * 1024;

const decodeBase64 = (text: string): Buffer => Buffer.from(text.replace(/\s+/g, ''), 'base64');

/** The raw value of `SAMLRequest` in an HTTP-Redirect query (percent-decoded; `+` kept: it is base64). */
function readQueryMessage(query: string): string | undefined {
  for (const part of query.replace(/^\?/, '').split('&')) {
    if (!part.startsWith('SAMLRequest=')) continue;
    try {
      return decodeURIComponent(part.slice('SAMLRequest='.length));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * What the audit trail records of an IdP-initiated LogoutRequest that was refused, read best effort
 * and unverified from the input as received: HTTP-POST, the base64 `SAMLRequest` field; HTTP-Redirect,
 * the query's `SAMLRequest`, inflated up to 1 MiB. `compressed` when a Redirect message did not
 * inflate: `bytes` are then the DEFLATE bytes as received (hashed, not shown as XML).
 * @param input - the `method`, `query` and `form` fields given to `validateLogoutRequest`
 * @returns the labels, the XML text and the decoded bytes
 * @internal
 */
export function readReceivedLogout(input: {
  readonly method?: unknown;
  readonly query?: unknown;
  readonly form?: unknown;
}): ReceivedXml & { readonly compressed: boolean } {
  const none = { ...readReceivedBytes(undefined), compressed: false };
  const method = typeof input.method === 'string' ? input.method.toUpperCase() : undefined;
  if (method === 'POST' && typeof input.form === 'object' && input.form !== null) {
    const field = readFormField(input.form as SpidFormInput, 'SAMLRequest');
    if (field === undefined || field.length > MAX_BYTES) return none;
    return { ...readReceivedBytes(decodeBase64(field)), compressed: false };
  }
  if (method !== 'GET' || typeof input.query !== 'string' || input.query.length > MAX_BYTES) return none;
  const field = readQueryMessage(input.query);
  if (field === undefined) return none;
  const deflated = decodeBase64(field);
  try {
    return { ...readReceivedBytes(inflateRawSync(deflated, { maxOutputLength: MAX_INFLATED })), compressed: false };
  } catch {
    return { ...none, bytes: deflated, compressed: true };
  }
}
