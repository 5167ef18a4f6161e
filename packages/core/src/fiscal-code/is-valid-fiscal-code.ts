import { lenientOptions } from '../internal/read-options.js';
import {
  checkNormalized,
  type InspectFiscalCodeOptions,
  inspectFiscalCode,
  normalizeFiscalCodeInput,
} from './inspect-fiscal-code.js';

/**
 * Tells whether a value is a valid codice fiscale: `true` exactly when {@link parseFiscalCode}
 * with the same options would succeed.
 *
 * @remarks
 * Never throws (a bad `referenceDate` gives `false`). Accepts what {@link parseFiscalCode}
 * normalises (lower case, ASCII spaces, `-`, `.`), so it returns `boolean`, not a type guard:
 * obtain the canonical {@link FiscalCode} from {@link parseFiscalCode}. With the default options it
 * runs the hard checks with no allocation for canonical input.
 * @example
 * ```ts
 * import { isValidFiscalCode } from '@civico/core';
 * isValidFiscalCode('RSSMRA80A01H501U'); // true
 * isValidFiscalCode(' rssmra80a01h501u '); // true
 * isValidFiscalCode('RSSMRA80A01H501X'); // false: check character
 * ```
 * @param value - anything
 * @param options - `referenceDate` and `strict` as for {@link inspectFiscalCode}
 * @group Identifiers
 */
export function isValidFiscalCode(value: unknown, options?: InspectFiscalCodeOptions): boolean {
  if (typeof value !== 'string') return false;
  const { referenceDate, strict } = lenientOptions(options, ['referenceDate', 'strict']);
  if (referenceDate === undefined && strict !== true) return checkNormalized(normalizeFiscalCodeInput(value));
  try {
    return inspectFiscalCode(value, { referenceDate, strict }).ok;
  } catch {
    // Only a bad referenceDate throws: no date, no valid code.
    return false;
  }
}
