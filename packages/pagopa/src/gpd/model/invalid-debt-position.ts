import { PagoPaError } from '../../errors.js';

/**
 * The rules of {@link validateDebtPosition}, as `PagoPaError.rule`.
 * @internal
 */
export type DebtPositionRule =
  | 'shape'
  | 'transfer-sum'
  | 'transfer-count'
  | 'transfer-account'
  | 'date-offset'
  | 'date-order'
  | 'taxonomy'
  | 'segregation-code'
  | 'notice-number'
  | 'duplicate-iuv'
  | 'instalments'
  | 'fiscal-code';

/**
 * Throws `ERR_PAGOPA_INVALID_DEBT_POSITION` with `rule` and `field`. The message names the field and
 * the rule, never the value.
 * @internal
 */
export function invalidDebtPosition(
  rule: DebtPositionRule,
  field: string | undefined,
  why: string,
  cause?: unknown,
): never {
  throw new PagoPaError(
    'ERR_PAGOPA_INVALID_DEBT_POSITION',
    `Invalid debt position${field ? ` (${field})` : ''}: ${why}`,
    {
      rule,
      field,
      cause,
    },
  );
}
