import { DEBT_POSITION_TRANSITIONS, type DebtPositionStatus } from '../gpd/lifecycle.js';
import { listItem, listPositionsAnswer } from './gpd-list.js';
import { buildSandboxPosition } from './gpd-position-rules.js';
import type { GpdStoreConflict, SandboxPosition } from './gpd-store-types.js';
import type { SandboxRequest, SandboxRouter } from './routes.js';
import { sendGatewayError } from './sandbox-http.js';

const BASE = '/organizations/{organizationfiscalcode}/debtpositions';

const CONFLICT_DETAIL: { readonly [C in GpdStoreConflict]: string } = {
  iupd: 'A debt position with this IUPD already exists',
  'terminal-iupd': 'This IUPD belonged to an invalidated or expired debt position and cannot be reused',
  iuv: 'A payment option with this IUV already exists',
  nav: 'A payment option with this notice number already exists',
  full: 'The sandbox holds its maximum number of debt positions',
};

/** Who may act for which creditor. @internal */
export interface GpdRouteOptions {
  /** Creditor codes allowed, or `undefined` for any 11 digits. */
  readonly organizations: ReadonlySet<string> | undefined;
}

function toPublishOf(r: SandboxRequest): boolean | undefined {
  const v = r.url.searchParams.get('toPublish');
  if (v === null || v === 'false') return false;
  if (v === 'true') return true;
  r.sendProblem(400, 'Bad Request', 'toPublish must be true or false');
  return undefined;
}

/** Status after a create or update: DRAFT, or PUBLISHED (validity date) / VALID when published. */
function initialStatus(toPublish: boolean, body: unknown): DebtPositionStatus {
  if (!toPublish) return 'DRAFT';
  const validity = (body as { validityDate?: unknown } | null)?.validityDate;
  return typeof validity === 'string' ? 'PUBLISHED' : 'VALID';
}

const notFound = (r: SandboxRequest): void =>
  r.sendProblem(404, 'Not Found', 'No debt position with this IUPD for this organization');

const notAllowed = (r: SandboxRequest, status: DebtPositionStatus, what: string): void =>
  r.sendProblem(409, 'Conflict', `A debt position in status ${status} cannot be ${what}`);

/**
 * Registers the GPD v1 debt-position operations (gpd.json).
 * @param router - the sandbox routes
 * @param options - allowed creditors
 * @internal
 */
export function registerGpdRoutes(router: SandboxRouter, options: GpdRouteOptions): void {
  // Every GPD route starts by checking the creditor: the key is enabled only for some.
  const org = (r: SandboxRequest): string | undefined => {
    const code = r.params.organizationfiscalcode ?? '';
    const ok = /^\d{11}$/.test(code) && (options.organizations === undefined || options.organizations.has(code));
    if (!ok) sendGatewayError(r.res, 403, 'You are not allowed to access this resource.', headers(r));
    return ok ? code : undefined;
  };
  const add = (method: string, path: string, operation: string, handler: (r: SandboxRequest, o: string) => unknown) =>
    router.register({
      scope: 'gpd',
      method,
      path: `${BASE}${path}`,
      operation,
      handler: async (r) => {
        if (r.params.iupd !== undefined) r.note({ iupd: r.params.iupd });
        const o = org(r);
        if (o !== undefined) await handler(r, o);
      },
    });

  add('GET', '', 'getOrganizationDebtPositions', (r, o) => {
    const positions: SandboxPosition[] = [];
    r.store.scan((p) => positions.push(p), o);
    const answer = listPositionsAnswer(positions, r.url.searchParams);
    if (answer.ok) r.sendJson(200, answer.body);
    else r.sendProblem(400, 'Bad Request', answer.detail);
  });

  add('POST', '', 'createPosition', async (r, o) => {
    const toPublish = toPublishOf(r);
    if (toPublish === undefined) return;
    const body = await r.readJson();
    if (!body.ok) return;
    const status = initialStatus(toPublish, body.value);
    const now = r.now();
    const built = buildSandboxPosition(body.value, { org: o, now, operation: 'create', status });
    if (!built.ok) return r.sendProblem(400, 'Bad Request', built.detail);
    r.note({ iupd: built.position.iupd });
    const position: SandboxPosition = toPublish
      ? { ...built.position, publishDate: now.toISOString() }
      : built.position;
    const conflict = r.store.insert(position);
    if (conflict) return r.sendProblem(409, 'Conflict', CONFLICT_DETAIL[conflict]);
    if (r.dropAfterWrite()) return;
    r.sendJson(201, r.store.get(o, position.iupd));
  });

  add('GET', '/{iupd}', 'getOrganizationDebtPositionByIUPD', (r, o) => {
    const p = r.store.get(o, r.params.iupd ?? '');
    if (!p) return notFound(r);
    r.sendJson(200, listItem(p));
  });

  add('PUT', '/{iupd}', 'updatePosition', async (r, o) => {
    const iupd = r.params.iupd ?? '';
    const toPublish = toPublishOf(r);
    if (toPublish === undefined) return;
    const body = await r.readJson();
    if (!body.ok) return;
    const old = r.store.get(o, iupd);
    if (!old) return notFound(r);
    if (!DEBT_POSITION_TRANSITIONS.update.includes(old.status)) return notAllowed(r, old.status, 'updated');
    const now = r.now();
    const built = buildSandboxPosition(body.value, {
      org: o,
      iupd,
      now,
      operation: 'update',
      status: initialStatus(toPublish, body.value),
      insertedDate: old.insertedDate,
      publishDate: toPublish ? (old.publishDate ?? now.toISOString()) : undefined,
    });
    if (!built.ok) return r.sendProblem(400, 'Bad Request', built.detail);
    const conflict = r.store.replace(built.position);
    if (conflict) return r.sendProblem(409, 'Conflict', CONFLICT_DETAIL[conflict]);
    if (r.dropAfterWrite()) return;
    r.sendJson(200, r.store.get(o, iupd));
  });

  add('DELETE', '/{iupd}', 'deletePosition', (r, o) => {
    const iupd = r.params.iupd ?? '';
    const old = r.store.get(o, iupd);
    if (!old) return notFound(r);
    if (!DEBT_POSITION_TRANSITIONS.delete.includes(old.status)) return notAllowed(r, old.status, 'deleted');
    r.store.remove(o, iupd);
    if (r.dropAfterWrite()) return;
    r.sendJson(200, 'OK');
  });

  const transition = (path: string, operation: string, op: 'publish' | 'invalidate', what: string) =>
    add('POST', path, operation, (r, o) => {
      const iupd = r.params.iupd ?? '';
      const old = r.store.get(o, iupd);
      if (!old) return notFound(r);
      if (!DEBT_POSITION_TRANSITIONS[op].includes(old.status)) return notAllowed(r, old.status, what);
      const next: DebtPositionStatus = op === 'invalidate' ? 'INVALID' : old.validityDate ? 'PUBLISHED' : 'VALID';
      const updated = r.store.setStatus(o, iupd, next);
      if (r.dropAfterWrite()) return;
      r.sendJson(200, updated);
    });
  transition('/{iupd}/publish', 'publishPosition', 'publish', 'published');
  transition('/{iupd}/invalidate', 'invalidatePosition', 'invalidate', 'invalidated');

  add('PATCH', '/transfers', 'updateTransferIbanMassive', async (r, o) => {
    const oldIban = r.url.searchParams.get('oldIban');
    const limitText = r.url.searchParams.get('limit') ?? '1000';
    const limit = /^\d{1,4}$/.test(limitText) ? Number(limitText) : Number.NaN;
    if (!oldIban || !(limit >= 1 && limit <= 1000)) {
      return r.sendProblem(400, 'Bad Request', 'oldIban is required and limit must be 1 to 1000');
    }
    const body = await r.readJson();
    if (!body.ok) return;
    const newIban = (body.value as { newIban?: unknown } | null)?.newIban;
    if (typeof newIban !== 'string' || !/^[A-Za-z0-9]{1,35}$/.test(newIban)) {
      return r.sendProblem(400, 'Bad Request', 'newIban must be an IBAN');
    }
    let updated = 0;
    const at = r.now().toISOString();
    for (const p of r.store.list(o)) {
      if (updated >= limit || !DEBT_POSITION_TRANSITIONS.update.includes(p.status)) continue;
      let changed = false;
      const paymentOption = p.paymentOption.map((opt) => ({
        ...opt,
        transfer: opt.transfer.map((t) => {
          if (t.iban !== oldIban || updated >= limit) return t;
          updated++;
          changed = true;
          return { ...t, iban: newIban, lastUpdatedDate: at };
        }),
      }));
      if (changed) r.store.replace({ ...p, paymentOption, lastUpdatedDate: at });
    }
    if (r.dropAfterWrite()) return;
    r.sendJson(200, { description: 'IBAN updated', updatedTransfers: updated });
  });
}

function headers(r: SandboxRequest): Record<string, string> {
  return { 'x-request-id': r.requestId };
}
