import { z } from 'zod';

function isPlainObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  try {
    const proto: unknown = Object.getPrototypeOf(value);
    // `{}` and `Object.create(null)`, from any realm: the prototype is a root prototype or absent.
    return proto === null || Object.getPrototypeOf(proto) === null;
  } catch {
    return false; // a Proxy whose trap throws is not a plain object
  }
}

/**
 * Puts a cheap plain-object check in front of an object schema.
 *
 * @remarks
 * zod's object schemas accept any object, and a strict one walks every key of it: a 1 MB `Uint8Array`
 * passed where an options object is expected costs a third of a second to reject. Here anything but a plain
 * object (`{…}` or `Object.create(null)`) fails at once with an `invalid_type` issue (`expected: 'object'`):
 * arrays, typed arrays, class instances, Proxies and non-objects. Input and output types are the schema's.
 *
 * @param schema - the object schema
 * @returns a schema that checks the plain object, then runs `schema`
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { plainObject } from '@civico/core/internal';
 * const OptionsSchema = plainObject(z.strictObject({ timeoutMs: z.number().int().positive() }));
 * OptionsSchema.safeParse(new Uint8Array(1_000_000)).success; // false, at once
 * ```
 * @group Schemas
 */
export function plainObject<S extends z.ZodType>(schema: S): z.ZodPipe<z.ZodCustom<z.input<S>, z.input<S>>, S> {
  const guard = z.custom<z.input<S>>().check((ctx) => {
    if (!isPlainObject(ctx.value)) {
      ctx.issues.push({ code: 'invalid_type', expected: 'object', input: ctx.value, continue: false });
    }
  });
  // The guard passes the value through unchanged, so the pipe's types are exactly the schema's.
  return z.pipe(guard, schema as z.ZodType<z.output<S>, z.input<S>>) as z.ZodPipe<typeof guard, S>;
}
