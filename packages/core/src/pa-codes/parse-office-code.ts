import { z } from 'zod';
import { firstNonAsciiIndex, isOverLong, upperAscii } from '../internal/fold-ascii.js';
import { identifierTransform } from '../internal/identifier-transform.js';
import { type ParseFieldOptions, readParseOptions, throwParseIssue } from '../parse-field-options.js';
import { type InspectPaCodeResult, NOT_A_STRING, NOT_ASCII, paCodeFailure, TOO_LONG } from './pa-code-issue.js';

/**
 * A Codice Univoco Ufficio (`Codice_uni_uo`, e.g. `UFE6RW`): 6 upper-case letters or digits.
 * Obtain one from {@link parseOfficeCode} or {@link OfficeCodeSchema}.
 * @group Identifiers
 */
export type OfficeCode = string & z.$brand<'OfficeCode'>;

const OFFICE_CODE = /^[A-Z0-9]{6}$/;

/**
 * Checks a office code and reports the result without throwing.
 *
 * @remarks
 * The one implementation behind {@link parseOfficeCode}, {@link isValidOfficeCode} and {@link OfficeCodeSchema}.
 * @param value - anything
 * @returns `{ ok: true, value }` with the canonical code, or `{ ok: false, issues }`
 * @example
 * ```ts
 * import { inspectOfficeCode } from '@civico/core';
 * const result = inspectOfficeCode('ufe6rw');
 * if (result.ok) console.log(result.value); // 'UFE6RW'
 * ```
 * @group Identifiers
 */
export function inspectOfficeCode(value: unknown): InspectPaCodeResult<OfficeCode> {
  if (typeof value !== 'string') return NOT_A_STRING;
  if (isOverLong(value)) return TOO_LONG;
  const code = upperAscii(value);
  if (firstNonAsciiIndex(code) >= 0) return NOT_ASCII;
  if (code.length !== 6) return paCodeFailure('INVALID_LENGTH', 'A Codice Univoco Ufficio has 6 characters');
  if (!OFFICE_CODE.test(code)) {
    return paCodeFailure('INVALID_CHARACTERS', 'A Codice Univoco Ufficio has only letters and digits');
  }
  return { ok: true, value: code as OfficeCode };
}

/**
 * Zod schema of a Codice Univoco Ufficio: trims ASCII spaces, upper-cases `a`–`z`, checks 6 × `[A-Z0-9]`, brands.
 *
 * @example
 * ```ts
 * import { OfficeCodeSchema } from '@civico/core';
 * OfficeCodeSchema.parse('ufe6rw'); // 'UFE6RW'
 * ```
 * @group Schemas
 */
export const OfficeCodeSchema = z.string().transform(identifierTransform(inspectOfficeCode)).brand<'OfficeCode'>();

/**
 * Checks a Codice Univoco Ufficio, the 6-character code that routes e-invoices to a public
 * administration office (FatturaPA `CodiceDestinatario`, format FPA12).
 *
 * @remarks
 * Trims ASCII spaces and upper-cases `a`–`z` (nothing else: look-alike letters and other
 * whitespace are rejected), then requires 6 letters or digits. There is no check character, so this
 * cannot tell a typo from a real office: look the code up in IPA (`Codice_uni_uo`).
 *
 * @param value - the candidate (anything)
 * @param options - `field`, the input's name reported in the error (default `'officeCode'`)
 * @returns the canonical code
 * @throws {@link CoreError} `ERR_CORE_INVALID_OFFICE_CODE` when the shape is wrong;
 *   `ERR_CORE_INVALID_INPUT` when the value is not a string. Both carry `field`.
 * @example
 * ```ts
 * import { parseOfficeCode } from '@civico/core';
 * const office = parseOfficeCode('UFE6RW');
 * ```
 * @group Identifiers
 */
export function parseOfficeCode(value: unknown, options?: ParseFieldOptions): OfficeCode {
  const { field } = readParseOptions(options, [], 'officeCode');
  const result = inspectOfficeCode(value);
  if (result.ok) return result.value;
  return throwParseIssue('ERR_CORE_INVALID_OFFICE_CODE', 'office code', result.issues, field);
}

/**
 * Tells whether a value is a well-formed Codice Univoco Ufficio (never throws).
 *
 * @param value - anything
 * @returns true when {@link parseOfficeCode} would succeed
 * @example
 * ```ts
 * import { isValidOfficeCode } from '@civico/core';
 * isValidOfficeCode('UFE6R'); // false
 * ```
 * @group Identifiers
 */
export function isValidOfficeCode(value: unknown): boolean {
  return inspectOfficeCode(value).ok;
}
