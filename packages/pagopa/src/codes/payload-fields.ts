/**
 * Field checks shared by the payload builders and parsers.
 * Internal: never re-exported from the package index.
 */
import { type EntityFiscalCode, inspectEntityFiscalCode } from '@civico/core';
import { PagoPaError, type PagoPaErrorCode } from '../errors.js';
import type { IdentifierWarning } from './identifier-warning.js';
import { type NoticeNumberField, parseNoticeNumberField } from './notice-number-field.js';

/** Largest amount in cents the library accepts: 999,999,999.99 € (11 digits). */
export const MAX_AMOUNT_CENTS = 99_999_999_999;
/** Largest amount the IO app and the Data Matrix carry: 99,999,999.99 € (10 digits). */
export const MAX_TEN_DIGIT_CENTS = 9_999_999_999;

/** @internal Checks integer cents in 1 … `max`. */
export function checkAmountCents(value: unknown, field: string, max: number = MAX_AMOUNT_CENTS): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > max) {
    throw new PagoPaError(
      'ERR_PAGOPA_INVALID_AMOUNT',
      `The amount must be an integer number of cents between 1 and ${max}`,
      { field },
    );
  }
  return value;
}

/** @internal Warning for amounts the IO app and the Data Matrix cannot carry. */
export function amountWarnings(cents: number, field: string): IdentifierWarning[] {
  return cents > MAX_TEN_DIGIT_CENTS
    ? [{ code: 'AMOUNT_OVER_TEN_DIGITS', field, message: 'The amount exceeds 99,999,999.99 €' }]
    : [];
}

/** @internal Result of {@link checkEcFiscalCode}. */
export interface CheckedEcFiscalCode {
  /** The 11-digit code. */
  readonly value: EntityFiscalCode;
  /** Checksum and office warnings from `@civico/core`. */
  readonly warnings: IdentifierWarning[];
}

/**
 * Checks a creditor fiscal code with `@civico/core`: 11 digits is an error otherwise, a failed
 * checksum or office check only a warning (the pagoPA test EC `77777777777` fails its checksum).
 * `strict` requires exactly 11 digits with no separators, as inside a payload.
 * @internal
 */
export function checkEcFiscalCode(
  value: unknown,
  field: string,
  code: PagoPaErrorCode,
  strict: boolean,
): CheckedEcFiscalCode {
  const result =
    strict && (typeof value !== 'string' || !/^\d{11}$/.test(value))
      ? undefined
      : inspectEntityFiscalCode(value, { checkDigit: 'warn' });
  if (!result?.ok) {
    throw new PagoPaError(code, "The creditor's fiscal code must have 11 digits", { field });
  }
  const warnings: IdentifierWarning[] = result.warnings.map((w) => ({
    code: 'EC_FISCAL_CODE_CHECK',
    field,
    message: w.message,
  }));
  return { value: result.value, warnings };
}

/** @internal Reports a scanned payload's bad part: throws the parser's own error with `field` and `cause`. */
export type PayloadFailure = (message: string, field?: string, cause?: unknown) => never;

/** @internal Reads the 18-digit notice number of a scanned payload (QR or Data Matrix). */
export function readPayloadNoticeNumber(nav: string, fail: PayloadFailure): NoticeNumberField {
  if (!/^\d{18}$/.test(nav)) fail('The notice number must have 18 digits', 'noticeNumber');
  try {
    return parseNoticeNumberField(nav, 'noticeNumber');
  } catch (error) {
    return fail('The notice number must start with aux digit 0, 1, 2 or 3', 'noticeNumber', error);
  }
}

/** @internal Reads the creditor's 11-digit fiscal code of a scanned payload; a checksum failure is a warning. */
export function readPayloadEcFiscalCode(ec: string, code: PagoPaErrorCode, fail: PayloadFailure): CheckedEcFiscalCode {
  try {
    return checkEcFiscalCode(ec, 'ecFiscalCode', code, true);
  } catch (error) {
    return fail("The creditor's fiscal code must have 11 digits", 'ecFiscalCode', error);
  }
}
