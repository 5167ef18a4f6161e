// Failures that happen before a connection exists: the request certainly did not reach the server
// (node:net's and undici's codes; a refused dual-stack connect arrives as an AggregateError with one
// per address).
const BEFORE_CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function hasBeforeConnectCode(value: unknown): boolean {
  const code = (value as { code?: unknown } | null)?.code;
  return typeof code === 'string' && BEFORE_CONNECT_CODES.has(code);
}

/**
 * Tells whether a failure of the wire step (node:http or `fetch`) certainly happened before any
 * byte was sent (refused connection, DNS failure, connect timeout), looking down the `cause` chain
 * and into `errors`.
 * @param error - what the wire step threw
 * @returns true when the request did not reach the server
 * @internal
 */
export function failedBeforeConnecting(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if (hasBeforeConnectCode(current)) return true;
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some(hasBeforeConnectCode)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
