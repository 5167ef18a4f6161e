import { z } from 'zod';
import { identifierTransform } from '../internal/identifier-transform.js';
import { type ParseFieldOptions, readParseOptions, throwParseIssue } from '../parse-field-options.js';
import {
  type ElevenDigitCodeOptions,
  type InspectElevenDigitCodeResult,
  inspectElevenDigitCode,
} from './inspect-eleven-digit-code.js';

/**
 * A checked partita IVA: 11 digits, canonical (no `IT`, no separators). Obtain one from
 * {@link parseVatNumber} or {@link VatNumberSchema}.
 * @group Identifiers
 */
export type VatNumber = string & z.$brand<'VatNumber'>;

/**
 * Result of {@link inspectVatNumber}.
 * @group Identifiers
 */
export type InspectVatNumberResult = InspectElevenDigitCodeResult<VatNumber>;

/**
 * Checks an Italian partita IVA and reports the result without throwing.
 *
 * @remarks
 * Input: surrounding and inner ASCII spaces, `-`, `.`, `:` and one leading `IT` (any case) are
 * removed; nothing else (tabs, NBSP, look-alike letters, invisible characters) is, and such a
 * character is `INVALID_CHARACTERS`. Input longer than `CORE_LIMITS.maxInputLength` is `INVALID_LENGTH`.
 * Hard checks: 11 digits, the Luhn check digit, a non-zero progressive. Soft check: the office
 * code (positions 8–10) must fit the progressive (Sogei `UCheckNum`); otherwise the warning
 * `OFFICE_UNKNOWN`, or an issue with `strict: true`. `kind` tells a partita IVA from the codice
 * fiscale of an entity that is not a VAT payer and from provisional codes.
 *
 * @param value - the candidate (anything; non-strings are reported, not thrown)
 * @param options - `strict` to reject unknown office codes
 * @returns `{ ok: true, value, kind, officeCode, warnings }` or `{ ok: false, issues }`
 * @example
 * ```ts
 * import { inspectVatNumber } from '@civico/core';
 * const result = inspectVatNumber('IT 00743110157');
 * if (result.ok) console.log(result.value, result.kind); // '00743110157' 'piva'
 * ```
 * @group Identifiers
 */
export function inspectVatNumber(value: unknown, options?: ElevenDigitCodeOptions): InspectVatNumberResult {
  return inspectElevenDigitCode(value, options, false) as InspectVatNumberResult;
}

/**
 * Zod schema of a partita IVA: normalises to 11 digits, checks, brands.
 *
 * @remarks
 * Accepts exactly what {@link parseVatNumber} accepts without `strict`. Each failed check is a
 * `custom` issue whose `params.reason` is an {@link ElevenDigitIssueCode}.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { VatNumberSchema } from '@civico/core';
 * const Supplier = z.object({ vatNumber: VatNumberSchema });
 * Supplier.parse({ vatNumber: 'IT 00743110157' }).vatNumber; // '00743110157'
 * ```
 * @group Schemas
 */
export const VatNumberSchema = z.string().transform(identifierTransform(inspectVatNumber)).brand<'VatNumber'>();

/**
 * Checks an Italian partita IVA and returns it in canonical form as a branded value.
 *
 * @remarks
 * Same checks as {@link inspectVatNumber}; warnings are dropped (call that function to see them).
 *
 * @param value - the candidate (anything), e.g. `'IT 00743110157'`
 * @param options - `strict` to reject unknown office codes; `field`, the input's name reported in
 *   the error (default `'vatNumber'`)
 * @returns the 11-digit partita IVA
 * @throws {@link CoreError} `ERR_CORE_INVALID_VAT_NUMBER` when a check fails;
 *   `ERR_CORE_INVALID_INPUT` when the value is not a string. Both carry `field`.
 * @example
 * ```ts
 * import { parseVatNumber } from '@civico/core';
 * const vat = parseVatNumber('IT-00743110157'); // '00743110157'
 * ```
 * @group Identifiers
 */
export function parseVatNumber(value: unknown, options?: ElevenDigitCodeOptions & ParseFieldOptions): VatNumber {
  const { field, strict } = readParseOptions(options, ['strict'], 'vatNumber');
  const result = inspectVatNumber(value, { strict });
  if (result.ok) return result.value;
  return throwParseIssue('ERR_CORE_INVALID_VAT_NUMBER', 'partita IVA', result.issues, field);
}

/**
 * Tells whether a value is a valid partita IVA (never throws).
 *
 * @remarks
 * Accepts exactly what {@link parseVatNumber} accepts. Returns `boolean`, not a type predicate:
 * accepted input may still need normalising (`'IT 00743110157'`), so use {@link parseVatNumber}
 * to obtain the canonical {@link VatNumber}.
 *
 * @param value - anything
 * @param options - `strict` to reject unknown office codes
 * @returns true when {@link parseVatNumber} would succeed
 * @example
 * ```ts
 * import { isValidVatNumber } from '@civico/core';
 * isValidVatNumber('00743110158'); // false: check digit
 * ```
 * @group Identifiers
 */
export function isValidVatNumber(value: unknown, options?: ElevenDigitCodeOptions): boolean {
  return inspectElevenDigitCode(value, options, false).ok;
}
