import { isValidFiscalCode } from '@civico/core';

// The pattern IO's server applies to a recipient, `FiscalCode` of @pagopa/ts-commons (omocodia allowed).
const PATTERN = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
// IO's documented test recipient, which no real-person check accepts (day 00).
const IO_TEST_FISCAL_CODE = 'AAAAAA00A00A000A';

/**
 * Tells whether a value is a personal fiscal code IO accepts, check character included.
 *
 * @remarks
 * IO's server applies only the pattern and does not verify the 16th (check) character; checking it
 * with `@civico/core` catches typos before they become `REJECTED` messages (`docs/io.md#sources`). The IO
 * test code `AAAAAA00A00A000A` is accepted as a documented exception. Only the canonical form
 * (upper case, no spaces) passes: normalise user input first.
 * @param value - anything
 * @internal
 */
export function isRecipientFiscalCode(value: unknown): value is string {
  if (typeof value !== 'string' || !PATTERN.test(value)) return false;
  return value === IO_TEST_FISCAL_CODE || isValidFiscalCode(value);
}
