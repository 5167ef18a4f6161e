import { romeWallClock } from '../gpd/model/rome-time.js';
import type { FlowLineSource, GpdSandboxFlow, GpdSandboxFlowLine } from './flow-types.js';
import { formatInstant } from './format-instant.js';

/**
 * Options of {@link buildReportingFlows}.
 * @internal
 */
export interface BuildReportingFlowsOptions {
  /** Date-time of the flows (and of their regulation). */
  readonly flowDate: Date;
  /**
   * Next progressive number (1, 2, …) of a PSP's flows on a day; called once per flow, in order.
   * @param day - `YYYY-MM-DD`
   * @param pspId - the PSP
   */
  readonly nextProgressive: (day: string, pspId: string) => number;
}

/** Compares two strings by code units (locale-independent, so the order is reproducible). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Grouping key: one flow per PSP, receiving creditor and account. */
function keyOf(s: FlowLineSource): string {
  return `${s.pspId}\u0000${s.organizationFiscalCode}\u0000${s.iban ?? ''}`;
}

/**
 * Groups transfers waiting to be reported into reporting flows, as PSPs do: one flow per PSP,
 * receiving creditor and credited account (one SEPA credit transfer each).
 *
 * @remarks
 * pagoPA SACI / FdR: the flow id is `<YYYY-MM-DD><pspId>-<progressive of 7 digits>` (≤ 35
 * characters), the date being the flow's calendar day in Europe/Rome. Flows come in the order of
 * their (PSP, creditor, IBAN) key, lines in the order of payment instant, IUV and transfer index.
 * Digital stamps are grouped in a flow of their own (no IBAN). The regulation id is
 * `SCT<YYYYMMDD><pspId><progressive>`, its date the flow's day.
 * @param sources - the transfers (any order)
 * @param options - date and progressive numbers
 * @returns the flows (none for no sources)
 * @internal
 */
export function buildReportingFlows(
  sources: readonly FlowLineSource[],
  options: BuildReportingFlowsOptions,
): GpdSandboxFlow[] {
  const groups = new Map<string, FlowLineSource[]>();
  for (const s of sources) {
    const k = keyOf(s);
    const g = groups.get(k);
    if (g) g.push(s);
    else groups.set(k, [s]);
  }
  const day = romeWallClock(options.flowDate.getTime()).date;
  const at = formatInstant(options.flowDate);
  const flows: GpdSandboxFlow[] = [];
  for (const k of [...groups.keys()].sort(compare)) {
    const lines = (groups.get(k) ?? [])
      .slice()
      .sort((a, b) => compare(a.paidAt, b.paidAt) || compare(a.iuv, b.iuv) || a.idTransfer - b.idTransfer);
    const first = lines[0];
    if (first === undefined) continue;
    const progressive = String(options.nextProgressive(day, first.pspId)).padStart(7, '0');
    const flowId = `${day}${first.pspId}-${progressive}`;
    const payments: GpdSandboxFlowLine[] = lines.map((s, i) => ({
      flowId,
      index: i + 1,
      iuv: s.iuv,
      iur: s.iur,
      idTransfer: s.idTransfer,
      amountCents: s.amountCents,
      outcome: 'EXECUTED',
      date: s.paidAt,
      positionOrganizationFiscalCode: s.positionOrganizationFiscalCode,
    }));
    flows.push({
      header: {
        flowId,
        flowDate: at,
        pspId: first.pspId,
        pspName: first.pspName,
        revision: 1,
        regulationId: `SCT${day.replaceAll('-', '')}${first.pspId}${progressive}`,
        regulationDate: day,
        organizationFiscalCode: first.organizationFiscalCode,
        totalPayments: payments.length,
        totalAmountCents: payments.reduce((sum, p) => sum + p.amountCents, 0),
      },
      organizationName: first.organizationName,
      iban: first.iban,
      publishedAt: at,
      payments,
    });
  }
  return flows;
}
