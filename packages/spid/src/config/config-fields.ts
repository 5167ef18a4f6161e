import { isValidFiscalCode, isValidVatNumber } from '@civico/core';
import { z } from 'zod';
import { isAbsoluteHttpUrl } from '../http-url.js';

// Refused in every text that goes into metadata: C0/C1 controls, line and paragraph separators,
// bidirectional overrides and isolates (they make a name display differently from what it is), BOM
// and the XML non-characters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: refuses control characters on purpose
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether `value` is text safe to publish: not blank, no control or bidi characters, no lone surrogate. @internal */
export function isSafeText(value: string): boolean {
  return value.trim() !== '' && !UNSAFE_TEXT.test(value) && !LONE_SURROGATE.test(value);
}

/** Non-empty text without control characters, at most `max` characters. @internal */
export function textField(max = 255): z.ZodString {
  return z.string().max(max).refine(isSafeText, 'must be non-empty text without control characters');
}

/**
 * Whether `value` is an absolute http(s) URL written with the characters of RFC 3986 only (no spaces,
 * quotes, angle brackets or look-alike Unicode: an IDN host must be written in its `xn--` form),
 * without credentials or fragment.
 * @internal
 */
export function isSafeHttpUrl(value: string): boolean {
  // RFC 3986 characters only: no spaces, quotes, angle brackets or non-ASCII look-alikes.
  return /^[A-Za-z0-9\-._~:/?[\]@!$&'()*+,;=%]+$/.test(value) && isAbsoluteHttpUrl(value);
}

/** An absolute http(s) URL of at most 1024 characters (the metadata `entityIDType` bound). @internal */
export const UrlField = z
  .string()
  .min(1)
  .max(1024)
  .refine(
    isSafeHttpUrl,
    'must be an absolute http(s) URL of RFC 3986 characters, without spaces, credentials or fragment',
  );

/** A business e-mail address, ASCII (SPID: not a personal mailbox). @internal */
export const EmailField = z
  .string()
  .max(254)
  .regex(
    /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/,
    'must be an e-mail address',
  );

/** A telephone number with the international prefix and no spaces (Avviso 29 v3). @internal */
export const PhoneField = z.string().regex(/^\+\d{6,20}$/, 'must be + and 6 to 20 digits, without spaces');

/** A codice IPA (e.g. `c_h501`). @internal */
export const IpaCodeField = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$/, 'must be a codice IPA (letters, digits, _ . -)');

/**
 * A VAT number with its ISO 3166 prefix and no spaces (`IT12345678903`); an Italian one must pass
 * the partita IVA check digit.
 * @internal
 */
export const VatNumberField = z
  .string()
  .regex(/^[A-Z]{2}[A-Za-z0-9]{2,28}$/, 'must be a VAT number with its country prefix, without spaces')
  .refine(
    (v) => !v.startsWith('IT') || (/^IT\d{11}$/.test(v) && isValidVatNumber(v.slice(2))),
    'must be a valid Italian partita IVA after the IT prefix',
  );

/** A codice fiscale: 11 digits (a legal person, partita IVA check) or 16 characters (a natural person). @internal */
export const FiscalCodeField = z
  .string()
  .regex(/^(?:\d{11}|[A-Z0-9]{16})$/, 'must be an 11-digit or a 16-character codice fiscale, upper case')
  .refine((v) => (v.length === 11 ? isValidVatNumber(v) : isValidFiscalCode(v)), 'must be a valid codice fiscale');

/** A Belfiore (cadastral) code of a municipality, e.g. `H501`. @internal */
export const BelfioreField = z.string().regex(/^[A-Z]\d{3}$/, 'must be a Belfiore code (a letter and 3 digits)');

/** A two-letter upper-case code (province, ISO 3166 country). @internal */
export const TwoLetterField = z.string().regex(/^[A-Z]{2}$/, 'must be two upper-case letters');

/** A NACE Rev. 2 code (e.g. `62.01`). @internal */
export const Nace2Field = z.string().regex(/^\d{2}(?:\.\d{1,2}(?:\.\d)?)?$/, 'must be a NACE Rev. 2 code');

/** A PEM block of at most 64 KiB. @internal */
export const PemField = z
  .string()
  .min(1)
  .max(65_536)
  .regex(/^\s*-----BEGIN [A-Z0-9 ]+-----\r?\n[\s\S]+-----END [A-Z0-9 ]+-----\s*$/, 'must be a PEM block');

/** FatturaPA `String80LatinType`/`String60LatinType`: Basic Latin and Latin-1, no line breaks. @internal */
export function latinField(max: 60 | 80): z.ZodString {
  return z
    .string()
    .regex(/^[\u0020-\u007e\u00a0-\u00ff]+$/, 'must be Latin-1 text without line breaks (FatturaPA)')
    .max(max)
    .refine((v) => v.trim() !== '', 'must not be blank');
}
