import { PagoPaError } from '../errors.js';
import { renderFlowJson } from './fdr-json.js';
import { publishSandboxFlows } from './flow-publish.js';
import { renderFlowXml } from './flow-xml.js';
import type { PayContext } from './pay.js';
import { payOption } from './pay.js';
import { receiptKey } from './pay-state.js';
import type { SandboxRequest, SandboxRouter } from './routes.js';

/** Namespace prefixes `GET /sandbox/flows/{id}.xml?prefix=` accepts. */
const PREFIX = /^[A-Za-z_][A-Za-z0-9_-]{0,15}$/;

/** Answers a sandbox error as a problem, with the status the error carries. */
function sendError(r: SandboxRequest, err: unknown): void {
  if (!PagoPaError.isInstance(err)) throw err;
  const status = err.status ?? 400;
  const title = status === 404 ? 'Not Found' : status === 409 ? 'Conflict' : 'Bad Request';
  // Field names and rules only: never the values sent.
  const detail = err.field ? `${err.code}: ${err.field}` : `${err.code}${err.rule ? `: ${err.rule}` : ''}`;
  r.sendProblem(status, title, detail);
}

/**
 * Registers the sandbox control routes of payments and reporting flows:
 * `POST /sandbox/pay` (a `GpdSandboxPayInput` → 200 `GpdSandboxReceipt`; 400/404/409 problems),
 * `POST /sandbox/flows` (`{ organizationFiscalCode?, flowDate? }` → 200 `{ flows: ReportingFlowHeader[] }`),
 * `GET /sandbox/flows/{flowId}.xml` (FlussoRiversamento; `?prefix=pay_i` for a prefixed namespace)
 * and `GET /sandbox/flows/{flowId}.json` (the FdR flow object with its `payments`).
 * @param router - the sandbox router
 * @param ctx - state, store, clock
 * @internal
 */
export function registerFlowRoutes(router: SandboxRouter, ctx: PayContext): void {
  router.register({
    scope: 'sandbox',
    method: 'POST',
    path: '/pay',
    operation: 'pay',
    handler: async (r) => {
      const body = await r.readJson();
      if (!body.ok) return;
      try {
        const receipt = payOption(ctx, body.value);
        const org = (body.value as { organizationFiscalCode: string }).organizationFiscalCode;
        r.note({ iupd: ctx.state.receipts.get(receiptKey(org, receipt.iuv))?.iupd });
        if (r.dropAfterWrite()) return;
        r.sendJson(200, receipt);
      } catch (err) {
        sendError(r, err);
      }
    },
  });
  router.register({
    scope: 'sandbox',
    method: 'POST',
    path: '/flows',
    operation: 'publishFlows',
    handler: async (r) => {
      const body = await r.readJson();
      if (!body.ok) return;
      try {
        const flows = publishSandboxFlows(ctx, body.value ?? {});
        if (r.dropAfterWrite()) return;
        r.sendJson(200, { flows });
      } catch (err) {
        sendError(r, err);
      }
    },
  });
  router.register({
    scope: 'sandbox',
    method: 'GET',
    path: '/flows/{flowFile}',
    operation: 'getFlowFile',
    handler: (r) => {
      const m = /^(.+)\.(xml|json)$/.exec(r.params.flowFile ?? '');
      const flow = m ? ctx.state.flows.get(m[1] as string) : undefined;
      if (!m || !flow) return r.sendProblem(404, 'Not Found', 'No reporting flow with that id');
      if (m[2] === 'json') return r.sendText(200, 'application/json', renderFlowJson(flow));
      const prefix = r.url.searchParams.get('prefix') ?? undefined;
      if (prefix !== undefined && !PREFIX.test(prefix)) return r.sendProblem(400, 'Bad Request', 'Invalid prefix');
      r.sendText(200, 'application/xml', renderFlowXml(flow, { prefix }));
    },
  });
}
