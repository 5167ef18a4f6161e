import { CoreError } from '../errors/core-error.js';
import type { FiscalCode } from './fiscal-code-schema.js';
import { inspectPersonal, inspectProvisional } from './inspect-fiscal-code.js';
import { checkNormalized, normalizeFiscalCodeInput } from './parse-fiscal-code.js';

/**
 * Tells whether a value is a valid codice fiscale in canonical form.
 *
 * @remarks
 * Never throws. Accepts only the canonical form (upper case, no spaces), because the type guard
 * promises the value itself is a {@link FiscalCode}; normalise user input with
 * {@link assertFiscalCode}, {@link FiscalCodeSchema} or {@link parseFiscalCode}. Runs the hard checks
 * of {@link parseFiscalCode} with no allocation.
 * @example
 * ```ts
 * import { isValidFiscalCode } from '@civico/core';
 * isValidFiscalCode('RSSMRA80A01H501U'); // true
 * isValidFiscalCode('RSSMRA80A01H501X'); // false: check character
 * ```
 * @param value - anything
 * @group Identifiers
 */
export function isValidFiscalCode(value: unknown): value is FiscalCode {
  if (typeof value !== 'string') return false;
  if (value.length === 16) return inspectPersonal(value);
  return value.length === 11 && inspectProvisional(value);
}

/**
 * Checks a codice fiscale and returns it normalised and branded.
 *
 * @remarks
 * Normalises like {@link parseFiscalCode} (ASCII spaces, `-`, `.` removed; `a`–`z` upper-cased;
 * nothing else folded), then runs its hard checks. Use {@link parseFiscalCode} to learn which check failed.
 * @throws {@link CoreError} `ERR_CORE_INVALID_FISCAL_CODE` when any check fails;
 *   `ERR_CORE_INVALID_INPUT` when `value` is not a string. Both carry `field`.
 * @example
 * ```ts
 * import { assertFiscalCode } from '@civico/core';
 * const cf = assertFiscalCode(' rssmra80a01h501u '); // 'RSSMRA80A01H501U'
 * ```
 * @param value - anything
 * @param field - name of the input field, reported in the error's `field`
 * @group Identifiers
 */
export function assertFiscalCode(value: unknown, field?: string): FiscalCode {
  // A non-string `field` (plain JavaScript) is dropped rather than echoed.
  const name = typeof field === 'string' ? field : undefined;
  if (typeof value !== 'string') {
    throw new CoreError('ERR_CORE_INVALID_INPUT', 'The codice fiscale is not a string', { field: name });
  }
  const s = normalizeFiscalCodeInput(value);
  if (checkNormalized(s)) return s as FiscalCode;
  throw new CoreError('ERR_CORE_INVALID_FISCAL_CODE', 'Invalid codice fiscale', { field: name });
}
