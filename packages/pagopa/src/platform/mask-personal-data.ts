// pagoPA problem details can echo what was sent ("debtor fiscal code … not valid"): personal
// fiscal codes (16 characters, omocodia included), 11-digit codes of legal entities or sole
// traders, and e-mail addresses are masked before an error keeps them (STYLE §5: no personal data).
const PERSONAL_FISCAL_CODE = /[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]/gi;
const ELEVEN_DIGITS = /(?<![0-9])[0-9]{11}(?![0-9])/g;
const EMAIL = /[^\s@"'<>()[\],;:]+@[^\s@"'<>()[\],;:]+\.[a-z]{2,}/gi;

// A problem text longer than this is cut: it is a hint for a person, not data.
const MAX_TEXT_LENGTH = 1024;

/**
 * Masks fiscal codes and e-mail addresses in a platform's text.
 * @param text - a problem title or detail
 * @returns the text with `[fiscal code]` / `[email]` in their place, at most 1 024 characters
 * @internal
 */
export function maskPersonalData(text: string): string {
  return text
    .slice(0, MAX_TEXT_LENGTH)
    .replace(EMAIL, '[email]')
    .replace(PERSONAL_FISCAL_CODE, '[fiscal code]')
    .replace(ELEVEN_DIGITS, '[fiscal code]');
}
