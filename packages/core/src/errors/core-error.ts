import { CivicoError } from './civico-error.js';

const MARKER = Symbol.for('civico.error.core');

/**
 * Every code a {@link CoreError} can carry. Documented in `docs/errors.md#core`.
 * @group Errors
 */
export const CORE_ERROR_CODES = [
  'ERR_CORE_AMBIGUOUS_BIRTHPLACE',
  'ERR_CORE_INVALID_CONFIG',
  'ERR_CORE_INVALID_DATE',
  'ERR_CORE_INVALID_ENTITY_FISCAL_CODE',
  'ERR_CORE_INVALID_FISCAL_CODE',
  'ERR_CORE_INVALID_IBAN',
  'ERR_CORE_INVALID_INPUT',
  'ERR_CORE_INVALID_IPA_CODE',
  'ERR_CORE_INVALID_IUV',
  'ERR_CORE_INVALID_NOTICE_NUMBER',
  'ERR_CORE_INVALID_OFFICE_CODE',
  'ERR_CORE_INVALID_RESPONSE',
  'ERR_CORE_INVALID_SDI_CODE',
  'ERR_CORE_INVALID_VAT_NUMBER',
  'ERR_CORE_IUV_SEQUENCE_OVERFLOW',
  'ERR_CORE_UNKNOWN_MUNICIPALITY',
] as const;

/**
 * A code carried by {@link CoreError}.
 * @group Errors
 */
export type CoreErrorCode = (typeof CORE_ERROR_CODES)[number];

/**
 * Error thrown by `@civico/core` identifier parsers, data look-ups and option validation.
 *
 * @remarks
 * See the catalogue in `docs/errors.md#core`. Messages never echo the rejected value.
 *
 * @example By code
 * ```ts
 * import { CoreError, parseVatNumber } from '@civico/core';
 * try {
 *   parseVatNumber('12345678901');
 * } catch (err) {
 *   if (CoreError.isInstance(err) && err.code === 'ERR_CORE_INVALID_VAT_NUMBER') console.log('bad partita IVA');
 * }
 * ```
 * @example By class
 * ```ts
 * import { CoreError, parseIban } from '@civico/core';
 * try {
 *   parseIban('IT00X0000000000000000000000');
 * } catch (err) {
 *   if (!CoreError.isInstance(err)) throw err;
 *   console.log(err.code);
 * }
 * ```
 * @group Errors
 */
export class CoreError extends CivicoError<CoreErrorCode> {
  /** @internal */
  protected readonly [MARKER] = true;

  /**
   * Tells whether a value is a {@link CoreError}, across installed copies.
   * @param value - anything caught
   */
  static override isInstance(value: unknown): value is CoreError {
    return CivicoError.hasMarker(value, MARKER);
  }
}
