import { SpidError } from '../errors.js';
import type { ServiceProvider } from '../sp/service-provider.js';
import { sendErrorPage } from './http-answers.js';
import type { ResolvedSpidHandlerOptions, SpidHeaders } from './spid-handler-options.js';

/**
 * What every route of the handler needs.
 * @internal
 */
export interface HandlerContext {
  readonly sp: ServiceProvider;
  readonly options: ResolvedSpidHandlerOptions;
}

/**
 * The answer to a refused request: the `SpidError`'s courtesy page with its status (400/403). Any
 * other error is not ours to describe: it propagates (the framework answers 500).
 * @internal
 */
export function sendSpidError(ctx: HandlerContext, error: unknown, ...extra: SpidHeaders[]): Response {
  if (!SpidError.isInstance(error)) throw error;
  return sendErrorPage(
    { status: error.status, code: error.code, message: error.userMessage, homePath: ctx.options.homePath },
    ...extra,
  );
}

/**
 * Reads the single value of a query parameter; a repeated parameter is refused (ambiguous).
 * @internal
 */
export function readQueryParam(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) {
    throw new SpidError('ERR_SPID_INVALID_INPUT', 'A query parameter is repeated', {
      reason: 'query.repeated',
      status: 400,
      field: name,
    });
  }
  return values[0];
}
