import type { EntityFiscalCode } from '@civico/core';
import { readFields, upperAscii } from '@civico/core/internal';
import { PagoPaError } from '../errors.js';
import { parseNoticeNumberField } from './notice-number-field.js';
import { postalAccountField } from './parse-postal-account.js';
import { checkAmountCents, checkEcFiscalCode, MAX_TEN_DIGIT_CENTS } from './payload-fields.js';
import { foldPosteText, POSTE_FIELDS } from './poste-data-matrix-layout.js';

/**
 * Fields of the Poste Data Matrix printed on the Bollettino Postale PA.
 * @group Barcodes
 */
export interface PosteDataMatrixFields {
  /** 18-digit notice number (codice avviso); spaces are removed. */
  readonly noticeNumber: string;
  /** BancoPosta account number or postal IBAN (see {@link parsePostalAccount}). */
  readonly postalAccount: string;
  /** Amount in integer euro cents, 1 … 9,999,999,999 (10 digits in the payload). */
  readonly amountCents: number;
  /** The creditor entity's 11-digit fiscal code. */
  readonly ecFiscalCode: string | EntityFiscalCode;
  /** The debtor's fiscal code: 16 characters (person) or 11 digits (entity); omit it when unknown (16 spaces). */
  readonly debtorFiscalCode?: string | undefined;
  /** The debtor's name; folded to 40 ASCII upper-case characters. */
  readonly debtorName: string;
  /** The payment subject (causale); folded to 110 ASCII upper-case characters. */
  readonly subject: string;
}

const FIELD_KEYS = [
  'noticeNumber',
  'postalAccount',
  'amountCents',
  'ecFiscalCode',
  'debtorFiscalCode',
  'debtorName',
  'subject',
] as const;

/**
 * Builds the 256-character payload of the Poste Data Matrix (Bollettino Postale PA).
 *
 * @remarks
 * Layout (pagoPA notice generator, GovPay): `codfase=NBPA;` `18` + notice number, `12` + 12-digit
 * account, `10` + 10-digit amount, `3` `896` `1P1`, creditor fiscal code, debtor fiscal code (16,
 * space-padded), debtor name (40), subject (110), 12 spaces, `A`. Every field is padded to its width.
 * Free text is folded: compatibility-decomposed (NFKD), accents removed, upper case, any other character becomes a space, runs of
 * spaces collapse, then it is truncated. That keeps the text in Data Matrix C40's basic set, so every
 * payload fits the 48 × 48 symbol the guide requires ({@link encodeDataMatrix}). The debtor code is
 * checked for shape only, and left blank when omitted.
 *
 * @param fields - the slip's data
 * @returns the 256-character payload
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_NOTICE_NUMBER`, `ERR_PAGOPA_INVALID_POSTAL_ACCOUNT`,
 *   `ERR_PAGOPA_INVALID_AMOUNT` (above 9,999,999,999 cents too), `ERR_PAGOPA_INVALID_FISCAL_CODE`
 *   (`ecFiscalCode`, `debtorFiscalCode`), `ERR_PAGOPA_INVALID_DATA_MATRIX_PAYLOAD` (`debtorName` or
 *   `subject` not a string, or a field that cannot be read), each with `field`.
 * @example
 * ```ts
 * import { buildPosteDataMatrixPayload, encodeDataMatrix } from '@civico/pagopa';
 * const payload = buildPosteDataMatrixPayload({
 *   noticeNumber: '312345678901234545',
 *   postalAccount: '12345678',
 *   amountCents: 15000,
 *   ecFiscalCode: '01199250158',
 *   debtorFiscalCode: 'RSSMRA80A01H501U',
 *   debtorName: 'Mario Rossi',
 *   subject: 'TARI 2025 rata unica',
 * });
 * const symbol = encodeDataMatrix(payload); // 48 × 48
 * ```
 * @group Barcodes
 */
export function buildPosteDataMatrixPayload(fields: PosteDataMatrixFields): string {
  if (typeof fields !== 'object' || fields === null) {
    throw new PagoPaError('ERR_PAGOPA_INVALID_DATA_MATRIX_PAYLOAD', 'The Data Matrix fields must be an object');
  }
  const f = readFields(fields, FIELD_KEYS, PagoPaError, 'ERR_PAGOPA_INVALID_DATA_MATRIX_PAYLOAD');
  const nav = parseNoticeNumberField(f.noticeNumber, 'noticeNumber').value;
  const account = postalAccountField(f.postalAccount, 'postalAccount');
  const cents = checkAmountCents(f.amountCents, 'amountCents', MAX_TEN_DIGIT_CENTS);
  const ec = checkEcFiscalCode(f.ecFiscalCode, 'ecFiscalCode', 'ERR_PAGOPA_INVALID_FISCAL_CODE', false).value;
  const rawDebtor = f.debtorFiscalCode;
  const debtor = typeof rawDebtor === 'string' ? upperAscii(rawDebtor) : '';
  if (rawDebtor !== undefined && !/^(?:[A-Z0-9]{16}|\d{11})$/.test(debtor)) {
    throw new PagoPaError(
      'ERR_PAGOPA_INVALID_FISCAL_CODE',
      "The debtor's fiscal code must have 16 characters or 11 digits",
      {
        field: 'debtorFiscalCode',
      },
    );
  }
  for (const field of ['debtorName', 'subject'] as const) {
    if (typeof f[field] !== 'string') {
      throw new PagoPaError('ERR_PAGOPA_INVALID_DATA_MATRIX_PAYLOAD', `${field} must be a string`, { field });
    }
  }
  return [
    'codfase=NBPA;18',
    nav,
    '12',
    account,
    '10',
    String(cents).padStart(10, '0'),
    '38961P1',
    ec,
    debtor.padEnd(POSTE_FIELDS.debtorFiscalCode[1], ' '),
    foldPosteText(f.debtorName as string, POSTE_FIELDS.debtorName[1]),
    foldPosteText(f.subject as string, POSTE_FIELDS.subject[1]),
    ' '.repeat(12),
    'A',
  ].join('');
}
