import { z } from 'zod';
import { isAbsoluteHttpUrl } from '../http-url.js';

/**
 * A SAML `ID`: an `xs:ID` (NCName) restricted to the ASCII subset `signXml` of `@civico/saml` accepts,
 * so the same value can be signed (letters, digits, `_ . -`, not starting with a digit).
 * @internal
 */
export const SamlIdField = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,255}$/, 'must be an XML ID (a letter or _, then letters, digits, _ . -)');

// C0/C1 controls, line and paragraph separators, bidi overrides and isolates, BOM, XML non-characters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: refuses control characters on purpose
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Non-blank text without control characters, at most `max` characters (a NameID, a SessionIndex). @internal */
export function safeTextField(max = 1024) {
  return z
    .string()
    .min(1)
    .max(max)
    .refine(
      (v) => v.trim() !== '' && !UNSAFE_TEXT.test(v) && !LONE_SURROGATE.test(v),
      'must be text without control characters',
    );
}

/**
 * An absolute http(s) URL in printable ASCII, without credentials or fragment, at most 1024
 * characters (an entityID, a Destination).
 * @internal
 */
export const MessageUrlField = z
  .string()
  .min(1)
  .max(1024)
  .refine(
    (value) => /^[\x21-\x7e]+$/.test(value) && isAbsoluteHttpUrl(value),
    'must be an absolute http(s) URL without spaces, credentials or fragment',
  );

/** A valid `Date` (an `IssueInstant`). @internal */
export const InstantField = z.date().refine((d) => {
  // toISOString writes a year outside 0000–9999 with a sign and six digits: not an xs:dateTime SPID reads.
  const year = d.getUTCFullYear();
  return !Number.isNaN(d.getTime()) && year >= 1970 && year <= 9999;
}, 'must be a valid Date between 1970 and 9999');

/** An `xs:dateTime` in UTC with milliseconds, as SPID wants (`2026-01-01T10:00:00.000Z`). @internal */
export function formatInstant(date: Date): string {
  return date.toISOString();
}
