import { readFields } from '@civico/core/internal';
import { isRealCalendarDate } from '../dates/is-real-calendar-date.js';
import { PagoPaError } from '../errors.js';
import type { ReportingFlowHeader } from '../fdr/reporting-flow.js';
import { buildReportingFlows } from './flow-build.js';
import type { FlowLineSource } from './flow-types.js';
import type { PayContext } from './pay.js';
import { receiptKey } from './pay-state.js';

/**
 * Publishes reporting flows for every transfer paid and not yet reported, as the PSPs would.
 *
 * @remarks
 * One flow per PSP, receiving creditor and IBAN (see `buildReportingFlows`). The transfers become
 * T_REPORTED, their options PO_REPORTED (or PO_PARTIALLY_REPORTED), paid positions REPORTED once all
 * their paid options are. A `flowDate` day gives flows dated 10:00 UTC of that day (the same
 * calendar day in Rome); without it the flows take the sandbox clock's instant.
 * @param ctx - state, store, clock
 * @param input - `{ organizationFiscalCode?, flowDate? }`, unchecked
 * @returns the headers of the flows published (none when nothing waits)
 * @throws PagoPaError `ERR_PAGOPA_INVALID_FISCAL_CODE` or `ERR_PAGOPA_INVALID_DATE` (`field`,
 *   `status` 400) for a bad input; `ERR_PAGOPA_INVALID_CONFIG` when reading a property throws.
 * @internal
 */
export function publishSandboxFlows(ctx: PayContext, input: unknown = {}): ReportingFlowHeader[] {
  // Anything but an options object (a bare fiscal code string, null, an array, bytes) is refused: read as
  // "no filter" it would publish the flows of every creditor.
  if (typeof input !== 'object' || input === null || Array.isArray(input) || ArrayBuffer.isView(input)) {
    throw new PagoPaError('ERR_PAGOPA_INVALID_CONFIG', 'The publishFlows input must be an object', {
      field: 'input',
      status: 400,
    });
  }
  const v = readFields(input, ['organizationFiscalCode', 'flowDate'], PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG');
  const org = v.organizationFiscalCode;
  if (org !== undefined && (typeof org !== 'string' || !/^\d{11}$/.test(org))) {
    throw new PagoPaError('ERR_PAGOPA_INVALID_FISCAL_CODE', 'The organizationFiscalCode is not valid', {
      field: 'organizationFiscalCode',
      status: 400,
    });
  }
  const day = v.flowDate;
  if (day !== undefined && (typeof day !== 'string' || !isRealCalendarDate(day))) {
    throw new PagoPaError('ERR_PAGOPA_INVALID_DATE', 'The flowDate is not a YYYY-MM-DD date', {
      field: 'flowDate',
      status: 400,
    });
  }
  const flowDate = typeof day === 'string' ? new Date(`${day}T10:00:00Z`) : ctx.now();
  const sources: FlowLineSource[] = [];
  for (const record of ctx.state.receipts.values()) {
    for (const line of record.lines) {
      if (record.reported.has(line.idTransfer)) continue;
      if (org !== undefined && line.organizationFiscalCode !== org) continue;
      sources.push(line);
    }
  }
  const { progressives } = ctx.state;
  const flows = buildReportingFlows(sources, {
    flowDate,
    nextProgressive: (d, pspId) => {
      const k = `${d}\u0000${pspId}`;
      const n = (progressives.get(k) ?? 0) + 1;
      progressives.set(k, n);
      return n;
    },
  });
  for (const flow of flows) {
    ctx.state.flows.set(flow.header.flowId, flow);
    const byOption = new Map<string, { org: string; iuv: string; ids: string[] }>();
    for (const line of flow.payments) {
      const k = receiptKey(line.positionOrganizationFiscalCode, line.iuv);
      ctx.state.receipts.get(k)?.reported.add(line.idTransfer);
      const entry = byOption.get(k) ?? { org: line.positionOrganizationFiscalCode, iuv: line.iuv, ids: [] };
      entry.ids.push(String(line.idTransfer));
      byOption.set(k, entry);
    }
    for (const { org: owner, iuv, ids } of byOption.values()) {
      // A position deleted since the payment has nothing left to mark: the flow still reports it.
      ctx.store.markReported(owner, iuv, {
        idFlowReporting: flow.header.flowId,
        reportingDate: flow.publishedAt,
        idTransfers: ids,
      });
    }
  }
  return flows.map((f) => f.header);
}
