import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGpdSandbox, type GpdSandbox } from '../src/sandbox/index.js';
import { gpd, IBAN, iuvOf, ORG, wirePosition } from './sandbox-fixtures.js';

let sandbox: GpdSandbox;
beforeAll(async () => {
  sandbox = await createGpdSandbox({ now: () => new Date('2026-01-15T10:00:00Z') });
});
afterAll(() => sandbox.close());

type Body = Record<string, unknown>;
const option = (b: Body): Body => (b.paymentOption as Body[])[0] as Body;
const transfers = (b: Body): Body[] => option(b).transfer as Body[];

let n = 100;
/** A valid body changed by `change`. */
function variant(change: (b: Body) => void): Body {
  n++;
  const b = structuredClone(wirePosition(`V-${n}`, iuvOf(n)));
  change(b);
  return b;
}

const stamp = { hashDocument: 'aGFzaA==', stampType: '01', provincialResidence: 'RM' };

describe('server-side validation (the platform rules, independent of the client)', () => {
  const cases: [string, (b: Body) => void, RegExp][] = [
    ['missing fiscalCode', (b) => delete b.fiscalCode, /fiscalCode/],
    ['amount as a string', (b) => (option(b).amount = '100'), /amount/],
    ['amount zero', (b) => (option(b).amount = 0), /amount/],
    ['transfers not summing to the amount', (b) => (option(b).amount = 10_001), /Amounts congruence/],
    [
      'six transfers',
      (b) => (option(b).transfer = [1, 2, 3, 4, 5, 6].map((i) => ({ ...transfers(b)[0], idTransfer: String(i) }))),
      /transfer/,
    ],
    ['no transfer', (b) => (option(b).transfer = []), /1 to 5/],
    ['repeated idTransfer', (b) => ((transfers(b)[1] as Body).idTransfer = '1'), /repeated idTransfer/],
    ['idTransfer 6', (b) => ((transfers(b)[1] as Body).idTransfer = '6'), /idTransfer/],
    ['neither iban nor stamp', (b) => delete (transfers(b)[0] as Body).iban, /iban or a stamp/],
    ['iban and stamp', (b) => ((transfers(b)[0] as Body).stamp = stamp), /iban or a stamp/],
    [
      'stamp and postalIban',
      (b) => Object.assign(transfers(b)[0] as Body, { iban: undefined, stamp, postalIban: IBAN }),
      /postalIban/,
    ],
    [
      'incomplete stamp',
      (b) => Object.assign(transfers(b)[0] as Body, { iban: undefined, stamp: { stampType: '01' } }),
      /stamp/,
    ],
    ['iban with a space', (b) => ((transfers(b)[0] as Body).iban = 'IT60 X054'), /iban/],
    ['bad taxonomy', (b) => ((transfers(b)[0] as Body).category = '9/0101101XX/'), /taxonomy/],
    ['due date without offset', (b) => (option(b).dueDate = '2030-03-31T23:59:59'), /dueDate/],
    ['due date not a date', (b) => (option(b).dueDate = '2030-02-31T23:59:59Z'), /dueDate/],
    ['validity date in the past', (b) => (b.validityDate = '2026-01-01T00:00:00Z'), /validity date/],
    ['due date before validity', (b) => Object.assign(b, { validityDate: '2031-01-01T00:00:00Z' }), /dueDate/],
    ['due date in the past', (b) => (option(b).dueDate = '2026-01-01T00:00:00+01:00'), /dueDate/],
    ['retention before due', (b) => (option(b).retentionDate = '2030-01-01T00:00:00Z'), /retentionDate/],
    ['IUV not 17 digits', (b) => (option(b).iuv = '123'), /iuv/],
    ['NAV not 18 digits', (b) => (option(b).nav = '1234'), /nav/],
    [
      'two full options',
      (b) => (b.paymentOption = [option(b), { ...option(b), iuv: iuvOf(9999) }]),
      /isPartialPayment/,
    ],
    ['no option', (b) => (b.paymentOption = []), /at least one/],
    ['type X', (b) => (b.type = 'X'), /type/],
    ['debtor code not a fiscal code', (b) => (b.fiscalCode = 'ABC'), /fiscalCode/],
    ['companyName over 140', (b) => (b.companyName = 'x'.repeat(141)), /companyName/],
    [
      '11 metadata',
      (b) => (option(b).paymentOptionMetadata = Array.from({ length: 11 }, () => ({ key: 'k', value: 'v' }))),
      /paymentOptionMetadata/,
    ],
    [
      'beneficiary code not 11 digits',
      (b) => ((transfers(b)[0] as Body).organizationFiscalCode = '123'),
      /organizationFiscalCode/,
    ],
    ['country lower case', (b) => (b.country = 'it'), /country/],
    ['not an object', (b) => Object.assign(b, { paymentOption: 'none' }), /paymentOption/],
  ];
  for (const [name, change, detail] of cases) {
    it(`refuses ${name} with 400 and writes nothing`, async () => {
      const body = variant(change);
      const res = await gpd(sandbox, 'POST', '', body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ title: 'Bad Request', status: 400 });
      expect((res.body as { detail: string }).detail).toMatch(detail);
      expect(sandbox.getPosition(ORG, body.iupd as string)).toBeUndefined();
    });
  }

  it('never echoes values in the problem', async () => {
    const res = await gpd(
      sandbox,
      'POST',
      '',
      variant((b) => (b.fiscalCode = 'SECRET')),
    );
    expect(JSON.stringify(res.body)).not.toContain('SECRET');
  });

  it('accepts the bare taxonomy code, a stamp, a postal IBAN, instalments, unknown and read-only fields', async () => {
    const b = variant((body) => {
      const full = option(body);
      const t = transfers(body);
      Object.assign(t[0] as Body, { category: '0101101IM', postalIban: IBAN });
      Object.assign(t[1] as Body, { iban: undefined, stamp });
      body.paymentOption = [
        full,
        { ...full, iuv: iuvOf(5001), amount: 5_000, isPartialPayment: true, transfer: [{ ...t[0], amount: 5_000 }] },
        { ...full, iuv: iuvOf(5002), amount: 5_000, isPartialPayment: true, transfer: [{ ...t[0], amount: 5_000 }] },
      ];
      body.status = 'PAID';
      body.whatever = { deep: true };
    });
    const res = await gpd(sandbox, 'POST', '', JSON.parse(JSON.stringify(b)));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'DRAFT', paymentOption: [{}, { isPartialPayment: true }, {}] });
    expect(res.body).not.toHaveProperty('whatever');
  });
});
