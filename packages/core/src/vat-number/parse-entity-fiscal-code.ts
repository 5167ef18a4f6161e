import { z } from 'zod';
import { identifierTransform } from '../internal/identifier-transform.js';
import {
  type ElevenDigitCodeOptions,
  type InspectElevenDigitCodeResult,
  inspectElevenDigitCode,
} from './inspect-eleven-digit-code.js';
import { throwElevenDigitIssues } from './parse-vat-number.js';

/**
 * A checked 11-digit codice fiscale of an entity (company, association, public body), canonical.
 * Obtain one from {@link parseEntityFiscalCode} or {@link EntityFiscalCodeSchema}.
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
 * {@link inspectEcFiscalCode}.
 *
 * @param value - the candidate (anything; non-strings are reported, not thrown)
 * @param options - `strict` to reject unknown office codes
 * @returns `{ ok: true, value, kind, officeCode, warnings }` or `{ ok: false, issues }`
 * @example
 * ```ts
 * import { inspectEntityFiscalCode } from '@civico/core';
 * const result = inspectEntityFiscalCode('80123450589');
 * if (result.ok) console.log(result.kind); // 'cf-ente'
 * ```
 * @group Identifiers
 */
export function inspectEntityFiscalCode(
  value: unknown,
  options?: ElevenDigitCodeOptions,
): InspectEntityFiscalCodeResult {
  return inspectElevenDigitCode(value, options) as InspectEntityFiscalCodeResult;
}

/**
 * Zod schema of an entity codice fiscale: normalises to 11 digits, checks, brands.
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
 * @param value - the candidate
 * @param options - `strict` to reject unknown office codes
 * @returns the canonical 11-digit code
 * @throws {@link CoreError} `ERR_CORE_INVALID_VAT_NUMBER` when a check fails (the code shares the
 *   partita IVA algorithm); `ERR_CORE_INVALID_INPUT` when the value is not a string.
 * @example
 * ```ts
 * import { parseEntityFiscalCode } from '@civico/core';
 * const cf = parseEntityFiscalCode(' 80123450589 ');
 * ```
 * @group Identifiers
 */
export function parseEntityFiscalCode(value: string, options?: ElevenDigitCodeOptions): EntityFiscalCode {
  const result = inspectEntityFiscalCode(value, options);
  if (result.ok) return result.value;
  return throwElevenDigitIssues(result.issues, 'entity fiscal code');
}

/**
 * Tells whether a value is a valid entity codice fiscale (never throws).
 *
 * @remarks
 * Accepts exactly what {@link parseEntityFiscalCode} accepts; returns `boolean` because accepted
 * input may still need normalising.
 *
 * @param value - anything
 * @param options - `strict` to reject unknown office codes
 * @returns true when {@link parseEntityFiscalCode} would succeed
 * @example
 * ```ts
 * import { isValidEntityFiscalCode } from '@civico/core';
 * isValidEntityFiscalCode('80123450589'); // true
 * ```
 * @group Identifiers
 */
export function isValidEntityFiscalCode(value: unknown, options?: ElevenDigitCodeOptions): boolean {
  return inspectElevenDigitCode(value, options).ok;
}
