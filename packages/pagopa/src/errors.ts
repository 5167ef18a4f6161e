import { CivicoError } from '@civico/core';

const MARKER = Symbol.for('civico.error.pagopa');

/**
 * Every code a {@link PagoPaError} can carry. Documented in `docs/errors.md#pagopa`.
 * @group Errors
 */
export const PAGOPA_ERROR_CODES = [
  'ERR_PAGOPA_BARCODE_ENCODING',
  'ERR_PAGOPA_INVALID_AMOUNT',
  'ERR_PAGOPA_INVALID_CONFIG',
  'ERR_PAGOPA_INVALID_DATA_MATRIX_PAYLOAD',
  'ERR_PAGOPA_INVALID_DATE',
  'ERR_PAGOPA_INVALID_FISCAL_CODE',
  'ERR_PAGOPA_INVALID_LOGO',
  'ERR_PAGOPA_INVALID_NOTICE',
  'ERR_PAGOPA_INVALID_NOTICE_NUMBER',
  'ERR_PAGOPA_INVALID_POSTAL_ACCOUNT',
  'ERR_PAGOPA_INVALID_QR_PAYLOAD',
  'ERR_PAGOPA_RENDER_FAILED',
  'ERR_PAGOPA_TEXT_TOO_LONG',
] as const;

/**
 * A code carried by {@link PagoPaError}.
 * @group Errors
 */
export type PagoPaErrorCode = (typeof PAGOPA_ERROR_CODES)[number];

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

  /**
   * Tells whether a value is a {@link PagoPaError}, across installed copies.
   * @param value - anything caught
   */
  static override isInstance(value: unknown): value is PagoPaError {
    return CivicoError.hasMarker(value, MARKER);
  }
}
