// Letters without a Unicode decomposition need an explicit transliteration (the codice fiscale's name codes
// drop diacritics, DM Finanze 23/12/1976; ANPR's DENOMTRASLITTERATA uses the same). Applied after NFD + upper-casing.
const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'SS',
  ẞ: 'SS',
  Æ: 'AE',
  Œ: 'OE',
  Ø: 'O',
  Ł: 'L',
  Đ: 'D',
  Þ: 'TH',
  Ð: 'D',
};

/**
 * Replaces the upper-case letters that have no Unicode decomposition with their ASCII transliteration.
 * @internal
 */
export function transliterateLetters(upper: string): string {
  return upper.replace(/[ßẞÆŒØŁĐÞÐ]/g, (c) => SPECIAL[c] ?? c);
}
