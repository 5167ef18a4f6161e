import { z } from 'zod';

// pagoPA SACI: NAV = aux digit 0-3 + 17 digits; spaces allowed on input (printed in groups of 4).
// A wrong check digit is only a warning per the validation policy, so it is not rejected here.
/** @internal The 18-digit notice number (codice avviso), spaces stripped. */
export const NoticeNumberFieldSchema = z
  .string()
  .transform((value) => value.replace(/ /g, ''))
  .refine((value) => /^[0-3]\d{17}$/.test(value), 'must be an 18-digit pagoPA notice number');

/** @internal The creditor entity's 11-digit fiscal code. */
export const EcFiscalCodeFieldSchema = z
  .string()
  .transform((value) => value.trim())
  .refine((value) => /^\d{11}$/.test(value), 'must be an 11-digit entity fiscal code');

const PERSONAL_CODE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function charValue(char: string): number {
  const code = char.charCodeAt(0);
  return code < 65 ? code - 48 : code - 65;
}

// Agenzia delle Entrate, DM 23/12/1976: check character over odd/even positions.
function personalCheckValid(value: string): boolean {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const v = charValue(value.charAt(i));
    sum += i % 2 === 0 ? (ODD[v] ?? 0) : v;
  }
  return String.fromCharCode(65 + (sum % 26)) === value.charAt(15);
}

/** @internal A debtor's fiscal code: 16-character personal code or 11-digit entity code, upper-cased. */
export const DebtorFiscalCodeFieldSchema = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .refine(
    (value) => /^\d{11}$/.test(value) || (PERSONAL_CODE.test(value) && personalCheckValid(value)),
    'must be a valid codice fiscale',
  );

// Poste: the Data Matrix carries the account as 12 digits, left-padded with zeros.
/** @internal A BancoPosta account number (up to 12 digits), zero-padded to 12. */
export const PostalAccountFieldSchema = z
  .string()
  .transform((value) => value.replace(/ /g, ''))
  .refine((value) => /^\d{1,12}$/.test(value) && /[1-9]/.test(value), 'must be a postal account of 1 to 12 digits')
  .transform((value) => value.padStart(12, '0'));
