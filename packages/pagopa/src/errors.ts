import { CivicoError, type CivicoErrorOptions } from '@civico/core';

const MARKER = Symbol.for('civico.error.pagopa');

/**
 * Every code a {@link PagoPaError} can carry. Documented in `docs/errors.md#pagopa`.
 * @group Errors
 */
export const PAGOPA_ERROR_CODES = [
  'ERR_PAGOPA_API_BAD_REQUEST',
  'ERR_PAGOPA_API_CONFLICT',
  'ERR_PAGOPA_API_NETWORK',
  'ERR_PAGOPA_API_NOT_FOUND',
  'ERR_PAGOPA_API_RATE_LIMITED',
  'ERR_PAGOPA_API_SERVER_ERROR',
  'ERR_PAGOPA_API_UNAUTHORIZED',
  'ERR_PAGOPA_API_UNEXPECTED_RESPONSE',
  'ERR_PAGOPA_BARCODE_ENCODING',
  'ERR_PAGOPA_INVALID_AMOUNT',
  'ERR_PAGOPA_INVALID_CART',
  'ERR_PAGOPA_INVALID_CONFIG',
  'ERR_PAGOPA_INVALID_DATA_MATRIX_PAYLOAD',
  'ERR_PAGOPA_INVALID_DATE',
  'ERR_PAGOPA_INVALID_DEBT_POSITION',
  'ERR_PAGOPA_INVALID_FISCAL_CODE',
  'ERR_PAGOPA_INVALID_LOGO',
  'ERR_PAGOPA_INVALID_NOTICE',
  'ERR_PAGOPA_INVALID_NOTICE_NUMBER',
  'ERR_PAGOPA_INVALID_POSTAL_ACCOUNT',
  'ERR_PAGOPA_INVALID_QR_PAYLOAD',
  'ERR_PAGOPA_INVALID_REPORTING_FLOW',
  'ERR_PAGOPA_INVALID_TRANSITION',
  'ERR_PAGOPA_RENDER_FAILED',
  'ERR_PAGOPA_TEXT_TOO_LONG',
] as const;

/**
 * A code carried by {@link PagoPaError}.
 * @group Errors
 */
export type PagoPaErrorCode = (typeof PAGOPA_ERROR_CODES)[number];

/**
 * What became of a platform call that failed: `not-sent` (certainly never reached pagoPA),
 * `rejected` (pagoPA answered and changed nothing) or `unknown` (it may have been applied: read
 * the resource back before doing it again).
 * @group Errors
 */
export type PagoPaOutcome = 'not-sent' | 'rejected' | 'unknown';

/**
 * A problem body (`{title, status, detail}`) returned by a pagoPA API, with personal data masked.
 * @group Errors
 */
export interface PagoPaProblem {
  /** Short summary, e.g. `Bad Request`. */
  readonly title?: string | undefined;
  /** HTTP status the platform put in the body. */
  readonly status?: number | undefined;
  /** Explanation, with fiscal codes masked. */
  readonly detail?: string | undefined;
}

/**
 * Construction details of a {@link PagoPaError}.
 * @group Errors
 */
export interface PagoPaErrorOptions extends CivicoErrorOptions {
  /** What became of a platform call (only on `ERR_PAGOPA_API_*`). */
  readonly outcome?: PagoPaOutcome | undefined;
  /** HTTP status of the platform's answer, if one arrived. */
  readonly status?: number | undefined;
  /** The platform's `X-Request-Id`, if it sent one. */
  readonly requestId?: string | undefined;
  /** Machine-readable rule or sub-reason, e.g. `transfer-sum` or `terminal-status`. */
  readonly rule?: string | undefined;
  /** The platform's problem body, masked. */
  readonly problem?: PagoPaProblem | undefined;
}

/**
 * Error thrown by `@civico/pagopa`.
 *
 * @remarks
 * See the catalogue in `docs/errors.md#pagopa`. Messages name the offending `field` and never echo
 * personal data.
 *
 * @example By code
 * ```ts
 * import { PagoPaError } from '@civico/pagopa';
 * function isConfigError(err: unknown): boolean {
 *   return PagoPaError.isInstance(err) && err.code === 'ERR_PAGOPA_INVALID_CONFIG';
 * }
 * ```
 * @example By class
 * ```ts
 * import { PagoPaError } from '@civico/pagopa';
 * function fieldOf(err: unknown): string | undefined {
 *   return PagoPaError.isInstance(err) ? err.field : undefined;
 * }
 * ```
 * @group Errors
 */
export class PagoPaError extends CivicoError<PagoPaErrorCode> {
  /** @internal */
  protected readonly [MARKER] = true;
  /** What became of a platform call (`ERR_PAGOPA_API_*`), else `undefined`. */
  readonly outcome: PagoPaOutcome | undefined;
  /** HTTP status of the platform's answer, else `undefined`. */
  readonly status: number | undefined;
  /** The platform's request id, else `undefined`. */
  readonly requestId: string | undefined;
  /** Machine-readable rule or sub-reason, else `undefined`. */
  readonly rule: string | undefined;
  /** The platform's problem body (masked), else `undefined`. */
  readonly problem: PagoPaProblem | undefined;

  /**
   * @param code - the stable error code
   * @param message - message without personal data
   * @param options - cause, field, outcome, status, request id, rule, problem
   */
  constructor(code: PagoPaErrorCode, message: string, options: PagoPaErrorOptions = {}) {
    super(code, message, options);
    this.outcome = options?.outcome;
    this.status = options?.status;
    this.requestId = options?.requestId;
    this.rule = options?.rule;
    this.problem = options?.problem;
  }

  /**
   * Tells whether a value is a {@link PagoPaError}, across installed copies.
   * @param value - anything caught
   */
  static override isInstance(value: unknown): value is PagoPaError {
    return CivicoError.hasMarker(value, MARKER);
  }
}
