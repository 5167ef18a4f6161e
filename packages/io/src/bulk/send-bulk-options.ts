import { z } from 'zod';
import type { BulkProgress } from './bulk-outcome.js';

/**
 * Options of `sendBulk` that zod validates (functions and the signal are in {@link SendBulkOptions}).
 * @group Bulk
 */
export const SendBulkOptionsSchema = z
  .object({
    /** Subject and markdown with `{{placeholders}}`. */
    template: z.object({
      /** Subject template. */
      subject: z.string().min(1),
      /** Markdown body template. */
      markdown: z.string().min(1),
    }),
    /** Campaign id: part of every recipient reference; change it to send the same template again. */
    campaign: z.string().min(1).max(200),
    /**
     * Journal file (checksummed records, fsync'd in groups, created with the first record; see
     * `docs/io.md#journal`). Required unless `dryRun`. Keep it until the campaign is closed.
     */
    journalPath: z.string().min(1).optional(),
    /** Recipients processed at once (default 4). The client's rate limiter paces the calls. */
    concurrency: z.number().int().min(1).max(512).default(4),
    /** Validate and pre-check only: no sends, no journal. */
    dryRun: z.boolean().default(false),
    /** Check each profile with `POST /profiles` before sending (default true). */
    precheck: z.boolean().default(true),
    /** Campaign due date (UTC ISO timestamp ending in `Z`); a recipient's own due date wins. */
    dueDate: z.string().optional(),
    /** Poll `getMessage` until a final status; `false` to stop at `SENT`. */
    poll: z
      .union([
        z.literal(false),
        z.object({
          /** First poll after this delay (default 1000 ms); then doubling. */
          initialDelayMs: z.number().int().min(0).default(1000),
          /** Largest delay between polls (default 60 000 ms). */
          maxDelayMs: z.number().int().min(1).default(60_000),
          /** Stop polling after waiting this long in total (default 10 minutes). */
          maxWaitMs: z.number().int().min(0).default(600_000),
        }),
      ])
      .default({ initialDelayMs: 1000, maxDelayMs: 60_000, maxWaitMs: 600_000 }),
    /**
     * Operator decision: resend recipients whose earlier send is `UNKNOWN` (accepting a possible
     * duplicate: IO has no idempotency key, `docs/io.md#sources`). Default false.
     */
    resendUnknown: z.boolean().default(false),
  })
  .refine((o) => o.dryRun || o.journalPath !== undefined, { message: 'required unless dryRun', path: ['journalPath'] });

/**
 * A send whose outcome is in doubt (intent journaled, no outcome; or a 5xx, timeout or reset).
 * @group Bulk
 */
export interface InDoubtSend {
  /** Recipient reference. */
  readonly ref: string;
  /** Recipient fiscal code. */
  readonly fiscalCode: string;
  /** Rendered subject. */
  readonly subject: string;
  /** Rendered markdown. */
  readonly markdown: string;
}

/**
 * What a reconciler found out about an {@link InDoubtSend}.
 * @group Bulk
 */
export type ReconcileResult =
  | {
      /** The message was stored by IO. */
      readonly status: 'sent';
      /** Its IO message id. */
      readonly messageId: string;
    }
  | {
      /** The message was certainly not stored: it may be sent. */
      readonly status: 'not-sent';
    }
  | {
      /** Cannot tell: the recipient is reported `UNKNOWN`. */
      readonly status: 'unknown';
    };

/**
 * Decides the fate of an in-doubt send. IO has no idempotency key and no way to list sent messages
 * (`docs/io.md#sources`), so only an out-of-band source can answer (an operator's records, or the
 * sandbox ledger in tests); answer `unknown` when in doubt.
 * @group Bulk
 */
export type BulkReconciler = (send: InDoubtSend) => Promise<ReconcileResult>;

/**
 * Options of `sendBulk`.
 * @group Bulk
 */
export interface SendBulkOptions extends z.input<typeof SendBulkOptionsSchema> {
  /** Stops feeding new recipients; in-flight sends finish, then `ERR_IO_BULK_ABORTED` is thrown. */
  readonly signal?: AbortSignal | undefined;
  /** Called after every outcome. */
  readonly onProgress?: ((progress: BulkProgress) => void) | undefined;
  /** Resolves in-doubt sends before anything is resent; without it they end `UNKNOWN`. */
  readonly reconcile?: BulkReconciler | undefined;
}
