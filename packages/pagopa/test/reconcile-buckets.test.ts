import { describe, expect, it } from 'vitest';
import { type DebtPositionInput, reconcile } from '../src/index.js';
import { CREDITOR, flow, iuvOf, line, option, PARTNER, position, transfer } from './reconcile-fixtures.js';

const A = iuvOf(1);
const B = iuvOf(2);
const C = iuvOf(3);
const D = iuvOf(4);

describe('reconcile()', () => {
  it('puts an IUV whose lines add up to the expected cents in paid', async () => {
    const positions = [position('P1', [option(A, [transfer(1, 8000), transfer(2, 2000)])])];
    const report = await reconcile(
      [flow('F1', [line(A, 8000, { idTransfer: 1 }), line(A, 2000, { idTransfer: 2, index: 2 })])],
      positions,
    );
    expect(report.paid).toEqual([
      expect.objectContaining({ iuv: A, bucket: 'paid', iupd: 'P1', expectedCents: 10000, reportedCents: 10000 }),
    ]);
    expect(report.paid[0]?.payments).toHaveLength(2);
    expect(report.unpaid).toEqual([]);
    expect(report.totals).toEqual({ reportedCents: 10000, revokedCents: 0, flows: 1, lines: 2 });
  });

  it('puts an IUV reported below the expected cents in partial, across two flows', async () => {
    const positions = [position('P1', [option(A, [transfer(1, 8000), transfer(2, 2000)])])];
    const report = await reconcile([flow('F1', [line(A, 8000)]), flow('F2', [])], positions);
    expect(report.partial.map((e) => [e.iuv, e.reportedCents, e.expectedCents])).toEqual([[A, 8000, 10000]]);
    expect(report.totals.flows).toBe(2);
  });

  it('puts an IUV reported above the expected cents in overpaid', async () => {
    const report = await reconcile([flow('F1', [line(A, 10001)])], [position('P1', [option(A, [transfer(1, 10000)])])]);
    expect(report.overpaid.map((e) => e.iuv)).toEqual([A]);
  });

  it('puts an IUV of no position, and a transfer index the option lacks, in unknown', async () => {
    const positions = [position('P1', [option(A, [transfer(1, 100)])])];
    const report = await reconcile([flow('F1', [line(A, 100, { idTransfer: 3 }), line(B, 50)])], positions);
    expect(report.unknown.map((e) => [e.iuv, e.iupd, e.expectedCents])).toEqual([
      [A, 'P1', 100],
      [B, undefined, 0],
    ]);
    expect(report.paid).toEqual([]);
  });

  it('puts a line reported twice (same IUR and transfer index) in duplicated, even across flows', async () => {
    const positions = [position('P1', [option(A, [transfer(1, 100)]), option(B, [transfer(1, 100)])], 'VALID')];
    const report = await reconcile(
      [flow('F1', [line(A, 100, { flowId: 'F1' })]), flow('F2', [line(A, 100, { flowId: 'F2' }), line(B, 100)])],
      positions,
    );
    expect(report.duplicated.map((e) => [e.iuv, e.reportedCents])).toEqual([[A, 200]]);
    expect(report.duplicated[0]?.payments.map((p) => p.flowId)).toEqual(['F1', 'F2']);
    expect(report.paid.map((e) => e.iuv)).toEqual([B]);
  });

  it('does not call two lines of one IUV with different IURs a duplicate', async () => {
    const positions = [position('P1', [option(A, [transfer(1, 100)])])];
    const report = await reconcile([flow('F1', [line(A, 60, { iur: 'X1' }), line(A, 40, { iur: 'X2' })])], positions);
    expect(report.paid.map((e) => e.iuv)).toEqual([A]);
  });

  it('ranks unknown above duplicated', async () => {
    const positions = [position('P1', [option(A, [transfer(1, 100)])])];
    const report = await reconcile(
      [flow('F1', [line(A, 100, { idTransfer: 2 }), line(A, 100, { idTransfer: 2 })])],
      positions,
    );
    expect(report.unknown.map((e) => e.iuv)).toEqual([A]);
    expect(report.duplicated).toEqual([]);
  });

  it('keeps revoked lines in the entry without counting them', async () => {
    const positions = [position('P1', [option(A, [transfer(1, 100)]), option(B, [transfer(1, 300)])])];
    const report = await reconcile(
      [
        flow('F1', [
          line(A, 100, { iur: 'R1' }),
          line(A, 100, { iur: 'R2', outcome: 'REVOKED' }),
          line(B, 300, { outcome: 'REVOKED' }),
        ]),
      ],
      positions,
    );
    expect(report.paid.map((e) => [e.iuv, e.reportedCents, e.payments.length])).toEqual([[A, 100, 2]]);
    expect(report.partial.map((e) => [e.iuv, e.reportedCents, e.payments.length])).toEqual([[B, 0, 1]]);
    expect(report.totals).toEqual({ reportedCents: 100, revokedCents: 400, flows: 1, lines: 3 });
  });

  it('puts a revocation that repeats its payment line (same IUR and transfer index) in duplicated, for a person to look at', async () => {
    const positions = [position('P1', [option(A, [transfer(1, 100)])])];
    const report = await reconcile(
      [flow('F1', [line(A, 100, { iur: 'R1' })]), flow('F2', [line(A, 100, { iur: 'R1', outcome: 'REVOKED' })])],
      positions,
    );
    expect(report.duplicated.map((e) => [e.iuv, e.reportedCents, e.payments.length])).toEqual([[A, 100, 2]]);
    expect(report.totals).toEqual({ reportedCents: 100, revokedCents: 100, flows: 2, lines: 2 });
  });

  it('lists owed options nobody reported as unpaid, but not those of DRAFT or INVALID positions', async () => {
    const positions = [
      position('P1', [option(A, [transfer(1, 100)])], 'VALID'),
      position('P2', [option(B, [transfer(1, 100)])], 'DRAFT'),
      position('P3', [option(C, [transfer(1, 100)])], 'INVALID'),
      position('P4', [option(D, [transfer(1, 100)])], 'EXPIRED'),
    ];
    const report = await reconcile([], positions);
    expect(report.unpaid.map((e) => [e.iuv, e.iupd, e.expectedCents, e.reportedCents])).toEqual([
      [A, 'P1', 100, 0],
      [D, 'P4', 100, 0],
    ]);
    expect(report.totals).toEqual({ reportedCents: 0, revokedCents: 0, flows: 0, lines: 0 });
  });

  it('does not list the instalments as unpaid once the full option is reported', async () => {
    const plans = position('P1', [
      option(A, [transfer(1, 300)]),
      option(B, [transfer(1, 100)], true),
      option(C, [transfer(1, 200)], true),
    ]);
    const report = await reconcile([flow('F1', [line(A, 300)])], [plans]);
    expect(report.paid.map((e) => e.iuv)).toEqual([A]);
    expect(report.unpaid).toEqual([]);
  });

  it('does not list the full option as unpaid once an instalment is reported, but lists the other instalments', async () => {
    const plans = position('P1', [
      option(A, [transfer(1, 300)]),
      option(B, [transfer(1, 100)], true),
      option(C, [transfer(1, 200)], true),
    ]);
    const report = await reconcile([flow('F1', [line(B, 100)])], [plans]);
    expect(report.unpaid.map((e) => e.iuv)).toEqual([C]);
    const none = await reconcile([], [plans]);
    expect(none.unpaid.map((e) => e.iuv)).toEqual([A, B, C]);
  });

  it("counts only the creditor's own transfers in what an IUV is expected to bring", async () => {
    const shared = position('P1', [
      option(A, [transfer(1, 700), transfer(2, 300, PARTNER), transfer(3, 50, CREDITOR)]),
    ]);
    const own = await reconcile([flow('F1', [line(A, 700), line(A, 50, { idTransfer: 3 })])], [shared]);
    expect(own.paid.map((e) => [e.iuv, e.expectedCents])).toEqual([[A, 750]]);
    // The partner reconciles its own flow against the creditor's position: only its share counts.
    const partner = await reconcile([flow('F2', [line(A, 300, { idTransfer: 2 })])], [shared], {
      organizationFiscalCode: PARTNER,
    });
    expect(partner.paid.map((e) => [e.iuv, e.expectedCents])).toEqual([[A, 300]]);
  });

  it('takes positions as sent (no status, no creditor) with options.organizationFiscalCode', async () => {
    const input: DebtPositionInput = {
      iupd: 'P1',
      debtor: { type: 'F', fiscalCode: 'RSSMRA80A01H501U', fullName: 'Mario Rossi' },
      companyName: 'Comune di Prova',
      switchToExpired: false,
      paymentOptions: [option(A, [transfer(1, 100), transfer(2, 40, PARTNER)])],
    };
    const report = await reconcile([flow('F1', [line(A, 100)])], [input], { organizationFiscalCode: CREDITOR });
    expect(report.paid.map((e) => [e.iuv, e.expectedCents])).toEqual([[A, 100]]);
    const unpaid = await reconcile([], [input], { organizationFiscalCode: CREDITOR });
    expect(unpaid.unpaid.map((e) => e.iuv)).toEqual([A]);
  });

  it('reads async flows with async payment lines, and sorts entries by IUV and lines by flow and index', async () => {
    async function* lines(flowId: string, iuvs: string[]) {
      for (const [i, iuv] of iuvs.entries()) yield line(iuv, 100, { flowId, index: i + 1, iur: `${flowId}-${i}` });
    }
    async function* flows() {
      yield flow('F2', lines('F2', [B, A]));
      yield flow('F1', lines('F1', [A]));
    }
    const positions = [position('P1', [option(A, [transfer(1, 200)]), option(B, [transfer(1, 100)])])];
    const report = await reconcile(flows(), positions);
    expect(report.paid.map((e) => e.iuv)).toEqual([A, B]);
    expect(report.paid[0]?.payments.map((p) => `${p.flowId}#${p.index}`)).toEqual(['F1#1', 'F2#2']);
  });
});
