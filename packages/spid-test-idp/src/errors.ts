import { CivicoError, type CivicoErrorOptions } from '@civico/core';

const MARKER = Symbol.for('civico.error.spid-test-idp');

/**
 * Every code a {@link SpidTestIdpError} can carry. Documented in `docs/errors.md#spid-test-idp`.
 * @group Errors
 */
export const SPID_TEST_IDP_ERROR_CODES = [
  'ERR_SPID_TEST_IDP_INVALID_CONFIG',
  'ERR_SPID_TEST_IDP_INVALID_METADATA',
  'ERR_SPID_TEST_IDP_INVALID_REQUEST',
  'ERR_SPID_TEST_IDP_NETWORK',
  'ERR_SPID_TEST_IDP_UNEXPECTED_RESPONSE',
] as const;

/**
 * A code carried by {@link SpidTestIdpError}.
 * @group Errors
 */
export type SpidTestIdpErrorCode = (typeof SPID_TEST_IDP_ERROR_CODES)[number];

/** Construction details of a {@link SpidTestIdpError}. */
export interface SpidTestIdpErrorOptions extends CivicoErrorOptions {
  /** Which rule was broken, machine-readable (e.g. an SPID error code `nr16`, a check id). */
  readonly reason?: string | undefined;
  /** 1-based line in the XML where the problem was found, when known. */
  readonly line?: number | undefined;
}

/**
 * Error thrown by `@civico/spid-test-idp` (the local IdP and the conformance kit).
 *
 * @remarks
 * See the catalogue in `docs/errors.md#spid-test-idp`. Messages never echo the document's text (it holds
 * personal data): they name the rule, the element and where it is.
 *
 * @example
 * ```ts
 * import { SpidTestIdpError } from '@civico/spid-test-idp';
 * function isConfigError(err: unknown): boolean {
 *   return SpidTestIdpError.isInstance(err) && err.code === 'ERR_SPID_TEST_IDP_INVALID_CONFIG';
 * }
 * ```
 * @group Errors
 */
export class SpidTestIdpError extends CivicoError<SpidTestIdpErrorCode> {
  /** @internal */
  protected readonly [MARKER] = true;
  /** Which limit or rule was broken, machine-readable; `undefined` when the code says it all. */
  readonly reason: string | undefined;
  /** 1-based line in the XML where the problem was found, `undefined` when unknown. */
  readonly line: number | undefined;

  /**
   * @param code - the stable error code
   * @param message - message without personal data
   * @param options - cause, field, reason, line
   */
  constructor(code: SpidTestIdpErrorCode, message: string, options: SpidTestIdpErrorOptions = {}) {
    super(code, message, options);
    this.reason = options.reason;
    this.line = options.line;
  }

  /**
   * Tells whether a value is a {@link SpidTestIdpError}, across installed copies.
   * @param value - anything caught
   */
  static override isInstance(value: unknown): value is SpidTestIdpError {
    return CivicoError.hasMarker(value, MARKER);
  }
}
