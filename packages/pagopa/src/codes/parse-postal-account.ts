import { CORE_LIMITS, getItalianIbanParts } from '@civico/core';
import { readFields } from '@civico/core/internal';
import { z } from 'zod';
import { PagoPaError } from '../errors.js';

/** ABI code of Poste Italiane (BancoPosta): postal IBANs are `IT.. . 07601 …`. */
const POSTE_ABI = '07601';

/**
 * Why a postal account was refused by {@link inspectPostalAccount}.
 * @group Identifiers
 */
export type PostalAccountIssueCode =
  | 'INVALID_TYPE'
  | 'INVALID_LENGTH'
  | 'INVALID_CHARACTERS'
  | 'INVALID_IBAN'
  | 'NOT_BANCOPOSTA'
  | 'ALL_ZEROS';

/**
 * Result of {@link inspectPostalAccount}.
 * @group Identifiers
 */
export type PostalAccountInspection =
  | {
      /** The account passed every check. */
      readonly ok: true;
      /** The 12-digit, zero-padded account. */
      readonly value: PostalAccount;
    }
  | {
      /** The account failed a check. */
      readonly ok: false;
      /** What is wrong, each with a stable `code` and an English message without the value. */
      readonly issues: readonly {
        /** Stable issue code. */
        readonly code: PostalAccountIssueCode;
        /** English explanation, without the value. */
        readonly message: string;
      }[];
    };

const fail = (code: PostalAccountIssueCode, message: string): PostalAccountInspection => ({
  ok: false,
  issues: [{ code, message }],
});

/**
 * Checks a postal current account (conto corrente postale) without throwing.
 *
 * @remarks
 * Accepts exactly what {@link parsePostalAccount} accepts: 1–12 digits (ASCII spaces ignored, not all
 * zeros) or a postal IBAN (a valid Italian IBAN with ABI `07601`). Anything else is an issue with a
 * stable code; nothing is upper-cased with Unicode rules or stripped silently.
 *
 * @param value - anything
 * @returns `{ ok: true, value }` with the 12-digit account, or `{ ok: false, issues }`
 * @example
 * ```ts
 * import { inspectPostalAccount } from '@civico/pagopa';
 * const result = inspectPostalAccount('IT00 X000 0000 0000 0000 0000 000');
 * if (!result.ok) console.log(result.issues[0]?.code); // 'INVALID_IBAN'
 * ```
 * @group Identifiers
 */
export function inspectPostalAccount(value: unknown): PostalAccountInspection {
  if (typeof value !== 'string') return fail('INVALID_TYPE', 'The postal account must be a string');
  // Refused before any scan: a spaced postal IBAN is a few dozen characters.
  if (value.length > CORE_LIMITS.maxInputLength) {
    return fail('INVALID_LENGTH', `The postal account has at most ${CORE_LIMITS.maxInputLength} characters`);
  }
  const compact = value.replace(/ /g, '');
  if (!/^[\x21-\x7e]*$/.test(compact)) {
    return fail('INVALID_CHARACTERS', 'The postal account has a character outside printable ASCII');
  }
  let account = compact;
  if (/^[A-Za-z]{2}/.test(compact)) {
    let parts: ReturnType<typeof getItalianIbanParts>;
    try {
      parts = getItalianIbanParts(compact);
    } catch {
      return fail('INVALID_IBAN', 'The postal IBAN is not a valid Italian IBAN');
    }
    if (parts.abi !== POSTE_ABI) return fail('NOT_BANCOPOSTA', 'The IBAN is not a BancoPosta (ABI 07601) account');
    account = parts.account;
  }
  if (!/^\d{1,12}$/.test(account)) return fail('INVALID_LENGTH', 'The postal account has 1 to 12 digits');
  if (!/[1-9]/.test(account)) return fail('ALL_ZEROS', 'The postal account must not be all zeros');
  return { ok: true, value: account.padStart(12, '0') as PostalAccount };
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
    if (result.ok) return result.value as string;
    ctx.addIssue({ code: 'custom', message: result.issues[0]?.message ?? 'Invalid postal account' });
    return z.NEVER;
  })
  .brand<'PostalAccount'>();

/**
 * A BancoPosta account number as the Poste Data Matrix carries it: 12 digits, zero-padded.
 * @group Identifiers
 */
export type PostalAccount = string & z.$brand<'PostalAccount'>;

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
 * @param options - `field`: the name the error carries (default `postalAccount`)
 * @returns the 12-digit account
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_POSTAL_ACCOUNT` when it is none of these.
 * @example
 * ```ts
 * import { parsePostalAccount } from '@civico/pagopa';
 * parsePostalAccount('12345678'); // '000012345678'
 * ```
 * @group Identifiers
 */
export function parsePostalAccount(
  value: unknown,
  options: { readonly field?: string | undefined } = {},
): PostalAccount {
  const { field } = readFields(options, ['field'], PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG', { path: 'options' });
  return postalAccountField(value, typeof field === 'string' ? field : 'postalAccount');
}

/** @internal {@link parsePostalAccount} with `field` on the error. */
export function postalAccountField(value: unknown, field: string | undefined): PostalAccount {
  const result = inspectPostalAccount(value);
  if (!result.ok) {
    throw new PagoPaError('ERR_PAGOPA_INVALID_POSTAL_ACCOUNT', result.issues[0]?.message ?? 'Invalid postal account', {
      field,
    });
  }
  return result.value;
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
