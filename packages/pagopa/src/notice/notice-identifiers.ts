import { CivicoError, parseEntityFiscalCode, parseFiscalCode, parseNoticeNumber } from '@civico/core';
import { z } from 'zod';
import { parsePostalAccount } from '../codes/parse-postal-account.js';

/**
 * A string field made canonical by its `parseX` in one pass (the fast path of each parser); a refusal
 * becomes a `custom` issue with `message`, so the notice schema reports every bad field by its path.
 */
function canonicalField(parse: (value: string) => string, message: string) {
  return z.string().transform((value, ctx): string => {
    try {
      return parse(value);
    } catch (error) {
      if (!CivicoError.isInstance(error)) throw error;
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
  });
}

// pagoPA SACI: a wrong check digit is only a warning per the validation policy, so it is not rejected here.
/** @internal The 18-digit notice number (codice avviso), spaces stripped. */
export const NoticeNumberFieldSchema = canonicalField(parseNoticeNumber, 'must be an 18-digit pagoPA notice number');

// pagoPA SACI: a creditor is identified by the code it was registered with, so a wrong check digit is no error.
const CREDITOR = { checkDigit: 'warn' } as const;

/** @internal The creditor entity's 11-digit fiscal code, canonical. */
export const EcFiscalCodeFieldSchema = canonicalField(
  (value) => parseEntityFiscalCode(value, CREDITOR),
  'must be an 11-digit entity fiscal code',
);

/** @internal A debtor's fiscal code: 16-character personal code or 11-digit code, canonical (ASCII upper case). */
export const DebtorFiscalCodeFieldSchema = canonicalField(parseFiscalCode, 'must be a valid codice fiscale');

// Poste: the Data Matrix carries the account as 12 digits, left-padded with zeros.
/** @internal A BancoPosta account number or postal IBAN, as the 12-digit account. */
export const PostalAccountFieldSchema = canonicalField(
  parsePostalAccount,
  'must be a postal account of 1 to 12 digits or a postal IBAN',
);
