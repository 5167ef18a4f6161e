// Part 4: @civico/pagopa, the platform side — a debt position created in the local GPD sandbox,
// paid by a citizen, reported by the PSP and reconciled by the comune.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createIuvGenerator } from '@civico/core';
import {
  buildCheckoutLink,
  createCheckoutClient,
  createFdrClient,
  createGpdClient,
  type DebtPositionInput,
  noticeFromDebtPosition,
  type ReportingFlow,
  reconcile,
  renderNotice,
} from '@civico/pagopa';
import { createGpdSandbox, type GpdSandbox } from '@civico/pagopa/sandbox';
import { DEMO_CREDITOR } from './sample-notices.js';

const API_KEY = 'demo-gpd-key';
const COMUNE = DEMO_CREDITOR.fiscalCode;
const IBAN = 'IT60X0542811101000000123456';

/** Starts the GPD sandbox, runs a debt position through its life and returns the sandbox and lines. */
export async function runGpdDemo(port: number, outDir: string): Promise<{ sandbox: GpdSandbox; lines: string[] }> {
  // The sandbox implements the GPD, receipts, reporting-flow (FdR) and Checkout contracts on localhost:
  // the same client code works against pagoPA with `environment: 'uat'` and the real subscription key.
  const sandbox = await createGpdSandbox({ port, apiKeys: [API_KEY] });
  const target = { baseUrl: sandbox.url, apiKey: API_KEY };
  const gpd = createGpdClient({ ...target, organizationFiscalCode: COMUNE, segregationCodes: ['01'] });

  // 1. Create and publish the debt: one option for the full amount, two transfers (the comune and
  //    the province's environmental tribute, TEFA), amounts in cents. The client checks the platform's
  //    rules before sending, and a retry after a lost answer never creates it twice.
  const { iuv } = createIuvGenerator({ segregationCode: '01', scheme: 'year-sequence' }).fromSequence(101, {
    year: 2026,
  });
  const debt: DebtPositionInput = {
    iupd: `${COMUNE}-tari-2026-000101`,
    debtor: { type: 'F', fiscalCode: 'RSSMRA85T10A562S', fullName: 'Mario Rossi', email: 'mario.rossi@example.it' },
    companyName: DEMO_CREDITOR.name,
    switchToExpired: false,
    paymentOptions: [
      {
        iuv,
        amountCents: 23_450,
        description: 'TARI 2026 - tassa sui rifiuti, rata unica',
        dueDate: '2026-12-31',
        isPartialPayment: false,
        transfers: [
          {
            idTransfer: 1,
            amountCents: 22_335,
            category: '9/0101101IM/',
            remittanceInformation: 'TARI 2026',
            iban: IBAN,
          },
          {
            idTransfer: 2,
            amountCents: 1_115,
            category: '9/0101101IM/',
            remittanceInformation: 'TEFA 2026',
            iban: IBAN,
          },
        ],
      },
    ],
  };
  const created = await gpd.createPosition(debt, { publish: true });
  // A second citizen's debt that stays unpaid, so the reconciliation has something to chase.
  const other = createIuvGenerator({ segregationCode: '01', scheme: 'year-sequence' }).fromSequence(102, {
    year: 2026,
  });
  const unpaidDebt: DebtPositionInput = {
    ...debt,
    iupd: `${COMUNE}-tari-2026-000102`,
    debtor: { type: 'F', fiscalCode: 'VRDGPP80A01H501U', fullName: 'Giuseppe Verdi' },
    paymentOptions: debt.paymentOptions.map((option) => ({ ...option, iuv: other.iuv })),
  };
  await gpd.createPosition(unpaidDebt, { publish: true });

  // 2. The same data prints the PDF notice and builds the Checkout links.
  const notice = noticeFromDebtPosition(created, DEMO_CREDITOR);
  mkdirSync(outDir, { recursive: true });
  const pdfPath = join(outDir, 'gpd-notice.pdf');
  writeFileSync(pdfPath, await renderNotice(notice));
  const nav = created.paymentOptions[0]?.nav ?? '';
  const checkout = createCheckoutClient(target);
  const cart = await checkout.createCart({
    paymentNotices: [
      {
        noticeNumber: nav,
        fiscalCode: COMUNE,
        amountCents: 23_450,
        companyName: DEMO_CREDITOR.name,
        description: 'TARI 2026',
      },
    ],
    returnUrls: {
      returnOkUrl: 'https://www.comune.esempio.it/pagamenti/ok',
      returnCancelUrl: 'https://www.comune.esempio.it/pagamenti/annullato',
      returnErrorUrl: 'https://www.comune.esempio.it/pagamenti/errore',
    },
  });

  // 3. The citizen pays (in the sandbox: its "pay" action, as a PSP would), and the next day the PSP
  //    sends the reporting flow of the money it transferred to the comune's account.
  const receipt = await sandbox.pay({ organizationFiscalCode: COMUNE, nav, pspId: 'BPPIITRRXXX' });
  const paid = await gpd.getPosition(debt.iupd);
  await sandbox.publishFlows({ organizationFiscalCode: COMUNE });

  // 4. The comune reads the flows from FdR and reconciles them with its positions.
  const fdr = createFdrClient({ ...target, organizationFiscalCode: COMUNE });
  const { flows } = await fdr.listFlows();
  const read: ReportingFlow[] = [];
  for (const flow of flows) read.push(await fdr.readFlow(flow));
  const positions = [await gpd.getPosition(debt.iupd), await gpd.getPosition(unpaidDebt.iupd)];
  const report = await reconcile(read, positions, { organizationFiscalCode: COMUNE });

  const euro = (cents: number) => `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')} €`;
  const lines = [
    '— @civico/pagopa platform (GPD sandbox)',
    `GPD sandbox listening on ${sandbox.url}`,
    `debt position ${created.iupd}: ${created.status}, notice number ${nav}, ${euro(created.paymentOptions[0]?.amountCents ?? 0)}`,
    `its notice: ${pdfPath}`,
    `pay it on Checkout: ${buildCheckoutLink({ noticeNumber: nav, ecFiscalCode: COMUNE })}`,
    `or in the sandbox's cart page: ${cart.url}`,
    `paid: receipt ${receipt.receiptId}, position now ${paid.status}`,
    `reporting flows: ${flows.map((f) => f.flowId).join(', ')}; position now ${positions[0]?.status}`,
    `reconciled: ${report.paid.length} paid, ${report.unpaid.length} unpaid, ${report.overpaid.length} overpaid, ${report.unknown.length} unknown, ${report.duplicated.length} duplicated (${euro(report.totals.reportedCents)} reported)`,
    ...report.unpaid.map((entry) => `  unpaid: ${entry.iupd}, ${euro(entry.expectedCents)}`),
  ];
  return { sandbox, lines };
}
