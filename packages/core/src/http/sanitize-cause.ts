/** How deep a cause chain is copied (undici nests the socket error two levels down). */
const MAX_CAUSE_DEPTH = 5;
/** How many errors of an `AggregateError` (one per address tried) are copied. */
const MAX_AGGREGATED = 8;

interface ErrorLike {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly code?: unknown;
  readonly stack?: unknown;
  readonly cause?: unknown;
  readonly errors?: unknown;
}

/**
 * Copies a failure of the wire step (node:http or `fetch`) keeping only what tells what happened:
 * name, message, `code`, stack and the nested `cause`/`errors`, with every text passed through `redact`.
 *
 * @remarks
 * Other properties are dropped: undici's `HTTPParserError` keeps the raw bytes the server sent in
 * `data`, node:http's parser error in `rawPacket`; either may echo an API key or personal data.
 *
 * @param error - what the wire step threw
 * @param redact - removes secrets from a text
 * @param depth - current depth (callers omit it)
 * @returns an `Error` copy, or `undefined` for a non-object
 * @internal
 */
export function sanitizeCause(error: unknown, redact: (text: string) => string, depth = 0): Error | undefined {
  if (depth >= MAX_CAUSE_DEPTH || typeof error !== 'object' || error === null) return undefined;
  const source = error as ErrorLike;
  const cause = sanitizeCause(source.cause, redact, depth + 1);
  const copy = new Error(redact(String(source.message ?? '')), cause ? { cause } : undefined) as Error & {
    code?: string | number;
    errors?: (Error | undefined)[];
  };
  copy.name = typeof source.name === 'string' ? redact(source.name) : 'Error';
  if (typeof source.code === 'string') copy.code = redact(source.code);
  else if (typeof source.code === 'number') copy.code = source.code;
  copy.stack = typeof source.stack === 'string' ? redact(source.stack) : `${copy.name}: ${copy.message}`;
  if (Array.isArray(source.errors)) {
    copy.errors = source.errors.slice(0, MAX_AGGREGATED).map((e) => sanitizeCause(e, redact, depth + 1));
  }
  return copy;
}
