import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IoError } from '../errors.js';
import { MessageInputSchema } from './message-input.js';
import { isValidMessage, parseMessage } from './parse-message.js';
import { toWireMessage } from './to-wire-message.js';

const CF = 'RSSMRA85T10A562S';
const valid = {
  fiscalCode: CF,
  subject: 'Carta di identità in scadenza',
  markdown: 'La tua carta di identità scade tra 30 giorni. Prenota un appuntamento presso gli uffici comunali.',
};
const fieldOf = (value: unknown) => {
  try {
    parseMessage(value);
    return 'accepted';
  } catch (err) {
    return IoError.isInstance(err) ? `${err.code}:${err.field}` : 'other';
  }
};

describe('parseMessage()', () => {
  it('accepts a minimal message and maps it to the wire format', () => {
    expect(toWireMessage(parseMessage(valid))).toEqual({
      fiscal_code: CF,
      content: { subject: valid.subject, markdown: valid.markdown },
    });
  });

  it('maps every optional field, due date in UTC', () => {
    const message = parseMessage({
      ...valid,
      dueDate: new Date('2025-12-16T22:59:59Z'),
      featureLevel: 'ADVANCED',
      requireSecureChannels: true,
      payment: {
        amountCents: 14250,
        noticeNumber: '302000000000012345',
        invalidAfterDueDate: true,
        payeeFiscalCode: '01234567890',
      },
    });
    expect(toWireMessage(message)).toEqual({
      fiscal_code: CF,
      feature_level_type: 'ADVANCED',
      content: {
        subject: valid.subject,
        markdown: valid.markdown,
        due_date: '2025-12-16T22:59:59.000Z',
        require_secure_channels: true,
        payment_data: {
          amount: 14250,
          notice_number: '302000000000012345',
          invalid_after_due_date: true,
          payee: { fiscal_code: '01234567890' },
        },
      },
    });
  });

  it('rejects each invalid field, naming it and not echoing it', () => {
    expect(fieldOf({ ...valid, fiscalCode: 'RSSMRA85T10A562T' })).toBe('ERR_IO_INVALID_MESSAGE:fiscalCode');
    expect(fieldOf({ ...valid, fiscalCode: CF.toLowerCase() })).toBe('ERR_IO_INVALID_MESSAGE:fiscalCode');
    expect(fieldOf({ ...valid, fiscalCode: 'AAAAAA00A00A000A' })).toBe('accepted'); // IO's test recipient
    expect(fieldOf({ ...valid, subject: 'a'.repeat(9) })).toBe('ERR_IO_INVALID_MESSAGE:subject');
    expect(fieldOf({ ...valid, subject: 'a'.repeat(121) })).toBe('ERR_IO_INVALID_MESSAGE:subject');
    expect(fieldOf({ ...valid, subject: `Avviso per ${CF.toLowerCase()}` })).toBe('ERR_IO_INVALID_MESSAGE:subject');
    expect(fieldOf({ ...valid, markdown: 'a'.repeat(79) })).toBe('ERR_IO_INVALID_MESSAGE:markdown');
    expect(fieldOf({ ...valid, markdown: 'a'.repeat(10_001) })).toBe('ERR_IO_INVALID_MESSAGE:markdown');
    expect(fieldOf({ ...valid, dueDate: '2025-12-16T23:59:59+01:00' })).toBe('ERR_IO_INVALID_MESSAGE:dueDate');
    expect(fieldOf({ ...valid, dueDate: '2025-02-30T10:00:00Z' })).toBe('ERR_IO_INVALID_MESSAGE:dueDate');
    expect(fieldOf({ ...valid, dueDate: '2025-12-16T22:59:59Z' })).toBe('accepted');
    expect(fieldOf({ ...valid, featureLevel: 'BOGUS' })).toBe('ERR_IO_INVALID_MESSAGE:featureLevel');
    expect(fieldOf({ ...valid, due_data: '2025-12-16T22:59:59Z' })).toBe('ERR_IO_INVALID_MESSAGE:undefined');
    const payment = { amountCents: 100, noticeNumber: '302000000000012345' };
    expect(fieldOf({ ...valid, payment: { ...payment, amountCents: 19.99 } })).toBe(
      'ERR_IO_INVALID_MESSAGE:payment.amountCents',
    );
    expect(fieldOf({ ...valid, payment: { ...payment, amountCents: 0 } })).toBe(
      'ERR_IO_INVALID_MESSAGE:payment.amountCents',
    );
    expect(fieldOf({ ...valid, payment: { ...payment, noticeNumber: '402000000000012345' } })).toBe(
      'ERR_IO_INVALID_MESSAGE:payment.noticeNumber',
    );
    expect(fieldOf({ ...valid, payment: { ...payment, invalidAfterDueDate: true } })).toBe(
      'ERR_IO_INVALID_MESSAGE:payment.invalidAfterDueDate',
    );
  });

  it('rejects a markdown whose CTA the app would hide', () => {
    const markdown = `---\nit:\n  cta_1:\n    text: "Chiama"\n    action: "tel:+39010"\n---\n${valid.markdown}`;
    expect(fieldOf({ ...valid, markdown })).toBe('ERR_IO_INVALID_MESSAGE:markdown');
  });

  it('never puts the fiscal code in the error message', () => {
    const err = (() => {
      try {
        parseMessage({ ...valid, fiscalCode: 'RSSMRA85T10A562T' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(IoError.isInstance(err)).toBe(true);
    expect(String(err)).not.toContain('RSSMRA85T10A562T');
    expect(JSON.stringify(err)).not.toContain('RSSMRA85T10A562T');
  });

  it('is total and agrees with isValidMessage and the schema on arbitrary input', () => {
    const near = fc.record(
      {
        fiscalCode: fc.oneof(fc.constant(CF), fc.string()),
        subject: fc.string({ maxLength: 130 }),
        markdown: fc.oneof(fc.constant(valid.markdown), fc.string({ maxLength: 200 })),
        dueDate: fc.oneof(fc.date(), fc.string()),
        payment: fc.record({ amountCents: fc.oneof(fc.integer(), fc.double()), noticeNumber: fc.string() }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), near), (value) => {
        const ok = isValidMessage(value);
        expect(MessageInputSchema.safeParse(value).success).toBe(ok);
        expect(fieldOf(value) === 'accepted').toBe(ok);
      }),
      { numRuns: 300 },
    );
  });
});
