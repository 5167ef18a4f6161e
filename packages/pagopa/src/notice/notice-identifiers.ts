import {
  isValidEntityFiscalCode,
  isValidFiscalCode,
  isValidNoticeNumber,
  parseEntityFiscalCode,
  parseFiscalCode,
  parseNoticeNumber,
} from '@civico/core';
import { z } from 'zod';
import { isValidPostalAccount, parsePostalAccount } from '../codes/parse-postal-account.js';

// pagoPA SACI: a wrong check digit is only a warning per the validation policy, so it is not rejected here.
/** @internal The 18-digit notice number (codice avviso), spaces stripped. */
export const NoticeNumberFieldSchema = z
  .string()
  .refine((value) => isValidNoticeNumber(value), 'must be an 18-digit pagoPA notice number')
  .transform((value): string => parseNoticeNumber(value));

// pagoPA SACI: a creditor is identified by the code it was registered with, so a wrong check digit is no error.
const CREDITOR = { checkDigit: 'warn' } as const;

/** @internal The creditor entity's 11-digit fiscal code, canonical. */
export const EcFiscalCodeFieldSchema = z
  .string()
  .refine((value) => isValidEntityFiscalCode(value, CREDITOR), 'must be an 11-digit entity fiscal code')
  .transform((value): string => parseEntityFiscalCode(value, CREDITOR));

/** @internal A debtor's fiscal code: 16-character personal code or 11-digit code, canonical (ASCII upper case). */
export const DebtorFiscalCodeFieldSchema = z
  .string()
  .refine((value) => isValidFiscalCode(value), 'must be a valid codice fiscale')
  .transform((value): string => parseFiscalCode(value));

// Poste: the Data Matrix carries the account as 12 digits, left-padded with zeros.
/** @internal A BancoPosta account number or postal IBAN, as the 12-digit account. */
export const PostalAccountFieldSchema = z
  .string()
  .refine((value) => isValidPostalAccount(value), 'must be a postal account of 1 to 12 digits or a postal IBAN')
  .transform((value): string => parsePostalAccount(value));
