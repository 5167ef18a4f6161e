import type { SandboxRouter } from './routes.js';
import { type GpdSandboxFaults, GpdSandboxFaultsSchema } from './sandbox-faults.js';
import type { SandboxLedger } from './sandbox-ledger.js';

/** What the control routes read and change. @internal */
export interface ControlState {
  /** The ledger. */
  readonly ledger: SandboxLedger;
  /** Current faults. */
  faults(): GpdSandboxFaults | undefined;
  /** Replaces the faults (already validated). */
  setFaults(faults: GpdSandboxFaults | undefined): void;
}

/**
 * Registers `/sandbox/ledger`, `/sandbox/faults` (GET, PUT, DELETE) and `/sandbox/positions`
 * (GET, DELETE).
 * @param router - the routes
 * @param state - ledger and faults
 * @internal
 */
export function registerControlRoutes(router: SandboxRouter, state: ControlState): void {
  const add = (
    method: string,
    path: string,
    operation: string,
    handler: Parameters<SandboxRouter['register']>[0]['handler'],
  ) => router.register({ scope: 'sandbox', method, path, operation, handler });
  add('GET', '/ledger', 'ledger', (r) => r.sendJson(200, { entries: state.ledger.entries() }));
  add('GET', '/faults', 'getFaults', (r) => r.sendJson(200, { faults: state.faults() ?? null }));
  add('PUT', '/faults', 'setFaults', async (r) => {
    const body = await r.readJson();
    if (!body.ok) return;
    const parsed = GpdSandboxFaultsSchema.safeParse(body.value ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return r.sendProblem(
        400,
        'Bad Request',
        `Invalid faults: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`,
      );
    }
    state.setFaults(parsed.data);
    r.sendJson(200, { faults: parsed.data });
  });
  add('DELETE', '/faults', 'clearFaults', (r) => {
    state.setFaults(undefined);
    r.sendJson(200, { faults: null });
  });
  add('GET', '/positions', 'listPositions', (r) => {
    const org = r.url.searchParams.get('organizationFiscalCode') ?? undefined;
    r.sendJson(200, { positions: r.store.list(org) });
  });
  add('DELETE', '/positions', 'clearPositions', (r) => {
    r.store.clear();
    r.sendJson(200, { positions: [] });
  });
}
