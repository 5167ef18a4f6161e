// End to end against the GPD sandbox: positions created with the GPD client, paid in the sandbox,
// reported as FdR flows, read back with the FdR client and reconciled; notices printed from them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFdrClient } from '../src/fdr/client/create-fdr-client.js';
import type { ReportedPayment } from '../src/fdr/reporting-flow.js';
import { createGpdClient } from '../src/gpd/client/create-gpd-client.js';
import type { DebtPosition, DebtPositionInput } from '../src/gpd/debt-position.js';
import { noticeFromDebtPosition } from '../src/gpd/notice-from-debt-position.js';
import { parseNotice } from '../src/notice/parse-notice.js';
import { reconcile } from '../src/reconcile/reconcile.js';
import { createGpdSandbox, type GpdSandbox } from '../src/sandbox/index.js';
import { pagoPaFailure } from './checkout-fdr-stub.js';

const ORG = '77777777777';
const IBAN = 'IT60X0542811101000000123456';

// Amounts whose euro form binary floating point cannot hold exactly (0.29, 1.15, 0.07).
const AMOUNTS: readonly (readonly number[])[] = [[29], [115, 7], [100_000, 1], [12_345]];

function input(i: number): DebtPositionInput {
  const transfers = (AMOUNTS[i] ?? []).map((amountCents, t) => ({
    idTransfer: (t + 1) as 1 | 2,
    amountCents,
    remittanceInformation: `Quota ${t + 1}`,
    category: '9/0101101IM/',
    iban: IBAN,
  }));
  return {
    iupd: `${ORG}-fdr-e2e-${i}`,
    companyName: 'Comune di Prova',
    switchToExpired: false,
    debtor: {
      type: 'F',
      fiscalCode: 'RSSMRA85T10A562S',
      fullName: 'Mario Rossi',
      streetName: 'Via Roma',
      civicNumber: '1',
      postalCode: '00100',
      city: 'Roma',
      province: 'RM',
    },
    paymentOptions: [
      {
        iuv: `0100000000000${String(100 + i).padStart(4, '0')}`,
        amountCents: transfers.reduce((s, t) => s + t.amountCents, 0),
        description: `TARI 2027 posizione ${i}`,
        dueDate: '2027-12-31',
        isPartialPayment: false,
        transfers,
      },
    ],
  };
}

let sandbox: GpdSandbox;
const positions: DebtPosition[] = [];
beforeAll(async () => {
  sandbox = await createGpdSandbox({ seed: 11 });
  const gpd = createGpdClient({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, organizationFiscalCode: ORG });
  for (let i = 0; i < AMOUNTS.length; i += 1) positions.push(await gpd.createPosition(input(i), { publish: true }));
  // Three of four paid; the last stays unpaid.
  for (const p of positions.slice(0, 3)) {
    await sandbox.pay({ organizationFiscalCode: ORG, nav: p.paymentOptions[0]?.nav as string });
  }
  await sandbox.publishFlows({ organizationFiscalCode: ORG });
});
afterAll(() => sandbox.close());

const client = () => createFdrClient({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, organizationFiscalCode: ORG });

describe('createFdrClient() against createGpdSandbox', () => {
  it('lists, reads page by page and reconciles the published flows: the paid positions are paid', async () => {
    const fdr = client();
    const { flows } = await fdr.listFlows({ flowDate: new Date('2000-01-01T00:00:00Z') });
    expect(flows.length).toBeGreaterThan(0);
    const lines: ReportedPayment[] = [];
    // A list entry is a valid reference as it is (its other members are ignored).
    const read = flows.map(async (entry) => {
      const flow = await fdr.readFlow(entry, { pageSize: 1 });
      const mine: ReportedPayment[] = [];
      for await (const line of flow.payments) mine.push(line);
      lines.push(...mine);
      return { header: flow.header, payments: mine };
    });
    const all = await Promise.all(read);
    // Every line in exact cents: 0.29, 1.15 + 0.07, 1000.00 + 0.01.
    expect(lines.map((l) => l.amountCents).sort((a, b) => a - b)).toEqual([1, 7, 29, 115, 100_000]);
    const report = await reconcile(all, positions);
    expect(report.paid.map((e) => e.iuv).sort()).toEqual(
      positions
        .slice(0, 3)
        .map((p) => p.paymentOptions[0]?.iuv)
        .sort(),
    );
    expect(report.unpaid.map((e) => e.iuv)).toEqual([positions[3]?.paymentOptions[0]?.iuv]);
    expect(report.totals.reportedCents).toBe(100_152);
  });

  it('answers 404 for a flow that does not exist', async () => {
    const error = await pagoPaFailure(
      client().getFlow({ flowId: '2026-01-0188888888888-0000099', revision: 1, pspId: '88888888888' }),
    );
    expect(error.code).toBe('ERR_PAGOPA_API_NOT_FOUND');
  });

  it('is refused with the wrong key', async () => {
    const fdr = createFdrClient({ baseUrl: sandbox.url, apiKey: 'test-only-wrong-key', organizationFiscalCode: ORG });
    const error = await pagoPaFailure(fdr.listFlows());
    expect(error.code).toBe('ERR_PAGOPA_API_UNAUTHORIZED');
  });
});

describe('noticeFromDebtPosition() on positions read back from createGpdSandbox', () => {
  it('builds a valid notice from the position createPosition returned; a get answer has no debtor', async () => {
    const gpd = createGpdClient({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, organizationFiscalCode: ORG });
    const read = await gpd.getPosition(positions[3]?.iupd as string);
    expect(read.debtor).toBeUndefined();
    expect(() => noticeFromDebtPosition(read, { fiscalCode: ORG, name: 'Comune di Prova' })).toThrow(
      expect.objectContaining({ code: 'ERR_PAGOPA_INVALID_DEBT_POSITION', field: 'debtor' }),
    );
    const stored = positions[3] as DebtPosition;
    const notice = noticeFromDebtPosition(stored, { fiscalCode: ORG, name: 'Comune di Prova' });
    expect(parseNotice(notice)).toEqual(notice);
    expect(notice.payment).toEqual({
      kind: 'single',
      noticeNumber: stored.paymentOptions[0]?.nav,
      amountCents: 12_345,
      dueDate: '2027-12-31',
    });
  });
});
