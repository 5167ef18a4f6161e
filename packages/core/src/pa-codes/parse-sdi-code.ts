import { z } from 'zod';
import { firstNonAsciiIndex, isOverLong, upperAscii } from '../internal/fold-ascii.js';
import { identifierTransform } from '../internal/identifier-transform.js';
import { type ParseFieldOptions, readParseOptions, throwParseIssue } from '../parse-field-options.js';
import { type InspectPaCodeResult, NOT_A_STRING, NOT_ASCII, paCodeFailure, TOO_LONG } from './pa-code-issue.js';
import { inspectOfficeCode } from './parse-office-code.js';

/**
 * An SDI recipient code (FatturaPA `CodiceDestinatario`), upper-case: 7 characters for private
 * parties, 6 for a public administration office. Obtain one from {@link parseSdiCode}.
 * @group Identifiers
 */
export type SdiCode = string & z.$brand<'SdiCode'>;

/**
 * What an SDI recipient code designates.
 *
 * - `public-administration`: a 6-character Codice Univoco Ufficio (format FPA12);
 * - `private`: a 7-character channel code of a business or intermediary (FPR12);
 * - `no-channel`: `0000000`, no registered channel (delivery by PEC, reserved area, consumers);
 * - `foreign`: `XXXXXXX`, a recipient without an Italian tax identity.
 *
 * @group Identifiers
 */
export type SdiCodeKind = 'public-administration' | 'private' | 'no-channel' | 'foreign';

const PRIVATE_CODE = /^[A-Z0-9]{7}$/;

/**
 * Checks a SDI recipient code and reports the result without throwing.
 *
 * @remarks
 * The one implementation behind {@link parseSdiCode}, {@link isValidSdiCode} and {@link SdiCodeSchema}.
 * @param value - anything
 * @returns `{ ok: true, value }` with the canonical code, or `{ ok: false, issues }`
 * @example
 * ```ts
 * import { inspectSdiCode } from '@civico/core';
 * const result = inspectSdiCode('m5uxcr1');
 * if (result.ok) console.log(result.value); // 'M5UXCR1'
 * ```
 * @group Identifiers
 */
export function inspectSdiCode(value: unknown): InspectPaCodeResult<SdiCode> {
  if (typeof value !== 'string') return NOT_A_STRING;
  if (isOverLong(value)) return TOO_LONG;
  const code = upperAscii(value);
  if (firstNonAsciiIndex(code) >= 0) return NOT_ASCII;
  if (code.length === 6) return inspectOfficeCode(code) as InspectPaCodeResult<string> as InspectPaCodeResult<SdiCode>;
  if (code.length !== 7) return paCodeFailure('INVALID_LENGTH', 'An SDI recipient code has 7 characters (6 for a PA)');
  if (!PRIVATE_CODE.test(code)) {
    return paCodeFailure('INVALID_CHARACTERS', 'An SDI recipient code has only letters and digits');
  }
  return { ok: true, value: code as SdiCode };
}

/**
 * Zod schema of an SDI recipient code: trims ASCII spaces, upper-cases `a`–`z`, checks 7 (or 6) × `[A-Z0-9]`, brands.
 *
 * @example
 * ```ts
 * import { SdiCodeSchema } from '@civico/core';
 * SdiCodeSchema.parse('xxxxxxx'); // 'XXXXXXX'
 * ```
 * @group Schemas
 */
export const SdiCodeSchema = z.string().transform(identifierTransform(inspectSdiCode)).brand<'SdiCode'>();

/**
 * Checks an SDI recipient code (FatturaPA `CodiceDestinatario`) and returns it branded.
 *
 * @remarks
 * Trims ASCII spaces and upper-cases `a`–`z` (nothing else: look-alike letters and other
 * whitespace are rejected). Accepts 7 letters or digits (private recipients, including the special
 * values `0000000` and `XXXXXXX`) or 6 (the Codice Univoco Ufficio of a public administration).
 * There is no check character. Use {@link getSdiCodeKind} to tell the cases apart.
 *
 * @param value - the candidate (anything)
 * @param options - `field`, the input's name reported in the error (default `'sdiCode'`)
 * @returns the canonical code
 * @throws {@link CoreError} `ERR_CORE_INVALID_SDI_CODE` when the shape is wrong;
 *   `ERR_CORE_INVALID_INPUT` when the value is not a string. Both carry `field`.
 * @example
 * ```ts
 * import { parseSdiCode } from '@civico/core';
 * const recipient = parseSdiCode('0000000');
 * ```
 * @group Identifiers
 */
export function parseSdiCode(value: unknown, options?: ParseFieldOptions): SdiCode {
  const { field } = readParseOptions(options, [], 'sdiCode');
  const result = inspectSdiCode(value);
  if (result.ok) return result.value;
  return throwParseIssue('ERR_CORE_INVALID_SDI_CODE', 'SDI recipient code', result.issues, field);
}

/**
 * Tells whether a value is a well-formed SDI recipient code (never throws).
 *
 * @param value - anything
 * @returns true when {@link parseSdiCode} would succeed
 * @example
 * ```ts
 * import { isValidSdiCode } from '@civico/core';
 * isValidSdiCode('M5UXCR1'); // true
 * ```
 * @group Identifiers
 */
export function isValidSdiCode(value: unknown): boolean {
  return inspectSdiCode(value).ok;
}

/**
 * Tells what a checked SDI recipient code designates.
 *
 * @remarks
 * The code is checked (and normalised) as by {@link parseSdiCode} first, so an unchecked string
 * from plain JavaScript is never classified.
 * @throws {@link CoreError} `ERR_CORE_INVALID_SDI_CODE` or `ERR_CORE_INVALID_INPUT` as {@link parseSdiCode}.
 * @param code - a code from {@link parseSdiCode}
 * @returns its {@link SdiCodeKind}
 * @example
 * ```ts
 * import { getSdiCodeKind, parseSdiCode } from '@civico/core';
 * getSdiCodeKind(parseSdiCode('XXXXXXX')); // 'foreign'
 * ```
 * @group Identifiers
 */
export function getSdiCodeKind(code: SdiCode): SdiCodeKind {
  const result = inspectSdiCode(code);
  if (!result.ok) return throwParseIssue('ERR_CORE_INVALID_SDI_CODE', 'SDI recipient code', result.issues, 'code');
  return kindOf(result.value);
}

function kindOf(code: SdiCode): SdiCodeKind {
  if (code.length === 6) return 'public-administration';
  if (code === '0000000') return 'no-channel';
  return code === 'XXXXXXX' ? 'foreign' : 'private';
}
