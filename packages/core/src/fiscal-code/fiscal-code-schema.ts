import { z } from 'zod';
import { checkNormalized, normalizeFiscalCodeInput } from './inspect-fiscal-code.js';

/**
 * Zod schema of a codice fiscale: accepts a string that is valid once normalised and outputs the
 * canonical, branded {@link FiscalCode}.
 *
 * @remarks
 * Accepts exactly what {@link parseFiscalCode} accepts without options (16-character personal or 11-digit provisional code);
 * warnings are ignored. The issue message never contains the input.
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { FiscalCodeSchema } from '@civico/core';
 * const Payer = z.object({ fiscalCode: FiscalCodeSchema });
 * Payer.parse({ fiscalCode: 'rssmra80a01h501u' }).fiscalCode; // 'RSSMRA80A01H501U'
 * ```
 * @group Schemas
 */
export const FiscalCodeSchema = z
  .string()
  .refine((value) => checkNormalized(normalizeFiscalCodeInput(value)), { message: 'Invalid codice fiscale' })
  .transform(normalizeFiscalCodeInput)
  .brand<'FiscalCode'>();

/**
 * A checked codice fiscale in canonical form (upper case, no separators): a 16-character personal
 * code (possibly omocodic) or an 11-digit provisional code. Obtain one from
 * {@link parseFiscalCode} or {@link FiscalCodeSchema} (or `value` of a successful {@link inspectFiscalCode}).
 * @group Identifiers
 */
export type FiscalCode = z.output<typeof FiscalCodeSchema>;
