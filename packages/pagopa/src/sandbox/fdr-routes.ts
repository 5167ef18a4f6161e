import { flowLineToJson, flowToHeaderJson, flowToSummaryJson, pageOf } from './fdr-json.js';
import type { GpdSandboxFlow } from './flow-types.js';
import type { PaymentsState } from './pay-state.js';
import type { SandboxRequest, SandboxRouter } from './routes.js';

/** Largest page of the FdR organization API. */
const MAX_PAGE_SIZE = 1000;

/** Answers an FdR `ErrorResponse`. */
function sendFdrError(r: SandboxRequest, status: 400 | 404, message: string, path?: string): void {
  r.sendJson(status, {
    httpStatusCode: status,
    httpStatusDescription: status === 400 ? 'Bad Request' : 'Not Found',
    appErrorCode: status === 400 ? 'FDR-0702' : 'FDR-3001',
    errors: [path === undefined ? { message } : { path, message }],
  });
}

/** `page` (≥ 1, default 1) and `size` (1–1000, default 1000), or the name of the bad one. */
function paging(url: URL): { page: number; size: number } | string {
  const read = (name: string, max: number): number | undefined => {
    const raw = url.searchParams.get(name);
    if (raw === null) return name === 'page' ? 1 : MAX_PAGE_SIZE;
    if (!/^\d{1,9}$/.test(raw)) return undefined;
    const n = Number(raw);
    return n >= 1 && n <= max ? n : undefined;
  };
  const page = read('page', 1_000_000_000);
  if (page === undefined) return 'page';
  const size = read('size', MAX_PAGE_SIZE);
  if (size === undefined) return 'size';
  return { page, size };
}

/** An `Instant` query parameter, `undefined` when absent, `null` when malformed. */
function instantParam(url: URL, name: string): number | undefined | null {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  const t = /^\d{4}-\d{2}-\d{2}T/.test(raw) ? Date.parse(raw) : Number.NaN;
  return Number.isNaN(t) ? null : t;
}

/** Start of the previous calendar month, 00:00 UTC: the platform's default lower bounds. */
function startOfPreviousMonth(now: Date): number {
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1);
}

/** GET /organizations/{organizationId}/fdrs (getAllPublishedFlows). */
function listFlows(state: PaymentsState, r: SandboxRequest): void {
  const p = paging(r.url);
  if (typeof p === 'string') {
    sendFdrError(r, 400, `Invalid ${p}`, p);
    return;
  }
  const flowDate = instantParam(r.url, 'flowDate');
  const publishedGt = instantParam(r.url, 'publishedGt');
  if (flowDate === null || publishedGt === null) {
    const name = flowDate === null ? 'flowDate' : 'publishedGt';
    sendFdrError(r, 400, `Invalid ${name}`, name);
    return;
  }
  const floor = startOfPreviousMonth(r.now());
  const org = r.params.organizationId ?? '';
  const pspId = r.url.searchParams.get('pspId');
  const flows = [...state.flows.values()].filter(
    (f) =>
      f.header.organizationFiscalCode === org &&
      (pspId === null || f.header.pspId === pspId) &&
      Date.parse(f.header.flowDate) >= (flowDate ?? floor) &&
      Date.parse(f.publishedAt) > (publishedGt ?? floor - 1),
  );
  r.sendJson(200, pageOf(flows, p.page, p.size, flowToSummaryJson));
}

/** The flow named by the path, or `undefined` (404 answered). */
function findFlow(state: PaymentsState, r: SandboxRequest): GpdSandboxFlow | undefined {
  const flow = state.flows.get(r.params.fdr ?? '');
  if (
    !flow ||
    flow.header.organizationFiscalCode !== r.params.organizationId ||
    flow.header.pspId !== r.params.pspId ||
    r.params.revision !== String(flow.header.revision)
  ) {
    sendFdrError(r, 404, 'Reporting flow not found');
    return undefined;
  }
  return flow;
}

/**
 * Registers the FdR organization API routes (fdr_organization.json): the list of published flows
 * (`metadata`/`count`/`data`, pages from 1, size ≤ 1000), one flow, and its payments.
 *
 * @remarks
 * `flowDate` and `publishedGt` are lower bounds (inclusive and exclusive); each defaults, as on the
 * platform, to the start of the previous calendar month (UTC) by the sandbox clock. `count` is the
 * number of items over all pages. Errors are `ErrorResponse` bodies.
 * @param router - the sandbox router
 * @param state - the payments state
 * @internal
 */
export function registerFdrRoutes(router: SandboxRouter, state: PaymentsState): void {
  const base = '/organizations/{organizationId}/fdrs';
  const one = `${base}/{fdr}/revisions/{revision}/psps/{pspId}`;
  router.register({
    scope: 'fdr',
    method: 'GET',
    path: base,
    operation: 'IOrganizationsController_getAllPublishedFlows',
    handler: (r) => listFlows(state, r),
  });
  router.register({
    scope: 'fdr',
    method: 'GET',
    path: one,
    operation: 'IOrganizationsController_getSinglePublishedFlow',
    handler: (r) => {
      const flow = findFlow(state, r);
      if (flow) r.sendJson(200, flowToHeaderJson(flow));
    },
  });
  router.register({
    scope: 'fdr',
    method: 'GET',
    path: `${one}/payments`,
    operation: 'IOrganizationsController_getPaymentsFromPublishedFlow',
    handler: (r) => {
      const p = paging(r.url);
      if (typeof p === 'string') return sendFdrError(r, 400, `Invalid ${p}`, p);
      const flow = findFlow(state, r);
      if (flow) r.sendJson(200, pageOf(flow.payments, p.page, p.size, flowLineToJson));
    },
  });
}
