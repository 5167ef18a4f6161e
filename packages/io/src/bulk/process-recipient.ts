import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { IoClient, MessageStatusResult } from '../client/io-client.js';
import { sendValidated } from '../client/send-validated.js';
import { IoError } from '../errors.js';
import type { Message } from '../message/message-input.js';
import { parseMessage } from '../message/parse-message.js';
import { sleep } from '../rate-limit/sleep.js';
import type { BulkOutcome, BulkRecipient, BulkState } from './bulk-outcome.js';
import type { CompiledTemplate } from './compile-template.js';
import type { Semaphore } from './create-semaphore.js';
import type { Journal } from './open-journal.js';
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

const FINAL = new Set<string>(['PROCESSED', 'REJECTED', 'FAILED']);
// IO reference §5: 401 stops the batch; so does a journal failure.
const FATAL = new Set<string>(['ERR_IO_UNAUTHORIZED', 'ERR_IO_JOURNAL_WRITE_FAILED']);
const codeOf = (e: unknown): string => (IoError.isInstance(e) ? e.code : 'ERR_IO_UNEXPECTED');
const rethrowFatal = (e: unknown): void => {
  if (!IoError.isInstance(e)) return;
  // A gateway 404 on a known route means a wrong base URL: every call would fail the same way.
  if (FATAL.has(e.code) || (e.code === 'ERR_IO_NOT_FOUND' && e.reason === 'route-not-found')) throw e;
};

/**
 * Creates the per-recipient pipeline: journal replay → validate → pre-check → journal intent →
 * send → journal outcome → poll until final.
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
      if (result?.status !== undefined && FINAL.has(result.status)) {
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

  async function send(base: Omit<BulkOutcome, 'state'>, message: Message): Promise<BulkOutcome> {
    if (!journal) return { ...base, state: 'DRY_RUN' };
    try {
      // IO reference §5: the intent is on disk BEFORE the POST, the outcome right after. Writing it
      // inside the slot keeps the sends in doubt after a crash down to `concurrency`.
      const { id } = await ctx.sendSlots.run(async () => {
        await journal.append({ t: 'intent', r: base.ref });
        // `message` came from parseMessage in build(): do not lex and validate it twice.
        return sendValidated(client, message);
      });
      ctx.onSent();
      await journal.append({ t: 'sent', r: base.ref, id });
      return poll(base, message.fiscalCode, id);
    } catch (error) {
      rethrowFatal(error);
      const code = codeOf(error);
      const outcome = IoError.isInstance(error) ? error.outcome : 'unknown';
      if (outcome === 'not-sent') {
        await journal.append({ t: 'error', r: base.ref, e: code });
        return { ...base, state: 'ERROR', reason: code };
      }
      if (outcome === 'rejected') {
        const state: BulkState = code === 'ERR_IO_BAD_REQUEST' ? 'INVALID' : 'FORBIDDEN';
        return skip(base, state, code);
      }
      await journal.append({ t: 'unknown', r: base.ref, e: code });
      return inDoubt(base, message, code);
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
      return send(base, message);
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
    if (config.precheck) {
      try {
        const profile = await ctx.sendSlots.run(() => client.getProfile(base.fiscalCode));
        if (!profile.senderAllowed) return skip(base, 'OPTED_OUT');
      } catch (error) {
        rethrowFatal(error);
        const code = codeOf(error);
        if (code === 'ERR_IO_PROFILE_NOT_FOUND') return skip(base, 'NOT_ON_IO');
        if (code === 'ERR_IO_RECIPIENT_FORBIDDEN' || code === 'ERR_IO_FORBIDDEN') return skip(base, 'FORBIDDEN', code);
        return { ...base, state: 'ERROR', reason: code };
      }
    }
    return send(base, message);
  };
}
