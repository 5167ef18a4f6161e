import { CORE_LIMITS, getItalianIbanParts } from '@civico/core';
import { z } from 'zod';
import { PagoPaError } from '../errors.js';

/** ABI code of Poste Italiane (BancoPosta): postal IBANs are `IT.. . 07601 …`. */
const POSTE_ABI = '07601';

type Inspected = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string };

function inspectPostalAccount(value: unknown): Inspected {
  if (typeof value !== 'string') return { ok: false, message: 'The postal account must be a string' };
  // Refused before any scan: a spaced postal IBAN is a few dozen characters.
  if (value.length > CORE_LIMITS.maxInputLength) {
    return { ok: false, message: `The postal account has at most ${CORE_LIMITS.maxInputLength} characters` };
  }
  const compact = value.replace(/\s+/g, '').toUpperCase();
  let account = compact;
  if (/^[A-Z]{2}/.test(compact)) {
    let parts: ReturnType<typeof getItalianIbanParts>;
    try {
      parts = getItalianIbanParts(compact);
    } catch {
      return { ok: false, message: 'The postal IBAN is not a valid Italian IBAN' };
    }
    if (parts.abi !== POSTE_ABI) return { ok: false, message: 'The IBAN is not a BancoPosta (ABI 07601) account' };
    account = parts.account;
  }
  if (!/^\d{1,12}$/.test(account)) return { ok: false, message: 'The postal account has 1 to 12 digits' };
  if (!/[1-9]/.test(account)) return { ok: false, message: 'The postal account must not be all zeros' };
  return { ok: true, value: account.padStart(12, '0') };
}

/**
 * Zod schema of a BancoPosta account (conto corrente postale): account number or postal IBAN in,
 * 12 zero-padded digits out, branded.
 *
 * @remarks
 * Accepts exactly what {@link parsePostalAccount} accepts.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { PostalAccountSchema } from '@civico/pagopa';
 * const Creditor = z.object({ postalAccount: PostalAccountSchema });
 * Creditor.parse({ postalAccount: '12345678' }).postalAccount; // '000012345678'
 * ```
 * @group Schemas
 */
export const PostalAccountSchema = z
  .string()
  .transform((value, ctx) => {
    const result = inspectPostalAccount(value);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  })
  .brand<'PostalAccount'>();

/**
 * A BancoPosta account number as the Poste Data Matrix carries it: 12 digits, zero-padded.
 * @group Identifiers
 */
export type PostalAccount = z.output<typeof PostalAccountSchema>;

/**
 * Checks a postal current account (conto corrente postale) and returns it as 12 digits.
 *
 * @remarks
 * Takes the account number (1–12 digits, spaces ignored, not all zeros) or a postal IBAN: a valid
 * Italian IBAN (mod 97 and CIN, via `@civico/core`) with ABI `07601` (Poste Italiane), whose last
 * 12 digits are the account, as GovPay does. Other banks' IBANs are rejected: a Bollettino Postale
 * can only credit a BancoPosta account.
 *
 * @param value - account number or postal IBAN
 * @returns the 12-digit account
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_POSTAL_ACCOUNT` when it is none of these.
 * @example
 * ```ts
 * import { parsePostalAccount } from '@civico/pagopa';
 * parsePostalAccount('12345678'); // '000012345678'
 * ```
 * @group Identifiers
 */
export function parsePostalAccount(value: string): PostalAccount {
  return postalAccountField(value, undefined);
}

/** @internal {@link parsePostalAccount} with `field` on the error. */
export function postalAccountField(value: unknown, field: string | undefined): PostalAccount {
  const result = inspectPostalAccount(value);
  if (!result.ok) throw new PagoPaError('ERR_PAGOPA_INVALID_POSTAL_ACCOUNT', result.message, { field });
  return result.value as PostalAccount;
}

/**
 * Tells whether a value is a postal account number or postal IBAN (never throws).
 *
 * @remarks
 * Accepts exactly what {@link parsePostalAccount} accepts. Returns `boolean`, not a type predicate,
 * because the canonical form is padded: use {@link parsePostalAccount} to obtain it.
 *
 * @param value - anything
 * @returns true when {@link parsePostalAccount} would succeed
 * @example
 * ```ts
 * import { isValidPostalAccount } from '@civico/pagopa';
 * isValidPostalAccount('000000000000'); // false
 * ```
 * @group Identifiers
 */
export function isValidPostalAccount(value: unknown): boolean {
  return inspectPostalAccount(value).ok;
}
