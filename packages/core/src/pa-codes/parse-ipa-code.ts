import { z } from 'zod';
import { firstNonAsciiIndex, isOverLong, trimAsciiSpaces } from '../internal/fold-ascii.js';
import { identifierTransform } from '../internal/identifier-transform.js';
import { type ParseFieldOptions, readParseOptions, throwParseIssue } from '../parse-field-options.js';
import { type InspectPaCodeResult, NOT_A_STRING, NOT_ASCII, paCodeFailure, TOO_LONG } from './pa-code-issue.js';

/**
 * A codice IPA: the identifier of an entity in the IPA index (`Codice_IPA`, e.g. `c_h501`), trimmed.
 * Obtain one from {@link parseIpaCode} or {@link IpaCodeSchema}.
 * @group Identifiers
 */
export type IpaCode = string & z.$brand<'IpaCode'>;

// IPA assigns free alphanumeric codes with '_' (c_h822, asl_ba, m_it); '-' and '.' are tolerated.
// No check character exists; the length bound is generous (real codes are under 20 characters).
const IPA_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const MAX_LENGTH = 50;

/**
 * Checks a codice IPA and reports the result without throwing.
 *
 * @remarks
 * The one implementation behind {@link parseIpaCode}, {@link isValidIpaCode} and {@link IpaCodeSchema}.
 * @param value - anything
 * @returns `{ ok: true, value }` with the canonical code, or `{ ok: false, issues }`
 * @example
 * ```ts
 * import { inspectIpaCode } from '@civico/core';
 * const result = inspectIpaCode(' c_h501 ');
 * if (result.ok) console.log(result.value); // 'c_h501'
 * ```
 * @group Identifiers
 */
export function inspectIpaCode(value: unknown): InspectPaCodeResult<IpaCode> {
  if (typeof value !== 'string') return NOT_A_STRING;
  if (isOverLong(value)) return TOO_LONG;
  const code = trimAsciiSpaces(value);
  if (firstNonAsciiIndex(code) >= 0) return NOT_ASCII;
  if (code.length === 0 || code.length > MAX_LENGTH) {
    return paCodeFailure('INVALID_LENGTH', `A codice IPA has 1 to ${MAX_LENGTH} characters`);
  }
  if (!IPA_CODE.test(code)) {
    return paCodeFailure('INVALID_CHARACTERS', 'A codice IPA has letters, digits, "_", "-" and "."');
  }
  return { ok: true, value: code as IpaCode };
}

/**
 * Zod schema of a codice IPA: trims ASCII spaces, checks the shape, brands. Case is kept.
 *
 * @example
 * ```ts
 * import { IpaCodeSchema } from '@civico/core';
 * IpaCodeSchema.parse(' c_h501 '); // 'c_h501'
 * ```
 * @group Schemas
 */
export const IpaCodeSchema = z.string().transform(identifierTransform(inspectIpaCode)).brand<'IpaCode'>();

/**
 * Checks the shape of a codice IPA (the entity code of the IPA index) and returns it branded.
 *
 * @remarks
 * A codice IPA has no check character and no fixed length: this checks the shape only (1–50
 * letters, digits, `_`, `-`, `.`, starting with a letter or digit), not that the entity exists;
 * look it up on indicepa.gov.it for that. Case is preserved: IPA codes are case-sensitive in practice.
 * Only ASCII spaces are trimmed: tabs, line breaks and other invisible characters are rejected.
 *
 * @param value - the candidate (anything), e.g. `'c_h501'`
 * @param options - `field`, the input's name reported in the error (default `'ipaCode'`)
 * @returns the trimmed code
 * @throws {@link CoreError} `ERR_CORE_INVALID_IPA_CODE` when the shape is wrong;
 *   `ERR_CORE_INVALID_INPUT` when the value is not a string. Both carry `field`.
 * @example
 * ```ts
 * import { parseIpaCode } from '@civico/core';
 * const roma = parseIpaCode('c_h501');
 * ```
 * @group Identifiers
 */
export function parseIpaCode(value: unknown, options?: ParseFieldOptions): IpaCode {
  const { field } = readParseOptions(options, [], 'ipaCode');
  const result = inspectIpaCode(value);
  if (result.ok) return result.value;
  return throwParseIssue('ERR_CORE_INVALID_IPA_CODE', 'codice IPA', result.issues, field);
}

/**
 * Tells whether a value has the shape of a codice IPA (never throws).
 *
 * @param value - anything
 * @returns true when {@link parseIpaCode} would succeed
 * @example
 * ```ts
 * import { isValidIpaCode } from '@civico/core';
 * isValidIpaCode('asl_ba'); // true
 * ```
 * @group Identifiers
 */
export function isValidIpaCode(value: unknown): boolean {
  return inspectIpaCode(value).ok;
}
