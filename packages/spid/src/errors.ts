import { CivicoError, type CivicoErrorOptions } from '@civico/core';

const MARKER = Symbol.for('civico.error.spid');

/**
 * Every code a {@link SpidError} can carry. Documented in `docs/errors.md#spid`.
 * @group Errors
 */
export const SPID_ERROR_CODES = [
  'ERR_SPID_CERTIFICATE',
  'ERR_SPID_IDP_ERROR',
  'ERR_SPID_INVALID_CONFIG',
  'ERR_SPID_INVALID_INPUT',
  'ERR_SPID_LOGOUT_INVALID',
  'ERR_SPID_REGISTRY',
  'ERR_SPID_REPLAY',
  'ERR_SPID_REQUEST_UNKNOWN',
  'ERR_SPID_RESPONSE_MALFORMED',
  'ERR_SPID_RESPONSE_REJECTED',
  'ERR_SPID_STORE',
] as const;

/**
 * A code carried by {@link SpidError}.
 * @group Errors
 */
export type SpidErrorCode = (typeof SPID_ERROR_CODES)[number];

/**
 * The HTTP status a Service Provider answers for a refused message: 400 for a malformed one, 403 for
 * one that is well formed but not acceptable. Never a redirect, never 200 (SPID conformance, case 103).
 * @group Errors
 */
export type SpidHttpStatus = 400 | 403;

/**
 * A user-facing message in Italian and English (the courtesy page of IdP errors nr19–nr25 and nr30).
 * @group Errors
 */
export interface SpidUserMessage {
  /** Italian text. */
  readonly it: string;
  /** English text. */
  readonly en: string;
}

/** Construction details of a {@link SpidError}. */
export interface SpidErrorOptions extends CivicoErrorOptions {
  /** Which rule was broken, machine-readable (a check id such as `assertion.audience`). */
  readonly reason?: string | undefined;
  /** The HTTP status to answer (default 403; 400 for malformed input). */
  readonly status?: SpidHttpStatus | undefined;
  /** The SPID error code the IdP sent (`nr19`…`nr30`), for `ERR_SPID_IDP_ERROR`. */
  readonly idpErrorCode?: string | undefined;
  /** The message to show the citizen, in Italian and English. */
  readonly userMessage?: SpidUserMessage | undefined;
}

const GENERIC: SpidUserMessage = {
  it: 'Accesso non riuscito. Riprova o contatta il servizio.',
  en: 'Login failed. Please retry or contact the service.',
};

/**
 * Error thrown by `@civico/spid`.
 *
 * @remarks
 * See the catalogue in `docs/errors.md#spid`. Every error carries the HTTP `status` to answer (400 or
 * 403) and a `userMessage` safe to show the citizen; messages never echo the SAML document (it holds
 * personal data): they name the rule that failed.
 *
 * @example
 * ```ts
 * import { SpidError } from '@civico/spid';
 * function statusFor(err: unknown): number {
 *   return SpidError.isInstance(err) ? err.status : 500;
 * }
 * ```
 * @group Errors
 */
export class SpidError extends CivicoError<SpidErrorCode> {
  /** @internal */
  protected readonly [MARKER] = true;
  /** Which rule was broken, machine-readable; `undefined` when the code says it all. */
  readonly reason: string | undefined;
  /** The HTTP status to answer: 400 (malformed) or 403 (refused). */
  readonly status: SpidHttpStatus;
  /** The SPID error code the IdP sent (`nr19`…), `undefined` otherwise. */
  readonly idpErrorCode: string | undefined;
  /** A message for the citizen, in Italian and English (a generic one when none is specific). */
  readonly userMessage: SpidUserMessage;

  /**
   * @param code - the stable error code
   * @param message - message without personal data
   * @param options - cause, field, reason, status, idpErrorCode, userMessage
   */
  constructor(code: SpidErrorCode, message: string, options: SpidErrorOptions = {}) {
    super(code, message, options);
    this.reason = options.reason;
    this.status = options.status ?? 403;
    this.idpErrorCode = options.idpErrorCode;
    this.userMessage = options.userMessage ?? GENERIC;
  }

  /**
   * Tells whether a value is a {@link SpidError}, across installed copies.
   * @param value - anything caught
   */
  static override isInstance(value: unknown): value is SpidError {
    return CivicoError.hasMarker(value, MARKER);
  }
}
