import { afterEach, describe, expect, it } from 'vitest';
import { PagoPaError } from '../src/errors.js';
import { createGpdSandbox, type GpdSandbox } from '../src/sandbox/index.js';
import { gpd, iuvOf, ORG, wirePosition } from './sandbox-fixtures.js';

const open: GpdSandbox[] = [];
async function start(options: Parameters<typeof createGpdSandbox>[0]): Promise<GpdSandbox> {
  const s = await createGpdSandbox(options);
  open.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

describe('fault injection', () => {
  it('drop after write: the position is stored, the connection ends with no answer, the ledger says dropped', async () => {
    const sandbox = await start({ faults: { dropAfterWriteRate: 1 } });
    await expect(gpd(sandbox, 'POST', '', wirePosition('DROP-1', iuvOf(1)))).rejects.toThrow();
    expect(sandbox.getPosition(ORG, 'DROP-1')).toMatchObject({ iupd: 'DROP-1', status: 'DRAFT' });
    // Reads are not writes: never dropped.
    expect((await gpd(sandbox, 'GET', '/DROP-1')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 20));
    const [create, read] = sandbox.ledger();
    expect(create).toMatchObject({
      seq: 1,
      method: 'POST',
      service: 'gpd',
      operation: 'createPosition',
      status: 'dropped',
      fault: 'drop',
      iupd: 'DROP-1',
    });
    expect(read).toMatchObject({ seq: 2, operation: 'getOrganizationDebtPositionByIUPD', status: 200, iupd: 'DROP-1' });
  });

  it('503 before any write, 429 with Retry-After', async () => {
    const sandbox = await start({ faults: { serverErrorRate: 1 } });
    const failed = await gpd(sandbox, 'POST', '', wirePosition('E-1', iuvOf(2)));
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({ status: 503 });
    expect(sandbox.getPosition(ORG, 'E-1')).toBeUndefined();
    sandbox.setFaults({ rateLimitRate: 1, retryAfterSeconds: 2 });
    const limited = await gpd(sandbox, 'GET', '');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(sandbox.ledger().map((e) => e.fault)).toEqual(['5xx', '429']);
    sandbox.setFaults(undefined);
    expect((await gpd(sandbox, 'GET', '')).status).toBe(200);
  });

  it('is deterministic for a seed', async () => {
    const statuses = async (seed: number): Promise<number[]> => {
      const sandbox = await start({ seed, faults: { serverErrorRate: 0.3, rateLimitRate: 0.2, retryAfterSeconds: 0 } });
      const out: number[] = [];
      for (let i = 0; i < 30; i++) out.push((await gpd(sandbox, 'GET', '')).status);
      return out;
    };
    const a = await statuses(42);
    expect(await statuses(42)).toEqual(a);
    expect(await statuses(43)).not.toEqual(a);
    expect(new Set(a)).toEqual(new Set([200, 429, 503]));
  });

  it('adds latency, only to the services named', async () => {
    const sandbox = await start({ faults: { latencyMs: [40, 60], services: ['gpd'] } });
    const t0 = performance.now();
    expect((await gpd(sandbox, 'GET', '')).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(39);
    sandbox.setFaults({ serverErrorRate: 1, services: ['fdr'] });
    expect((await gpd(sandbox, 'GET', '')).status).toBe(200);
    expect(sandbox.ledger()[0]).toMatchObject({ fault: 'latency', status: 200 });
  });

  it('is set over HTTP with PUT /sandbox/faults, never applied to the control routes', async () => {
    const sandbox = await start({});
    const put = await fetch(`${sandbox.url}/sandbox/faults`, {
      method: 'PUT',
      body: JSON.stringify({ serverErrorRate: 1 }),
    });
    expect(put.status).toBe(200);
    expect((await gpd(sandbox, 'GET', '')).status).toBe(503);
    const get = await fetch(`${sandbox.url}/sandbox/faults`);
    expect(await get.json()).toMatchObject({ faults: { serverErrorRate: 1 } });
    const bad = await fetch(`${sandbox.url}/sandbox/faults`, {
      method: 'PUT',
      body: JSON.stringify({ serverErrorRate: 2 }),
    });
    expect(bad.status).toBe(400);
    const unknown = await fetch(`${sandbox.url}/sandbox/faults`, {
      method: 'PUT',
      body: JSON.stringify({ chaos: true }),
    });
    expect(unknown.status).toBe(400);
    expect((await fetch(`${sandbox.url}/sandbox/faults`, { method: 'DELETE' })).status).toBe(200);
    expect((await gpd(sandbox, 'GET', '')).status).toBe(200);
    const ledger = (await (await fetch(`${sandbox.url}/sandbox/ledger`)).json()) as { entries: { service: string }[] };
    expect(ledger.entries.filter((e) => e.service === 'sandbox').length).toBeGreaterThanOrEqual(5);
  });

  it('refuses invalid settings with ERR_PAGOPA_INVALID_CONFIG', async () => {
    const sandbox = await start({});
    expect(() => sandbox.setFaults({ dropAfterWriteRate: -1 })).toThrow(PagoPaError);
    await expect(createGpdSandbox({ faults: { serverErrorRate: 1.5 } })).rejects.toMatchObject({
      code: 'ERR_PAGOPA_INVALID_CONFIG',
    });
    await expect(createGpdSandbox({ apiKeys: [] })).rejects.toMatchObject({ code: 'ERR_PAGOPA_INVALID_CONFIG' });
  });
});
