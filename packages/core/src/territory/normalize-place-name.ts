// Letters without a Unicode decomposition, transliterated as ANPR's DENOMTRASLITTERATA does.
const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'SS',
  ẞ: 'SS',
  Æ: 'AE',
  Œ: 'OE',
  Ø: 'O',
  Ł: 'L',
  Đ: 'D',
  Þ: 'TH',
};

const PLAIN = /^[A-Z]+(?: [A-Z]+)*$/;

/**
 * Folds a place name for comparison: accents removed, upper case, apostrophes, hyphens, dots and
 * slashes as spaces, runs of spaces collapsed (`"Forlì"`, `"FORLI'"` and `"forli"` all give `FORLI`).
 * @internal
 */
export function normalizePlaceName(name: string): string {
  // Fast path: most archive names are already plain upper-case ASCII words.
  if (PLAIN.test(name)) return name;
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[ßẞÆŒØŁĐÞ]/g, (c) => SPECIAL[c] ?? c)
    .replace(/['’`´.\-/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
