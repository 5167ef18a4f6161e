import type { EntityFiscalCode } from '@civico/core';
import { readFields } from '@civico/core/internal';
import { PagoPaError } from '../errors.js';
import { parseNoticeNumberField } from './notice-number-field.js';
import { checkAmountCents, checkEcFiscalCode } from './payload-fields.js';

/**
 * Fields of a pagoPA QR code payload.
 * @group Barcodes
 */
export interface QrPayloadFields {
  /** 18-digit notice number (codice avviso); spaces are removed. */
  readonly noticeNumber: string;
  /** The creditor entity's 11-digit fiscal code. */
  readonly ecFiscalCode: string | EntityFiscalCode;
  /** Amount in integer euro cents, 1 … 99,999,999,999. */
  readonly amountCents: number;
}

/**
 * Builds the text of a pagoPA notice QR code: `PAGOPA|002|<notice number>|<EC fiscal code>|<cents>`.
 *
 * @remarks
 * pagoPA notice guide, "Codice QR": identifier `PAGOPA`, version `002`, no spaces, amount in
 * unpadded cents (150,00 € → `15000`), as pagoPA's own generator prints it. The notice number must
 * be well-formed (a wrong check digit is kept: the QR must match the notice as issued); the fiscal
 * code must have 11 digits (checksum failures are accepted, see {@link parseQrPayload}).
 * Encode the result with {@link encodeQrCode}.
 *
 * @param fields - notice number, creditor fiscal code, amount
 * @returns the payload, 43–53 characters
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_NOTICE_NUMBER` (`field: 'noticeNumber'`),
 *   `ERR_PAGOPA_INVALID_FISCAL_CODE` (`field: 'ecFiscalCode'`), `ERR_PAGOPA_INVALID_AMOUNT`
 *   (`field: 'amountCents'`: not an integer, zero, negative or above 99,999,999,999);
 *   `ERR_PAGOPA_INVALID_QR_PAYLOAD` when `fields` is not an object or cannot be read (a getter or Proxy that throws).
 * @example
 * ```ts
 * import { buildQrPayload, encodeQrCode } from '@civico/pagopa';
 * const payload = buildQrPayload({ noticeNumber: '312345678901234545', ecFiscalCode: '01199250158', amountCents: 15000 });
 * // 'PAGOPA|002|312345678901234545|01199250158|15000'
 * const symbol = encodeQrCode(payload);
 * ```
 * @group Barcodes
 */
export function buildQrPayload(fields: QrPayloadFields): string {
  if (typeof fields !== 'object' || fields === null) {
    throw new PagoPaError('ERR_PAGOPA_INVALID_QR_PAYLOAD', 'The QR payload fields must be an object');
  }
  const f = readFields(
    fields,
    ['noticeNumber', 'ecFiscalCode', 'amountCents'],
    PagoPaError,
    'ERR_PAGOPA_INVALID_QR_PAYLOAD',
  );
  const nav = parseNoticeNumberField(f.noticeNumber, 'noticeNumber').value;
  const ec = checkEcFiscalCode(f.ecFiscalCode, 'ecFiscalCode', 'ERR_PAGOPA_INVALID_FISCAL_CODE', false).value;
  const cents = checkAmountCents(f.amountCents, 'amountCents');
  return `PAGOPA|002|${nav}|${ec}|${cents}`;
}
