import { CivicoError } from '@civico/core';

/**
 * A report reason for a caught error: its code, machine reason and message (our messages never
 * echo the SP's documents or personal data); for anything else `unexpected error` and its class name.
 * @param err - anything caught
 * @returns a one-line reason
 * @internal
 */
export function describeError(err: unknown): string {
  if (CivicoError.isInstance(err)) {
    const reason = 'reason' in err && typeof err.reason === 'string' ? ` (${err.reason})` : '';
    return `${err.code}${reason}: ${err.message}`;
  }
  // Not ours: only the class name (a message might carry document text).
  return `unexpected error (${err instanceof Error ? err.name : typeof err})`;
}
