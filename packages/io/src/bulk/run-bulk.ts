import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { parseOptions, plainObject } from '@civico/core/internal';
import { z } from 'zod';
import type { IoClient } from '../client/io-client.js';
import { IoError } from '../errors.js';
import { BULK_STATES, type BulkOutcome, type BulkRecipient, type BulkState } from './bulk-outcome.js';
import { sendBulk } from './send-bulk.js';
import type { SendBulkOptions } from './send-bulk-options.js';

const ReportPath = z.string().min(1).max(4096).optional();
const ReportPathsSchema = z.looseObject({ reportCsvPath: ReportPath, reportJsonPath: ReportPath });

/**
 * Options of {@link runBulk}: those of `sendBulk` plus the report files.
 * @group Bulk
 */
export interface RunBulkOptions extends SendBulkOptions {
  /** CSV report path: one row per recipient (`row;fiscal_code;state;message_id;reason;resumed`). */
  readonly reportCsvPath?: string | undefined;
  /** JSON report path: `{ summary, outcomes[] }`. */
  readonly reportJsonPath?: string | undefined;
}

/**
 * Totals of a bulk run.
 * @group Bulk
 */
export interface BulkSummary {
  /** Recipients read. */
  readonly total: number;
  /** Messages sent by this run (resumed ones excluded). */
  readonly sentThisRun: number;
  /** Recipients by final state. */
  readonly byState: Readonly<Record<BulkState, number>>;
  /** True when nothing is left for a re-run to do (no `ERROR`, `SENT` or `UNKNOWN`). */
  readonly complete: boolean;
}

const csvCell = (v: string): string => (/[;"\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

async function write(stream: WriteStream | undefined, text: string): Promise<void> {
  if (stream && !stream.write(text)) await once(stream, 'drain');
}

async function end(stream: WriteStream | undefined): Promise<void> {
  if (!stream) return;
  stream.end();
  await once(stream, 'finish');
}

/**
 * Runs `sendBulk` to the end and writes the operator's reports.
 *
 * @remarks
 * The reports hold the fiscal code of each row: they are the operator's own data, written next to
 * the input file, and are needed to act on each row. Keep them where the input is kept; never
 * attach them to tickets or logs. Progress events and errors carry no personal data. Each run
 * reports every recipient (resumed ones included), so the last run's report is complete.
 *
 * @param client - an IO client
 * @param recipients - the recipients
 * @param options - `sendBulk` options plus report paths
 * @returns the summary
 * @throws {@link IoError} as `sendBulk`.
 * @example
 * ```ts
 * import { createIoClient, readRecipientsCsv, runBulk } from '@civico/io';
 * const client = createIoClient({ apiKey: 'sandbox-key', baseUrl: 'http://127.0.0.1:8787/api/v1' });
 * const template = { subject: 'Avviso TARI 2025', markdown: 'Gentile {{nome}}, è disponibile l’avviso di pagamento TARI 2025 nella sezione pagamenti.' };
 * const summary = await runBulk(client, readRecipientsCsv('tari.csv'), {
 *   template, campaign: 'tari-2025', journalPath: 'tari.journal', reportCsvPath: 'tari-report.csv',
 * });
 * console.log(summary.byState.PROCESSED);
 * ```
 * @group Bulk
 */
export async function runBulk(
  client: IoClient,
  recipients: Iterable<BulkRecipient> | AsyncIterable<BulkRecipient>,
  options: RunBulkOptions,
): Promise<BulkSummary> {
  // The report paths are read once and checked before any file is opened (sendBulk checks the rest).
  // The snapshot keeps every other option as given (sendBulk validates them), read exactly once.
  const snapshot = parseOptions(plainObject(ReportPathsSchema), options, IoError, 'ERR_IO_INVALID_CONFIG');
  const userOnProgress: unknown = snapshot.onProgress;
  if (userOnProgress !== undefined && typeof userOnProgress !== 'function') {
    throw new IoError('ERR_IO_INVALID_CONFIG', 'onProgress must be a function', { field: 'onProgress' });
  }
  const csv = snapshot.reportCsvPath ? createWriteStream(snapshot.reportCsvPath) : undefined;
  const json = snapshot.reportJsonPath ? createWriteStream(snapshot.reportJsonPath) : undefined;
  const byState = Object.fromEntries(BULK_STATES.map((s) => [s, 0])) as Record<BulkState, number>;
  let total = 0;
  let sentThisRun = 0;
  try {
    await write(csv, 'row;fiscal_code;state;message_id;reason;resumed\n');
    await write(json, '{"outcomes":[');
    const onProgress: SendBulkOptions['onProgress'] = (p) => {
      sentThisRun = p.sentThisRun;
      (userOnProgress as SendBulkOptions['onProgress'])?.(p);
    };
    for await (const o of sendBulk(client, recipients, { ...(snapshot as unknown as SendBulkOptions), onProgress })) {
      byState[o.state]++;
      const cells = [String(o.row), o.fiscalCode, o.state, o.messageId ?? '', o.reason ?? '', String(o.resumed)];
      await write(csv, `${cells.map(csvCell).join(';')}\n`);
      await write(json, `${total === 0 ? '' : ','}\n${JSON.stringify(toJson(o))}`);
      total++;
    }
    const complete = byState.ERROR === 0 && byState.SENT === 0 && byState.UNKNOWN === 0;
    const summary: BulkSummary = { total, sentThisRun, byState, complete };
    await write(json, `\n],"summary":${JSON.stringify(summary)}}\n`);
    return summary;
  } finally {
    await Promise.all([end(csv), end(json)]);
  }
}

function toJson(o: BulkOutcome): Record<string, unknown> {
  return {
    row: o.row,
    fiscal_code: o.fiscalCode,
    state: o.state,
    ...(o.messageId ? { message_id: o.messageId } : {}),
    ...(o.reason ? { reason: o.reason } : {}),
    resumed: o.resumed,
  };
}
