import type { Notice } from '@civico/pagopa';
import { describe, expectTypeOf, it } from 'vitest';
import { buildPaymentMessage, type PaymentNoticeLike } from './build-payment-message.js';

describe('buildPaymentMessage()', () => {
  it('accepts a @civico/pagopa Notice and the flat subset', () => {
    expectTypeOf<Notice>().toExtend<PaymentNoticeLike>();
    expectTypeOf(buildPaymentMessage).toBeCallableWith(
      { noticeNumber: '302000000000012345', amountCents: 100, creditor: { fiscalCode: '01234567890' } },
      { fiscalCode: 'RSSMRA85T10A562S' },
    );
    // @ts-expect-error the amount must be a number of cents
    buildPaymentMessage({ noticeNumber: '302000000000012345', amountCents: '1,00', creditor: { fiscalCode: '0' } });
  });
});
