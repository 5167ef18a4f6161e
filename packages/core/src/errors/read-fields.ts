import type { CivicoError, CivicoErrorOptions } from './civico-error.js';

/**
 * Where {@link readFields} reports an unreadable property.
 * @group Errors
 */
export interface ReadFieldsOptions<O extends CivicoErrorOptions> {
  /** Dotted path of `value` in the input, prefixed to the key in the error's `field` (e.g. `'notice.creditor'`). */
  readonly path?: string | undefined;
  /** More options for the error class (e.g. `IoError`'s `outcome`); `cause` and `field` are set by `readFields`. */
  readonly errorOptions?: Omit<O, 'cause' | 'field'> | undefined;
}

/**
 * Reads the listed properties of an input object once each into a plain snapshot, turning any throw of a
 * getter or a Proxy trap into the package's typed error.
 *
 * @remarks
 * Public functions that take an object read it through this helper, so a hostile input (a getter that
 * throws, a Proxy) ends in the package's own error instead of a foreign throwable, and every later check
 * works on the snapshot (a getter cannot answer differently twice). A value that is not an object or a
 * function gives an empty snapshot, as optional chaining would; a key that is not `in` the value is left out
 * of it. The message names the property, never its value.
 *
 * @param value - the input, e.g. an options object
 * @param keys - the properties to read (symbols too, e.g. `Symbol.asyncIterator`)
 * @param ErrorClass - the package's error class, e.g. `PagoPaError`
 * @param code - the code to throw when a read throws, e.g. `ERR_PAGOPA_INVALID_CONFIG`
 * @param options - the field path prefix and extra error options
 * @returns a plain object with the keys present on `value`
 * @throws the package's error with `code`, `field` (the key, after `options.path`) and the original as
 *   `cause`, when reading a property throws.
 * @example
 * ```ts
 * import { CoreError } from '@civico/core';
 * import { readFields } from '@civico/core/internal';
 * const { timeoutMs } = readFields({ timeoutMs: 5 }, ['timeoutMs'], CoreError, 'ERR_CORE_INVALID_INPUT');
 * ```
 * @group Errors
 */
export function readFields<
  K extends PropertyKey,
  Code extends string,
  O extends CivicoErrorOptions = CivicoErrorOptions,
>(
  value: unknown,
  keys: readonly K[],
  ErrorClass: new (code: Code, message: string, options?: O) => CivicoError<Code>,
  code: NoInfer<Code>,
  options: ReadFieldsOptions<O> = {},
): { readonly [P in K]?: unknown } {
  const out: { [P in K]?: unknown } = {};
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return out;
  for (const key of keys) {
    try {
      if (key in value) out[key] = (value as Record<K, unknown>)[key];
    } catch (cause) {
      const field = options.path ? `${options.path}.${String(key)}` : String(key);
      throw new ErrorClass(code, `${field} cannot be read`, { ...options.errorOptions, cause, field } as O);
    }
  }
  return out;
}
