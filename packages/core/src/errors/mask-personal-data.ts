// STYLE §5: an error never keeps personal data. Platform problem texts can echo what was sent
// ("debtor fiscal code … not valid"): personal fiscal codes (16 characters, omocodia included),
// 11-digit codes of legal entities or sole traders, and e-mail addresses.
const PERSONAL_FISCAL_CODE = /[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]/gi;
const ELEVEN_DIGITS = /(?<![0-9])[0-9]{11}(?![0-9])/g;
const EMAIL = /[^\s@"'<>()[\],;:]+@[^\s@"'<>()[\],;:]+\.[a-z]{2,}/gi;

/** A problem text longer than this is cut: it is a hint for a person, not data. */
const MAX_TEXT_LENGTH = 1024;

/**
 * Masks fiscal codes and e-mail addresses in a text a remote service returned (a problem title or
 * detail), before an error keeps it.
 *
 * @remarks
 * Personal codici fiscali (omocodia variants included) and whole runs of exactly 11 digits become
 * `[fiscal code]` (IUVs and notice numbers, 17 and 18 digits, are kept); e-mail addresses become
 * `[email]`. The text is cut to its first 1 024 characters first.
 *
 * @param text - the service's text
 * @returns the masked text, at most 1 024 characters
 * @example
 * ```ts
 * import { maskPersonalData } from '@civico/core/internal';
 * maskPersonalData('debtor RSSMRA85T10A562S (mario@example.org) of 77777777777');
 * // 'debtor [fiscal code] ([email]) of [fiscal code]'
 * ```
 * @group Errors
 */
export function maskPersonalData(text: string): string {
  return text
    .slice(0, MAX_TEXT_LENGTH)
    .replace(EMAIL, '[email]')
    .replace(PERSONAL_FISCAL_CODE, '[fiscal code]')
    .replace(ELEVEN_DIGITS, '[fiscal code]');
}
