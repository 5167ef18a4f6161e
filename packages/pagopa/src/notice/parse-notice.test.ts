import { describe, expect, it } from 'vitest';
import { PagoPaError } from '../errors.js';
import { detectLogoFormat } from './detect-logo-format.js';
import { parseNotice } from './parse-notice.js';

const base = {
  subject: 'TARI 2025 rata unica',
  creditor: { fiscalCode: '01199250158', name: 'Comune di Test' },
  debtor: { fiscalCode: 'RSSMRA80A01H501U', name: 'Mario Rossi' },
  payment: { kind: 'single', noticeNumber: '312345678901234545', amountCents: 15000, dueDate: '2025-12-31' },
} as const;

function failure(value: unknown, options = {}): PagoPaError {
  try {
    parseNotice(value, options);
  } catch (error) {
    if (PagoPaError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected parseNotice to throw');
}

const rates = (amounts: unknown[]) => ({
  kind: 'instalments',
  instalments: amounts.map((amountCents, i) => ({
    noticeNumber: `30100000000000${String(i).padStart(2, '0')}44`,
    amountCents,
    dueDate: '2025-06-30',
  })),
});

describe('parseNotice()', () => {
  it('normalises spaces in the notice number, fiscal code case and the postal account', () => {
    const notice = parseNotice({
      ...base,
      creditor: { ...base.creditor, postal: { account: '123456' }, cbill: 'a0edt' },
      debtor: { ...base.debtor, fiscalCode: 'rssmra80a01h501u' },
      payment: { ...base.payment, noticeNumber: '3123 4567 8901 2345 45' },
    });
    expect(notice.payment).toMatchObject({ noticeNumber: '312345678901234545' });
    expect(notice.debtor.fiscalCode).toBe('RSSMRA80A01H501U');
    expect(notice.creditor.postal?.account).toBe('000000123456');
    expect(notice.creditor.cbill).toBe('A0EDT');
  });

  it.each([
    [1.5, 'payment.amountCents'],
    [0, 'payment.amountCents'],
    [-100, 'payment.amountCents'],
    [100_000_000_000, 'payment.amountCents'],
    [Number.NaN, 'payment.amountCents'],
    ['15000', 'payment.amountCents'],
  ])('rejects the amount %s with ERR_PAGOPA_INVALID_AMOUNT', (amountCents, field) => {
    const error = failure({ ...base, payment: { ...base.payment, amountCents } });
    expect(error.code).toBe('ERR_PAGOPA_INVALID_AMOUNT');
    expect(error.field).toBe(field);
  });

  it('limits amounts to 99.999.999,99 € when a Poste slip carries them', () => {
    const postal = { ...base.creditor, postal: { account: '123456' } };
    const big = { ...base.payment, amountCents: 10_000_000_000 };
    expect(failure({ ...base, creditor: postal, payment: big })).toMatchObject({
      code: 'ERR_PAGOPA_INVALID_AMOUNT',
      field: 'payment.amountCents',
    });
    expect(parseNotice({ ...base, payment: big }).payment).toMatchObject({ amountCents: 10_000_000_000 });
  });

  it('names the instalment in the field path', () => {
    const error = failure({ ...base, payment: rates([1000, 12.5]) });
    expect(error).toMatchObject({ code: 'ERR_PAGOPA_INVALID_AMOUNT', field: 'payment.instalments.1.amountCents' });
  });

  it('rejects instalments adding up to more than the maximum', () => {
    const error = failure({ ...base, payment: rates([99_999_999_999, 1]) });
    expect(error).toMatchObject({ code: 'ERR_PAGOPA_INVALID_AMOUNT', field: 'payment.instalments' });
  });

  it('rejects a single instalment and repeated notice numbers', () => {
    expect(failure({ ...base, payment: rates([1000]) }).field).toBe('payment.instalments');
    const repeated = rates([1000, 2000]);
    const [first] = repeated.instalments;
    const error = failure({ ...base, payment: { ...repeated, instalments: [first, first] } });
    expect(error).toMatchObject({
      code: 'ERR_PAGOPA_INVALID_NOTICE_NUMBER',
      field: 'payment.instalments.1.noticeNumber',
    });
  });

  it.each(['31234567890123454', '412345678901234545', '31234567890123454a', ''])(
    'rejects the notice number %j',
    (noticeNumber) => {
      const error = failure({ ...base, payment: { ...base.payment, noticeNumber } });
      expect(error).toMatchObject({ code: 'ERR_PAGOPA_INVALID_NOTICE_NUMBER', field: 'payment.noticeNumber' });
    },
  );

  it('rejects bad fiscal codes, postal accounts, dates and logos with their own codes', () => {
    expect(failure({ ...base, creditor: { ...base.creditor, fiscalCode: '0119925015' } })).toMatchObject({
      code: 'ERR_PAGOPA_INVALID_FISCAL_CODE',
      field: 'creditor.fiscalCode',
    });
    expect(failure({ ...base, debtor: { ...base.debtor, fiscalCode: 'RSSMRA80A01H501X' } })).toMatchObject({
      code: 'ERR_PAGOPA_INVALID_FISCAL_CODE',
      field: 'debtor.fiscalCode',
    });
    expect(failure({ ...base, creditor: { ...base.creditor, postal: { account: '12-34' } } })).toMatchObject({
      code: 'ERR_PAGOPA_INVALID_POSTAL_ACCOUNT',
      field: 'creditor.postal.account',
    });
    expect(failure({ ...base, payment: { ...base.payment, dueDate: '2025-02-30' } })).toMatchObject({
      code: 'ERR_PAGOPA_INVALID_DATE',
      field: 'payment.dueDate',
    });
    expect(failure({ ...base, creditor: { ...base.creditor, logo: new Uint8Array([1, 2, 3]) } })).toMatchObject({
      code: 'ERR_PAGOPA_INVALID_LOGO',
      field: 'creditor.logo',
    });
  });

  it('rejects over-long texts with ERR_PAGOPA_TEXT_TOO_LONG, or shortens them with truncate', () => {
    const long = { ...base, subject: 'x'.repeat(91), debtor: { ...base.debtor, name: 'y'.repeat(71) } };
    expect(failure(long)).toMatchObject({ code: 'ERR_PAGOPA_TEXT_TOO_LONG', field: 'subject' });
    const notice = parseNotice(long, { truncate: true });
    expect(Array.from(notice.subject)).toHaveLength(90);
    expect(notice.subject.endsWith('…')).toBe(true);
    expect(Array.from(notice.debtor.name)).toHaveLength(70);
  });

  it('reads null options as no options (no truncation) instead of throwing a TypeError', () => {
    const noOptions = null as unknown as undefined;
    expect(parseNotice(base, noOptions).subject).toBe(base.subject);
    expect(failure({ ...base, subject: 'x'.repeat(91) }, noOptions)).toMatchObject({
      code: 'ERR_PAGOPA_TEXT_TOO_LONG',
    });
  });

  it('rejects unknown fields and never echoes values in messages', () => {
    expect(failure({ ...base, debtor: { ...base.debtor, extra: 1 } }).code).toBe('ERR_PAGOPA_INVALID_NOTICE');
    const error = failure({ ...base, debtor: { ...base.debtor, fiscalCode: 'RSSMRA80A01H501X' } });
    expect(error.message).not.toContain('RSSMRA80A01H501X');
    expect(error.message).not.toContain('Mario');
  });
});

describe('detectLogoFormat()', () => {
  it('recognises PNG, JPEG and SVG by their first bytes', () => {
    expect(detectLogoFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(detectLogoFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(detectLogoFormat(new TextEncoder().encode('<?xml version="1.0"?>\n<svg viewBox="0 0 1 1"/>'))).toBe('svg');
    expect(detectLogoFormat(new TextEncoder().encode('GIF89a'))).toBeUndefined();
  });
});

describe('parseNotice() look-alike letters', () => {
  it('refuses a province or CBILL code whose letters only Unicode upper-casing would make valid', () => {
    const address = { street: 'Via Roma', postalCode: '00100', city: 'Roma' };
    expect(failure({ ...base, debtor: { ...base.debtor, address: { ...address, province: 'm\u0131' } } }).field).toBe(
      'debtor.address.province',
    );
    expect(failure({ ...base, creditor: { ...base.creditor, cbill: 'AB\u017f1' } }).field).toBe('creditor.cbill');
    expect(
      parseNotice({ ...base, debtor: { ...base.debtor, address: { ...address, province: 'rm' } } }).debtor.address,
    ).toMatchObject({ province: 'RM' });
  });
});
