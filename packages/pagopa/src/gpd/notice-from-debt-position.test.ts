import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pdfText, pdfToolsAvailable, writePdf } from '../../test/pdf-tools.js';
import { PagoPaError } from '../errors.js';
import { parseNotice } from '../notice/parse-notice.js';
import { renderNotice } from '../render/render-notice.js';
import type { DebtPosition, DebtPositionInput, PaymentOption } from './debt-position.js';
import { noticeFromDebtPosition } from './notice-from-debt-position.js';

const creditor = { fiscalCode: '01199250158', name: 'Comune di Test' };

const option = (iuv: string, extra: Partial<PaymentOption> = {}): PaymentOption => ({
  iuv,
  amountCents: 15000,
  description: 'TARI 2025 rata unica',
  dueDate: '2026-12-31',
  isPartialPayment: false,
  transfers: [
    {
      idTransfer: 1,
      amountCents: extra.amountCents ?? 15000,
      remittanceInformation: 'TARI 2025',
      category: '9/0101101IM/',
      iban: 'IT60X0542811101000000123456',
    },
  ],
  ...extra,
});

const single: DebtPositionInput = {
  iupd: '01199250158-0001',
  companyName: 'Comune di Test',
  switchToExpired: false,
  debtor: {
    type: 'F',
    fiscalCode: 'RSSMRA80A01H501U',
    fullName: 'Mario Rossi',
    streetName: 'Via Nazionale',
    civicNumber: '1',
    postalCode: '00100',
    city: 'Roma',
    province: 'RM',
    country: 'IT',
  },
  paymentOptions: [option('12345678901234545')],
};

const planned: DebtPositionInput = {
  ...single,
  paymentOptions: [
    option('00000000000000104', { isPartialPayment: true, amountCents: 7000, dueDate: '2026-12-31T22:59:59Z' }),
    option('01000000000000144', { isPartialPayment: true, amountCents: 8000, dueDate: '2026-06-30' }),
    option('12345678901234545', { description: 'TARI 2026' }),
  ],
};

function failure(run: () => unknown): PagoPaError {
  try {
    run();
  } catch (error) {
    if (PagoPaError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a PagoPaError');
}

describe('noticeFromDebtPosition()', () => {
  it('maps a one-option position to a single notice with NAV 3+IUV that parseNotice accepts', () => {
    const notice = noticeFromDebtPosition(single, creditor);
    expect(notice).toEqual(parseNotice(notice));
    expect(notice.subject).toBe('TARI 2025 rata unica');
    expect(notice.payment).toEqual({
      kind: 'single',
      noticeNumber: '312345678901234545',
      amountCents: 15000,
      dueDate: '2026-12-31',
    });
    expect(notice.debtor).toEqual({
      fiscalCode: 'RSSMRA80A01H501U',
      name: 'Mario Rossi',
      address: { street: 'Via Nazionale', buildingNumber: '1', postalCode: '00100', city: 'Roma', province: 'RM' },
    });
  });

  it('renders to a PDF whose text shows the NAV grouped by 4 and the amount', async () => {
    if (!pdfToolsAvailable()) {
      expect(true).toBe(true);
      return;
    }
    const pdf = writePdf(await renderNotice(noticeFromDebtPosition(single, creditor)));
    try {
      const text = pdfText(pdf);
      expect(text).toContain('3123 4567 8901 2345 45');
      expect(text).toContain('150,00');
    } finally {
      pdf.dispose();
    }
  });

  it('renders an instalment plan with every NAV', async () => {
    if (!pdfToolsAvailable()) {
      expect(true).toBe(true);
      return;
    }
    const pdf = writePdf(await renderNotice(noticeFromDebtPosition(planned, creditor)));
    try {
      const text = pdfText(pdf);
      for (const nav of ['3000 0000 0000 0001 04', '3010 0000 0000 0001 44', '3123 4567 8901 2345 45']) {
        expect(text).toContain(nav);
      }
    } finally {
      pdf.dispose();
    }
  });

  it('maps instalments in due-date order with the full option as singleOption, dates in Rome', () => {
    const notice = noticeFromDebtPosition(planned, creditor);
    expect(notice.subject).toBe('TARI 2026');
    expect(notice.payment).toEqual({
      kind: 'instalments',
      instalments: [
        { noticeNumber: '301000000000000144', amountCents: 8000, dueDate: '2026-06-30' },
        // 22:59:59Z on 31 December is 23:59:59 in Rome (CET, +01:00).
        { noticeNumber: '300000000000000104', amountCents: 7000, dueDate: '2026-12-31' },
      ],
      singleOption: { noticeNumber: '312345678901234545', amountCents: 15000, dueDate: '2026-12-31' },
    });
  });

  it('converts a date-time past midnight in Rome to the next day (summer offset too)', () => {
    const late = { ...single, paymentOptions: [option('12345678901234545', { dueDate: '2026-07-31T22:30:00Z' })] };
    expect(noticeFromDebtPosition(late, creditor).payment).toMatchObject({ dueDate: '2026-08-01' });
    const offset = {
      ...single,
      paymentOptions: [option('12345678901234545', { dueDate: '2026-03-29T23:59:59+02:00' })],
    };
    expect(noticeFromDebtPosition(offset, creditor).payment).toMatchObject({ dueDate: '2026-03-29' });
  });

  it('keeps a given nav and a stored position whose creditor matches', () => {
    const stored: DebtPosition = {
      ...single,
      organizationFiscalCode: '01199250158',
      status: 'VALID',
      paymentOptions: [{ ...option('12345678901234545'), nav: '312345678901234545', status: 'PO_UNPAID' }],
    };
    expect(noticeFromDebtPosition(stored, creditor).payment).toMatchObject({ noticeNumber: '312345678901234545' });
  });

  it('refuses a creditor other than the position organization', () => {
    const stored: DebtPosition = {
      ...single,
      organizationFiscalCode: '77777777777',
      status: 'VALID',
      paymentOptions: [{ ...option('12345678901234545'), nav: '312345678901234545' }],
    };
    const error = failure(() => noticeFromDebtPosition(stored, creditor));
    expect(error.code).toBe('ERR_PAGOPA_INVALID_FISCAL_CODE');
    expect(error.rule).toBe('creditor-mismatch');
    expect(error.field).toBe('creditor.fiscalCode');
  });

  it('refuses a default subject over 90 characters, unless options.subject is given', () => {
    const long = { ...single, paymentOptions: [option('12345678901234545', { description: 'x'.repeat(91) })] };
    const error = failure(() => noticeFromDebtPosition(long, creditor));
    expect(error.code).toBe('ERR_PAGOPA_TEXT_TOO_LONG');
    expect(error.field).toBe('paymentOptions.0.description');
    expect(error.message).not.toContain('xxx');
    expect(noticeFromDebtPosition(long, creditor, { subject: 'TARI 2025' }).subject).toBe('TARI 2025');
  });

  it('requires options.subject when no option pays the whole amount', () => {
    const onlyRates = { ...planned, paymentOptions: planned.paymentOptions.slice(0, 2) };
    expect(failure(() => noticeFromDebtPosition(onlyRates, creditor)).field).toBe('subject');
    const notice = noticeFromDebtPosition(onlyRates, creditor, { subject: 'TARI 2026 in due rate' });
    expect(notice.payment).toMatchObject({ kind: 'instalments', singleOption: undefined });
  });

  it('refuses two full-payment options and a lone instalment beside the full option', () => {
    const twoFull = { ...single, paymentOptions: [option('12345678901234545'), option('01000000000000144')] };
    expect(failure(() => noticeFromDebtPosition(twoFull, creditor))).toMatchObject({
      code: 'ERR_PAGOPA_INVALID_DEBT_POSITION',
      rule: 'instalments',
    });
    const lone = {
      ...single,
      paymentOptions: [option('12345678901234545'), planned.paymentOptions[0] as PaymentOption],
    };
    expect(failure(() => noticeFromDebtPosition(lone, creditor)).rule).toBe('instalments');
  });

  it('refuses a position without debtor (a list answer) or without options', () => {
    const { debtor: _, ...rest } = single;
    expect(failure(() => noticeFromDebtPosition(rest as DebtPositionInput, creditor))).toMatchObject({
      code: 'ERR_PAGOPA_INVALID_DEBT_POSITION',
      field: 'debtor',
    });
    expect(failure(() => noticeFromDebtPosition({ ...single, paymentOptions: [] }, creditor)).field).toBe(
      'paymentOptions',
    );
  });

  it('prints a foreign postal code and country with the city', () => {
    const foreign = {
      ...single,
      debtor: { ...single.debtor, postalCode: 'SW1A 1AA', city: 'London', province: undefined, country: 'GB' },
    };
    expect(noticeFromDebtPosition(foreign, creditor).debtor.address).toEqual({
      street: 'Via Nazionale',
      buildingNumber: '1',
      city: 'SW1A 1AA London GB',
    });
  });

  it('refuses an unparsable due date with a typed error', () => {
    const bad = { ...single, paymentOptions: [option('12345678901234545', { dueDate: '2026-12-31T23:59:59' })] };
    expect(failure(() => noticeFromDebtPosition(bad, creditor))).toMatchObject({
      code: 'ERR_PAGOPA_INVALID_DATE',
      field: 'paymentOptions.0.dueDate',
    });
  });

  it('turns a throwing getter into a typed error', () => {
    const hostile = Object.defineProperty({ ...single }, 'paymentOptions', {
      get() {
        throw new Error('boom');
      },
    });
    expect(failure(() => noticeFromDebtPosition(hostile, creditor)).code).toBe('ERR_PAGOPA_INVALID_DEBT_POSITION');
  });
});

describe('noticeFromDebtPosition() on hostile input', () => {
  it('throws only PagoPaError on arbitrary positions, creditors and options (fixed seed)', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (position, creditor, options) => {
        try {
          noticeFromDebtPosition(position as DebtPositionInput, creditor as never, options as never);
        } catch (error) {
          expect(PagoPaError.isInstance(error)).toBe(true);
        }
      }),
      { seed: 1103, numRuns: 300 },
    );
  });

  it('throws only PagoPaError when one field of a valid position is replaced (fixed seed)', () => {
    const keys = ['debtor', 'paymentOptions', 'iupd', 'organizationFiscalCode'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.anything(), (key, value) => {
        try {
          noticeFromDebtPosition({ ...planned, [key]: value } as DebtPositionInput, creditor);
        } catch (error) {
          expect(PagoPaError.isInstance(error)).toBe(true);
        }
      }),
      { seed: 1104, numRuns: 300 },
    );
  });
});

describe('noticeFromDebtPosition() payment options that cannot be read (hostile harness regressions)', () => {
  const failure = (position: unknown) => {
    try {
      noticeFromDebtPosition(position as DebtPositionInput, creditor);
    } catch (e) {
      return PagoPaError.isInstance(e) ? [e.code, e.field, e.rule] : e;
    }
    return undefined;
  };

  it('a getter that throws on paymentOptions[i] is a typed shape error (was the getter error, from Array.from)', () => {
    const options = [option('12345678901234545')];
    Object.defineProperty(options, 0, {
      get() {
        throw new Error('caller getter');
      },
    });
    expect(failure({ ...single, paymentOptions: options })).toEqual([
      'ERR_PAGOPA_INVALID_DEBT_POSITION',
      'paymentOptions.0',
      'shape',
    ]);
  });

  it('a Proxy array whose length trap throws, and more than 100 options (a huge sparse array), are refused', () => {
    const proxy = new Proxy([option('12345678901234545')], {
      get() {
        throw new Error('caller proxy');
      },
    });
    expect(failure({ ...single, paymentOptions: proxy })).toEqual([
      'ERR_PAGOPA_INVALID_DEBT_POSITION',
      'paymentOptions',
      'shape',
    ]);
    expect(failure({ ...single, paymentOptions: new Array(1e9) })).toEqual([
      'ERR_PAGOPA_INVALID_DEBT_POSITION',
      'paymentOptions',
      'shape',
    ]);
  });
});

describe('noticeFromDebtPosition() megabyte codes (hostile harness regression)', () => {
  it('a 2 MB creditor cbill is refused by its length, not after upper-casing it (was ~400 ms)', () => {
    const cbill = 'a,"\n'.repeat(500_000);
    const start = performance.now();
    let error: unknown;
    try {
      noticeFromDebtPosition(single, { ...creditor, cbill });
    } catch (e) {
      error = e;
    }
    expect(PagoPaError.isInstance(error) && [error.code, error.field]).toEqual([
      'ERR_PAGOPA_INVALID_NOTICE',
      'creditor.cbill',
    ]);
    expect(performance.now() - start).toBeLessThan(100);
  });
});
