import type { z } from 'zod';
import { CivicoError, type CivicoErrorOptions } from './civico-error.js';
import { CoreError } from './core-error.js';

/** A constructor of a package's {@link CivicoError} subclass. */
export type CivicoErrorClass<Code extends string> = new (
  code: Code,
  message: string,
  options?: CivicoErrorOptions,
) => CivicoError<Code>;

function issuePath(error: z.ZodError): string | undefined {
  const first = error.issues[0];
  if (!first || first.path.length === 0) return undefined;
  return first.path.map(String).join('.');
}

function hasSafeParse(schema: unknown): boolean {
  try {
    return typeof (schema as { safeParse?: unknown } | null)?.safeParse === 'function';
  } catch {
    return false; // a Proxy that throws is not a schema
  }
}

/**
 * Validates a value with a zod schema and throws the package's own error on failure.
 *
 * @remarks
 * The `ZodError` is kept as `cause`, the first issue's path becomes `field`, and the message
 * names the field and the rule, never the rejected value (it may be personal data). Any other
 * throwable raised by the schema (a refinement that throws) is wrapped in the package's error with
 * `code`, kept as `cause`; a `CivicoError` thrown by a refinement passes through.
 *
 * @param schema - the zod schema
 * @param value - the input
 * @param ErrorClass - the package's error class, e.g. `PagoPaError`
 * @param code - the code to throw, e.g. `ERR_PAGOPA_INVALID_CONFIG`
 * @returns the parsed output
 * @throws the package's error with `code` when validation fails; {@link CoreError}
 *   `ERR_CORE_INVALID_INPUT` (`field: 'schema'` or `'ErrorClass'`) when those arguments are not a
 *   zod schema and an error class.
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { CoreError } from '@civico/core';
 * import { parseOptions } from '@civico/core/internal';
 * const opts = parseOptions(z.object({ timeoutMs: z.number().int() }), { timeoutMs: 5 }, CoreError, 'ERR_CORE_INVALID_CONFIG');
 * ```
 * @group Errors
 */
export function parseOptions<S extends z.ZodType, Code extends string>(
  schema: S,
  value: unknown,
  ErrorClass: CivicoErrorClass<Code>,
  code: NoInfer<Code>,
): z.output<S> {
  if (!hasSafeParse(schema)) {
    throw new CoreError('ERR_CORE_INVALID_INPUT', 'schema must be a zod schema', { field: 'schema' });
  }
  if (typeof ErrorClass !== 'function') {
    throw new CoreError('ERR_CORE_INVALID_INPUT', 'ErrorClass must be an error class', { field: 'ErrorClass' });
  }
  let result: z.ZodSafeParseResult<z.output<S>>;
  try {
    result = schema.safeParse(value);
  } catch (err) {
    if (CivicoError.isInstance(err)) throw err;
    throw new ErrorClass(code, 'Invalid value: the schema could not check it', { cause: err });
  }
  if (result.success) return result.data;
  const field = issuePath(result.error);
  const rule = result.error.issues[0]?.message ?? 'invalid value';
  throw new ErrorClass(code, `Invalid ${field ?? 'value'}: ${rule}`, { cause: result.error, field });
}
