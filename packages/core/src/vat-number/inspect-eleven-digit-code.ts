import { lenientOptions } from '../internal/read-options.js';
import {
  classifyElevenDigitCode,
  type ElevenDigitCodeKind,
  type ElevenDigitIssue,
  elevenDigitFormatIssue,
  elevenDigitIssue,
  hasValidElevenDigitCheck,
  normalizeElevenDigitCode,
} from './eleven-digit-code.js';

/**
 * Options of the partita IVA and entity codice fiscale checks.
 * @group Identifiers
 */
export interface ElevenDigitCodeOptions {
  /**
   * Also reject codes whose office code does not fit the progressive (`OFFICE_UNKNOWN`), as the
   * official Sogei routine does. Default `false`: that finding is a warning.
   */
  readonly strict?: boolean | undefined;
}

/**
 * Options of the entity codice fiscale checks ({@link inspectEntityFiscalCode} and its forms).
 * @group Identifiers
 */
export interface EntityFiscalCodeOptions extends ElevenDigitCodeOptions {
  /**
   * `'error'` (default): a wrong Luhn check digit or an all-zero progressive rejects the code.
   * `'warn'`: both are only warnings, and only the format (11 digits) is hard. Use it for a pagoPA
   * creditor (EC): pagoPA identifies creditors by the code they were registered with, and some
   * registered codes (the test EC `77777777777`) fail the checksum (pagoPA SACI validation policy).
   */
  readonly checkDigit?: 'error' | 'warn' | undefined;
}

/**
 * Result of {@link inspectVatNumber} and {@link inspectEntityFiscalCode}.
 * @typeParam T - the branded output type
 * @group Identifiers
 */
export type InspectElevenDigitCodeResult<T> =
  | {
      /** All hard checks passed. */
      readonly ok: true;
      /** The canonical code: 11 digits, no prefix, no separators. */
      readonly value: T;
      /** What office and progressive say the code is; `undefined` when the office is unknown. */
      readonly kind: ElevenDigitCodeKind | undefined;
      /** The 3-digit office code (positions 8–10). */
      readonly officeCode: string;
      /** Soft findings (`OFFICE_UNKNOWN` unless `strict`). */
      readonly warnings: readonly ElevenDigitIssue[];
    }
  | {
      /** A hard check failed. */
      readonly ok: false;
      /** Every hard check that failed. */
      readonly issues: readonly ElevenDigitIssue[];
    };

/**
 * Normalises and checks an 11-digit code: hard checks are length, digits, Luhn check digit and a
 * non-zero progressive (both soft for an entity with `checkDigit: 'warn'`); the office
 * classification is soft unless `strict`.
 * @internal
 */
export function inspectElevenDigitCode(
  value: unknown,
  options: EntityFiscalCodeOptions | undefined,
  entity: boolean,
): InspectElevenDigitCodeResult<string> {
  // Never throws: `null` or a non-object (plain JavaScript) means no options. A partita IVA
  // never reads `checkDigit`: its check digit is always hard.
  const read = lenientOptions(options, entity ? ['strict', 'checkDigit'] : ['strict']);
  const strict = read.strict === true;
  // Only 'warn' relaxes the checks: any other value (plain JavaScript) fails closed, as the default.
  const lenient = read.checkDigit === 'warn';
  if (typeof value !== 'string') return { ok: false, issues: [elevenDigitIssue('INVALID_TYPE')] };
  const code = normalizeElevenDigitCode(value);
  const formatIssue = elevenDigitFormatIssue(code);
  if (formatIssue !== undefined) return { ok: false, issues: [elevenDigitIssue(formatIssue)] };
  const issues: ElevenDigitIssue[] = [];
  const warnings: ElevenDigitIssue[] = [];
  const checks = lenient ? warnings : issues;
  if (!hasValidElevenDigitCheck(code)) checks.push(elevenDigitIssue('INVALID_CHECK_DIGIT'));
  // Sogei's UCheckNum (AdE "Programma correttezza formale CF") never rejects an all-zero progressive
  // (a string identity bug); we do, unless checkDigit is 'warn'.
  if (code.startsWith('0000000')) checks.push(elevenDigitIssue('ZERO_PROGRESSIVE'));
  const kind = classifyElevenDigitCode(code);
  if (kind === undefined && !code.startsWith('0000000')) {
    (strict ? issues : warnings).push(elevenDigitIssue('OFFICE_UNKNOWN'));
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: code, kind, officeCode: code.slice(7, 10), warnings };
}
