import { z } from 'zod';
import { CoreError } from '../errors/core-error.js';
import { firstNonAsciiIndex, isOverLong, upperAscii } from '../internal/fold-ascii.js';
import { identifierTransform } from '../internal/identifier-transform.js';
import {
  NOT_A_STRING,
  NOT_ASCII,
  type PaCodeCheck,
  type PaCodeIssue,
  paCodeFailure,
  TOO_LONG,
} from './pa-code-issue.js';
import { checkOfficeCode } from './parse-office-code.js';

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

function checkSdiCode(value: unknown): PaCodeCheck<SdiCode> {
  if (typeof value !== 'string') return NOT_A_STRING;
  if (isOverLong(value)) return TOO_LONG;
  const code = upperAscii(value);
  if (firstNonAsciiIndex(code) >= 0) return NOT_ASCII;
  if (code.length === 6) return checkOfficeCode(code) as PaCodeCheck<string> as PaCodeCheck<SdiCode>;
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
export const SdiCodeSchema = z.string().transform(identifierTransform(checkSdiCode)).brand<'SdiCode'>();

/**
 * Checks an SDI recipient code (FatturaPA `CodiceDestinatario`) and returns it branded.
 *
 * @remarks
 * Trims ASCII spaces and upper-cases `a`–`z` (nothing else: look-alike letters and other
 * whitespace are rejected). Accepts 7 letters or digits (private recipients, including the special
 * values `0000000` and `XXXXXXX`) or 6 (the Codice Univoco Ufficio of a public administration).
 * There is no check character. Use {@link getSdiCodeKind} to tell the cases apart.
 *
 * @param value - the candidate
 * @returns the canonical code
 * @throws {@link CoreError} `ERR_CORE_INVALID_SDI_CODE` when the shape is wrong;
 *   `ERR_CORE_INVALID_INPUT` when the value is not a string.
 * @example
 * ```ts
 * import { parseSdiCode } from '@civico/core';
 * const recipient = parseSdiCode('0000000');
 * ```
 * @group Identifiers
 */
export function parseSdiCode(value: string): SdiCode {
  const result = checkSdiCode(value);
  if (result.ok) return result.value;
  return throwSdiIssue(result.issues);
}

function throwSdiIssue(issues: readonly PaCodeIssue[]): never {
  const issue = issues[0];
  if (issue?.code === 'INVALID_TYPE') throw new CoreError('ERR_CORE_INVALID_INPUT', issue.message);
  throw new CoreError('ERR_CORE_INVALID_SDI_CODE', `Invalid SDI recipient code: ${issue?.message ?? 'invalid value'}`);
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
  return checkSdiCode(value).ok;
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
  const result = checkSdiCode(code);
  if (!result.ok) return throwSdiIssue(result.issues);
  return kindOf(result.value);
}

function kindOf(code: SdiCode): SdiCodeKind {
  if (code.length === 6) return 'public-administration';
  if (code === '0000000') return 'no-channel';
  return code === 'XXXXXXX' ? 'foreign' : 'private';
}
