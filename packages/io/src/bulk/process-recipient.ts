import { createHash } from 'node:crypto';
import { sleep } from '@civico/core/internal';
import type { z } from 'zod';
import { FINAL_MESSAGE_STATUSES, type IoClient, type MessageStatusResult } from '../client/io-client.js';
import { sendValidated } from '../client/send-validated.js';
import { IoError } from '../errors.js';
import type { Message } from '../message/message-input.js';
import { parseMessage } from '../message/parse-message.js';
import type { BulkOutcome, BulkRecipient, BulkState } from './bulk-outcome.js';
import type { CompiledTemplate } from './compile-template.js';
import type { Semaphore } from './create-semaphore.js';
import type { Journal, JournalEntry } from './open-journal.js';
import type { BulkReconciler, SendBulkOptionsSchema } from './send-bulk-options.js';

/** Everything the per-recipient pipeline needs. @internal */
export interface RecipientContext {
  /** The IO client. */
  readonly client: IoClient;
  /** Validated options. */
  readonly config: z.output<typeof SendBulkOptionsSchema>;
  /** Compiled template. */
  readonly template: CompiledTemplate;
  /** Journal, absent in dry-run mode. */
  readonly journal: Journal | undefined;
  /** Slots for profile checks and sends. */
  readonly sendSlots: Semaphore;
  /** Slots for status polls. */
  readonly pollSlots: Semaphore;
  /** Optional reconciler. */
  readonly reconcile: BulkReconciler | undefined;
  /** Abort signal. */
  readonly signal: AbortSignal | undefined;
  /** Counts a send made by this run. */
  readonly onSent: () => void;
}

/**
 * Stable, non-reversible-at-a-glance reference of a recipient within a campaign.
 * @param campaign - campaign id
 * @param fiscalCode - normalised fiscal code
 * @returns a 22-character base64url reference
 * @internal
 */
export function recipientRef(campaign: string, fiscalCode: string): string {
  return createHash('sha256').update(`${campaign}\u0000${fiscalCode}`).digest('base64url').slice(0, 22);
}

// A 401 (missing or invalid key) stops the batch; so does a journal failure.
const FATAL = new Set<string>(['ERR_IO_UNAUTHORIZED', 'ERR_IO_JOURNAL_WRITE_FAILED']);
const codeOf = (e: unknown): string => (IoError.isInstance(e) ? e.code : 'ERR_IO_UNEXPECTED');
// A gateway 404 on a known route means a wrong base URL: every call would fail the same way.
const isFatal = (e: unknown): boolean =>
  IoError.isInstance(e) && (FATAL.has(e.code) || (e.code === 'ERR_IO_NOT_FOUND' && e.reason === 'route-not-found'));
const rethrowFatal = (e: unknown): void => {
  if (isFatal(e)) throw e;
};

type FailureRecord = Extract<JournalEntry, { t: 'unknown' | 'error' | 'skip' }>;
type Attempt =
  | { readonly kind: 'dry-run' }
  | { readonly kind: 'skipped'; readonly state: BulkState; readonly reason?: string }
  | { readonly kind: 'check-failed'; readonly code: string }
  | { readonly kind: 'sent'; readonly id: string; readonly durable: Promise<void> }
  | {
      readonly kind: 'failed';
      readonly error: unknown;
      readonly record: FailureRecord;
      readonly durable: Promise<void>;
    };

// The promise is awaited later, after the slot is released; until then a rejection is not unhandled.
const quiet = (p: Promise<void>): Promise<void> => {
  p.catch(() => {});
  return p;
};

/** What a failed send means for the journal: in doubt, certainly not stored, or refused for good. */
function failureRecord(ref: string, error: unknown): FailureRecord {
  const code = codeOf(error);
  const outcome = IoError.isInstance(error) ? error.outcome : undefined;
  if (outcome === 'not-sent') return { t: 'error', r: ref, e: code };
  if (outcome !== 'rejected') return { t: 'unknown', r: ref, e: code };
  // A 400 is re-validated by a re-run; a fatal refusal (401, wrong base URL) is retried once fixed.
  if (code === 'ERR_IO_BAD_REQUEST' || isFatal(error)) return { t: 'error', r: ref, e: code };
  return { t: 'skip', r: ref, s: 'FORBIDDEN', e: code };
}

/**
 * Creates the per-recipient pipeline: journal replay → validate → in one send slot (pre-check →
 * durable intent → send → outcome queued) → outcome durable → poll until final.
 * @param ctx - shared context
 * @returns the pipeline
 * @internal
 */
export function createRecipientProcessor(ctx: RecipientContext) {
  const { client, config, journal, signal } = ctx;

  async function poll(base: Omit<BulkOutcome, 'state'>, fiscalCode: string, messageId: string): Promise<BulkOutcome> {
    const sent: BulkOutcome = { ...base, state: 'SENT', messageId };
    if (config.poll === false) return sent;
    let delay = config.poll.initialDelayMs;
    let waited = 0;
    for (;;) {
      if (signal?.aborted) return sent;
      try {
        await sleep(delay, signal);
      } catch {
        return sent;
      }
      waited += delay;
      let result: MessageStatusResult | undefined;
      try {
        result = await ctx.pollSlots.run(() => client.getMessageStatus({ fiscalCode, messageId }));
      } catch (error) {
        rethrowFatal(error);
      }
      if (result?.status !== undefined && FINAL_MESSAGE_STATUSES.has(result.status)) {
        await journal?.append({ t: 'final', r: base.ref, id: messageId, s: result.status });
        return { ...base, state: result.status as BulkState, messageId };
      }
      if (waited >= config.poll.maxWaitMs) return sent;
      delay = Math.min(Math.max(1, delay * 2), config.poll.maxDelayMs);
    }
  }

  async function skip(base: Omit<BulkOutcome, 'state'>, state: BulkState, reason?: string): Promise<BulkOutcome> {
    // INVALID is not journaled: nothing was stored, and a re-run re-validates the (maybe fixed) row.
    if (state !== 'INVALID')
      await journal?.append({ t: 'skip', r: base.ref, s: state, ...(reason ? { e: reason } : {}) });
    return { ...base, state, ...(reason ? { reason } : {}) };
  }

  async function checkProfile(fiscalCode: string): Promise<Attempt | undefined> {
    try {
      const profile = await client.getProfile(fiscalCode);
      return profile.senderAllowed ? undefined : { kind: 'skipped', state: 'OPTED_OUT' };
    } catch (error) {
      rethrowFatal(error);
      const code = codeOf(error);
      if (code === 'ERR_IO_PROFILE_NOT_FOUND') return { kind: 'skipped', state: 'NOT_ON_IO' };
      if (code === 'ERR_IO_RECIPIENT_FORBIDDEN' || code === 'ERR_IO_FORBIDDEN')
        return { kind: 'skipped', state: 'FORBIDDEN', reason: code };
      return { kind: 'check-failed', code };
    }
  }

  // Runs inside one send slot, so pre-checks never run ahead of sends by more than `concurrency`
  // (a run killed early still sends), and the outcome record is queued before the slot is
  // released: the next intent cannot become durable before it, so a crash leaves at most
  // `concurrency` sends in doubt (`docs/io.md#journal`).
  async function attempt(ref: string, message: Message, precheck: boolean): Promise<Attempt> {
    if (precheck) {
      const verdict = await checkProfile(message.fiscalCode);
      if (verdict) return verdict;
    }
    if (!journal) return { kind: 'dry-run' };
    await journal.append({ t: 'intent', r: ref });
    try {
      // `message` came from parseMessage in build(): do not lex and validate it twice.
      const { id } = await sendValidated(client, message);
      return { kind: 'sent', id, durable: quiet(journal.append({ t: 'sent', r: ref, id })) };
    } catch (error) {
      const record = failureRecord(ref, error);
      return { kind: 'failed', error, record, durable: quiet(journal.append(record)) };
    }
  }

  async function send(base: Omit<BulkOutcome, 'state'>, message: Message, precheck: boolean): Promise<BulkOutcome> {
    const result = await ctx.sendSlots.run(() => attempt(base.ref, message, precheck));
    switch (result.kind) {
      case 'dry-run':
        return { ...base, state: 'DRY_RUN' };
      case 'skipped':
        return skip(base, result.state, result.reason);
      case 'check-failed':
        return { ...base, state: 'ERROR', reason: result.code };
      case 'sent':
        ctx.onSent();
        await result.durable;
        return poll(base, message.fiscalCode, result.id);
      case 'failed': {
        await result.durable;
        rethrowFatal(result.error);
        const { record } = result;
        if (record.t === 'unknown') return inDoubt(base, message, record.e);
        if (record.t === 'skip') return { ...base, state: 'FORBIDDEN', ...(record.e ? { reason: record.e } : {}) };
        const state: BulkState = record.e === 'ERR_IO_BAD_REQUEST' ? 'INVALID' : 'ERROR';
        return { ...base, state, reason: record.e };
      }
    }
  }

  async function inDoubt(base: Omit<BulkOutcome, 'state'>, message: Message, reason: string): Promise<BulkOutcome> {
    const found = ctx.reconcile
      ? await ctx.reconcile({
          ref: base.ref,
          fiscalCode: message.fiscalCode,
          subject: message.subject,
          markdown: message.markdown,
        })
      : ({ status: 'unknown' } as const);
    if (found.status === 'sent') {
      await journal?.append({ t: 'sent', r: base.ref, id: found.messageId });
      return poll(base, message.fiscalCode, found.messageId);
    }
    if (found.status === 'not-sent' || config.resendUnknown) {
      await journal?.append({ t: 'not-sent', r: base.ref });
      return send(base, message, false);
    }
    return { ...base, state: 'UNKNOWN', reason };
  }

  function build(recipient: BulkRecipient, fiscalCode: string): Message {
    const { subject, markdown } = ctx.template.render({ ...recipient.fields, fiscal_code: fiscalCode });
    const dueDate = recipient.dueDate ?? config.dueDate;
    return parseMessage({
      fiscalCode,
      subject,
      markdown,
      ...(dueDate !== undefined ? { dueDate } : {}),
      ...(recipient.payment ? { payment: recipient.payment } : {}),
    });
  }

  return async function processRecipient(
    recipient: BulkRecipient,
    base: Omit<BulkOutcome, 'state'>,
  ): Promise<BulkOutcome> {
    const prior = journal?.get(base.ref);
    const resumed = { ...base, resumed: true };
    if (prior?.t === 'final') return { ...resumed, state: prior.s as BulkState, messageId: prior.id };
    if (prior?.t === 'skip')
      return { ...resumed, state: prior.s as BulkState, ...(prior.e ? { reason: prior.e } : {}) };
    if (prior?.t === 'sent') return poll(resumed, base.fiscalCode, prior.id);
    if (recipient.problem !== undefined) return skip(base, 'INVALID', recipient.problem);
    let message: Message;
    try {
      message = build(recipient, base.fiscalCode);
    } catch (error) {
      return skip(base, 'INVALID', IoError.isInstance(error) ? (error.field ?? error.code) : 'ERR_IO_INVALID_MESSAGE');
    }
    // A previous run wrote the intent and died (or got a 5xx/reset): reconcile, never resend blindly.
    if (prior?.t === 'intent' || prior?.t === 'unknown') return inDoubt(resumed, message, 'interrupted');
    return send(base, message, config.precheck);
  };
}
