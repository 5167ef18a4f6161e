/**
 * One recipient of a bulk send.
 * @group Bulk
 */
export interface BulkRecipient {
  /** Recipient fiscal code (trimmed and upper-cased before use). */
  readonly fiscalCode: string;
  /** Values for the template placeholders. */
  readonly fields?: Readonly<Record<string, string | undefined>> | undefined;
  /** Per-recipient pagoPA notice. */
  readonly payment?:
    | {
        /** 18-digit notice number. */
        readonly noticeNumber: string;
        /** Amount in euro cents. */
        readonly amountCents: number;
        /** Whether the notice expires at the due date. */
        readonly invalidAfterDueDate?: boolean | undefined;
      }
    | undefined;
  /** Per-recipient due date (UTC ISO timestamp ending in `Z`). */
  readonly dueDate?: string | undefined;
  /** Source row (CSV line number) for reports. */
  readonly row?: number | undefined;
  /** Set by readers when the row could not be read; the recipient is reported `INVALID`. */
  readonly problem?: string | undefined;
}

/**
 * Final state of a recipient in a bulk run (`docs/io.md#bulk-sender`).
 *
 * - `PROCESSED`, `REJECTED`, `FAILED`: IO's final message status.
 * - `SENT`: accepted by IO; status not final when polling stopped (a re-run polls again).
 * - `NOT_ON_IO`, `OPTED_OUT`, `FORBIDDEN`: the pre-check says the citizen cannot receive it; not sent.
 * - `INVALID`: the row or the rendered message is invalid, or IO answered 400; not sent.
 * - `DUPLICATE`: the fiscal code appeared earlier in the input; not sent again.
 * - `UNKNOWN`: a send may or may not have reached IO and could not be reconciled; never resent
 *   automatically: an operator decides (see `resendUnknown`).
 * - `ERROR`: not sent because of a transient failure; a re-run retries it.
 * - `DRY_RUN`: would be sent (dry-run mode).
 * @group Bulk
 */
export type BulkState =
  | 'PROCESSED'
  | 'REJECTED'
  | 'FAILED'
  | 'SENT'
  | 'NOT_ON_IO'
  | 'OPTED_OUT'
  | 'FORBIDDEN'
  | 'INVALID'
  | 'DUPLICATE'
  | 'UNKNOWN'
  | 'ERROR'
  | 'DRY_RUN';

/**
 * Every {@link BulkState}, in report order.
 * @group Bulk
 */
export const BULK_STATES: readonly BulkState[] = Object.freeze([
  'PROCESSED',
  'REJECTED',
  'FAILED',
  'SENT',
  'NOT_ON_IO',
  'OPTED_OUT',
  'FORBIDDEN',
  'INVALID',
  'DUPLICATE',
  'UNKNOWN',
  'ERROR',
  'DRY_RUN',
]);

/**
 * The outcome of one recipient, yielded by `sendBulk` once it is final for this run.
 * @group Bulk
 */
export interface BulkOutcome {
  /** Stable recipient reference used in the journal (salted hash of campaign and fiscal code). */
  readonly ref: string;
  /** Position in the input (1-based) or the source row when the reader set one. */
  readonly row: number;
  /** Recipient fiscal code: the operator's own data, for the report file; never log it. */
  readonly fiscalCode: string;
  /** Final state for this run. */
  readonly state: BulkState;
  /** IO message id, once sent. */
  readonly messageId?: string | undefined;
  /** Error code or reason behind `INVALID`, `FORBIDDEN`, `UNKNOWN`, `ERROR` (no personal data). */
  readonly reason?: string | undefined;
  /** True when the state comes from the journal of an earlier run. */
  readonly resumed: boolean;
}

/**
 * Progress of a bulk run, reported after every outcome.
 * @group Bulk
 */
export interface BulkProgress {
  /** Outcomes so far. */
  readonly done: number;
  /** Messages sent by this run (not counting resumed ones). */
  readonly sentThisRun: number;
  /** Outcomes so far by state. */
  readonly byState: Readonly<Record<BulkState, number>>;
}
