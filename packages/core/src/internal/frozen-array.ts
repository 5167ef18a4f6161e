import { z } from 'zod';

/**
 * `z.array(item).readonly()` that runs only on a real array. zod's `readonly()` freezes whatever value
 * reaches it, a rejected input included: an object given in place of the array was frozen in the caller's
 * hands, and a typed array made `safeParse` itself throw a TypeError ("Cannot freeze array buffer views
 * with elements"). The guard refuses anything that is not an array before `readonly()` sees it.
 * @param item - the element schema
 * @param bounds - `min` and `max` number of elements
 * @returns the schema, input and output readonly arrays
 * @example
 * ```ts
 * import { frozenArray } from '@civico/core/internal';
 * import { z } from 'zod';
 * const Keys = frozenArray(z.string().min(1), { min: 1 });
 * Keys.parse(['key']); // readonly ['key']
 * ```
 * @group Schemas
 */
export function frozenArray<T extends z.ZodType>(item: T, bounds: { min?: number; max?: number } = {}) {
  let array = z.array(item);
  if (bounds.min !== undefined) array = array.min(bounds.min);
  if (bounds.max !== undefined) array = array.max(bounds.max);
  return z.pipe(
    z.custom<readonly z.input<T>[]>((v) => Array.isArray(v), { message: 'must be an array' }),
    array.readonly(),
  );
}
