import { CivicoError } from '@civico/core';

const MARKER = Symbol.for('civico.error.io');

/**
 * Every code a {@link IoError} can carry. Documented in `docs/errors.md#io`.
 * @group Errors
 */
export const IO_ERROR_CODES = ['ERR_IO_INVALID_CONFIG'] as const;

/**
 * A code carried by {@link IoError}.
 * @group Errors
 */
export type IoErrorCode = (typeof IO_ERROR_CODES)[number];

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

  /**
   * Tells whether a value is a {@link IoError}, across installed copies.
   * @param value - anything caught
   */
  static override isInstance(value: unknown): value is IoError {
    return CivicoError.hasMarker(value, MARKER);
  }
}
