import { CoreError } from '../errors/core-error.js';

/**
 * Reads `keys` of an options object (or of `person`-like input) once each into a plain object.
 *
 * @remarks
 * `undefined` and `null` (plain JavaScript) mean none. Anything but a non-array object throws
 * `ERR_CORE_INVALID_INPUT` with `field: 'options'` (or `what`), and a property whose read throws
 * (a getter, a Proxy) throws it with the property as `field` and the original as `cause`, so no
 * foreign throwable leaves the public API.
 * @internal
 */
export function readOptions<T extends object, K extends keyof T & string>(
  options: T | null | undefined,
  keys: readonly K[],
  what = 'options',
): Partial<Pick<T, K>> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new CoreError('ERR_CORE_INVALID_INPUT', `${what} must be an object`, { field: what });
  }
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) {
    try {
      out[key] = options[key];
    } catch (cause) {
      throw new CoreError('ERR_CORE_INVALID_INPUT', `${key} cannot be read`, { field: key, cause });
    }
  }
  return out;
}

/**
 * {@link readOptions} for the never-throwing functions (`isValidX`, `inspectX`): anything that is
 * not a readable object counts as no options, and an unreadable property as absent.
 * @internal
 */
export function lenientOptions<T extends object, K extends keyof T & string>(
  options: T | null | undefined,
  keys: readonly K[],
): Partial<Pick<T, K>> {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return {};
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) {
    try {
      out[key] = options[key];
    } catch {
      // An unreadable option is an absent one: these functions never throw.
    }
  }
  return out;
}
