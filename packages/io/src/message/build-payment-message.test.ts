import { describe, expect, it } from 'vitest';
import { buildPaymentMessage } from './build-payment-message.js';
import { toWireMessage } from './to-wire-message.js';

const CF = 'RSSMRA85T10A562S';
const creditor = { fiscalCode: '01234567890', name: 'Comune di Esempio' };

describe('buildPaymentMessage()', () => {
  it('builds a valid message from the flat subset, due date at the end of the day in Italy', () => {
    const message = buildPaymentMessage(
      { noticeNumber: '3020 0000 0000 0123 45', amountCents: 14250, dueDate: '2025-12-16', creditor },
      { fiscalCode: CF },
    );
    const wire = toWireMessage(message);
    expect(wire.content.payment_data).toEqual({ amount: 14250, notice_number: '302000000000012345' });
    expect(wire.content.due_date).toBe('2025-12-16T22:59:59.000Z');
    expect(wire.content.subject).toBe('Avviso di pagamento pagoPA');
    expect(wire.content.markdown).toContain('142,50 €');
    expect(wire.content.markdown).toContain('16 dicembre 2025');
    expect(wire.content.markdown).toContain('3020 0000 0000 0123 45');
    expect(wire.content.markdown).not.toContain(CF);
  });

  it('takes a @civico/pagopa notice: recipient from the debtor, subject and instalments', () => {
    const notice = {
      subject: 'TARI 2025',
      creditor,
      debtor: { fiscalCode: CF, name: 'Mario Rossi' },
      payment: {
        kind: 'instalments' as const,
        instalments: [
          { noticeNumber: '302000000000000011', amountCents: 5000, dueDate: '2025-07-31' },
          { noticeNumber: '302000000000000022', amountCents: 5000, dueDate: '2025-09-30' },
        ],
      },
    };
    const message = buildPaymentMessage(notice, { instalment: 1, includePayee: true, invalidAfterDueDate: true });
    expect(message).toMatchObject({
      fiscalCode: CF,
      subject: 'Avviso di pagamento: TARI 2025',
      payment: {
        amountCents: 5000,
        noticeNumber: '302000000000000022',
        payeeFiscalCode: '01234567890',
        invalidAfterDueDate: true,
      },
    });
    expect(message.markdown).not.toContain('Mario Rossi');
    expect(() => buildPaymentMessage(notice)).toThrow(expect.objectContaining({ field: 'instalment' }));
  });

  it('rejects amounts over IO maximum and a missing recipient', () => {
    const base = { noticeNumber: '302000000000012345', creditor };
    expect(() => buildPaymentMessage({ ...base, amountCents: 10_000_000_000 }, { fiscalCode: CF })).toThrow(
      expect.objectContaining({ code: 'ERR_IO_INVALID_MESSAGE', field: 'payment.amountCents' }),
    );
    expect(() => buildPaymentMessage({ ...base, amountCents: 100 })).toThrow(
      expect.objectContaining({ field: 'fiscalCode' }),
    );
  });

  it('throws an IoError, never a TypeError, on input that is not notice-shaped', () => {
    const option = { noticeNumber: '302000000000012345', amountCents: 100 };
    const cases: [unknown, unknown, string][] = [
      [undefined, undefined, 'notice'],
      ['302000000000012345', undefined, 'notice'],
      [{ ...option }, undefined, 'creditor'],
      [{ ...option, creditor }, 'x', 'options'],
      [{ creditor, payment: null }, undefined, 'payment'],
      [{ creditor, payment: { kind: 'instalments' } }, { instalment: 0 }, 'instalment'],
      [{ creditor, payment: { kind: 'instalments', instalments: [1, 2] } }, { instalment: 0 }, 'instalment'],
      [{ ...option, noticeNumber: 302000000000, creditor }, undefined, 'payment.noticeNumber'],
    ];
    for (const [notice, options, field] of cases) {
      const build = () => buildPaymentMessage(notice as never, options as never);
      expect(build).toThrow(expect.objectContaining({ code: 'ERR_IO_INVALID_MESSAGE', field, outcome: 'not-sent' }));
    }
    expect(buildPaymentMessage({ ...option, creditor, debtor: { fiscalCode: CF } }, null).payment?.noticeNumber).toBe(
      option.noticeNumber,
    );
  });

  it('keeps custom subject and markdown', () => {
    const markdown = 'Gentile cittadino, trovi qui il tuo avviso per la mensa scolastica del mese di settembre 2025.';
    const message = buildPaymentMessage(
      { noticeNumber: '302000000000012345', amountCents: 100, creditor },
      { fiscalCode: CF, subject: 'Mensa scolastica: settembre', markdown },
    );
    expect(message).toMatchObject({ subject: 'Mensa scolastica: settembre', markdown });
  });
});
