import { describe, expect, it } from 'vitest';
import { CREDITOR, DEBTOR_CF, IBAN, instalmentsPosition, NOW, position } from '../../../test/gpd-model-fixtures.js';
import { PagoPaError } from '../../errors.js';
import type { DebtPositionInput } from '../debt-position.js';
import { debtPositionFromWire } from './debt-position-from-wire.js';
import { debtPositionToWire } from './debt-position-to-wire.js';
import { debtPositionsPageFromWire } from './debt-positions-page-from-wire.js';

const options = { organizationFiscalCode: CREDITOR, now: NOW };

/** What fromWire gives back for an input sent with toWire. */
function expected(input: DebtPositionInput, status: string) {
  return {
    ...input,
    organizationFiscalCode: CREDITOR,
    status,
    paymentOptions: input.paymentOptions.map((o) => ({
      ...o,
      nav: o.nav ?? `3${o.iuv}`,
      transfers: o.transfers.map((t) => ({
        ...t,
        category: t.category.includes('/') ? t.category : `9/${t.category}/`,
      })),
    })),
  };
}

function failure(body: unknown): PagoPaError {
  try {
    debtPositionFromWire(body, CREDITOR);
  } catch (err) {
    if (PagoPaError.isInstance(err)) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('debtPositionFromWire()', () => {
  it('reads back what debtPositionToWire sent (single and instalments)', () => {
    for (const input of [position(), instalmentsPosition()]) {
      const back = debtPositionFromWire({ ...debtPositionToWire(input, options), status: 'DRAFT' }, CREDITOR);
      expect(back).toStrictEqual(expected(input, 'DRAFT'));
    }
  });

  it('reads the get answer: no debtor, no switchToExpired, read-only members, nulls and extra members', () => {
    const body = {
      iupd: 'X-1',
      organizationFiscalCode: '77777777777',
      type: 'F',
      companyName: 'Comune',
      officeName: null,
      insertedDate: '2026-06-01T10:00:00.123Z',
      publishDate: '2026-06-01T11:00:00Z',
      validityDate: null,
      paymentDate: '2026-06-02T09:00:00',
      status: 'PAID',
      lastUpdatedDate: '2026-06-02T09:00:00Z',
      somethingNew: { nested: true },
      paymentOption: [
        {
          nav: '312345678901234545',
          iuv: '12345678901234545',
          organizationFiscalCode: '77777777777',
          amount: 15_000,
          description: 'TARI',
          isPartialPayment: false,
          dueDate: '2026-12-31T22:59:59Z',
          retentionDate: '2027-12-31T23:59:59',
          paymentDate: '2026-06-02T09:00:00+02:00',
          insertedDate: '2026-06-01T10:00:00Z',
          paymentMethod: 'CP',
          fee: 0,
          notificationFee: 200,
          pspCompany: 'Banca',
          idReceipt: 'R1',
          idFlowReporting: null,
          status: 'PO_PAID',
          paymentOptionMetadata: [],
          transfer: [
            {
              organizationFiscalCode: '77777777777',
              idTransfer: '1',
              amount: 15_000,
              remittanceInformation: 'TARI',
              category: '9/0101101IM/',
              iban: IBAN,
              postalIban: null,
              stamp: null,
              status: 'T_UNREPORTED',
              insertedDate: '2026-06-01T10:00:00Z',
              transferMetadata: [{ key: 'k', value: 'v' }],
            },
          ],
        },
      ],
    };
    expect(debtPositionFromWire(body, CREDITOR)).toStrictEqual({
      organizationFiscalCode: '77777777777',
      iupd: 'X-1',
      companyName: 'Comune',
      status: 'PAID',
      paymentDate: '2026-06-02T09:00:00+02:00',
      insertedDate: '2026-06-01T10:00:00.123Z',
      publishDate: '2026-06-01T11:00:00Z',
      lastUpdatedDate: '2026-06-02T09:00:00Z',
      paymentOptions: [
        {
          iuv: '12345678901234545',
          nav: '312345678901234545',
          amountCents: 15_000,
          description: 'TARI',
          dueDate: '2026-12-31',
          retentionDate: '2027-12-31T23:59:59+01:00',
          isPartialPayment: false,
          feeCents: 0,
          notificationFeeCents: 200,
          status: 'PO_PAID',
          paymentDate: '2026-06-02T09:00:00+02:00',
          idReceipt: 'R1',
          pspCompany: 'Banca',
          metadata: [],
          transfers: [
            {
              idTransfer: 1,
              amountCents: 15_000,
              remittanceInformation: 'TARI',
              category: '9/0101101IM/',
              organizationFiscalCode: '77777777777',
              iban: IBAN,
              metadata: [{ key: 'k', value: 'v' }],
              status: 'T_UNREPORTED',
            },
          ],
        },
      ],
    });
  });

  it('turns a due date at 23:59:59 Rome into the calendar date, keeps any other date-time', () => {
    const wire = debtPositionToWire(position(), options);
    const withDue = (dueDate: string) =>
      debtPositionFromWire(
        { ...wire, status: 'VALID', paymentOption: [{ ...wire.paymentOption[0], dueDate }] },
        CREDITOR,
      ).paymentOptions[0]?.dueDate;
    expect(withDue('2026-03-29T21:59:59Z')).toBe('2026-03-29');
    expect(withDue('2026-03-28T22:59:59Z')).toBe('2026-03-28');
    expect(withDue('2026-10-25T22:59:59Z')).toBe('2026-10-25');
    expect(withDue('2026-10-25T23:59:59+01:00')).toBe('2026-10-25');
    expect(withDue('2026-10-25T23:59:59.000+01:00')).toBe('2026-10-25');
    expect(withDue('2026-10-25T23:59:59')).toBe('2026-10-25');
    expect(withDue('2026-10-25T23:59:59Z')).toBe('2026-10-25T23:59:59Z');
    expect(withDue('2026-10-25T23:59:58+01:00')).toBe('2026-10-25T23:59:58+01:00');
  });

  it('defaults the NAV to 3 + IUV and the creditor to the given one', () => {
    const wire = debtPositionToWire(position(), options);
    const { nav: _nav, ...noNav } = wire.paymentOption[0] ?? {};
    const back = debtPositionFromWire({ ...wire, status: 'VALID', paymentOption: [noNav] }, CREDITOR);
    expect(back.paymentOptions[0]?.nav).toBe('312345678901234545');
    expect(back.organizationFiscalCode).toBe(CREDITOR);
    expect(back.debtor?.fiscalCode).toBe(DEBTOR_CF);
  });

  it('throws ERR_PAGOPA_API_UNEXPECTED_RESPONSE with the path of what it cannot read, without values', () => {
    const wire = { ...debtPositionToWire(position(), options), status: 'VALID' };
    const option0 = wire.paymentOption[0];
    const cases: [unknown, string | undefined][] = [
      [null, undefined],
      ['<html>', undefined],
      [{ ...wire, iupd: undefined }, 'iupd'],
      [{ ...wire, status: 'ARCHIVED' }, 'status'],
      [{ ...wire, paymentOption: [{ ...option0, amount: '15000' }] }, 'paymentOption.0.amount'],
      [{ ...wire, paymentOption: [{ ...option0, iuv: 1234567 }] }, 'paymentOption.0.iuv'],
      [{ ...wire, paymentOption: [{ ...option0, dueDate: '31/12/2026' }] }, 'paymentOption.0.dueDate'],
      [
        { ...wire, paymentOption: [{ ...option0, transfer: [{ ...option0?.transfer[0], idTransfer: 6 }] }] },
        'paymentOption.0.transfer.0.idTransfer',
      ],
      [
        { ...wire, paymentOption: [{ ...option0, transfer: [{ ...option0?.transfer[0], category: undefined }] }] },
        'paymentOption.0.transfer.0.category',
      ],
    ];
    for (const [body, field] of cases) {
      const err = failure(body);
      expect({ code: err.code, field: err.field }).toEqual({ code: 'ERR_PAGOPA_API_UNEXPECTED_RESPONSE', field });
      expect(err.message).not.toContain(DEBTOR_CF);
      expect(err.message).not.toContain('31/12/2026');
    }
  });
});

describe('debtPositionsPageFromWire()', () => {
  it('maps the list answer and its page_info', () => {
    const wire = debtPositionToWire(position(), options);
    const { fiscalCode: _f, fullName: _n, type: _t, switchToExpired: _s, ...base } = wire;
    const page = debtPositionsPageFromWire(
      {
        payment_position_list: [{ ...base, status: 'VALID' }],
        page_info: { page: 0, limit: 50, items_found: 1, total_pages: 1 },
      },
      CREDITOR,
    );
    const { debtor: _d, switchToExpired: _e, ...withoutDebtor } = expected(position(), 'VALID');
    expect(page).toStrictEqual({
      positions: [withoutDebtor],
      page: 0,
      limit: 50,
      itemsFound: 1,
      totalPages: 1,
    });
  });

  it('accepts an empty page and refuses a page without page_info', () => {
    const empty = { payment_position_list: [], page_info: { page: 3, limit: 10, items_found: 0, total_pages: 0 } };
    expect(debtPositionsPageFromWire(empty, CREDITOR).positions).toEqual([]);
    expect(() => debtPositionsPageFromWire({ payment_position_list: [] }, CREDITOR)).toThrow(
      expect.objectContaining({ code: 'ERR_PAGOPA_API_UNEXPECTED_RESPONSE', field: 'page_info' }),
    );
    expect(() => debtPositionsPageFromWire({ ...empty, payment_position_list: [{ iupd: 'x' }] }, CREDITOR)).toThrow(
      expect.objectContaining({ field: 'payment_position_list.0.companyName' }),
    );
  });
});
