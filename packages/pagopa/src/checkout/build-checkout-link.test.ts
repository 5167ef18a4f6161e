import { describe, expect, it } from 'vitest';
import { buildCheckoutLink } from './build-checkout-link.js';

describe('buildCheckoutLink()', () => {
  it('appends the 29-digit RptId to the Checkout host (SANP, EC touch point integration with Checkout)', () => {
    expect(buildCheckoutLink({ noticeNumber: '3123 4567 8901 2345 45', ecFiscalCode: '01199250158' })).toBe(
      'https://checkout.pagopa.it/01199250158312345678901234545',
    );
  });

  it('accepts the pagoPA test creditor and a wrong check digit', () => {
    expect(buildCheckoutLink({ noticeNumber: '302012387654312384', ecFiscalCode: '77777777777' })).toBe(
      'https://checkout.pagopa.it/77777777777302012387654312384',
    );
  });

  it.each([
    ['noticeNumber', 'ERR_PAGOPA_INVALID_NOTICE_NUMBER', { noticeNumber: '12', ecFiscalCode: '01199250158' }],
    ['ecFiscalCode', 'ERR_PAGOPA_INVALID_FISCAL_CODE', { noticeNumber: '312345678901234545', ecFiscalCode: 'x' }],
  ])('rejects a bad %s', (field, code, options) => {
    expect(() => buildCheckoutLink(options)).toThrow(expect.objectContaining({ code, field }) as Error);
  });
});
