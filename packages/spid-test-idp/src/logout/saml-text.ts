import { randomBytes } from 'node:crypto';

/**
 * The SAML binding URIs the test IdP speaks.
 * @internal
 */
export const SAML_BINDINGS = Object.freeze({
  post: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
  redirect: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
} as const);

/**
 * Escapes text for XML element content and attribute values.
 * @param text - any text
 * @internal
 */
export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/**
 * The base64 body of a PEM certificate, without armour or white space.
 * @param pem - a PEM certificate
 * @internal
 */
export function pemToBase64(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}

/**
 * A fresh SAML `ID`: `_` and 160 random bits in hex (an `xs:ID` must not start with a digit).
 * @internal
 */
export function createSamlId(): string {
  return `_${randomBytes(20).toString('hex')}`;
}

/**
 * An `xs:dateTime` in UTC with milliseconds, as SPID wants (`2026-01-01T10:00:00.000Z`).
 * @param date - the instant
 * @internal
 */
export function formatInstant(date: Date): string {
  return date.toISOString();
}
