import { transliterateLetters } from '../internal/transliterate-letters.js';

const PLAIN = /^[A-Z]+(?: [A-Z]+)*$/;

/**
 * Folds a place name for comparison: accents removed, upper case, apostrophes, hyphens, dots and
 * slashes as spaces, runs of spaces collapsed (`"Forlì"`, `"FORLI'"` and `"forli"` all give `FORLI`).
 * @internal
 */
export function normalizePlaceName(name: string): string {
  // Fast path: most archive names are already plain upper-case ASCII words.
  if (PLAIN.test(name)) return name;
  return transliterateLetters(
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toUpperCase(),
  )
    .replace(/['’`´.\-/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
