import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BulkOutcome, BulkRecipient } from '../src/bulk/bulk-outcome.js';
import { openJournal } from '../src/bulk/open-journal.js';
import { recipientRef } from '../src/bulk/process-recipient.js';
import { readRecipientsCsv } from '../src/bulk/read-recipients-csv.js';
import { runBulk } from '../src/bulk/run-bulk.js';
import { sendBulk } from '../src/bulk/send-bulk.js';
import { createIoClient } from '../src/client/create-io-client.js';
import {
  createIoSandbox,
  createSandboxReconciler,
  demoProfiles,
  type IoSandbox,
  syntheticFiscalCode,
} from '../src/sandbox/index.js';

const template = {
  subject: 'Avviso TARI {{anno}} disponibile',
  markdown:
    'Gentile {{nome}}, è disponibile l’avviso di pagamento della TARI {{anno}}. Puoi pagarlo direttamente in app.',
};
const fields = { nome: 'Maria', anno: '2025' };
// The template hash sendBulk writes in the journal header.
const templateHash = (t: { subject: string; markdown: string }): string =>
  createHash('sha256').update(`${t.subject}\u0000${t.markdown}`).digest('hex').slice(0, 16);
const poll = { initialDelayMs: 1, maxDelayMs: 5, maxWaitMs: 2000 };
let dir = '';
let sandbox: IoSandbox | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'civico-io-bulk-'));
});
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function setup(options: Parameters<typeof createIoSandbox>[0] = {}) {
  sandbox = await createIoSandbox({ profiles: demoProfiles(), processingDelayMs: 0, ...options });
  const client = createIoClient({
    apiKey: 'sandbox-key',
    baseUrl: sandbox.url,
    rateLimit: { requestsPerSecond: 5000 },
    retry: { baseDelayMs: 1 },
  });
  return { s: sandbox, client, journalPath: join(dir, 'j.journal') };
}
async function collect(it: AsyncIterable<BulkOutcome>): Promise<BulkOutcome[]> {
  const out: BulkOutcome[] = [];
  for await (const o of it) out.push(o);
  return out.sort((a, b) => a.row - b.row);
}
const people = (...idx: number[]): BulkRecipient[] => idx.map((i) => ({ fiscalCode: syntheticFiscalCode(i), fields }));

describe('sendBulk()', () => {
  it('pre-checks, sends, polls and reports one final state per recipient', async () => {
    const { s, client, journalPath } = await setup();
    const input: BulkRecipient[] = [
      ...people(0, 8, 10),
      { fiscalCode: syntheticFiscalCode(1), fields: { nome: 'X' } }, // no {{anno}}
      { fiscalCode: syntheticFiscalCode(0).toLowerCase(), fields },
    ];
    const progress: number[] = [];
    const out = await collect(
      sendBulk(client, input, {
        template,
        campaign: 'c1',
        journalPath,
        poll,
        onProgress: (p) => progress.push(p.done),
      }),
    );
    expect(out.map((o) => [o.row, o.state])).toEqual([
      [1, 'PROCESSED'],
      [2, 'OPTED_OUT'],
      [3, 'NOT_ON_IO'],
      [4, 'INVALID'],
      [5, 'DUPLICATE'],
    ]);
    expect(out[0]?.messageId).toBe(s.ledger()[0]?.id);
    expect(out[3]?.reason).toBe('anno');
    expect(s.ledger()).toHaveLength(1);
    expect(progress.at(-1)).toBe(5);
  });

  it('sends nothing and writes no journal in dry-run mode', async () => {
    const { s, client, journalPath } = await setup();
    const out = await collect(sendBulk(client, people(0, 10), { template, campaign: 'c1', journalPath, dryRun: true }));
    expect(out.map((o) => o.state)).toEqual(['DRY_RUN', 'NOT_ON_IO']);
    expect(s.ledger()).toHaveLength(0);
    expect(() => readFileSync(journalPath)).toThrow();
  });

  it('resumes from the journal without sending twice', async () => {
    const { s, client, journalPath } = await setup();
    const options = { template, campaign: 'c1', journalPath, poll };
    await collect(sendBulk(client, people(0, 1), options));
    const again = await collect(sendBulk(client, people(0, 1, 2), options));
    expect(again.map((o) => [o.state, o.resumed])).toEqual([
      ['PROCESSED', true],
      ['PROCESSED', true],
      ['PROCESSED', false],
    ]);
    expect(s.ledger()).toHaveLength(3);
  });

  it('reports an interrupted send as UNKNOWN and never resends it without a reconciler', async () => {
    const { s, client, journalPath } = await setup();
    const options = { template, campaign: 'c1', journalPath, poll };
    await collect(sendBulk(client, people(0), options));
    // A crash between the intent and the answer leaves an acknowledged intent without outcome.
    const journal = await openJournal(journalPath, { campaign: 'c1', template: templateHash(template) });
    await journal.append({ t: 'intent', r: recipientRef('c1', syntheticFiscalCode(1)) });
    await journal.close();
    const out = await collect(sendBulk(client, people(0, 1), options));
    expect(out[1]).toMatchObject({ state: 'UNKNOWN', reason: 'interrupted' });
    expect(s.ledger()).toHaveLength(1);
    // With a reconciler that knows it was never stored, it is sent exactly once.
    const reconciled = await collect(
      sendBulk(client, people(1), { ...options, reconcile: createSandboxReconciler({ url: s.url }) }),
    );
    expect(reconciled[0]?.state).toBe('PROCESSED');
    expect(s.ledger()).toHaveLength(2);
  });

  it('reconciles a connection dropped after the message was stored instead of resending it', async () => {
    const { s, client, journalPath } = await setup({ faults: { dropAfterStoreRate: 1 } });
    const reconcile = createSandboxReconciler({ url: s.url });
    const out = await collect(
      sendBulk(client, people(0), { template, campaign: 'c1', journalPath, poll, reconcile, precheck: false }),
    );
    expect(out[0]).toMatchObject({ state: 'PROCESSED', messageId: s.ledger()[0]?.id });
    expect(s.ledger()).toHaveLength(1);
  });

  it('refuses a journal written for another template, and a journal locked by a live process', async () => {
    const { client, journalPath } = await setup();
    await collect(sendBulk(client, people(0), { template, campaign: 'c1', journalPath, poll }));
    const other = { ...template, subject: 'Altro oggetto {{anno}}' };
    await expect(
      collect(sendBulk(client, people(0), { template: other, campaign: 'c1', journalPath })),
    ).rejects.toMatchObject({
      code: 'ERR_IO_JOURNAL_MISMATCH',
    });
    writeFileSync(`${journalPath}.lock`, String(process.pid));
    await expect(collect(sendBulk(client, people(0), { template, campaign: 'c1', journalPath }))).rejects.toMatchObject(
      {
        code: 'ERR_IO_JOURNAL_LOCKED',
      },
    );
  });

  it('leaves no journal behind when a run fails before writing anything, so the corrected run starts clean', async () => {
    const { s, client, journalPath } = await setup();
    const options = { template, campaign: 'c1', journalPath, poll };
    await expect(runBulk(client, readRecipientsCsv(join(dir, 'missing.csv')), options)).rejects.toMatchObject({
      code: 'ERR_IO_INVALID_CSV',
    });
    await expect(
      collect(sendBulk(client, people(0), { ...options, template: { ...template, subject: 'Avviso {{anno' } })),
    ).rejects.toMatchObject({ code: 'ERR_IO_INVALID_TEMPLATE' });
    // Every row lacks a placeholder of this template: all INVALID, nothing journaled.
    const wrong = { ...template, markdown: `${template.markdown} {{scadenza}}` };
    const invalid = await collect(sendBulk(client, people(0, 1), { ...options, template: wrong }));
    expect(invalid.map((o) => o.state)).toEqual(['INVALID', 'INVALID']);
    expect(existsSync(journalPath)).toBe(false);
    expect(existsSync(`${journalPath}.lock`)).toBe(false);
    const fixed = await collect(sendBulk(client, people(0, 1), options));
    expect(fixed.map((o) => o.state)).toEqual(['PROCESSED', 'PROCESSED']);
    expect(s.ledger()).toHaveLength(2);
  });

  it('refuses an empty journal and one of format 1 with ERR_IO_JOURNAL_CORRUPT at offset 0, sending nothing', async () => {
    const { s, client, journalPath } = await setup();
    const options = { template, campaign: 'c1', journalPath, poll };
    const v1 = `${JSON.stringify({ t: 'campaign', campaign: 'c1', template: templateHash(template) })}\n`;
    for (const content of ['', v1]) {
      writeFileSync(journalPath, content);
      await expect(collect(sendBulk(client, people(0), options))).rejects.toMatchObject({
        code: 'ERR_IO_JOURNAL_CORRUPT',
        field: 'journalPath',
        offset: 0,
      });
      expect(existsSync(`${journalPath}.lock`)).toBe(false);
    }
    expect(s.ledger()).toHaveLength(0);
  });

  it('stops the batch on 401 and fails closed on bad options', async () => {
    const { s, journalPath } = await setup();
    const bad = createIoClient({ apiKey: 'wrong', baseUrl: s.url });
    await expect(collect(sendBulk(bad, people(0), { template, campaign: 'c1', journalPath }))).rejects.toMatchObject({
      code: 'ERR_IO_UNAUTHORIZED',
    });
    await expect(collect(sendBulk(bad, people(0), { template, campaign: 'c1' }))).rejects.toMatchObject({
      code: 'ERR_IO_INVALID_CONFIG',
      field: 'journalPath',
    });
  });

  it('lets sends in flight finish and journal when the consumer stops early, so a re-run has nothing in doubt', async () => {
    const { s, client, journalPath } = await setup();
    const options = { template, campaign: 'c1', journalPath, poll, concurrency: 2 };
    for await (const _ of sendBulk(client, people(0, 1, 2, 3, 4, 5), options)) break;
    const again = await collect(sendBulk(client, people(0, 1, 2, 3, 4, 5), options));
    expect(again.filter((o) => o.state !== 'PROCESSED')).toEqual([]);
    expect(new Set(s.ledger().map((e) => e.fiscalCode)).size).toBe(s.ledger().length);
  });

  it('throws ERR_IO_BULK_ABORTED when the signal is aborted', async () => {
    const { client, journalPath } = await setup();
    const controller = new AbortController();
    controller.abort();
    await expect(
      collect(sendBulk(client, people(0), { template, campaign: 'c1', journalPath, signal: controller.signal })),
    ).rejects.toMatchObject({
      code: 'ERR_IO_BULK_ABORTED',
    });
  });
});

describe('runBulk()', () => {
  it('reads a CSV with payments and writes CSV and JSON reports', async () => {
    const { s, client, journalPath } = await setup();
    const csv = join(dir, 'in.csv');
    writeFileSync(
      csv,
      '\uFEFFcodice_fiscale,nome,anno,notice_number,amount\n' +
        `${syntheticFiscalCode(0)},"Rossi, Maria",2025,302000000000012345,"142,50"\n` +
        `${syntheticFiscalCode(1)},Bianchi,2025,302000000000012345,abc\n`,
    );
    const summary = await runBulk(client, readRecipientsCsv(csv), {
      template,
      campaign: 'c1',
      journalPath,
      poll,
      reportCsvPath: join(dir, 'r.csv'),
      reportJsonPath: join(dir, 'r.json'),
    });
    expect(summary).toMatchObject({ total: 2, sentThisRun: 1, complete: true });
    expect(s.ledger()[0]?.paymentData).toEqual({
      amount: 14250,
      noticeNumber: '302000000000012345',
      invalidAfterDueDate: false,
    });
    const lines = readFileSync(join(dir, 'r.csv'), 'utf8').split('\n');
    expect(lines[0]).toBe('row;fiscal_code;state;message_id;reason;resumed');
    // Rows come in completion order.
    expect(lines.slice(1).sort()).toEqual([
      '',
      `2;${syntheticFiscalCode(0)};PROCESSED;${s.ledger()[0]?.id};;false`,
      `3;${syntheticFiscalCode(1)};INVALID;;amount;false`,
    ]);
    const json = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { outcomes: unknown[]; summary: unknown };
    expect(json.outcomes).toHaveLength(2);
  });

  it('fails with ERR_IO_INVALID_CSV when the header has no fiscal code column', async () => {
    const { client, journalPath } = await setup();
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 'nome;anno\nMaria;2025\n');
    await expect(
      runBulk(client, readRecipientsCsv(csv), { template, campaign: 'c1', journalPath }),
    ).rejects.toMatchObject({
      code: 'ERR_IO_INVALID_CSV',
    });
  });
});

describe('runBulk() report order', () => {
  it('lists rows in input order even when sends finish out of order', async () => {
    const { client, journalPath } = await setup({ faults: { latencyMs: [0, 40] } });
    const recipients = Array.from({ length: 40 }, (_, i) => ({
      fiscalCode: syntheticFiscalCode(i + 1),
      fields,
      row: i + 2,
    }));
    const reportCsvPath = join(dir, 'report.csv');
    const summary = await runBulk(client, recipients, {
      template,
      campaign: 'order',
      journalPath,
      concurrency: 8,
      poll: false,
      reportCsvPath,
    });
    expect(summary.total).toBe(40);
    const rows = readFileSync(reportCsvPath, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => Number(line.split(';')[0]));
    expect(rows).toEqual(recipients.map((r) => r.row));
  });
});

describe('sendBulk() and runBulk() options', () => {
  it('answer a throwing signal getter, a fake signal or a non-function callback with ERR_IO_INVALID_CONFIG', async () => {
    const { client, journalPath } = await setup();
    const base = { template, campaign: 'opts', journalPath, poll: false as const };
    const throwing = Object.defineProperty({ ...base }, 'signal', {
      get() {
        throw new Error('hostile getter');
      },
      enumerable: true,
    });
    const cases: Array<[object, string]> = [
      [throwing, 'signal'],
      [{ ...base, signal: { aborted: false } }, 'signal'],
      [{ ...base, onProgress: 'not a function' }, 'onProgress'],
      [{ ...base, reconcile: 42 }, 'reconcile'],
    ];
    for (const [options, field] of cases) {
      await expect(collect(sendBulk(client, people(1), options as never))).rejects.toMatchObject({
        code: 'ERR_IO_INVALID_CONFIG',
        field,
      });
      await expect(runBulk(client, people(1), options as never)).rejects.toMatchObject({
        code: 'ERR_IO_INVALID_CONFIG',
      });
    }
    expect(existsSync(journalPath)).toBe(false);
  });
});

describe('sendBulk() look-alike fiscal codes', () => {
  it('reports a fiscal code with a look-alike letter INVALID instead of sending to the code it resembles', async () => {
    const { s, client, journalPath } = await setup();
    const lookAlike = syntheticFiscalCode(1).toLowerCase().replace('s', '\u017f');
    const out = await collect(
      sendBulk(client, [{ fiscalCode: lookAlike, fields }], { template, campaign: 'look', journalPath, poll: false }),
    );
    expect(out.map((o) => o.state)).toEqual(['INVALID']);
    expect(s.ledger()).toHaveLength(0);
  });
});
