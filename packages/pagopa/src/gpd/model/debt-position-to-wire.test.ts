import { describe, expect, it } from 'vitest';
import {
  CREDITOR,
  IBAN,
  instalmentsPosition,
  NOW,
  option,
  position,
  transfer,
} from '../../../test/gpd-model-fixtures.js';
import { PagoPaError } from '../../errors.js';
import { debtPositionToWire } from './debt-position-to-wire.js';
import { GpdPositionWireSchema } from './gpd-wire.js';

const options = { organizationFiscalCode: CREDITOR, now: NOW };
const stamp = { hashDocument: 'q2FmZ2VzdGhpc2lzYWhhc2g=', stampType: '01' as const, provincialResidence: 'MI' };

describe('debtPositionToWire()', () => {
  it('maps civico names to the GPD v1 body', () => {
    const wire = debtPositionToWire(instalmentsPosition(), options);
    expect(wire).toMatchObject({
      iupd: `${CREDITOR}-0001`,
      type: 'F',
      fiscalCode: 'RSSMRA80A01H501U',
      fullName: 'Mario Rossi',
      switchToExpired: false,
      companyName: 'Comune di Milano',
    });
    expect(wire.paymentOption[0]).toMatchObject({
      nav: '312345678901234545',
      iuv: '12345678901234545',
      amount: 30_000,
      dueDate: '2026-12-31T23:59:59+01:00',
      isPartialPayment: false,
    });
    expect(wire.paymentOption[1]?.dueDate).toBe('2026-07-31T23:59:59+02:00');
    expect(wire.paymentOption[0]?.transfer[1]).toStrictEqual({
      idTransfer: '2',
      amount: 1_000,
      remittanceInformation: 'TARI 2026',
      category: '9/0101100IM/',
      iban: IBAN,
      organizationFiscalCode: '00085240950',
    });
  });

  it('flattens the debtor, maps metadata, fee, stamp and keeps date-times as given', () => {
    const wire = debtPositionToWire(
      position({
        debtor: {
          type: 'G',
          fiscalCode: '00085240950',
          fullName: 'ACME S.p.A.',
          streetName: 'Via Roma',
          civicNumber: '1',
          postalCode: '20100',
          city: 'Milano',
          province: 'MI',
          region: 'Lombardia',
          country: 'IT',
          email: 'acme@example.com',
          phone: '+39021234567',
        },
        officeName: 'Ufficio tributi',
        validityDate: '2026-07-01T00:00:00+02:00',
        payStandIn: false,
        paymentOptions: [
          option({
            amountCents: 15_016,
            dueDate: '2026-09-30T12:00:00Z',
            retentionDate: '2027-09-30T12:00:00Z',
            feeCents: 100,
            metadata: [{ key: 'anno', value: '2026' }],
            transfers: [
              transfer({ metadata: [{ key: 'capitolo', value: '123' }], companyName: 'Comune', postalIban: IBAN }),
              transfer({ idTransfer: 2, amountCents: 16, iban: undefined, stamp }),
            ],
          }),
        ],
      }),
      options,
    );
    expect(wire).toStrictEqual({
      iupd: `${CREDITOR}-0001`,
      type: 'G',
      payStandIn: false,
      fiscalCode: '00085240950',
      fullName: 'ACME S.p.A.',
      streetName: 'Via Roma',
      civicNumber: '1',
      postalCode: '20100',
      city: 'Milano',
      province: 'MI',
      region: 'Lombardia',
      country: 'IT',
      email: 'acme@example.com',
      phone: '+39021234567',
      switchToExpired: false,
      companyName: 'Comune di Milano',
      officeName: 'Ufficio tributi',
      validityDate: '2026-07-01T00:00:00+02:00',
      paymentOption: [
        {
          nav: '312345678901234545',
          iuv: '12345678901234545',
          amount: 15_016,
          description: 'TARI 2026',
          isPartialPayment: false,
          dueDate: '2026-09-30T12:00:00Z',
          retentionDate: '2027-09-30T12:00:00Z',
          fee: 100,
          paymentOptionMetadata: [{ key: 'anno', value: '2026' }],
          transfer: [
            {
              idTransfer: '1',
              amount: 15_000,
              remittanceInformation: 'TARI 2026',
              category: '9/0101101IM/',
              iban: IBAN,
              postalIban: IBAN,
              companyName: 'Comune',
              transferMetadata: [{ key: 'capitolo', value: '123' }],
            },
            { idTransfer: '2', amount: 16, remittanceInformation: 'TARI 2026', category: '9/0101101IM/', stamp },
          ],
        },
      ],
    });
  });

  it('produces bodies that GpdPositionWireSchema accepts, with no undefined members', () => {
    for (const input of [position(), instalmentsPosition()]) {
      const wire = debtPositionToWire(input, options);
      expect(GpdPositionWireSchema.safeParse(wire).success).toBe(true);
      expect(JSON.parse(JSON.stringify(wire))).toStrictEqual(wire);
    }
  });

  it('validates first: an invalid position throws with rule and field', () => {
    const bad = position({ paymentOptions: [option({ amountCents: 1 })] });
    expect(() => debtPositionToWire(bad, options)).toThrow(
      expect.objectContaining({
        code: 'ERR_PAGOPA_INVALID_DEBT_POSITION',
        rule: 'transfer-sum',
        field: 'paymentOptions.0.amountCents',
      }),
    );
    expect(() => debtPositionToWire(position(), { organizationFiscalCode: 'x' })).toThrow(PagoPaError);
  });
});

describe('GpdPositionWireSchema', () => {
  const body = () => debtPositionToWire(position(), options);

  it('refuses what gpd.json refuses: date-time without offset, missing fields, amounts as strings, long texts', () => {
    const option0 = body().paymentOption[0];
    const bad: unknown[] = [
      { ...body(), paymentOption: [{ ...option0, dueDate: '2026-12-31T23:59:59' }] },
      { ...body(), fiscalCode: undefined },
      { ...body(), type: 'X' },
      { ...body(), paymentOption: [{ ...option0, amount: '15000' }] },
      { ...body(), paymentOption: [{ ...option0, amount: 0 }] },
      { ...body(), companyName: 'x'.repeat(141) },
      { ...body(), paymentOption: [{ ...option0, transfer: [{ ...option0?.transfer[0], idTransfer: '6' }] }] },
      { ...body(), paymentOption: [{ ...option0, transfer: [{ ...option0?.transfer[0], iban: 'IT60 X054' }] }] },
    ];
    for (const b of bad) expect(GpdPositionWireSchema.safeParse(b).success).toBe(false);
  });

  it('drops unknown and read-only members', () => {
    const parsed = GpdPositionWireSchema.parse({ ...body(), status: 'VALID', extra: 1 });
    expect(parsed).not.toHaveProperty('status');
    expect(parsed).not.toHaveProperty('extra');
  });
});
