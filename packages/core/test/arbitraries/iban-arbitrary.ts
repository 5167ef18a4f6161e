import fc from 'fast-check';
import { IBAN_COUNTRY_LENGTHS } from '../../src/iban/iban-country-lengths.js';
import { ibanMod97 } from '../../src/iban/inspect-iban.js';
import { computeItalianCin } from '../../src/iban/italian-cin.js';

const DIGITS = [...'0123456789'];
const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const ALNUM = [...DIGITS, ...LETTERS];

const chars = (alphabet: readonly string[], length: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: length, maxLength: length });

/** Sets ISO check digits computed from the specification: 98 − mod 97 of the IBAN with `00`. */
export function withCheckDigits(country: string, bban: string): string {
  const check = 98 - ibanMod97(`${country}00${bban}`);
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

/** A valid Italian or San Marino IBAN: CIN and check digits computed from the specification. */
export const italianIban = fc
  .tuple(fc.constantFrom('IT', 'SM'), chars(DIGITS, 10), chars(ALNUM, 12))
  .map(([country, abiCab, account]) => {
    const withoutCin = `${country}00X${abiCab}${account}`;
    return withCheckDigits(country, `${String.fromCharCode(computeItalianCin(withoutCin))}${abiCab}${account}`);
  });

/** A valid IBAN of any registry country (Italy and San Marino with their CIN). */
export const anyIban = fc.oneof(
  italianIban,
  fc
    .constantFrom(...[...IBAN_COUNTRY_LENGTHS].filter(([c]) => c !== 'IT' && c !== 'SM'))
    .chain(([country, length]) => chars(ALNUM, length - 4).map((bban) => withCheckDigits(country, bban))),
);
