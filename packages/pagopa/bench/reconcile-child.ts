// One measured task of bench/reconcile.bench.ts, alone in its process so its peak RSS is its own:
// `node reconcile-child.mjs <task> <file> <count>` prints one JSON line
// `{ task, ms, cpuMs, maxRssMb, lines, cents }`. Built into a bundle by the bench (no loader in the way).
import { createReadStream, readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import { readReportingFlow } from '../src/fdr/read/read-reporting-flow.js';
import type { ReportedPayment, ReportingFlow } from '../src/fdr/reporting-flow.js';
import type { DebtPosition } from '../src/gpd/debt-position.js';
import { reconcile } from '../src/reconcile/reconcile.js';
import { fixtureAmountCents, fixtureIur, fixtureIuv } from '../test/reporting-flow-fixtures.js';

const [task = 'baseline', file = '', countText = '0'] = process.argv.slice(2);
const count = Number(countText);

/** Whole-document peer: the text in memory, then `JSON.parse`, then the lines. */
function jsonParse(): { lines: number; cents: number } {
  const flow = JSON.parse(readFileSync(file, 'utf8')) as { payments: { pay: number }[] };
  let cents = 0;
  for (const p of flow.payments) cents += Math.round(p.pay * 100);
  return { lines: flow.payments.length, cents };
}

/** Whole-document peer: the text in memory, then an @xmldom/xmldom DOM, then the lines. */
function xmlDom(): { lines: number; cents: number } {
  const doc = new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/xml');
  const rows = doc.getElementsByTagNameNS('*', 'datiSingoliPagamenti');
  let cents = 0;
  for (let i = 0; i < rows.length; i++) {
    const amount = rows.item(i)?.getElementsByTagNameNS('*', 'singoloImportoPagato').item(0)?.textContent ?? '0';
    cents += Math.round(Number(amount) * 100);
  }
  return { lines: rows.length, cents };
}

/** Ours: the file streamed through readReportingFlow, one line at a time. */
async function stream(): Promise<{ lines: number; cents: number }> {
  const flow = await readReportingFlow(createReadStream(file));
  let lines = 0;
  let cents = 0;
  for await (const p of flow.payments) {
    lines++;
    cents += p.amountCents;
  }
  return { lines, cents };
}

/** The fixture's positions: one per line, one option, one transfer of the line's amount. */
function* positions(): Generator<DebtPosition> {
  for (let i = 0; i < count; i++) {
    yield {
      iupd: `77777777777-${i}`,
      organizationFiscalCode: '77777777777',
      companyName: 'Comune di Prova',
      switchToExpired: false,
      status: 'VALID',
      paymentOptions: [
        {
          iuv: fixtureIuv(i),
          nav: `3${fixtureIuv(i)}`,
          amountCents: fixtureAmountCents(i),
          description: 'TARI 2026',
          dueDate: '2026-03-31',
          isPartialPayment: false,
          transfers: [
            {
              idTransfer: 1,
              amountCents: fixtureAmountCents(i),
              remittanceInformation: 'TARI',
              category: '9/0101101IM/',
            },
          ],
        },
      ],
    };
  }
}

/** Lines made on the fly (no parser), so the figure is reconcile's own. */
function* lines(): Generator<ReportedPayment> {
  for (let i = 0; i < count; i++) {
    yield {
      flowId: 'F1',
      index: i + 1,
      iuv: fixtureIuv(i),
      iur: fixtureIur(i),
      idTransfer: 1,
      amountCents: fixtureAmountCents(i),
      outcome: 'EXECUTED',
      date: '2026-03-03',
    };
  }
}

async function reconcileTask(flow: ReportingFlow): Promise<{ lines: number; cents: number }> {
  const report = await reconcile([flow], positions());
  if (report.paid.length !== count) throw new Error(`expected ${count} paid, got ${report.paid.length}`);
  return { lines: report.totals.lines, cents: report.totals.reportedCents };
}

/** The reference: a Map of IUV to expected cents and one sum per IUV, no checks, no report. */
function reconcileReference(): { lines: number; cents: number } {
  const expected = new Map<string, number>();
  for (const p of positions()) for (const o of p.paymentOptions) expected.set(o.iuv, o.amountCents);
  const reported = new Map<string, number>();
  let n = 0;
  let cents = 0;
  for (const l of lines()) {
    n++;
    cents += l.amountCents;
    reported.set(l.iuv, (reported.get(l.iuv) ?? 0) + l.amountCents);
  }
  let paid = 0;
  for (const [iuv, sum] of reported) if (expected.get(iuv) === sum) paid++;
  if (paid !== count) throw new Error(`reference: expected ${count} paid, got ${paid}`);
  return { lines: n, cents };
}

const header = {
  flowId: 'F1',
  flowDate: '2026-03-04T10:15:00Z',
  pspId: '88888888888',
  revision: 1,
  regulationId: 'R',
  regulationDate: '2026-03-04',
  organizationFiscalCode: '77777777777',
  totalPayments: count,
  totalAmountCents: 0,
};

const TASKS: Readonly<
  Record<string, () => Promise<{ lines: number; cents: number }> | { lines: number; cents: number }>
> = {
  baseline: () => ({ lines: 0, cents: 0 }),
  'json-parse': jsonParse,
  'xml-dom': xmlDom,
  'json-stream': stream,
  'xml-stream': stream,
  'reconcile-reference': reconcileReference,
  'reconcile-lines': () => reconcileTask({ header, payments: lines() }),
  'reconcile-file': async () => reconcileTask(await readReportingFlow(createReadStream(file))),
};

const run = TASKS[task];
if (run === undefined) throw new Error(`unknown task ${task}`);
const cpu = process.cpuUsage();
const started = performance.now();
const result = await run();
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
const maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ task, ms, cpuMs: (used.user + used.system) / 1000, maxRssMb, ...result }));
