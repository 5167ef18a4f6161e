// Repeated kill -9 of a real bulk run (a child process against the sandbox over HTTP): the campaign
// completes exactly once per recipient, each crash leaves at most `concurrency` sends in doubt, and
// every run killed after it started sending has durably moved the campaign forward.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIoClient } from '../src/client/create-io-client.js';
import { createIoSandbox, type IoSandbox, syntheticFiscalCode } from '../src/sandbox/index.js';
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
import { fields, maxInDoubt, readJournalRecords, runCampaign, template } from './reliability-journal.js';

let dir = '';
let buildDir = '';
let script = '';
let sandbox: IoSandbox | undefined;
beforeAll(async () => {
  buildDir = mkdtempSync(join(tmpdir(), 'civico-io-crash-child-'));
  script = await bundleChild(buildDir);
});
afterAll(() => {
  rmSync(buildDir, { recursive: true, force: true });
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civico-io-crash-'));
});
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 1));

function childConfig(url: string, csv: string, concurrency: number, pollMs: number | null) {
  return {
    url,
    csv,
    journal: join(dir, 'run.journal'),
    report: join(dir, 'report.json'),
    concurrency,
    pollMs,
    reconcileLog: join(dir, 'reconciled.log'),
  };
}

/** Recipients whose last record is an intent written after record `after`: in doubt since the last crash. */
function inDoubtSince(path: string, after: number): { inDoubt: number; last: number; worst: number } {
  const records = readJournalRecords(path);
  const last = new Map<string, { n: number; t: string }>();
  let max = after;
  for (const r of records) {
    last.set(r.r, r);
    max = Math.max(max, r.n);
  }
  const inDoubt = [...last.values()].filter((r) => r.t === 'intent' && r.n > after).length;
  // What a crash at any other moment of this run could have left.
  return { inDoubt, last: max, worst: maxInDoubt(records, after, max) };
}

function reportStates(path: string): Map<string, string> {
  const report = JSON.parse(readFileSync(path, 'utf8')) as { outcomes: { fiscal_code: string; state: string }[] };
  return new Map(report.outcomes.map((o) => [o.fiscal_code, o.state]));
}

describe('sendBulk() under repeated kill -9', () => {
  it('completes after 20 kills at random times, with at most `concurrency` sends in doubt per crash', async () => {
    const COUNT = 600;
    const CONCURRENCY = 8;
    const seed = Math.floor(Math.random() * 2 ** 31);
    const random = seededRandom(seed);
    const { profiles, eligible, all } = population(COUNT);
    const s = await createIoSandbox({ profiles, processingDelayMs: 5, faults: { latencyMs: [2, 8] } });
    sandbox = s;
    const config = childConfig(s.url, writeRecipients(join(dir, 'recipients.csv'), all), CONCURRENCY, 10);
    const inDoubt: number[] = [];
    const worst: number[] = [];
    let seen = 0;
    for (let k = 0; k < 20; k++) {
      const child = startChild(script, config);
      const end = exited(child);
      let done = false;
      void end.then(() => (done = true));
      const started = Date.now();
      const ledgerAtStart = s.ledger().length;
      // Even kills: at a random time within the first second (often before the first send);
      // odd kills: after a random number of messages, in the middle of sending.
      const delayMs = Math.floor(random() * 1000);
      const messages = 1 + Math.floor(random() * 30);
      const due = (): boolean =>
        k % 2 === 0 ? Date.now() - started >= delayMs : s.ledger().length - ledgerAtStart >= messages;
      while (!done && !due() && Date.now() - started < 10_000) await tick();
      child.kill('SIGKILL');
      await end;
      const after = inDoubtSince(config.journal, seen);
      inDoubt.push(after.inDoubt);
      worst.push(after.worst);
      seen = after.last;
    }
    const last = startChild(script, config);
    let stderr = '';
    last.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    expect(await exited(last), stderr).toBe(0);

    const context = `seed ${seed}, in doubt per crash ${inDoubt.join(',')}, at worst ${worst.join(',')}`;
    expect(Math.max(...inDoubt, ...worst), context).toBeLessThanOrEqual(CONCURRENCY);
    // The mid-send kills did leave sends in doubt, and they were reconciled, not resent.
    expect(
      inDoubt.reduce((a, b) => a + b, 0),
      context,
    ).toBeGreaterThan(0);
    const counts = countByCitizen(s.ledger());
    expect(exactlyOnceViolations(all, eligible, counts), context).toEqual([]);
    const states = reportStates(config.report);
    expect(
      [...eligible].filter((fc) => states.get(fc) !== 'PROCESSED'),
      context,
    ).toEqual([]);
  }, 120_000);

  it('never has more than `concurrency` sends in doubt at any record of the journal', async () => {
    const CONCURRENCY = 4;
    const all = Array.from({ length: 120 }, (_, i) => syntheticFiscalCode(i));
    const s = await createIoSandbox({
      profiles: all.map((fiscalCode) => ({ fiscalCode, senderAllowed: true })),
      processingDelayMs: 0,
      faults: { latencyMs: [0, 3] },
    });
    sandbox = s;
    const journalPath = join(dir, 'bound.journal');
    const client = createIoClient({ apiKey: 'sandbox-key', baseUrl: s.url, rateLimit: { requestsPerSecond: 10_000 } });
    const recipients = all.map((fiscalCode) => ({ fiscalCode, fields }));
    // No pre-check: a freed slot's next intent is queued at once (the tightest race with the outcome).
    const options = { template, campaign: 'bound', journalPath, concurrency: CONCURRENCY, poll: false as const };
    await runCampaign(client, recipients, { ...options, precheck: false });
    const records = readJournalRecords(journalPath);
    expect(records.filter((r) => r.t === 'sent')).toHaveLength(all.length);
    // Every slot was busy at some point, and no prefix ever had more in doubt than the slots.
    expect(maxInDoubt(records)).toBe(CONCURRENCY);
  });

  it('moves forward in every run killed right after its first calls (pre-checks do not run ahead of sends)', async () => {
    const COUNT = 150;
    const CONCURRENCY = 4;
    const all = Array.from({ length: COUNT }, (_, i) => syntheticFiscalCode(i));
    const s = await createIoSandbox({
      profiles: all.map((fiscalCode) => ({ fiscalCode, senderAllowed: true })),
      processingDelayMs: 5,
      faults: { latencyMs: [1, 4] },
    });
    sandbox = s;
    // No polling: every API call is a pre-check or a send.
    const config = childConfig(s.url, writeRecipients(join(dir, 'recipients.csv'), all), CONCURRENCY, null);
    const progress: number[] = [];
    for (let k = 0; k < 6; k++) {
      const recordsBefore = readJournalRecords(config.journal).length;
      const requestsBefore = s.stats().requests;
      const child = startChild(script, config);
      const end = exited(child);
      let done = false;
      void end.then(() => (done = true));
      // Call number concurrency + 1 can only be a send: its intent is already on disk.
      while (!done && s.stats().requests - requestsBefore < CONCURRENCY + 1) await tick();
      child.kill('SIGKILL');
      await end;
      progress.push(readJournalRecords(config.journal).length - recordsBefore);
    }
    expect(
      progress.filter((p) => p <= 0),
      `records added per run: ${progress.join(',')}`,
    ).toEqual([]);
    // The same command finishes the campaign: SENT (not polled) exactly once each.
    expect(await exited(startChild(script, config))).toBe(3);
    expect(exactlyOnceViolations(all, new Set(all), countByCitizen(s.ledger()))).toEqual([]);
    const states = reportStates(config.report);
    expect(all.filter((fc) => states.get(fc) !== 'SENT')).toEqual([]);
  }, 60_000);
});
