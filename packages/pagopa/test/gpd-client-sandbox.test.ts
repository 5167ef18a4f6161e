import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PagoPaError } from '../src/errors.js';
import type { DebtPositionInput } from '../src/gpd/debt-position.js';
import { createGpdClient, type GpdClient } from '../src/index.js';
import { createGpdSandbox, type GpdSandbox } from '../src/sandbox/index.js';

// The GPD client against the sandbox (real HTTP on 127.0.0.1), with its seeded fault injection:
// 503 before any write, 429 with Retry-After, and writes applied then answered by a dropped socket.

const ORG = '77777777777';
const NOW = new Date('2026-03-01T09:00:00Z');

let sandbox: GpdSandbox;
let gpd: GpdClient;
beforeEach(async () => {
  sandbox = await createGpdSandbox({ seed: 5, now: () => NOW });
  gpd = createGpdClient({
    baseUrl: sandbox.url,
    apiKey: sandbox.apiKey,
    organizationFiscalCode: ORG,
    baseDelayMs: 1,
    maxRetries: 12,
    now: () => NOW,
  });
});
afterEach(async () => {
  await sandbox.close();
});

function position(n: number, amountCents = 1000 + n): DebtPositionInput {
  const iuv = `01${String(n).padStart(15, '0')}`;
  return {
    iupd: `${ORG}-sbx-${n}`,
    debtor: { type: 'F', fiscalCode: 'RSSMRA85T10A562S', fullName: 'Mario Rossi' },
    companyName: 'Comune di Esempio',
    switchToExpired: false,
    paymentOptions: [
      {
        iuv,
        amountCents,
        description: `Rata ${n}`,
        dueDate: '2026-12-31',
        isPartialPayment: false,
        transfers: [
          {
            idTransfer: 1,
            amountCents,
            remittanceInformation: `Rata ${n}`,
            category: '9/0101101IM/',
            iban: 'IT60X0542811101000000123456',
          },
        ],
      },
    ],
  };
}

async function failure(promise: Promise<unknown>): Promise<PagoPaError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!PagoPaError.isInstance(error)) throw new Error(`expected a PagoPaError, got ${String(error)}`);
  return error;
}

/** Runs `task` over `items` with at most `limit` in flight. */
async function pool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

describe('GPD client against the sandbox', () => {
  it('walks the lifecycle', async () => {
    const created = await gpd.createPosition(position(1), { publish: true });
    expect(created.status).toBe('VALID');
    expect((await gpd.getPosition(created.iupd)).paymentOptions[0]?.nav).toBe('301000000000000001');
    const page = await gpd.listPositions({ limit: 10, status: 'VALID' });
    expect(page.positions.map((p) => p.iupd)).toEqual([created.iupd]);
    // GPD: an update without toPublish puts the position back to DRAFT.
    expect((await gpd.updatePosition(created.iupd, position(1, 4321))).status).toBe('DRAFT');
    const updated = await gpd.updatePosition(created.iupd, position(1, 4321), { publish: true });
    expect(updated.paymentOptions[0]?.amountCents).toBe(4321);
    expect(updated.status).toBe('VALID');
    expect((await gpd.invalidatePosition(created.iupd)).status).toBe('INVALID');
    expect((await gpd.invalidatePosition(created.iupd)).status).toBe('INVALID');
    const reuse = await failure(gpd.createPosition(position(1, 4321)));
    expect(reuse.code).toBe('ERR_PAGOPA_INVALID_TRANSITION');
    expect(reuse.rule).toBe('terminal-status');
    await gpd.createPosition(position(2));
    expect((await gpd.publishPosition(position(2).iupd)).status).toBe('VALID');
    await gpd.createPosition(position(3));
    await gpd.deletePosition(position(3).iupd);
    expect(sandbox.getPosition(ORG, position(3).iupd)).toBeUndefined();
  });

  it('a repeated create of the same debt returns it; another debt on the IUPD conflicts', async () => {
    const first = await gpd.createPosition(position(1));
    const again = await gpd.createPosition(position(1));
    expect(again.iupd).toBe(first.iupd);
    const other = await failure(gpd.createPosition(position(1, 9999)));
    expect(other.code).toBe('ERR_PAGOPA_API_CONFLICT');
    expect(other.rule).toBe('different-debt');
    const taken = await failure(gpd.createPosition({ ...position(1), iupd: `${ORG}-sbx-other` }));
    expect(taken.rule).toBe('notice-taken');
  });

  it('under 503, 429 and dropped answers every operation ends once, exactly', async () => {
    sandbox.setFaults({
      serverErrorRate: 0.15,
      rateLimitRate: 0.1,
      retryAfterSeconds: 0,
      dropAfterWriteRate: 0.2,
      services: ['gpd'],
    });
    const inputs = Array.from({ length: 60 }, (_, i) => position(i + 1));
    const created = await pool(inputs, 8, (p) =>
      gpd.createPosition(p, { publish: (Number(p.iupd.slice(-1)) & 1) === 1 }),
    );
    expect(created.map((p) => p.iupd)).toEqual(inputs.map((p) => p.iupd));
    const stored = sandbox.listPositions(ORG);
    expect(stored).toHaveLength(60);
    expect(new Set(stored.flatMap((p) => p.paymentOption.map((o) => o.iuv))).size).toBe(60);

    const drafts = inputs.filter((p) => (Number(p.iupd.slice(-1)) & 1) === 0);
    await pool(drafts, 8, (p) => gpd.publishPosition(p.iupd));
    await pool(inputs.slice(0, 20), 8, (p) => gpd.invalidatePosition(p.iupd));
    await pool(inputs.slice(20, 40), 8, (p) => gpd.deletePosition(p.iupd));
    const statuses = sandbox.listPositions(ORG).map((p) => p.status);
    expect(statuses.filter((s) => s === 'INVALID')).toHaveLength(20);
    expect(statuses.filter((s) => s === 'VALID')).toHaveLength(20);
    expect(statuses).toHaveLength(40);

    const faults = new Set(sandbox.ledger().map((e) => e.fault));
    expect(faults).toEqual(new Set([undefined, '5xx', '429', 'drop']));
  });

  it('a Retry-After over maxRetryAfterMs ends with RATE_LIMITED, not-sent, nothing written', async () => {
    sandbox.setFaults({ rateLimitRate: 1, retryAfterSeconds: 5, services: ['gpd'] });
    const impatient = createGpdClient({
      baseUrl: sandbox.url,
      apiKey: sandbox.apiKey,
      organizationFiscalCode: ORG,
      maxRetryAfterMs: 1_000,
      now: () => NOW,
    });
    const error = await failure(impatient.createPosition(position(1)));
    expect(error.code).toBe('ERR_PAGOPA_API_RATE_LIMITED');
    expect(error.outcome).toBe('not-sent');
    expect(sandbox.listPositions(ORG)).toHaveLength(0);
  });

  it('drops with no retries left: NETWORK, outcome unknown, and the write did happen', async () => {
    sandbox.setFaults({ dropAfterWriteRate: 1, services: ['gpd'] });
    const once = createGpdClient({
      baseUrl: sandbox.url,
      apiKey: sandbox.apiKey,
      organizationFiscalCode: ORG,
      maxRetries: 0,
      now: () => NOW,
    });
    const error = await failure(once.createPosition(position(1)));
    expect(error.code).toBe('ERR_PAGOPA_API_NETWORK');
    expect(error.outcome).toBe('unknown');
    expect(sandbox.listPositions(ORG)).toHaveLength(1);
    sandbox.setFaults(undefined);
    expect((await once.createPosition(position(1))).iupd).toBe(position(1).iupd);
  });
});
