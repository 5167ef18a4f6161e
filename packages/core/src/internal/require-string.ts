import { CORE_LIMITS } from '../core-limits.js';
import { CoreError } from '../errors/core-error.js';

/**
 * Throws `ERR_CORE_INVALID_INPUT` with `field` unless `value` is a string (of at most
 * {@link CORE_LIMITS}`.maxInputLength` characters, with `limitLength`). Messages never echo the value.
 * @internal
 */
export function requireString(value: unknown, field: string, limitLength = false): string {
  if (typeof value !== 'string') throw new CoreError('ERR_CORE_INVALID_INPUT', `${field} must be a string`, { field });
  if (limitLength && value.length > CORE_LIMITS.maxInputLength) {
    throw new CoreError('ERR_CORE_INVALID_INPUT', `${field} is longer than ${CORE_LIMITS.maxInputLength} characters`, {
      field,
    });
  }
  return value;
}
