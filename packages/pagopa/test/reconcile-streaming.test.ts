import { describe, expect, it } from 'vitest';
import { type ReportedPayment, type ReportingFlow, reconcile } from '../src/index.js';
import { flow, iuvOf, line, option, position, transfer } from './reconcile-fixtures.js';

describe('reconcile() streaming', () => {
  it('pulls flows and lines one at a time, finishing a flow before asking for the next', async () => {
    const log: string[] = [];
    async function* lines(f: number): AsyncGenerator<ReportedPayment> {
      for (let i = 0; i < 3; i++) {
        log.push(`line ${f}.${i}`);
        yield line(iuvOf(f * 10 + i), 100, { flowId: `F${f}`, index: i + 1 });
      }
      log.push(`end ${f}`);
    }
    async function* flows(): AsyncGenerator<ReportingFlow> {
      for (let f = 0; f < 2; f++) {
        log.push(`flow ${f}`);
        yield flow(`F${f}`, lines(f));
      }
    }
    const report = await reconcile(flows(), [position('P1', [option(iuvOf(0), [transfer(1, 100)])])]);
    expect(log).toEqual([
      'flow 0',
      'line 0.0',
      'line 0.1',
      'line 0.2',
      'end 0',
      'flow 1',
      'line 1.0',
      'line 1.1',
      'line 1.2',
      'end 1',
    ]);
    expect([report.paid.length, report.unknown.length, report.totals.lines]).toEqual([1, 5, 6]);
  });

  it('adds up 200,000 lines of 1,000 IUVs (200 lines each) from a sync generator', async () => {
    let pulled = 0;
    function* lines(): Generator<ReportedPayment> {
      for (let i = 0; i < 200_000; i++) {
        pulled++;
        yield line(iuvOf(i % 1000), 1, { iur: `R${i}`, index: i + 1 });
      }
    }
    const positions = Array.from({ length: 1000 }, (_, i) => position(`P${i}`, [option(iuvOf(i), [transfer(1, 200)])]));
    const report = await reconcile([flow('F1', lines())], positions);
    expect(pulled).toBe(200_000);
    expect(report.paid).toHaveLength(1000);
    expect(report.totals.reportedCents).toBe(200_000);
  });
});
