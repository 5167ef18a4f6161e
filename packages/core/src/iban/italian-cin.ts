// ODD values of the codice fiscale check-character algorithm (DM Finanze 23/12/1976), indexed by rank:
// '0'–'9' → 0–9, 'A'–'Z' → 0–25 (a digit takes the value of the letter in its column).
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23] as const;

/**
 * The CIN of an Italian (or San Marino) IBAN: the check letter of the 22 characters ABI + CAB +
 * account, which start at index 5 of the compact IBAN, as a char code. Expects `[0-9A-Z]` there.
 *
 * Italian BBAN standard (2003): the same odd/even weighting as the codice fiscale check character.
 * @internal
 */
export function computeItalianCin(iban: string): number {
  let sum = 0;
  for (let i = 0; i < 22; i++) {
    const c = iban.charCodeAt(5 + i);
    const rank = c <= 57 ? c - 48 : c - 65;
    sum += i % 2 === 0 ? (ODD[rank] ?? 0) : rank;
  }
  return 65 + (sum % 26);
}
