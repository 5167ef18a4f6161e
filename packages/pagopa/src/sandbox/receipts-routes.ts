import type { PaymentsState, ReceiptRecord } from './pay-state.js';
import { receiptKey } from './pay-state.js';
import type { SandboxRequest, SandboxRouter } from './routes.js';

/** `segregationCodes` query parameter (gpd_payments.json pattern). */
const SEGREGATION_CODES = /^\d{2}(,\d{2})*$/;

/** A non-negative integer query parameter, its default, or `undefined` when malformed. */
function intParam(url: URL, name: string, fallback: number, max: number): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  if (!/^\d{1,9}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n <= max ? n : undefined;
}

/** Whether a receipt passes the list filters (pagopa-gpd-payments semantics). */
function matches(r: ReceiptRecord, q: URLSearchParams, segs: readonly string[] | undefined): boolean {
  const iuv = r.receipt.iuv;
  const debtor = q.get('debtor');
  if (debtor !== null && r.debtorFiscalCode !== debtor) return false;
  const service = q.get('service');
  if (service !== null && !iuv.startsWith(service)) return false;
  const from = q.get('from');
  const to = q.get('to');
  // Both bounds or none, as the platform does; a date-only `to` includes that whole day.
  if (from !== null && to !== null) {
    const paid = r.receipt.paidAt;
    if (paid < from || paid.slice(0, to.length) > to) return false;
  }
  const either = q.get('debtorOrIuv');
  if (either !== null && !iuv.startsWith(either) && !r.debtorFiscalCode.startsWith(either)) return false;
  return segs === undefined || segs.some((s) => iuv.startsWith(s));
}

/** GET /payments/{organizationfiscalcode}/receipts (getOrganizationReceipts). */
function listReceipts(state: PaymentsState, r: SandboxRequest): void {
  const org = r.params.organizationfiscalcode ?? '';
  const pageNum = intParam(r.url, 'pageNum', 0, 1_000_000);
  const pageSize = intParam(r.url, 'pageSize', 20, 100);
  const segParam = r.url.searchParams.get('segregationCodes');
  if (pageNum === undefined || pageSize === undefined || pageSize < 1) {
    r.sendProblem(400, 'Bad Request', 'pageNum must be ≥ 0 and pageSize between 1 and 100');
    return;
  }
  if (segParam !== null && !SEGREGATION_CODES.test(segParam)) {
    r.sendProblem(400, 'Bad Request', 'segregationCodes must be two-digit codes separated by commas');
    return;
  }
  const segs = segParam === null ? undefined : segParam.split(',');
  const found = [...state.receipts.values()].filter(
    (x) => x.organizationFiscalCode === org && matches(x, r.url.searchParams, segs),
  );
  const totalPages = Math.ceil(found.length / pageSize);
  // The platform answers an error for a page past the last (none at all included); the spec's is 404.
  if (pageNum >= totalPages) {
    r.sendProblem(404, 'Not found the receipts', 'No receipts for this organization and page');
    return;
  }
  const results = found.slice(pageNum * pageSize, (pageNum + 1) * pageSize).map((x) => ({
    organizationFiscalCode: x.organizationFiscalCode,
    iuv: x.receipt.iuv,
    debtor: x.debtorFiscalCode,
    paymentDateTime: x.receipt.paidAt,
    status: 'PAID',
  }));
  r.sendJson(200, { currentPageNumber: pageNum, length: results.length, totalPages, results });
}

/** GET /payments/{organizationfiscalcode}/receipts/{iuv} (getReceiptByIUV): the XML as text. */
function getReceipt(state: PaymentsState, r: SandboxRequest): void {
  const org = r.params.organizationfiscalcode ?? '';
  const iuv = r.params.iuv ?? '';
  const segParam = r.url.searchParams.get('segregationCodes');
  if (segParam !== null) {
    if (!SEGREGATION_CODES.test(segParam)) {
      r.sendProblem(400, 'Bad Request', 'segregationCodes must be two-digit codes separated by commas');
      return;
    }
    if (!segParam.split(',').includes(iuv.slice(0, 2))) {
      r.sendProblem(403, 'The receipt retrieve is forbidden', 'The IUV has a segregation code not authorized');
      return;
    }
  }
  const record = state.receipts.get(receiptKey(org, iuv));
  if (!record) {
    r.sendProblem(404, 'Not found the receipt', 'No receipt for this organization and IUV');
    return;
  }
  r.sendText(200, 'application/xml', record.xml);
}

/**
 * Registers the receipts service routes (gpd_payments.json): the paged list and one receipt.
 *
 * @remarks
 * The list is in payment order, `pageNum` from 0, `pageSize` ≤ 100 (default 20); filters `debtor`
 * (exact fiscal code), `service` (IUV prefix), `from` + `to` (payment date-time bounds, both or
 * none), `debtorOrIuv` (prefix of either), `segregationCodes`. A page past the last is 404.
 * @param router - the sandbox router
 * @param state - the payments state
 * @internal
 */
export function registerReceiptRoutes(router: SandboxRouter, state: PaymentsState): void {
  router.register({
    scope: 'receipts',
    method: 'GET',
    path: '/payments/{organizationfiscalcode}/receipts',
    operation: 'getOrganizationReceipts',
    handler: (r) => listReceipts(state, r),
  });
  router.register({
    scope: 'receipts',
    method: 'GET',
    path: '/payments/{organizationfiscalcode}/receipts/{iuv}',
    operation: 'getReceiptByIUV',
    handler: (r) => getReceipt(state, r),
  });
}
