import { parseIban } from './parse-iban.js';

/**
 * Prints an IBAN in the ISO 13616 paper format: groups of four characters separated by spaces.
 *
 * @remarks
 * The input is checked first, so a mistyped IBAN is never printed as if it were valid.
 * `parseIban(formatIban(x))` returns `x`.
 *
 * @param value - an IBAN, compact or already spaced
 * @returns e.g. `'IT60 X054 2811 1010 0000 0123 456'`
 * @throws {@link CoreError} `ERR_CORE_INVALID_IBAN` or `ERR_CORE_INVALID_INPUT` as {@link parseIban}.
 * @example
 * ```ts
 * import { formatIban } from '@civico/core';
 * formatIban('IT60X0542811101000000123456'); // 'IT60 X054 2811 1010 0000 0123 456'
 * ```
 * @group Identifiers
 */
export function formatIban(value: string): string {
  const iban = parseIban(value);
  const groups: string[] = [];
  for (let i = 0; i < iban.length; i += 4) groups.push(iban.slice(i, i + 4));
  return groups.join(' ');
}
