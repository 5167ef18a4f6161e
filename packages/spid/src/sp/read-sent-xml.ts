import type { SpidOutgoingMessage } from './service-provider.js';

/**
 * The XML exactly as sent, for the audit trail: on HTTP-POST the signed document inside the form
 * (base64 in the `SAMLRequest`/`SAMLResponse` field); on HTTP-Redirect the unsigned XML itself (the
 * signature is over the query).
 * @param message - the outgoing message
 * @param unsigned - the XML before signing
 * @returns the XML to audit
 * @internal
 */
export function readSentXml(message: SpidOutgoingMessage, unsigned: string): string {
  if (message.binding === 'redirect') return unsigned;
  const match = /name="SAML(?:Request|Response)" value="([A-Za-z0-9+/=]+)"/.exec(message.html);
  return match?.[1] === undefined ? unsigned : Buffer.from(match[1], 'base64').toString('utf8');
}
