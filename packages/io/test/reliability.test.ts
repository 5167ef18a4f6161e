import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIoSandbox, type IoSandbox } from '../src/sandbox/index.js';
import {
  bundleChild,
  countByCitizen,
  exactlyOnceViolations,
  exited,
  population,
  seededRandom,
  startChild,
  writeRecipients,
} from './reliability-helpers.js';

const COUNT = 2000;
const CONCURRENCY = 16;
let dir = '';
let buildDir = '';
let script = '';
let sandbox: IoSandbox | undefined;
beforeAll(async () => {
  buildDir = mkdtempSync(join(tmpdir(), 'civico-io-child-'));
  script = await bundleChild(buildDir);
});
afterAll(() => {
  rmSync(buildDir, { recursive: true, force: true });
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civico-io-reliability-'));
});
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function childConfig(s: IoSandbox, csv: string) {
  return {
    url: s.url,
    csv,
    journal: join(dir, 'run.journal'),
    report: join(dir, 'report.json'),
    concurrency: CONCURRENCY,
    pollMs: 10,
    reconcileLog: join(dir, 'reconciled.log'),
  };
}

function reconciliations(path: string): string[] {
  try {
    return readFileSync(path, 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

function reportStates(path: string): Map<string, string> {
  const report = JSON.parse(readFileSync(path, 'utf8')) as { outcomes: { fiscal_code: string; state: string }[] };
  return new Map(report.outcomes.map((o) => [o.fiscal_code, o.state]));
}

describe('sendBulk() reliability over real HTTP', () => {
  it('resumes after 10 kill -9 at random points: every eligible recipient stored exactly once', async () => {
    const { profiles, eligible, all } = population(COUNT);
    const s = await createIoSandbox({ profiles, processingDelayMs: 5 });
    sandbox = s;
    const config = childConfig(s, writeRecipients(join(dir, 'recipients.csv'), all));
    const targets = Array.from({ length: 10 }, () => 40 + Math.floor(Math.random() * (eligible.size - 80))).sort(
      (a, b) => a - b,
    );
    const killedAt: number[] = [];
    for (const target of targets) {
      const child = startChild(script, config);
      const end = exited(child);
      let done = false;
      void end.then(() => (done = true));
      while (!done && s.ledger().length < target) await new Promise((r) => setTimeout(r, 2));
      child.kill('SIGKILL');
      killedAt.push(s.ledger().length);
      await end;
    }
    const last = startChild(script, config);
    let stderr = '';
    last.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    expect(await exited(last), stderr).toBe(0);

    const counts = countByCitizen(s.ledger());
    expect(exactlyOnceViolations(all, eligible, counts), `kills at ${killedAt.join(',')}`).toEqual([]);
    expect(s.ledger()).toHaveLength(eligible.size);
    // The kills left sends in doubt, and they were reconciled rather than resent blindly.
    expect(reconciliations(config.reconcileLog).length).toBeGreaterThan(0);
    const states = reportStates(config.report);
    expect(states.size).toBe(COUNT);
    expect(
      [...states].filter(([fc, st]) => st !== (eligible.has(fc) ? 'PROCESSED' : expectedSkip(fc, profiles))),
    ).toEqual([]);
  }, 120_000);

  it('survives injected 429s, 500s and connections dropped after store, pausing everyone on retry-after', async () => {
    const { profiles, eligible, all } = population(COUNT);
    const s = await createIoSandbox({
      profiles,
      processingDelayMs: 5,
      random: seededRandom(20_260_101),
      faults: { serverErrorRate: 0.02, dropAfterStoreRate: 0.02, throttleRate: 0.0008, retryAfterSeconds: 1 },
    });
    sandbox = s;
    const config = childConfig(s, writeRecipients(join(dir, 'recipients.csv'), all));
    let code: number | string = -1;
    // Reads that keep failing end as ERROR (retryable): a re-run finishes them, as an operator would.
    for (let run = 0; run < 3 && code !== 0; run++) code = await exited(startChild(script, config));
    expect(code).toBe(0);

    expect(exactlyOnceViolations(all, eligible, countByCitizen(s.ledger()))).toEqual([]);
    const stats = s.stats();
    expect(stats.serverErrors).toBeGreaterThan(0);
    expect(stats.droppedAfterStore).toBeGreaterThan(0);
    const answers = reconciliations(config.reconcileLog);
    // 500s (not stored) reconcile to not-sent and are resent; drops (stored) reconcile to sent.
    expect(answers.filter((a) => a === 'sent').length).toBe(stats.droppedAfterStore);
    expect(answers).toContain('not-sent');
    expect(stats.throttleEpisodes).toBeGreaterThan(0);
    // Only calls already in flight when a 429 arrived may hit the pause (sends + polls in flight);
    // a client that kept sending would collect hundreds per one-second pause.
    expect(stats.throttledWhileBlocked).toBeLessThanOrEqual(stats.throttleEpisodes * CONCURRENCY * 2);
    const states = reportStates(config.report);
    expect([...eligible].every((fc) => states.get(fc) === 'PROCESSED')).toBe(true);
  }, 120_000);
});

function expectedSkip(fc: string, profiles: readonly { fiscalCode: string; senderAllowed: boolean }[]): string {
  const p = profiles.find((x) => x.fiscalCode === fc);
  return p === undefined ? 'NOT_ON_IO' : 'OPTED_OUT';
}
