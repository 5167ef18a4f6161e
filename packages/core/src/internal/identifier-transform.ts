import { z } from 'zod';

/** The result shape every `inspectX` function of core shares. @internal */
export type InspectLike<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly { readonly code: string; readonly message: string }[] };

/**
 * Builds the `transform` step of an identifier schema from its `inspectX` function, so that
 * `isValidX`, `parseX` and `XSchema` share one implementation and accept exactly the same inputs.
 * Each issue becomes a zod `custom` issue with the stable reason in `params.reason`.
 * @internal
 */
export function identifierTransform<T>(inspect: (value: string) => InspectLike<T>) {
  return (value: string, ctx: z.core.$RefinementCtx<string>): string => {
    const result = inspect(value);
    if (result.ok) return result.value as string;
    for (const issue of result.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, params: { reason: issue.code } });
    }
    return z.NEVER;
  };
}
