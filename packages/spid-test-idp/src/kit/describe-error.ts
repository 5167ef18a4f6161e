import { CivicoError } from '@civico/core';

/**
 * A report reason for a caught error: its code, machine reason and message (our messages never
 * echo the SP's documents or personal data); `unexpected error` for anything else.
 * @param err - anything caught
 * @returns a one-line reason
 * @internal
 */
export function describeError(err: unknown): string {
  if (CivicoError.isInstance(err)) {
    const reason = 'reason' in err && typeof err.reason === 'string' ? ` (${err.reason})` : '';
    return `${err.code}${reason}: ${err.message}`;
  }
  return 'unexpected error';
}
