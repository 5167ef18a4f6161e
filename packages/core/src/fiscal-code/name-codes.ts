import { CoreError } from '../errors/core-error.js';
import { transliterateLetters } from '../internal/transliterate-letters.js';

/**
 * Letters of a name for the codice fiscale: accents stripped, upper case, spaces, apostrophes,
 * hyphens and dots removed (`D'Acunto` → `DACUNTO`).
 * @throws `ERR_CORE_INVALID_FISCAL_CODE` with `field` when nothing is left or a character cannot be transliterated.
 * @internal
 */
export function nameLetters(value: unknown, field: string): string {
  const fail = (): never => {
    throw new CoreError('ERR_CORE_INVALID_FISCAL_CODE', `${field} cannot be encoded in a codice fiscale`, { field });
  };
  if (typeof value !== 'string') return fail();
  const letters = transliterateLetters(value.toUpperCase())
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s'’`´.-]+/g, '');
  if (letters.length === 0 || !/^[A-Z]+$/.test(letters)) fail();
  return letters;
}

const split = (letters: string): { consonants: string; vowels: string } => ({
  consonants: letters.replace(/[AEIOU]/g, ''),
  vowels: letters.replace(/[^AEIOU]/g, ''),
});

/** Surname code: consonants, then vowels, then `X`, first three (`Rossi` → `RSS`, `Fò` → `FOX`). @internal */
export function surnameCode(letters: string): string {
  const { consonants, vowels } = split(letters);
  return `${consonants}${vowels}XXX`.slice(0, 3);
}

/** First-name code: with four or more consonants the 1st, 3rd and 4th (`Giovanni` → `GNN`), else as the surname. @internal */
export function firstNameCode(letters: string): string {
  const { consonants } = split(letters);
  if (consonants.length >= 4) return `${consonants[0]}${consonants[2]}${consonants[3]}`;
  return surnameCode(letters);
}
