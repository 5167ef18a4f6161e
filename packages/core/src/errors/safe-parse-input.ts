import { z } from 'zod';

/**
 * Runs a zod schema's `safeParse` and never throws.
 *
 * @remarks
 * zod's `safeParse` reports invalid data but lets anything the input itself throws escape: a getter or a
 * Proxy trap that throws while zod reads a property. Here such a throw becomes a failed result with one
 * `custom` issue at the root (`'could not be read'`), the original kept as the issue's `params.cause`. The
 * `isValidX` functions and the `parseX` functions with their own error mapping validate through it.
 *
 * @param schema - the zod schema
 * @param value - the input
 * @returns zod's result
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { safeParseInput } from '@civico/core/internal';
 * const hostile = { get n(): number { throw new Error('no'); } };
 * safeParseInput(z.object({ n: z.number() }), hostile).success; // false
 * ```
 * @group Errors
 */
export function safeParseInput<S extends z.ZodType>(schema: S, value: unknown): z.ZodSafeParseResult<z.output<S>> {
  try {
    return schema.safeParse(value);
  } catch (cause) {
    const issue = { code: 'custom' as const, path: [], message: 'could not be read', params: { cause } };
    return { success: false, error: new z.ZodError([issue]) as z.ZodError<z.output<S>> };
  }
}
