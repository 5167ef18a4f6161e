// Idempotent creates under injected faults, over real HTTP against the GPD sandbox: lost answers after
// the write, 503 before it and 429s. For each of 10 seeds, 1,000 creates with 16 in flight must leave
// exactly 1,000 positions, none twice, and the client's verdicts must agree with the sandbox both ways:
// every create that resolved exists, and no create that threw exists. Then, with no retries at all, a
// thrown create must say truly whether it may have landed (outcome), and doing it again must be safe.
import { afterAll, describe, expect, it } from 'vitest';
import { createGpdClient, PagoPaError } from '../src/index.js';
import { createGpdSandbox } from '../src/sandbox/index.js';
import { now, ORG } from './contract-fixtures.js';
import { type CreateOutcome, createMany, describeFailure, pool, roundInput } from './reliability-run.js';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const COUNT = 1_000;
const CONCURRENCY = 16;
const FEW = 200;
const FAULTS = { dropAfterWriteRate: 0.1, serverErrorRate: 0.1, rateLimitRate: 0.05, retryAfterSeconds: 0 };

function outcomeOf(error: unknown): unknown {
  return PagoPaError.isInstance(error) ? error.outcome : 'not a PagoPaError';
}

describe('createPosition() under injected faults (GPD sandbox)', () => {
  const timings: string[] = [];
  const cpuAtStart = process.cpuUsage();
  afterAll(() => {
    const cpu = process.cpuUsage(cpuAtStart);
    const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
    process.stderr.write(
      `[pagopa reliability] wall per seed: ${timings.join(', ')}; CPU of the whole file ${cpuMs} ms\n`,
    );
  });

  it.each(SEEDS)(
    'seed %i: every create resolves, exactly once, and the sandbox agrees',
    async (seed) => {
      const started = performance.now();
      const sandbox = await createGpdSandbox({ seed, faults: FAULTS, now });
      try {
        const client = createGpdClient({
          baseUrl: sandbox.url,
          apiKey: sandbox.apiKey,
          organizationFiscalCode: ORG,
          maxRetries: 20,
          baseDelayMs: 1,
          maxRetryAfterMs: 1_000,
          now,
        });
        const outcomes: CreateOutcome[] = await createMany(client, COUNT, CONCURRENCY, 1);
        const stored = sandbox.listPositions(ORG);
        const storedIupds = new Set(stored.map((p) => p.iupd));

        // Both directions: a thrown create left nothing behind; a resolved one exists.
        expect(outcomes.filter((o) => !o.ok && storedIupds.has(o.iupd)).map(describeFailure)).toEqual([]);
        expect(outcomes.filter((o) => o.ok && !storedIupds.has(o.iupd)).map((o) => o.iupd)).toEqual([]);
        // And with these retry settings, none throws at all.
        expect(outcomes.filter((o) => !o.ok).map(describeFailure)).toEqual([]);

        // Exactly COUNT positions, none twice (IUPD and IUV).
        expect(stored).toHaveLength(COUNT);
        expect(storedIupds.size).toBe(COUNT);
        const iuvs = stored.flatMap((p) => p.paymentOption.map((o) => o.iuv));
        expect(new Set(iuvs).size).toBe(COUNT);
        expect(iuvs).toHaveLength(COUNT);

        // What the client returned is what the sandbox holds, published when asked.
        for (const o of outcomes) {
          if (!o.ok) continue;
          const held = sandbox.getPosition(ORG, o.iupd);
          expect(o.position.status).toBe(held?.status);
          expect(o.position.paymentOptions[0]?.iuv).toBe(held?.paymentOption[0]?.iuv);
          expect(o.index % 2 === 1 ? ['PUBLISHED', 'VALID'] : ['DRAFT']).toContain(held?.status);
        }

        // The faults really happened, and the lost answers were recovered by reading back.
        const ledger = sandbox.ledger();
        const faults = (kind: string) => ledger.filter((e) => e.fault === kind).length;
        expect(faults('drop')).toBeGreaterThan(0);
        expect(faults('5xx')).toBeGreaterThan(0);
        expect(faults('429')).toBeGreaterThan(0);
        expect(ledger.filter((e) => e.status === 409).length).toBeGreaterThan(0);
      } finally {
        await sandbox.close();
      }
      timings.push(`seed ${seed} ${Math.round(performance.now() - started)} ms`);
    },
    60_000,
  );

  it.each(SEEDS)(
    'seed %i, no retries: a thrown create says truly whether it may exist, and redoing it is safe',
    async (seed) => {
      const started = performance.now();
      const sandbox = await createGpdSandbox({ seed, faults: FAULTS, now });
      try {
        const settings = {
          baseUrl: sandbox.url,
          apiKey: sandbox.apiKey,
          organizationFiscalCode: ORG,
          baseDelayMs: 1,
          now,
        };
        const outcomes = await createMany(createGpdClient({ ...settings, maxRetries: 0 }), FEW, CONCURRENCY, 1);
        const held = new Set(sandbox.listPositions(ORG).map((p) => p.iupd));
        const failed = outcomes.filter((o): o is Extract<CreateOutcome, { ok: false }> => !o.ok);
        expect(failed.length).toBeGreaterThan(0);
        // A create that resolved exists; one that threw 'not-sent' or 'rejected' does not.
        expect(outcomes.filter((o) => o.ok && !held.has(o.iupd)).map((o) => o.iupd)).toEqual([]);
        const certain = failed.filter((o) => outcomeOf(o.error) !== 'unknown');
        expect(certain.filter((o) => held.has(o.iupd)).map(describeFailure)).toEqual([]);
        expect(
          failed
            .filter((o) => !['unknown', 'not-sent', 'rejected'].includes(String(outcomeOf(o.error))))
            .map(describeFailure),
        ).toEqual([]);
        // Some 'unknown' ones did land (answers lost after the write): that is why the outcome exists.
        expect(failed.some((o) => outcomeOf(o.error) === 'unknown' && held.has(o.iupd))).toBe(true);

        // Redo every failed create on a healthy sandbox: each resolves, and exactly FEW positions exist.
        sandbox.setFaults(undefined);
        const redo = createGpdClient({ ...settings, maxRetries: 3 });
        const redone = await pool(failed.length, CONCURRENCY, (i) => {
          const index = failed[i]?.index ?? -1;
          return redo.createPosition(roundInput(1, index), { publish: index % 2 === 1 });
        });
        expect(redone.map((p) => p.iupd)).toEqual(failed.map((o) => o.iupd));
        const stored = sandbox.listPositions(ORG);
        expect(stored).toHaveLength(FEW);
        expect(new Set(stored.flatMap((p) => p.paymentOption.map((x) => x.iuv))).size).toBe(FEW);
      } finally {
        await sandbox.close();
      }
      timings.push(`seed ${seed} no-retry ${Math.round(performance.now() - started)} ms`);
    },
    60_000,
  );
});
