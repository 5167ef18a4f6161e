import { createHash } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { parseOptions, readFields, upperAscii } from '@civico/core/internal';
import type { IoClient } from '../client/io-client.js';
import { IoError } from '../errors.js';
import { isAbortSignal } from '../rate-limit/is-abort-signal.js';
import { BULK_STATES, type BulkOutcome, type BulkRecipient, type BulkState } from './bulk-outcome.js';
import { compileTemplate } from './compile-template.js';
import { createRefSet } from './create-ref-set.js';
import { createSemaphore } from './create-semaphore.js';
import { openJournal } from './open-journal.js';
import { createRecipientProcessor, recipientRef } from './process-recipient.js';
import { type SendBulkOptions, SendBulkOptionsSchema } from './send-bulk-options.js';

const RECIPIENT_KEYS = [
  'fiscalCode',
  'fields',
  'payment',
  'dueDate',
  'row',
  'problem',
] as const satisfies readonly (keyof BulkRecipient)[];

/**
 * Sends one templated message to each recipient, resumably, and yields one outcome per recipient.
 *
 * @remarks
 * Pipeline per recipient: validate (template and message rules) → in one of `concurrency` slots:
 * pre-check (`POST /profiles`; citizens without IO or who blocked the service are skipped), journal
 * the intent (fsync'd), `POST /messages`, queue the outcome → journal the id → poll `getMessage`
 * until a final status. Pre-checks therefore never run ahead of sends, and a crash leaves at most
 * `concurrency` sends in doubt. The client's shared rate limiter paces every call and pauses all of
 * them on a 429.
 *
 * The journal makes the run resumable: run the same command after a crash or `kill -9` and
 * recipients already done are reported from the journal, sent ones are polled, and an intent
 * without an outcome is *in doubt*: it goes to `reconcile`, and without an answer it ends
 * `UNKNOWN`, never resent automatically (IO has no idempotency key). Every record is checksummed and chained,
 * and a tip records how far the journal got: a damaged journal is refused rather than resumed
 * (`docs/io.md#journal`). The journal file is created with its first record, so a run that fails
 * before writing anything leaves none behind. Input is streamed; memory holds one reference per
 * recipient plus a bounded window of recipients in flight.
 *
 * @param client - an IO client (its rate limiter is shared by every call)
 * @param recipients - the recipients, e.g. from `readRecipientsCsv`
 * @param options - template, campaign, journal path, concurrency, dry run, signal, progress, reconciler
 * @returns the outcomes, one per input recipient, in input order (a finished outcome waits for
 *   the ones before it, within the window of recipients in flight)
 * @throws {@link IoError} `ERR_IO_INVALID_CONFIG`, `ERR_IO_INVALID_TEMPLATE`, the journal codes
 * (`ERR_IO_JOURNAL_CORRUPT` with the byte `offset` of the damage, `ERR_IO_JOURNAL_MISMATCH`,
 * `ERR_IO_JOURNAL_LOCKED`, `ERR_IO_JOURNAL_WRITE_FAILED`), `ERR_IO_UNAUTHORIZED` (stops the batch)
 * and `ERR_IO_BULK_ABORTED`.
 * @example
 * ```ts
 * import { createIoClient, sendBulk } from '@civico/io';
 * const client = createIoClient({ apiKey: 'sandbox-key', baseUrl: 'http://127.0.0.1:8787/api/v1' });
 * const recipients = [{ fiscalCode: 'RSSMRA85T10A562S', fields: { nome: 'Mario' } }];
 * const template = { subject: 'Avviso TARI 2025', markdown: 'Gentile {{nome}}, è disponibile l’avviso di pagamento TARI 2025 nella sezione pagamenti.' };
 * for await (const outcome of sendBulk(client, recipients, { template, campaign: 'tari-2025', journalPath: 'tari.journal' })) {
 *   console.log(outcome.row, outcome.state);
 * }
 * ```
 * @group Bulk
 */
export async function* sendBulk(
  client: IoClient,
  recipients: Iterable<BulkRecipient> | AsyncIterable<BulkRecipient>,
  options: SendBulkOptions,
): AsyncGenerator<BulkOutcome, void, undefined> {
  const config = parseOptions(SendBulkOptionsSchema, options, IoError, 'ERR_IO_INVALID_CONFIG');
  // The signal and callbacks are read once, like the rest of the options, and checked for their kind.
  const hooks = readFields(options, ['signal', 'reconcile', 'onProgress'], IoError, 'ERR_IO_INVALID_CONFIG');
  for (const name of ['reconcile', 'onProgress'] as const) {
    if (hooks[name] !== undefined && typeof hooks[name] !== 'function') {
      throw new IoError('ERR_IO_INVALID_CONFIG', `${name} must be a function`, { field: name });
    }
  }
  if (hooks.signal !== undefined && !isAbortSignal(hooks.signal)) {
    throw new IoError('ERR_IO_INVALID_CONFIG', 'signal must be an AbortSignal', { field: 'signal' });
  }
  const userSignal = hooks.signal as AbortSignal | undefined;
  const onProgress = hooks.onProgress as SendBulkOptions['onProgress'];
  const source = readFields(recipients, [Symbol.asyncIterator, Symbol.iterator], IoError, 'ERR_IO_INVALID_CONFIG', {
    path: 'recipients',
  });
  if (typeof source[Symbol.asyncIterator] !== 'function' && typeof source[Symbol.iterator] !== 'function') {
    throw new IoError('ERR_IO_INVALID_CONFIG', 'recipients must be an iterable or an async iterable', {
      field: 'recipients',
    });
  }
  const template = compileTemplate(config.template);
  const templateHash = createHash('sha256')
    .update(`${config.template.subject}\u0000${config.template.markdown}`)
    .digest('hex');
  const journal =
    config.dryRun || config.journalPath === undefined
      ? undefined
      : await openJournal(config.journalPath, { campaign: config.campaign, template: templateHash.slice(0, 16) });
  // Stops feeding and polling when the consumer leaves early; sends in flight always finish.
  const stop = new AbortController();
  const inflight = new Set<Promise<void>>();
  const byState = Object.fromEntries(BULK_STATES.map((s) => [s, 0])) as Record<BulkState, number>;
  let sentThisRun = 0;
  const signal = userSignal ? AbortSignal.any([userSignal, stop.signal]) : stop.signal;
  // Every waiting poll listens to this one signal (up to concurrency × 32): not a leak, so no
  // MaxListenersExceededWarning on the user's console.
  setMaxListeners(0, signal);
  const handle = createRecipientProcessor({
    client,
    config,
    template,
    journal,
    sendSlots: createSemaphore(config.concurrency),
    pollSlots: createSemaphore(config.concurrency),
    reconcile: hooks.reconcile as SendBulkOptions['reconcile'],
    signal,
    onSent: () => void sentThisRun++,
  });
  // Recipients in flight (sending, or waiting to poll): bounds memory whatever the input size.
  // Waiting polls need room to keep the send slots busy; without polling a small queue suffices.
  const windowSize = config.concurrency * (config.poll === false ? 4 : 32);
  const seen = createRefSet();
  // Outcomes finish in any order; they are yielded in input order (reports list rows as the file
  // does). A finished outcome waits here for the ones before it; the window bounds how many.
  const finished = new Map<number, BulkOutcome>();
  let nextToYield = 0;
  let outstanding = 0;
  let inputDone = false;
  let failure: { error: unknown } | undefined;
  // Two waiters: the consumer waits for outcomes, the feeder for room in the window.
  let wake: (() => void) | undefined;
  let room: (() => void) | undefined;
  const signalWake = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const signalRoom = (): void => {
    const r = room;
    room = undefined;
    r?.();
  };

  const feed = async (): Promise<void> => {
    let count = 0;
    for await (const recipient of recipients) {
      if (userSignal?.aborted || stop.signal.aborted || failure) break;
      // Each recipient's own position: the callbacks below run after the loop has moved on.
      const seq = count++;
      // One read of each recipient: a throwing getter or a Proxy stops the batch with a typed error.
      const item = readFields(recipient, RECIPIENT_KEYS, IoError, 'ERR_IO_INVALID_CONFIG', {
        path: `recipients.${seq}`,
      }) as BulkRecipient;
      if (typeof item.fiscalCode !== 'string') {
        throw new IoError('ERR_IO_INVALID_CONFIG', 'Each recipient must be an object with a fiscalCode string', {
          field: `recipients.${seq}.fiscalCode`,
        });
      }
      const fiscalCode = upperAscii(item.fiscalCode);
      const ref = recipientRef(config.campaign, fiscalCode);
      const base = { ref, row: item.row ?? seq + 1, fiscalCode, resumed: false };
      outstanding++;
      if (!seen.add(ref)) {
        finished.set(seq, { ...base, state: 'DUPLICATE' });
        signalWake();
      } else {
        const task = handle(item, base).then(
          (outcome) => {
            finished.set(seq, outcome);
            signalWake();
          },
          (error: unknown) => {
            failure ??= { error };
            outstanding--;
            signalWake();
            signalRoom();
          },
        );
        inflight.add(task);
        void task.then(() => inflight.delete(task));
      }
      while (outstanding >= windowSize && !failure && !stop.signal.aborted) await new Promise<void>((r) => (room = r));
    }
  };
  const feeding = feed().then(
    () => {
      inputDone = true;
      signalWake();
    },
    (error: unknown) => {
      failure ??= { error };
      inputDone = true;
      signalWake();
    },
  );

  try {
    for (;;) {
      const outcome = finished.get(nextToYield);
      if (outcome) {
        finished.delete(nextToYield);
        nextToYield++;
        outstanding--;
        byState[outcome.state]++;
        onProgress?.({
          // Outcomes leave in input order, one per recipient: the count done is the next position.
          done: nextToYield,
          sentThisRun,
          byState: { ...byState },
        });
        signalRoom();
        yield outcome;
        continue;
      }
      // A failed recipient leaves a gap that never fills: stop at it (later ones are journaled).
      if (failure || (inputDone && outstanding <= 0)) break;
      await new Promise<void>((r) => (wake = r));
    }
    await feeding;
    if (failure) throw failure.error;
    if (userSignal?.aborted)
      throw new IoError('ERR_IO_BULK_ABORTED', 'Bulk send aborted; run it again to resume', {
        cause: userSignal.reason,
      });
  } finally {
    stop.abort();
    signalRoom();
    await feeding;
    await Promise.allSettled([...inflight]);
    await journal?.close();
  }
}
