import { z } from 'zod';
import { CoreError } from '../errors/core-error.js';
import { firstNonAsciiIndex, isOverLong, upperAscii } from '../internal/fold-ascii.js';
import { identifierTransform } from '../internal/identifier-transform.js';
import { NOT_A_STRING, NOT_ASCII, type PaCodeCheck, paCodeFailure, TOO_LONG } from './pa-code-issue.js';

/**
 * A Codice Univoco Ufficio (`Codice_uni_uo`, e.g. `UFE6RW`): 6 upper-case letters or digits.
 * Obtain one from {@link parseOfficeCode} or {@link OfficeCodeSchema}.
 * @group Identifiers
 */
export type OfficeCode = string & z.$brand<'OfficeCode'>;

const OFFICE_CODE = /^[A-Z0-9]{6}$/;

/** Trims ASCII spaces, upper-cases `a`–`z` and checks a Codice Univoco Ufficio. @internal */
export function checkOfficeCode(value: unknown): PaCodeCheck<OfficeCode> {
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
export const OfficeCodeSchema = z.string().transform(identifierTransform(checkOfficeCode)).brand<'OfficeCode'>();

/**
 * Checks a Codice Univoco Ufficio, the 6-character code that routes e-invoices to a public
 * administration office (FatturaPA `CodiceDestinatario`, format FPA12).
 *
 * @remarks
 * Trims ASCII spaces and upper-cases `a`–`z` (nothing else: look-alike letters and other
 * whitespace are rejected), then requires 6 letters or digits. There is no check character, so this
 * cannot tell a typo from a real office: look the code up in IPA (`Codice_uni_uo`).
 *
 * @param value - the candidate
 * @returns the canonical code
 * @throws {@link CoreError} `ERR_CORE_INVALID_OFFICE_CODE` when the shape is wrong;
 *   `ERR_CORE_INVALID_INPUT` when the value is not a string.
 * @example
 * ```ts
 * import { parseOfficeCode } from '@civico/core';
 * const office = parseOfficeCode('UFE6RW');
 * ```
 * @group Identifiers
 */
export function parseOfficeCode(value: string): OfficeCode {
  const result = checkOfficeCode(value);
  if (result.ok) return result.value;
  const issue = result.issues[0];
  if (issue?.code === 'INVALID_TYPE') throw new CoreError('ERR_CORE_INVALID_INPUT', issue.message);
  throw new CoreError('ERR_CORE_INVALID_OFFICE_CODE', `Invalid office code: ${issue?.message ?? 'invalid value'}`);
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
  return checkOfficeCode(value).ok;
}
