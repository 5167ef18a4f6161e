import { CivicoError, type CivicoErrorOptions } from '@civico/core';

const MARKER = Symbol.for('civico.error.io');

/**
 * Every code a {@link IoError} can carry. Documented in `docs/errors.md#io`.
 * @group Errors
 */
export const IO_ERROR_CODES = [
  'ERR_IO_BAD_REQUEST',
  'ERR_IO_BULK_ABORTED',
  'ERR_IO_FORBIDDEN',
  'ERR_IO_INVALID_CONFIG',
  'ERR_IO_INVALID_CSV',
  'ERR_IO_INVALID_MESSAGE',
  'ERR_IO_INVALID_REQUEST',
  'ERR_IO_INVALID_RESPONSE',
  'ERR_IO_INVALID_TEMPLATE',
  'ERR_IO_JOURNAL_CORRUPT',
  'ERR_IO_JOURNAL_LOCKED',
  'ERR_IO_JOURNAL_MISMATCH',
  'ERR_IO_JOURNAL_WRITE_FAILED',
  'ERR_IO_NETWORK',
  'ERR_IO_NOT_FOUND',
  'ERR_IO_PROFILE_NOT_FOUND',
  'ERR_IO_RATE_LIMITED',
  'ERR_IO_RECIPIENT_FORBIDDEN',
  'ERR_IO_SERVER_ERROR',
  'ERR_IO_TIMEOUT',
  'ERR_IO_UNAUTHORIZED',
  'ERR_IO_UNEXPECTED_STATUS',
] as const;

/**
 * A code carried by {@link IoError}.
 * @group Errors
 */
export type IoErrorCode = (typeof IO_ERROR_CODES)[number];

/**
 * What is known about the effect of a failed IO API call.
 *
 * - `not-sent`: the request never reached IO, or IO refused it before acting (429, validation):
 *   sending again cannot create a duplicate.
 * - `rejected`: IO answered with a 4xx, so nothing was created; resending the same request fails again.
 * - `unknown`: the request may have taken effect (timeout after sending, reset connection, 5xx,
 *   unreadable 201). Never resend a message blindly: reconcile first.
 * @group Errors
 */
export type IoOutcome = 'not-sent' | 'rejected' | 'unknown';

/**
 * An RFC 7807 problem body returned by IO (fields the client reads).
 * @group Errors
 */
export interface IoProblem {
  /** Short summary of the problem type, e.g. `Invalid NewMessage`. */
  readonly title?: string | undefined;
  /** Status the origin server reported (IO's own examples use 200 here). */
  readonly status?: number | undefined;
  /** Explanation; on 400 an io-ts report that may echo input values (fiscal codes are masked). */
  readonly detail?: string | undefined;
  /** URI identifying the problem type. */
  readonly type?: string | undefined;
}

/** Construction details of an {@link IoError}. */
export interface IoErrorOptions extends CivicoErrorOptions {
  /** Whether a failed call may have taken effect; see {@link IoOutcome}. */
  readonly outcome?: IoOutcome | undefined;
  /** HTTP status of IO's answer, when there was one. */
  readonly status?: number | undefined;
  /** Upstream request id, when IO sent one. */
  readonly requestId?: string | undefined;
  /** Machine-readable sub-reason, e.g. `premium-required` for a 403. */
  readonly reason?: string | undefined;
  /** Problem details from a 4xx/5xx body, when IO sent them. */
  readonly problem?: IoProblem | undefined;
  /** Byte offset in a file where the problem was found (a damaged bulk-send journal). */
  readonly offset?: number | undefined;
}

/**
 * Error thrown by `@civico/io`.
 *
 * @remarks
 * See the catalogue in `docs/errors.md#io`. Messages name the offending `field` and never echo
 * personal data.
 *
 * @example By code
 * ```ts
 * import { IoError } from '@civico/io';
 * function isConfigError(err: unknown): boolean {
 *   return IoError.isInstance(err) && err.code === 'ERR_IO_INVALID_CONFIG';
 * }
 * ```
 * @example By class
 * ```ts
 * import { IoError } from '@civico/io';
 * function fieldOf(err: unknown): string | undefined {
 *   return IoError.isInstance(err) ? err.field : undefined;
 * }
 * ```
 * @group Errors
 */
export class IoError extends CivicoError<IoErrorCode> {
  /** @internal */
  protected readonly [MARKER] = true;
  /** Whether a failed call may have taken effect; `undefined` for errors raised before any call. */
  readonly outcome: IoOutcome | undefined;
  /** HTTP status of IO's answer, `undefined` without one. */
  readonly status: number | undefined;
  /** Upstream request id, when IO sent one. */
  readonly requestId: string | undefined;
  /** Machine-readable sub-reason (for 403: `recipient-forbidden`, `premium-required`, …). */
  readonly reason: string | undefined;
  /** Problem details from IO's error body, when present. */
  readonly problem: IoProblem | undefined;
  /** Byte offset in a file where the problem was found (`ERR_IO_JOURNAL_CORRUPT`), else `undefined`. */
  readonly offset: number | undefined;

  /**
   * @param code - the stable error code
   * @param message - message without personal data
   * @param options - cause, field, outcome, status, request id, reason, problem, offset
   */
  constructor(code: IoErrorCode, message: string, options: IoErrorOptions = {}) {
    super(code, message, options);
    this.outcome = options.outcome;
    this.status = options.status;
    this.requestId = options.requestId;
    this.reason = options.reason;
    this.problem = options.problem;
    this.offset = options.offset;
  }

  /**
   * Tells whether a value is a {@link IoError}, across installed copies.
   * @param value - anything caught
   */
  static override isInstance(value: unknown): value is IoError {
    return CivicoError.hasMarker(value, MARKER);
  }
}
