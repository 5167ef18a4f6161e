import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PagoPaError } from '../src/errors.js';
import { PAGOPA_SERVICE_PATHS } from '../src/platform/environment.js';
import { createGpdSandbox, type GpdSandbox } from '../src/sandbox/index.js';
import { gpd, IBAN, iuvOf, ORG, wirePosition } from './sandbox-fixtures.js';
import { textOf } from './sandbox-pay-fixtures.js';

let sandbox: GpdSandbox;
const NOW = new Date('2026-03-04T10:00:00Z');

beforeEach(async () => {
  sandbox = await createGpdSandbox({ now: () => NOW });
});
afterEach(async () => {
  await sandbox.close();
});

async function call(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: {
      'ocp-apim-subscription-key': sandbox.apiKey,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

const receipts = (path: string) => call('GET', `${PAGOPA_SERVICE_PATHS.receipts}/payments/${ORG}/receipts${path}`);

/** Creates a published (VALID) position through the GPD API. */
async function publish(iupd: string, iuv: string, overrides: Record<string, unknown> = {}): Promise<void> {
  const r = await gpd(sandbox, 'POST', '?toPublish=true', wirePosition(iupd, iuv, overrides));
  expect(r.status).toBe(201);
}

/** Two instalments and the full option. */
function instalmentOptions(): Record<string, unknown> {
  const opt = (iuv: string, amount: number, partial: boolean) => ({
    iuv,
    amount,
    description: partial ? 'Rata' : 'Unica soluzione',
    isPartialPayment: partial,
    dueDate: '2030-03-31T23:59:59+02:00',
    transfer: [{ idTransfer: '1', amount, remittanceInformation: 'TARI', category: '9/0101101IM/', iban: IBAN }],
  });
  return { paymentOption: [opt(iuvOf(10), 10_000, false), opt(iuvOf(11), 5_000, true), opt(iuvOf(12), 5_000, true)] };
}

describe('sandbox.pay()', () => {
  it('pays an option by NAV: PO_PAID, position PAID, a receipt with IUR and amount', async () => {
    await publish('IUPD-1', iuvOf(1));
    const receipt = await sandbox.pay({ organizationFiscalCode: ORG, nav: `3${iuvOf(1)}` });
    expect(receipt).toEqual({
      receiptId: '202603040000000001',
      iuv: iuvOf(1),
      nav: `3${iuvOf(1)}`,
      amountCents: 10_000,
      pspId: '88888888888',
      paidAt: '2026-03-04T10:00:00Z',
    });
    const p = sandbox.getPosition(ORG, 'IUPD-1');
    expect(p?.status).toBe('PAID');
    expect(p?.paymentOption[0]).toMatchObject({
      status: 'PO_PAID',
      idReceipt: receipt.receiptId,
      pspCompany: 'PSP 88888888888',
    });
  });

  it('pays instalments one by one: PARTIALLY_PAID, then PAID; the full option is then refused', async () => {
    await publish('IUPD-2', iuvOf(10), instalmentOptions());
    await sandbox.pay({
      organizationFiscalCode: ORG,
      iuv: iuvOf(11),
      pspId: 'BCITITMM',
      paidAt: '2026-03-02T08:00:00+01:00',
    });
    expect(sandbox.getPosition(ORG, 'IUPD-2')?.status).toBe('PARTIALLY_PAID');
    await expect(sandbox.pay({ organizationFiscalCode: ORG, iuv: iuvOf(10) })).rejects.toMatchObject({
      code: 'ERR_PAGOPA_INVALID_TRANSITION',
      rule: 'not-payable',
      status: 409,
    });
    const last = await sandbox.pay({ organizationFiscalCode: ORG, iuv: iuvOf(12) });
    expect(last.receiptId).toBe('202603040000000002');
    expect(sandbox.getPosition(ORG, 'IUPD-2')?.status).toBe('PAID');
  });

  it('refuses a second payment, an unknown notice, a DRAFT and bad input with typed errors', async () => {
    await publish('IUPD-3', iuvOf(3));
    await sandbox.pay({ organizationFiscalCode: ORG, iuv: iuvOf(3) });
    await expect(sandbox.pay({ organizationFiscalCode: ORG, iuv: iuvOf(3) })).rejects.toMatchObject({
      code: 'ERR_PAGOPA_INVALID_TRANSITION',
      rule: 'already-paid',
    });
    await expect(sandbox.pay({ organizationFiscalCode: ORG, iuv: iuvOf(99) })).rejects.toMatchObject({
      code: 'ERR_PAGOPA_API_NOT_FOUND',
      status: 404,
    });
    expect((await gpd(sandbox, 'POST', '', wirePosition('IUPD-4', iuvOf(4)))).status).toBe(201);
    await expect(sandbox.pay({ organizationFiscalCode: ORG, iuv: iuvOf(4) })).rejects.toMatchObject({
      code: 'ERR_PAGOPA_INVALID_TRANSITION',
      rule: 'not-payable',
    });
    const bad = [
      [{ organizationFiscalCode: '123', iuv: iuvOf(3) }, 'ERR_PAGOPA_INVALID_FISCAL_CODE', 'organizationFiscalCode'],
      [{ organizationFiscalCode: ORG }, 'ERR_PAGOPA_INVALID_NOTICE_NUMBER', 'nav'],
      [{ organizationFiscalCode: ORG, iuv: iuvOf(3), nav: `3${iuvOf(3)}` }, 'ERR_PAGOPA_INVALID_NOTICE_NUMBER', 'nav'],
      [{ organizationFiscalCode: ORG, iuv: iuvOf(3), amountCents: 1.5 }, 'ERR_PAGOPA_INVALID_AMOUNT', 'amountCents'],
      [
        { organizationFiscalCode: ORG, iuv: iuvOf(3), paidAt: '2026-03-04T10:00:00' },
        'ERR_PAGOPA_INVALID_DATE',
        'paidAt',
      ],
      [{ organizationFiscalCode: ORG, iuv: iuvOf(3), pspId: 'x'.repeat(18) }, 'ERR_PAGOPA_INVALID_CONFIG', 'pspId'],
    ] as const;
    for (const [input, code, field] of bad) {
      const err = await sandbox.pay(input).catch((e: unknown) => e);
      expect(PagoPaError.isInstance(err) && [err.code, err.field]).toEqual([code, field]);
    }
  });

  it('moves a different amount onto the first transfer and refuses one that empties a transfer', async () => {
    await publish('IUPD-5', iuvOf(5));
    await expect(sandbox.pay({ organizationFiscalCode: ORG, iuv: iuvOf(5), amountCents: 3_000 })).rejects.toMatchObject(
      {
        code: 'ERR_PAGOPA_INVALID_AMOUNT',
      },
    );
    expect(sandbox.getPosition(ORG, 'IUPD-5')?.status).toBe('VALID');
    const r = await sandbox.pay({ organizationFiscalCode: ORG, iuv: iuvOf(5), amountCents: 12_345 });
    expect(r.amountCents).toBe(12_345);
    const xml = (await receipts(`/${iuvOf(5)}`)).text;
    expect(textOf(xml, 'paymentAmount')).toBe('123.45');
    expect(textOf(xml, 'transferAmount')).toBe('93.45');
  });
});

describe('sandbox.pay() on hostile input', () => {
  it('rejects anything that is not a pay input with a PagoPaError, never another throwable', async () => {
    await publish('IUPD-H', iuvOf(40));
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (input) => {
        const err = await sandbox.pay(input as never).catch((e: unknown) => e);
        expect(PagoPaError.isInstance(err)).toBe(true);
      }),
      { seed: 17, numRuns: 300 },
    );
    const hostile = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('trap');
        },
        has: () => {
          throw new Error('trap');
        },
        get: () => {
          throw new Error('trap');
        },
      },
    );
    await expect(sandbox.pay(hostile as never)).rejects.toMatchObject({ code: 'ERR_PAGOPA_INVALID_CONFIG' });
    await expect(sandbox.publishFlows(hostile as never)).rejects.toMatchObject({ code: 'ERR_PAGOPA_INVALID_CONFIG' });
    expect(sandbox.getPosition(ORG, 'IUPD-H')?.status).toBe('VALID');
  });

  it('answers 400 to bodies that are not objects and never 5xx', async () => {
    for (const body of [null, [], 'x', 42, { organizationFiscalCode: ORG, iuv: iuvOf(40), extra: 1 }]) {
      expect((await call('POST', '/sandbox/pay', body)).status).toBe(400);
    }
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const res = await fetch(`${sandbox.url}/sandbox/pay`, {
      method: 'POST',
      body: deep,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
  });
});

describe('POST /sandbox/pay', () => {
  it('answers the receipt as JSON, and problems for 400, 404 and 409', async () => {
    await publish('IUPD-6', iuvOf(6));
    const ok = await call('POST', '/sandbox/pay', {
      organizationFiscalCode: ORG,
      nav: `3${iuvOf(6)}`,
      pspId: 'ABI03069',
    });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toMatchObject({ iuv: iuvOf(6), pspId: 'ABI03069', amountCents: 10_000 });
    const again = await call('POST', '/sandbox/pay', { organizationFiscalCode: ORG, nav: `3${iuvOf(6)}` });
    expect([again.status, JSON.parse(again.text).status]).toEqual([409, 409]);
    const unknown = await call('POST', '/sandbox/pay', { organizationFiscalCode: ORG, nav: `3${iuvOf(98)}` });
    expect(unknown.status).toBe(404);
    const bad = await call('POST', '/sandbox/pay', { organizationFiscalCode: ORG, nav: 'RSSMRA80A01H501U' });
    expect(bad.status).toBe(400);
    expect(bad.text).not.toContain('RSSMRA80A01H501U');
    expect(sandbox.ledger().find((e) => e.path === '/sandbox/pay' && e.status === 200)?.iupd).toBe('IUPD-6');
  });
});

describe('receipts service', () => {
  it('serves the receipt as paSendRTV2 XML and 404 for an unpaid IUV', async () => {
    await publish('IUPD-7', iuvOf(7));
    const r = await sandbox.pay({ organizationFiscalCode: ORG, iuv: iuvOf(7) });
    const one = await receipts(`/${iuvOf(7)}`);
    expect(one.status).toBe(200);
    expect(one.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(one.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><pafn:paSendRTV2Request /);
    expect(textOf(one.text, 'receiptId')).toBe(r.receiptId);
    expect(textOf(one.text, 'paymentAmount')).toBe('100.00');
    expect((await receipts(`/${iuvOf(8)}`)).status).toBe(404);
    expect((await receipts(`/${iuvOf(7)}?segregationCodes=02,03`)).status).toBe(403);
    expect((await receipts(`/${iuvOf(7)}?segregationCodes=01`)).status).toBe(200);
  });

  it('lists receipts in pages from 0 with the filters, 404 past the last page', async () => {
    expect((await receipts('')).status).toBe(404);
    for (let i = 20; i < 25; i++) {
      await publish(`IUPD-${i}`, iuvOf(i));
      await sandbox.pay({ organizationFiscalCode: ORG, iuv: iuvOf(i), paidAt: `2026-03-0${i - 19}T10:00:00Z` });
    }
    const page = JSON.parse((await receipts('?pageSize=2&pageNum=1')).text);
    expect(page).toEqual({
      currentPageNumber: 1,
      length: 2,
      totalPages: 3,
      results: [
        {
          organizationFiscalCode: ORG,
          iuv: iuvOf(22),
          debtor: 'RSSMRA80A01H501U',
          paymentDateTime: '2026-03-03T10:00:00Z',
          status: 'PAID',
        },
        {
          organizationFiscalCode: ORG,
          iuv: iuvOf(23),
          debtor: 'RSSMRA80A01H501U',
          paymentDateTime: '2026-03-04T10:00:00Z',
          status: 'PAID',
        },
      ],
    });
    expect((await receipts('?pageSize=2&pageNum=3')).status).toBe(404);
    const count = async (q: string) => JSON.parse((await receipts(q)).text).results?.length ?? 0;
    expect(await count('?from=2026-03-02&to=2026-03-03')).toBe(2);
    expect(await count(`?debtorOrIuv=${iuvOf(24)}`)).toBe(1);
    expect(await count('?debtor=RSSMRA80A01H501U')).toBe(5);
    expect(await count('?service=0100000000000002')).toBe(5);
    expect((await receipts('?debtor=XXXXXX00X00X000X')).status).toBe(404);
    for (const q of ['?pageSize=101', '?pageSize=0', '?pageNum=-1', '?pageNum=1e3']) {
      expect((await receipts(q)).status).toBe(400);
    }
    expect((await receipts('?segregationCodes=1')).status).toBe(400);
  });

  it('requires the API key', async () => {
    const res = await fetch(`${sandbox.url}${PAGOPA_SERVICE_PATHS.receipts}/payments/${ORG}/receipts`);
    expect(res.status).toBe(401);
  });
});
