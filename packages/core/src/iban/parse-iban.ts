import { z } from 'zod';
import { CoreError } from '../errors/core-error.js';
import { identifierTransform } from '../internal/identifier-transform.js';
import {
  hasItalianBban,
  hasValidIbanCheckDigits,
  ibanStructureIssue,
  inspectIban,
  normalizeIban,
} from './inspect-iban.js';
import { computeItalianCin } from './italian-cin.js';

/**
 * A checked IBAN in compact, upper-case form (`IT60X0542811101000000123456`). Obtain one from
 * {@link parseIban} or {@link IbanSchema}; print it with {@link formatIban}.
 * @group Identifiers
 */
export type Iban = string & z.$brand<'Iban'>;

/**
 * Zod schema of an IBAN: removes ASCII spaces, upper-cases `a`–`z`, checks (mod 97, Italian CIN), brands.
 *
 * @remarks
 * Accepts exactly what {@link parseIban} accepts; each failed check is a `custom` issue whose
 * `params.reason` is an {@link IbanIssueCode}.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { IbanSchema } from '@civico/core';
 * const Refund = z.object({ iban: IbanSchema });
 * Refund.parse({ iban: 'it60 x054 2811 1010 0000 0123 456' }).iban; // 'IT60X0542811101000000123456'
 * ```
 * @group Schemas
 */
export const IbanSchema = z.string().transform(identifierTransform(inspectIban)).brand<'Iban'>();

/**
 * Checks an IBAN and returns it in compact, upper-case form as a branded value.
 *
 * @remarks
 * Same checks as {@link inspectIban}: registry country and length, characters, mod 97-10, and
 * for `IT`/`SM` the BBAN layout and CIN letter. Only ASCII spaces are removed and only `a`–`z`
 * upper-cased: tabs, NBSP and look-alike letters are rejected.
 *
 * @param value - the candidate, with or without ASCII spaces
 * @returns the compact IBAN
 * @throws {@link CoreError} `ERR_CORE_INVALID_IBAN` when a check fails; `ERR_CORE_INVALID_INPUT`
 *   when the value is not a string.
 * @example
 * ```ts
 * import { parseIban } from '@civico/core';
 * const iban = parseIban('IT60 X054 2811 1010 0000 0123 456'); // 'IT60X0542811101000000123456'
 * ```
 * @group Identifiers
 */
export function parseIban(value: string): Iban {
  const result = inspectIban(value);
  if (result.ok) return result.value;
  const first = result.issues[0];
  if (first?.code === 'INVALID_TYPE') throw new CoreError('ERR_CORE_INVALID_INPUT', first.message);
  throw new CoreError('ERR_CORE_INVALID_IBAN', `Invalid IBAN: ${first?.message ?? 'invalid value'}`);
}

/**
 * Tells whether a value is a valid IBAN (never throws, allocates nothing for compact input).
 *
 * @remarks
 * Accepts exactly what {@link parseIban} accepts. Returns `boolean`, not a type predicate:
 * accepted input may contain spaces or lower case, so use {@link parseIban} to obtain the
 * canonical {@link Iban}.
 *
 * @param value - anything
 * @returns true when {@link parseIban} would succeed
 * @example
 * ```ts
 * import { isValidIban } from '@civico/core';
 * isValidIban('IT40S0542811101000000123456'); // false: mod 97 passes, CIN does not
 * ```
 * @group Identifiers
 */
export function isValidIban(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const iban = normalizeIban(value);
  return (
    ibanStructureIssue(iban) === undefined &&
    hasValidIbanCheckDigits(iban) &&
    (!hasItalianBban(iban) || computeItalianCin(iban) === iban.charCodeAt(4))
  );
}
