// The one place that decides what a recipient fiscal code is; swap for `isValidFiscalCode` from
// `@civico/core` once it ships.
const PATTERN = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23] as const;

function charValue(ch: string, odd: boolean): number {
  const code = ch.charCodeAt(0);
  const index = code <= 57 ? code - 48 : code - 65;
  return odd ? (ODD[index] ?? 0) : index;
}

/**
 * Tells whether a value is a personal fiscal code IO accepts, check character included.
 *
 * @remarks
 * IO's server applies only the pattern (omocodia allowed) and does not verify the 16th character;
 * checking it here catches typos before they become `REJECTED` messages (io.md §4.1). The IO test
 * code `AAAAAA00A00A000A` is accepted as a documented exception.
 * @param value - anything
 * @internal
 */
export function isRecipientFiscalCode(value: unknown): value is string {
  if (typeof value !== 'string' || !PATTERN.test(value)) return false;
  if (value === 'AAAAAA00A00A000A') return true;
  let sum = 0;
  for (let i = 0; i < 15; i += 1) sum += charValue(value.charAt(i), i % 2 === 0);
  return String.fromCharCode(65 + (sum % 26)) === value.charAt(15);
}
