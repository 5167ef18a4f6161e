import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PAGOPA_SERVICE_PATHS } from '../platform/environment.js';
import type { GpdStore } from './gpd-store-types.js';
import type { GpdSandboxService, SandboxRequest, SandboxRouter, SandboxRouteScope } from './routes.js';
import type { GpdSandboxFaults } from './sandbox-faults.js';
import { readJsonBody, sendBody, sendGatewayError, sendJson, sendProblem } from './sandbox-http.js';
import type { GpdSandboxLedgerEntry, SandboxLedger } from './sandbox-ledger.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Faults = GpdSandboxFaults & { readonly serverErrorRate: number; readonly rateLimitRate: number };

const SERVICES = Object.entries(PAGOPA_SERVICE_PATHS) as [GpdSandboxService, string][];
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Everything the dispatcher needs. @internal */
export interface DispatchState {
  readonly router: SandboxRouter;
  readonly store: GpdStore;
  readonly ledger: SandboxLedger;
  readonly keys: ReadonlySet<string>;
  readonly now: () => Date;
  readonly random: () => number;
  readonly maxBodyBytes: number;
  readonly requestTimeoutMs: number;
  readonly controlKeyRequired: boolean;
  faults(): Faults | undefined;
  origin(): string;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function scopeOf(pathname: string): { scope: SandboxRouteScope; rest: string } {
  for (const [service, prefix] of SERVICES) {
    if (pathname === prefix || pathname.startsWith(`${prefix}/`))
      return { scope: service, rest: pathname.slice(prefix.length) };
  }
  if (pathname === '/sandbox' || pathname.startsWith('/sandbox/')) return { scope: 'sandbox', rest: pathname.slice(8) };
  return { scope: 'page', rest: pathname };
}

/**
 * Handles one request: scope by path prefix, ledger, latency, key, injected 429/503, route,
 * drop-after-write. Never throws for client input; a handler bug answers 500.
 * @param state - the sandbox
 * @param req - request
 * @param res - response
 * @internal
 */
export async function dispatch(state: DispatchState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const entry: Mutable<GpdSandboxLedgerEntry> = {
    seq: state.ledger.next(),
    at: state.now().toISOString(),
    method: req.method ?? 'GET',
    path: (req.url ?? '/').slice(0, 2048),
    service: 'unknown',
    operation: 'unknown',
    status: 'dropped',
  };
  let dropped = false;
  let recorded = false;
  const record = (): void => {
    if (recorded) return;
    recorded = true;
    entry.status = !dropped && res.writableFinished ? res.statusCode : 'dropped';
    state.ledger.add(entry);
  };
  res.once('finish', record).once('close', record);
  const header = req.headers['x-request-id'];
  const requestId = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
  const h = { 'x-request-id': requestId };

  let url: URL;
  let scope: SandboxRouteScope;
  let match: ReturnType<SandboxRouter['match']>;
  try {
    url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const found = scopeOf(url.pathname);
    scope = found.scope;
    match = state.router.match(scope, entry.method, found.rest);
  } catch {
    return sendProblem(res, 400, 'Bad Request', 'Malformed request path', h);
  }
  entry.service = scope;
  if (match && match !== 'method') entry.operation = match.route.operation;
  const key = req.headers['ocp-apim-subscription-key'];
  const keyOk = typeof key === 'string' && state.keys.has(key);
  const platform = scope !== 'sandbox' && scope !== 'page';
  const f = platform ? state.faults() : undefined;
  const faulted = f !== undefined && (f.services === undefined || f.services.includes(scope as GpdSandboxService));
  const hit = (rate: number): boolean => faulted && rate > 0 && state.random() < rate;

  if (platform) {
    if (faulted && f.latencyMs !== undefined) {
      const [min, max] = typeof f.latencyMs === 'number' ? [f.latencyMs, f.latencyMs] : f.latencyMs;
      entry.fault = 'latency';
      await sleep(min + Math.floor(state.random() * (Math.max(max, min) - min + 1)));
    }
    if (!keyOk) {
      const why = typeof key === 'string' ? 'invalid subscription key' : 'missing subscription key';
      return sendGatewayError(res, 401, `Access denied due to ${why}.`, h);
    }
    if (faulted && hit(f.rateLimitRate)) {
      entry.fault = '429';
      const s = f.retryAfterSeconds ?? 1;
      return sendGatewayError(res, 429, `Rate limit is exceeded. Try again in ${s} seconds.`, {
        ...h,
        'retry-after': String(s),
      });
    }
    if (faulted && hit(f.serverErrorRate)) {
      entry.fault = '5xx';
      return sendProblem(res, 503, 'Service Unavailable', 'Injected fault: nothing was written', h);
    }
  } else if (scope === 'sandbox' && state.controlKeyRequired && !keyOk) {
    return sendGatewayError(res, 401, 'Access denied: the sandbox is bound beyond loopback, send the API key.', h);
  }
  if (match === undefined || match === 'method') {
    if (platform) return sendGatewayError(res, 404, 'Resource not found', h);
    return sendProblem(res, 404, 'Not Found', 'No such sandbox route', h);
  }

  const request: SandboxRequest = {
    req,
    res,
    url,
    params: match.params,
    origin: state.origin(),
    store: state.store,
    now: state.now,
    random: state.random,
    requestId,
    async readJson() {
      const body = await readJsonBody(req, state.maxBodyBytes, state.requestTimeoutMs);
      if (body.ok) return body;
      const close = body.status === 400 ? {} : { connection: 'close' };
      sendProblem(res, body.status, body.status === 413 ? 'Payload Too Large' : 'Bad Request', body.detail, {
        ...h,
        ...close,
      });
      return { ok: false };
    },
    dropAfterWrite() {
      if (!f || !hit(f.dropAfterWriteRate ?? 0)) return false;
      entry.fault = 'drop';
      dropped = true;
      req.socket.destroy();
      return true;
    },
    note(fields) {
      if (fields.iupd !== undefined) entry.iupd = fields.iupd;
    },
    sendJson: (status, body, headers = {}) => sendJson(res, status, body, { ...h, ...headers }),
    sendProblem: (status, title, detail) => sendProblem(res, status, title, detail, h),
    sendText: (status, contentType, body, headers = {}) =>
      sendBody(res, status, contentType, body, { ...h, ...headers }),
  };
  try {
    await match.route.handler(request);
  } catch {
    if (!res.headersSent && !res.destroyed)
      sendProblem(res, 500, 'Internal Server Error', 'Unexpected sandbox failure', h);
  }
  if (!res.headersSent && !res.destroyed && !dropped) {
    sendProblem(res, 500, 'Internal Server Error', 'The sandbox route gave no answer', h);
  }
}
