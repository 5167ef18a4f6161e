import { z } from 'zod';
import { CoreError } from '../errors/core-error.js';
import { identifierTransform } from '../internal/identifier-transform.js';
import { inspectEcFiscalCode } from './inspect-ec-fiscal-code.js';

/**
 * Zod schema of a pagoPA creditor entity fiscal code: trims ASCII spaces, checks 11 digits, brands.
 *
 * @remarks
 * Like {@link parseEcFiscalCode}, only the format is checked; use {@link inspectEcFiscalCode}
 * for the checksum and office warnings.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { EcFiscalCodeSchema } from '@civico/core';
 * const Creditor = z.object({ fiscalCode: EcFiscalCodeSchema });
 * Creditor.parse({ fiscalCode: '00743110157' });
 * ```
 * @group Schemas
 */
export const EcFiscalCodeSchema = z
  .string()
  .transform(identifierTransform(inspectEcFiscalCode))
  .brand<'EcFiscalCode'>();

/**
 * An 11-digit pagoPA creditor entity fiscal code, trimmed. Obtain one from {@link parseEcFiscalCode}.
 * @group Identifiers
 */
export type EcFiscalCode = string & z.$brand<'EcFiscalCode'>;

/**
 * Checks the fiscal code of a pagoPA creditor entity (EC) and returns it as a branded value.
 *
 * @remarks
 * Trims ASCII spaces (only) and requires exactly 11 digits. A wrong check digit or office code does **not**
 * throw (see {@link inspectEcFiscalCode} for the warnings).
 *
 * @param value - the candidate code
 * @returns the trimmed 11-digit code
 * @throws {@link CoreError} `ERR_CORE_INVALID_PAGOPA_FISCAL_CODE` when it is not 11 digits;
 *   `ERR_CORE_INVALID_INPUT` when it is not a string.
 * @example
 * ```ts
 * import { parseEcFiscalCode } from '@civico/core';
 * const creditor = parseEcFiscalCode('00743110157');
 * ```
 * @group Identifiers
 */
export function parseEcFiscalCode(value: string): EcFiscalCode {
  const result = inspectEcFiscalCode(value);
  if (result.ok) return result.value;
  const issue = result.issues[0];
  if (issue?.code === 'INVALID_TYPE') throw new CoreError('ERR_CORE_INVALID_INPUT', issue.message);
  throw new CoreError('ERR_CORE_INVALID_PAGOPA_FISCAL_CODE', `Invalid creditor fiscal code: ${issue?.message}`);
}

/**
 * Tells whether a value has the format of a pagoPA creditor entity fiscal code (never throws).
 *
 * @remarks
 * Accepts exactly what {@link parseEcFiscalCode} accepts, including codes with a wrong check digit.
 * Returns `boolean`, not a type predicate: the input may need trimming, so pass it to
 * {@link parseEcFiscalCode} to obtain the canonical {@link EcFiscalCode}.
 *
 * @param value - anything
 * @returns true when {@link parseEcFiscalCode} would succeed
 * @example
 * ```ts
 * import { isValidEcFiscalCode } from '@civico/core';
 * isValidEcFiscalCode('00743110157'); // true
 * ```
 * @group Identifiers
 */
export function isValidEcFiscalCode(value: unknown): boolean {
  return inspectEcFiscalCode(value).ok;
}
