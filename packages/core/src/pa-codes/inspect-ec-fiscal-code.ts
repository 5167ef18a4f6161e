import { isOverLong, trimAsciiSpaces } from '../internal/fold-ascii.js';
import {
  classifyElevenDigitCode,
  type ElevenDigitIssue,
  elevenDigitFormatIssue,
  elevenDigitIssue,
  hasValidElevenDigitCheck,
} from '../vat-number/eleven-digit-code.js';
import type { EcFiscalCode } from './parse-ec-fiscal-code.js';

/**
 * Result of {@link inspectEcFiscalCode}: the code and its warnings, or why its format is wrong.
 * @group Identifiers
 */
export type InspectEcFiscalCodeResult =
  | {
      /** The format is right. */
      readonly ok: true;
      /** The canonical 11-digit code. */
      readonly value: EcFiscalCode;
      /** Soft findings: `INVALID_CHECK_DIGIT`, `ZERO_PROGRESSIVE`, `OFFICE_UNKNOWN`. */
      readonly warnings: readonly ElevenDigitIssue[];
    }
  | {
      /** The format is wrong. */
      readonly ok: false;
      /** Why: `INVALID_TYPE`, `INVALID_LENGTH` or `INVALID_CHARACTERS`. */
      readonly issues: readonly ElevenDigitIssue[];
    };

/**
 * Checks the fiscal code of a pagoPA creditor entity (EC, `Codice_fiscale_ente`) without throwing.
 *
 * @remarks
 * Only the format is hard: after trimming ASCII spaces, exactly 11 digits (a tab, line break, NBSP
 * or other character outside printable ASCII is `INVALID_CHARACTERS`). The Luhn check digit, an all-zero
 * progressive and an unknown office code are **warnings**, because pagoPA identifies creditors by
 * whatever 11-digit code they were registered with, and a few registered codes fail the checksum.
 * Show the warnings to an operator; do not reject the payment notice on them.
 *
 * @param value - the candidate code (anything; non-strings are reported, not thrown)
 * @returns `{ ok: true, value, warnings }` or `{ ok: false, issues }`
 * @example
 * ```ts
 * import { inspectEcFiscalCode } from '@civico/core';
 * const result = inspectEcFiscalCode(' 00743110158 ');
 * if (result.ok) console.log(result.value, result.warnings.map((w) => w.code)); // ['INVALID_CHECK_DIGIT']
 * ```
 * @group Identifiers
 */
export function inspectEcFiscalCode(value: unknown): InspectEcFiscalCodeResult {
  if (typeof value !== 'string') return { ok: false, issues: [elevenDigitIssue('INVALID_TYPE')] };
  const code = isOverLong(value) ? value : trimAsciiSpaces(value);
  const formatIssue = elevenDigitFormatIssue(code);
  if (formatIssue !== undefined) return { ok: false, issues: [elevenDigitIssue(formatIssue)] };
  const warnings: ElevenDigitIssue[] = [];
  if (!hasValidElevenDigitCheck(code)) warnings.push(elevenDigitIssue('INVALID_CHECK_DIGIT'));
  if (code.startsWith('0000000')) warnings.push(elevenDigitIssue('ZERO_PROGRESSIVE'));
  else if (classifyElevenDigitCode(code) === undefined) warnings.push(elevenDigitIssue('OFFICE_UNKNOWN'));
  return { ok: true, value: code as EcFiscalCode, warnings };
}
