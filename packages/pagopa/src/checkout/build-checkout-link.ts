import type { EntityFiscalCode } from '@civico/core';
import { readFields } from '@civico/core/internal';
import { parseNoticeNumberField } from '../codes/notice-number-field.js';
import { checkEcFiscalCode } from '../codes/payload-fields.js';
import { PagoPaError } from '../errors.js';

/**
 * Options of {@link buildCheckoutLink}.
 * @group Identifiers
 */
export interface BuildCheckoutLinkOptions {
  /** 18-digit notice number (codice avviso); spaces are removed. */
  readonly noticeNumber: string;
  /** The creditor entity's 11-digit fiscal code. */
  readonly ecFiscalCode: string | EntityFiscalCode;
}

/**
 * Builds the pagoPA Checkout link that opens a notice ready to pay.
 *
 * @remarks
 * pagoPA Checkout accepts `https://checkout.pagopa.it/<RptId>`, where the RptId is the creditor's
 * 11-digit fiscal code followed by the 18-digit notice number (29 digits). The notice number must be
 * well-formed (a wrong check digit is kept: the link must match the notice as issued); the fiscal
 * code must have 11 digits, checksum failures are accepted.
 *
 * @param options - notice number and creditor fiscal code
 * @returns the absolute URL
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_NOTICE_NUMBER` (`field: 'noticeNumber'`) or
 *   `ERR_PAGOPA_INVALID_FISCAL_CODE` (`field: 'ecFiscalCode'`); `ERR_PAGOPA_INVALID_CONFIG` when `options`
 *   cannot be read (a getter or Proxy that throws).
 * @example
 * ```ts
 * import { buildCheckoutLink } from '@civico/pagopa';
 * buildCheckoutLink({ noticeNumber: '312345678901234545', ecFiscalCode: '01199250158' });
 * // 'https://checkout.pagopa.it/01199250158312345678901234545'
 * ```
 * @group Identifiers
 */
export function buildCheckoutLink(options: BuildCheckoutLinkOptions): string {
  const o = readFields(options, ['noticeNumber', 'ecFiscalCode'], PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG');
  const nav = parseNoticeNumberField(o.noticeNumber, 'noticeNumber').value;
  const ec = checkEcFiscalCode(o.ecFiscalCode, 'ecFiscalCode', 'ERR_PAGOPA_INVALID_FISCAL_CODE', false).value;
  return `https://checkout.pagopa.it/${ec}${nav}`;
}
