/** Test helper: runs `fn`, expects it to throw, and returns what it threw (to match `code` and `field`). */
export function errorOf(fn: () => unknown): { readonly code?: unknown; readonly field?: unknown } {
  try {
    fn();
  } catch (error) {
    return error as { code?: unknown; field?: unknown };
  }
  throw new Error('expected a throw');
}
