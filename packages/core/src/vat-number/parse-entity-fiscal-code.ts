import { z } from 'zod';
import { identifierTransform } from '../internal/identifier-transform.js';
import { type ParseFieldOptions, readParseOptions, throwParseIssue } from '../parse-field-options.js';
import {
  type EntityFiscalCodeOptions,
  type InspectElevenDigitCodeResult,
  inspectElevenDigitCode,
} from './inspect-eleven-digit-code.js';

/**
 * A checked 11-digit codice fiscale of an entity (company, association, public body, pagoPA
 * creditor), canonical. Obtain one from {@link parseEntityFiscalCode} or {@link EntityFiscalCodeSchema}.
 * @group Identifiers
 */
export type EntityFiscalCode = string & z.$brand<'EntityFiscalCode'>;

/**
 * Result of {@link inspectEntityFiscalCode}.
 * @group Identifiers
 */
export type InspectEntityFiscalCodeResult = InspectElevenDigitCodeResult<EntityFiscalCode>;

/**
 * Checks the 11-digit codice fiscale of an entity and reports the result without throwing.
 *
 * @remarks
 * The algorithm is the partita IVA's (see {@link inspectVatNumber}): Luhn check digit and
 * non-zero progressive are hard, the office code soft. Entities that are not VAT payers (offices
 * 001–095 with a progressive from 8,000,000, e.g. most comuni) get `kind: 'cf-ente'`.
 * For a pagoPA creditor, where a wrong check digit must not block payment, use
 * the option `{ checkDigit: 'warn' }`.
 *
 * @param value - the candidate (anything; non-strings are reported, not thrown)
 * @param options - `strict` to reject unknown office codes
 * @returns `{ ok: true, value, kind, officeCode, warnings }` or `{ ok: false, issues }`
 * @example
 * ```ts
 * import { inspectEntityFiscalCode } from '@civico/core';
 * const result = inspectEntityFiscalCode('80123450589');
 * if (result.ok) console.log(result.kind); // 'cf-ente'
 * const creditor = inspectEntityFiscalCode('00743110158', { checkDigit: 'warn' });
 * if (creditor.ok) console.log(creditor.warnings.map((w) => w.code)); // ['INVALID_CHECK_DIGIT']
 * ```
 * @group Identifiers
 */
export function inspectEntityFiscalCode(
  value: unknown,
  options?: EntityFiscalCodeOptions,
): InspectEntityFiscalCodeResult {
  return inspectElevenDigitCode(value, options, true) as InspectEntityFiscalCodeResult;
}

/**
 * Zod schema of an entity codice fiscale: normalises to 11 digits, checks, brands.
 *
 * @remarks
 * Accepts what {@link parseEntityFiscalCode} accepts without options. For a pagoPA creditor, build
 * your own refinement on {@link isValidEntityFiscalCode} with `checkDigit: 'warn'`.
 *
 * @example
 * ```ts
 * import { EntityFiscalCodeSchema } from '@civico/core';
 * EntityFiscalCodeSchema.parse('80123450589');
 * ```
 * @group Schemas
 */
export const EntityFiscalCodeSchema = z
  .string()
  .transform(identifierTransform(inspectEntityFiscalCode))
  .brand<'EntityFiscalCode'>();

/**
 * Checks the 11-digit codice fiscale of an entity and returns it as a branded value.
 *
 * @remarks
 * Same checks as {@link inspectEntityFiscalCode}; warnings are dropped.
 *
 * @param value - the candidate (anything)
 * @param options - `strict` to reject unknown office codes; `checkDigit: 'warn'` for a pagoPA
 *   creditor; `field`, the input's name reported in the error (default `'entityFiscalCode'`)
 * @returns the canonical 11-digit code
 * @throws {@link CoreError} `ERR_CORE_INVALID_ENTITY_FISCAL_CODE` when a check fails;
 *   `ERR_CORE_INVALID_INPUT` when the value is not a string. Both carry `field`.
 * @example
 * ```ts
 * import { parseEntityFiscalCode } from '@civico/core';
 * const cf = parseEntityFiscalCode(' 80123450589 ');
 * const creditor = parseEntityFiscalCode('00743110158', { checkDigit: 'warn', field: 'ecFiscalCode' });
 * ```
 * @group Identifiers
 */
export function parseEntityFiscalCode(
  value: unknown,
  options?: EntityFiscalCodeOptions & ParseFieldOptions,
): EntityFiscalCode {
  const { field, strict, checkDigit } = readParseOptions(options, ['strict', 'checkDigit'], 'entityFiscalCode');
  const result = inspectEntityFiscalCode(value, { strict, checkDigit });
  if (result.ok) return result.value;
  return throwParseIssue('ERR_CORE_INVALID_ENTITY_FISCAL_CODE', 'entity fiscal code', result.issues, field);
}

/**
 * Tells whether a value is a valid entity codice fiscale (never throws).
 *
 * @remarks
 * Accepts exactly what {@link parseEntityFiscalCode} accepts; returns `boolean` because accepted
 * input may still need normalising.
 *
 * @param value - anything
 * @param options - `strict` to reject unknown office codes; `checkDigit: 'warn'` for a pagoPA creditor
 * @returns true when {@link parseEntityFiscalCode} would succeed
 * @example
 * ```ts
 * import { isValidEntityFiscalCode } from '@civico/core';
 * isValidEntityFiscalCode('80123450589'); // true
 * isValidEntityFiscalCode('00743110158', { checkDigit: 'warn' }); // true: a pagoPA creditor
 * ```
 * @group Identifiers
 */
export function isValidEntityFiscalCode(value: unknown, options?: EntityFiscalCodeOptions): boolean {
  return inspectElevenDigitCode(value, options, true).ok;
}
