import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEBT_POSITION_STATUSES,
  type DebtPosition,
  type ReconciliationBucket,
  type ReconciliationReport,
  type ReportedPayment,
  type ReportingFlow,
  reconcile,
} from '../src/index.js';
import { CREDITOR, flow, iuvOf, option, PARTNER, position, transfer } from './reconcile-fixtures.js';

const SEED = 1111;
const RUNS = 300;
const IDS = [1, 2, 3, 4, 5] as const;

/** Positions over IUVs 0–29 (each IUV in one option at most); stray lines name IUVs 24–33. */
const positionsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 29 }), { minLength: 0, maxLength: 12 })
  .chain((iuvs) =>
    fc.tuple(
      fc.constant(iuvs),
      fc.array(
        fc.record({
          partial: fc.boolean(),
          ids: fc.shuffledSubarray([...IDS], { minLength: 1, maxLength: 5 }),
          cents: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 5, maxLength: 5 }),
          owners: fc.array(fc.constantFrom(undefined, CREDITOR, PARTNER), { minLength: 5, maxLength: 5 }),
        }),
        { minLength: iuvs.length, maxLength: iuvs.length },
      ),
      fc.array(fc.constantFrom(...DEBT_POSITION_STATUSES), { minLength: 4, maxLength: 4 }),
    ),
  )
  .map(([iuvs, shapes, statuses]) => {
    // Options are dealt to at most four positions in turn.
    const groups: (typeof shapes)[number][][] = [[], [], [], []];
    const iuvsOf: string[][] = [[], [], [], []];
    iuvs.forEach((n, i) => {
      groups[i % 4]?.push(shapes[i] as (typeof shapes)[number]);
      iuvsOf[i % 4]?.push(iuvOf(n));
    });
    return groups
      .map((shape, p) =>
        position(
          `P${p}`,
          shape.map((s, o) =>
            option(
              iuvsOf[p]?.[o] as string,
              s.ids.map((id, t) => transfer(id, s.cents[t] ?? 1, s.owners[t])),
              s.partial,
            ),
          ),
          statuses[p],
        ),
      )
      .filter((p) => p.paymentOptions.length > 0);
  });

type Line = Omit<ReportedPayment, 'flowId' | 'index' | 'date'>;

const outcomeArb = fc.constantFrom('EXECUTED', 'EXECUTED', 'EXECUTED', 'REVOKED', 'STAND_IN', 'NO_RPT' as const);

/** Any line: mostly of an IUV some position has, with one of its transfer indexes; sometimes anything. */
function noiseArb(positions: readonly DebtPosition[]): fc.Arbitrary<Line> {
  const transfers = positions.flatMap((p) =>
    p.paymentOptions.flatMap((o) => o.transfers.map((t) => ({ iuv: o.iuv, id: t.idTransfer, cents: t.amountCents }))),
  );
  const anyLine = fc.record({
    iuv: fc.integer({ min: 24, max: 33 }).map(iuvOf),
    iur: fc.constantFrom('IUR-A', 'IUR-B', 'IUR-C'),
    idTransfer: fc.integer({ min: 1, max: 5 }),
    amountCents: fc.integer({ min: 0, max: 500 }),
    outcome: outcomeArb,
  });
  if (transfers.length === 0) return anyLine;
  const known = fc
    .record({
      t: fc.constantFrom(...transfers),
      iur: fc.constantFrom('IUR-A', 'IUR-B', 'IUR-C'),
      amount: fc.option(fc.integer({ min: 0, max: 500 })),
      outcome: outcomeArb,
    })
    .map(({ t, iur, amount, outcome }) => ({
      iuv: t.iuv,
      iur,
      idTransfer: t.id,
      amountCents: amount ?? t.cents,
      outcome,
    }));
  return fc.oneof({ weight: 3, arbitrary: known }, { weight: 1, arbitrary: anyLine });
}

/** The exact lines that pay an option: one per transfer of the creditor, its amount, one IUR. */
function payingLines(positions: readonly DebtPosition[], iuvs: readonly string[]): Line[] {
  return positions.flatMap((p) =>
    p.paymentOptions
      .filter((o) => iuvs.includes(o.iuv))
      .flatMap((o) =>
        o.transfers
          .filter((t) => (t.organizationFiscalCode ?? p.organizationFiscalCode) === CREDITOR)
          .map((t) => ({
            iuv: o.iuv,
            iur: `PAY-${o.iuv}`,
            idTransfer: t.idTransfer,
            amountCents: t.amountCents,
            outcome: 'EXECUTED' as const,
          })),
      ),
  );
}

/** Positions and up to four flows: some options paid exactly, plus noise; each line unique in its flow by index. */
const scenarioArb = positionsArb.chain((positions) => {
  const iuvs = positions.flatMap((p) => p.paymentOptions.map((o) => o.iuv));
  return fc
    .tuple(fc.subarray(iuvs), fc.array(noiseArb(positions), { maxLength: 10 }), fc.integer({ min: 1, max: 4 }))
    .chain(([paid, noise, flowCount]) => {
      const lines = [...payingLines(positions, paid), ...noise];
      return fc.tuple(
        fc.constant(positions),
        fc.constant(lines),
        fc.array(fc.nat(flowCount - 1), { minLength: lines.length, maxLength: lines.length }),
        fc.constant(flowCount),
      );
    })
    .map(([positions, lines, where, flowCount]) => {
      const flows: ReportedPayment[][] = Array.from({ length: flowCount }, () => []);
      lines.forEach((l, i) => {
        const f = where[i] ?? 0;
        const target = flows[f] as ReportedPayment[];
        target.push({ ...l, flowId: `F${f}`, index: target.length + 1, date: '2026-03-02' });
      });
      return [positions, flows] as const;
    });
});

const creditorArb = fc.constantFrom(undefined, CREDITOR, PARTNER);

function asFlows(lines: readonly ReportedPayment[][]): ReportingFlow[] {
  return lines.map((payments, f) => flow(`F${f}`, payments));
}

function entries(report: ReconciliationReport) {
  return [...report.paid, ...report.partial, ...report.overpaid, ...report.unknown, ...report.duplicated];
}

/** The rules, restated plainly over all lines at once. */
function modelBucket(iuv: string, lines: ReportedPayment[], positions: DebtPosition[], creditor: string | undefined) {
  const owner = positions.find((p) => p.paymentOptions.some((o) => o.iuv === iuv));
  const opt = owner?.paymentOptions.find((o) => o.iuv === iuv);
  const mine = lines.filter((l) => l.iuv === iuv);
  if (owner === undefined || opt === undefined) return { bucket: 'unknown' as const, expected: 0 };
  const wanted = creditor ?? owner.organizationFiscalCode;
  const expected = opt.transfers
    .filter((t) => (t.organizationFiscalCode ?? owner.organizationFiscalCode) === wanted)
    .reduce((s, t) => s + t.amountCents, 0);
  const reported = mine.filter((l) => l.outcome !== 'REVOKED').reduce((s, l) => s + l.amountCents, 0);
  const keys = mine.map((l) => `${l.iur}/${l.idTransfer}`);
  let bucket: ReconciliationBucket;
  if (mine.some((l) => !opt.transfers.some((t) => t.idTransfer === l.idTransfer))) bucket = 'unknown';
  else if (new Set(keys).size < keys.length) bucket = 'duplicated';
  else if (reported > expected) bucket = 'overpaid';
  else bucket = reported === expected ? 'paid' : 'partial';
  return { bucket, expected };
}

/** Deterministic Fisher–Yates from a seed (fast-check gives the seed). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('reconcile() properties', () => {
  it('puts every reported IUV in exactly one bucket, as the rules say, and never an unpaid one', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, creditorArb, async ([positions, lines], creditor) => {
        const report = await reconcile(asFlows(lines), positions, { organizationFiscalCode: creditor });
        const all = lines.flat();
        const reported = new Set(all.map((l) => l.iuv));
        const iuvs = entries(report).map((e) => e.iuv);
        expect(iuvs).toHaveLength(reported.size);
        expect(new Set(iuvs)).toEqual(reported);
        for (const entry of entries(report)) {
          const model = modelBucket(entry.iuv, all, positions, creditor);
          expect(entry.bucket).toBe(model.bucket);
          expect(entry.expectedCents).toBe(model.expected);
        }
        for (const entry of report.unpaid) expect(reported.has(entry.iuv)).toBe(false);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('adds up: totals.reportedCents is the sum of the entries and of the non-revoked lines', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ([positions, lines]) => {
        const report = await reconcile(asFlows(lines), positions);
        const all = lines.flat();
        const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
        expect(report.totals.reportedCents).toBe(sum(entries(report).map((e) => e.reportedCents)));
        expect(report.totals.reportedCents).toBe(
          sum(all.filter((l) => l.outcome !== 'REVOKED').map((l) => l.amountCents)),
        );
        expect(report.totals.revokedCents).toBe(
          sum(all.filter((l) => l.outcome === 'REVOKED').map((l) => l.amountCents)),
        );
        expect(report.totals.lines).toBe(all.length);
        expect(sum(entries(report).map((e) => e.payments.length))).toBe(all.length);
        expect(report.totals.flows).toBe(lines.length);
        expect(sum(report.unpaid.map((e) => e.reportedCents))).toBe(0);
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });

  it('gives the same report whatever the order of flows, lines and positions', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.integer(), async ([positions, lines], seed) => {
        const report = await reconcile(asFlows(lines), positions);
        const flows = shuffled(asFlows(lines), seed).map((f, i) => ({
          header: f.header,
          payments: shuffled([...(f.payments as ReportedPayment[])], seed + i),
        }));
        expect(await reconcile(flows, shuffled(positions, seed + 99))).toEqual(report);
      }),
      { seed: SEED + 2, numRuns: RUNS },
    );
  });

  it('always puts an IUV with a line reported twice in duplicated (unless unknown, which ranks first)', async () => {
    const withCopy = scenarioArb
      .filter(([, flows]) => flows.flat().length > 0)
      .chain(([positions, flows]) =>
        fc.tuple(
          fc.constant(positions),
          fc.constant(flows),
          fc.nat(flows.flat().length - 1),
          fc.nat(flows.length - 1),
          fc.nat(20),
        ),
      );
    await fc.assert(
      fc.asyncProperty(withCopy, async ([positions, lines, pick, into, at]) => {
        const copy = lines.flat()[pick] as ReportedPayment;
        const target = lines[into] as ReportedPayment[];
        const moved = { ...copy, flowId: `F${into}`, index: target.length + 1 };
        const next = lines.map((l, i) => (i === into ? [...l.slice(0, at), moved, ...l.slice(at)] : l));
        const report = await reconcile(asFlows(next), positions);
        const model = modelBucket(copy.iuv, next.flat(), positions, undefined);
        const inDuplicated = report.duplicated.some((e) => e.iuv === copy.iuv);
        const inUnknown = report.unknown.some((e) => e.iuv === copy.iuv);
        expect(inDuplicated || inUnknown).toBe(true);
        expect(inDuplicated).toBe(model.bucket !== 'unknown');
      }),
      { seed: SEED + 3, numRuns: RUNS },
    );
  });

  it("expects for a position's IUV only the cents of the reconciled creditor's transfers", async () => {
    await fc.assert(
      fc.asyncProperty(positionsArb, creditorArb, async (positions, creditor) => {
        const report = await reconcile([], positions, { organizationFiscalCode: creditor });
        const wanted = creditor ?? CREDITOR;
        for (const entry of report.unpaid) {
          const opt = positions.flatMap((p) => p.paymentOptions).find((o) => o.iuv === entry.iuv);
          const own = opt?.transfers.filter((t) => (t.organizationFiscalCode ?? CREDITOR) === wanted) ?? [];
          expect(entry.expectedCents).toBe(own.reduce((s, t) => s + t.amountCents, 0));
        }
        // With nothing reported, every option of an owed position is unpaid.
        const owed = positions.filter((p) => p.status !== 'DRAFT' && p.status !== 'INVALID');
        expect(report.unpaid).toHaveLength(owed.flatMap((p) => p.paymentOptions).length);
      }),
      { seed: SEED + 4, numRuns: RUNS },
    );
  });
});
