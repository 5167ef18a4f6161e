import { CoreError } from '../errors/core-error.js';
import { type ParseFieldOptions, readParseOptions } from '../parse-field-options.js';
import type { FiscalCode } from './fiscal-code-schema.js';
import {
  checkNormalized,
  type InspectFiscalCodeOptions,
  inspectFiscalCode,
  normalizeFiscalCodeInput,
} from './inspect-fiscal-code.js';

/**
 * Options of {@link parseFiscalCode}: those of {@link inspectFiscalCode} plus `field`.
 * @group Identifiers
 */
export interface ParseFiscalCodeOptions extends InspectFiscalCodeOptions, ParseFieldOptions {}

/**
 * Checks a codice fiscale and returns it normalised and branded.
 *
 * @remarks
 * Normalises like {@link inspectFiscalCode} (ASCII spaces, `-`, `.` removed; `a`–`z` upper-cased;
 * nothing else folded), then runs its hard checks: succeeds exactly when {@link inspectFiscalCode}
 * with the same options reports `ok`. Use that function to learn which check failed.
 * @throws {@link CoreError} `ERR_CORE_INVALID_FISCAL_CODE` when any check fails;
 *   `ERR_CORE_INVALID_INPUT` when `value` is not a string. Both carry `field` (default
 *   `'fiscalCode'`). `ERR_CORE_INVALID_DATE` for a bad `options.referenceDate`.
 * @example
 * ```ts
 * import { parseFiscalCode } from '@civico/core';
 * const cf = parseFiscalCode(' rssmra80a01h501u '); // 'RSSMRA80A01H501U'
 * const payer = parseFiscalCode('RSSMRA80A01H501U', { field: 'payer.fiscalCode' });
 * ```
 * @param value - anything
 * @param options - `field`, the input's name reported in the error; `referenceDate` and `strict` as
 *   for {@link inspectFiscalCode}
 * @group Identifiers
 */
export function parseFiscalCode(value: unknown, options?: ParseFiscalCodeOptions): FiscalCode {
  const { field, referenceDate, strict } = readParseOptions(options, ['referenceDate', 'strict'], 'fiscalCode');
  if (typeof value !== 'string') {
    throw new CoreError('ERR_CORE_INVALID_INPUT', 'The codice fiscale is not a string', { field });
  }
  if (referenceDate === undefined && strict !== true) {
    // Fast path: with the default options the hard checks alone decide (no allocation for canonical input).
    const s = normalizeFiscalCodeInput(value);
    if (checkNormalized(s)) return s as FiscalCode;
  } else {
    const result = inspectFiscalCode(value, { referenceDate, strict });
    if (result.ok) return result.value;
  }
  throw new CoreError('ERR_CORE_INVALID_FISCAL_CODE', 'Invalid codice fiscale', { field });
}
