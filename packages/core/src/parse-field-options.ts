import { CoreError, type CoreErrorCode } from './errors/core-error.js';
import { readOptions } from './internal/read-options.js';

/**
 * The option every `parseX` of civico takes: the name of the input field, reported as the error's
 * `field` (default: the identifier's own name, e.g. `'iban'`).
 * @group Identifiers
 */
export interface ParseFieldOptions {
  /** Name of the input field, e.g. `'payer.fiscalCode'`; reported in the thrown error's `field`. */
  readonly field?: string | undefined;
}

/**
 * Reads `field` (and `keys`) from a `parseX` options object; bad options throw
 * `ERR_CORE_INVALID_INPUT` (`field: 'options'`). A non-string `field` falls back to `fallback`.
 * @internal
 */
export function readParseOptions<T extends ParseFieldOptions, K extends keyof T & string>(
  options: T | null | undefined,
  keys: readonly K[],
  fallback: string,
): Partial<Pick<T, K>> & { readonly field: string } {
  const read = readOptions<T, K | 'field'>(options, [...keys, 'field']);
  return { ...read, field: typeof read.field === 'string' ? read.field : fallback };
}

/**
 * Throws the error of a failed `parseX`: `ERR_CORE_INVALID_INPUT` when the value is not a string
 * (issue `INVALID_TYPE`), `code` otherwise, both with `field`. The message names the first issue,
 * never the value.
 * @internal
 */
export function throwParseIssue(
  code: CoreErrorCode,
  what: string,
  issues: readonly { readonly code: string; readonly message: string }[],
  field: string,
): never {
  const issue = issues[0];
  if (issue?.code === 'INVALID_TYPE') throw new CoreError('ERR_CORE_INVALID_INPUT', issue.message, { field });
  throw new CoreError(code, `Invalid ${what}: ${issue?.message ?? 'invalid value'}`, { field });
}
