import { type Http, maskPersonalData } from '@civico/core/internal';
import { PagoPaError, type PagoPaProblem } from '../../errors.js';
import { codeOfStatus, readProblem } from '../../platform/map-platform-failure.js';
import { type PlatformCallSettings, runPlatformCall } from '../../platform/run-platform-call.js';

// The FdR service answers errors with its own `ErrorResponse` (httpStatusCode, appErrorCode,
// errors[{path, message}]) instead of a problem JSON: 400 and 404 are taken as answers here so
// that body can be read (both are final; 5xx and 429 stay with the runner's retries).
const READ_BACK = [400, 401, 403, 404] as const;

function problemOf(body: unknown): PagoPaProblem | undefined {
  const standard = readProblem(body);
  if (standard !== undefined || typeof body !== 'object' || body === null) return standard;
  const b = body as Record<string, unknown>;
  const title = [b.httpStatusDescription, b.appErrorCode].filter((v) => typeof v === 'string' && v !== '').join(' ');
  const messages = Array.isArray(b.errors)
    ? b.errors
        .slice(0, 10)
        .map((e) => (typeof e === 'object' && e !== null ? (e as { message?: unknown }).message : undefined))
        .filter((m): m is string => typeof m === 'string' && m !== '')
    : [];
  const problem: PagoPaProblem = {
    title: title === '' ? undefined : maskPersonalData(title),
    status: typeof b.httpStatusCode === 'number' && Number.isInteger(b.httpStatusCode) ? b.httpStatusCode : undefined,
    detail: messages.length > 0 ? maskPersonalData(messages.join('; ')) : undefined,
  };
  return Object.values(problem).some((v) => v !== undefined) ? problem : undefined;
}

/**
 * One FdR GET through the platform runner (idempotent: 5xx, timeouts, lost connections and 429
 * retried), returning the JSON body.
 * @param http - the FdR transport
 * @param settings - retry settings
 * @param operation - name for messages
 * @param path - path under the service
 * @param searchParams - query
 * @param signal - cancels
 * @returns the parsed body
 * @throws {@link PagoPaError} `ERR_PAGOPA_API_*` (`outcome: 'rejected'` for answered 4xx).
 * @internal
 */
export async function fdrGet(
  http: Http,
  settings: PlatformCallSettings,
  operation: string,
  path: string,
  searchParams: Readonly<Record<string, string | number>> | undefined,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  const result = await runPlatformCall(
    http,
    { operation, request: { method: 'GET', path, searchParams }, idempotent: true, accept: READ_BACK, signal },
    settings,
  );
  if (result.status >= 200 && result.status < 300) return result.body;
  throw new PagoPaError(codeOfStatus(result.status), `FdR answered HTTP ${result.status} to ${operation}`, {
    outcome: 'rejected',
    status: result.status,
    requestId: result.headers.get('x-request-id') ?? undefined,
    problem: problemOf(result.body),
  });
}
