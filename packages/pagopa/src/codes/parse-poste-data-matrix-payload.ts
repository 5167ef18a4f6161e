import type { EntityFiscalCode, NoticeNumber } from '@civico/core';
import { z } from 'zod';
import { PagoPaError } from '../errors.js';
import type { IdentifierWarning } from './identifier-warning.js';
import type { PostalAccount } from './parse-postal-account.js';
import { readPayloadEcFiscalCode, readPayloadNoticeNumber } from './payload-fields.js';
import { POSTE_FIELDS, POSTE_LITERALS, POSTE_PAYLOAD_LENGTH } from './poste-data-matrix-layout.js';

/**
 * A Poste Data Matrix payload read by {@link parsePosteDataMatrixPayload}.
 * @group Barcodes
 */
export interface ParsedPosteDataMatrixPayload {
  /** The notice number. */
  readonly noticeNumber: NoticeNumber;
  /** The 12-digit BancoPosta account. */
  readonly postalAccount: PostalAccount;
  /** Amount in integer euro cents. */
  readonly amountCents: number;
  /** The creditor entity's fiscal code. */
  readonly ecFiscalCode: EntityFiscalCode;
  /** The debtor's fiscal code, trailing spaces removed; `undefined` when the field is blank. */
  readonly debtorFiscalCode: string | undefined;
  /** The debtor's name, trailing spaces removed. */
  readonly debtorName: string;
  /** The payment subject, trailing spaces removed. */
  readonly subject: string;
  /** `CHECK_DIGIT_MISMATCH`, `DEPRECATED_AUX_DIGIT`, `EC_FISCAL_CODE_CHECK`. */
  readonly warnings: readonly IdentifierWarning[];
}

function fail(message: string, field?: string, cause?: unknown): never {
  throw new PagoPaError('ERR_PAGOPA_INVALID_DATA_MATRIX_PAYLOAD', message, { field, cause });
}

/**
 * Reads the 256-character payload of a Poste Data Matrix (Bollettino Postale PA).
 *
 * @remarks
 * Checks the length, every fixed literal (`codfase=NBPA;`, the `18`/`12`/`10` tags, `3896`, `1P1`,
 * the 12-space filler, `A`), printable ASCII throughout, an 18-digit notice number with aux digit
 * 0–3, a 12-digit account that is not all zeros, a 10-digit non-zero amount and an 11-digit creditor
 * fiscal code. Free text keeps its case (pagoPA's generator does not upper-case it). Check-digit
 * and fiscal-code checksum problems are warnings, as in {@link parseQrPayload}.
 *
 * @param value - the decoded Data Matrix text
 * @returns the fields and warnings
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_DATA_MATRIX_PAYLOAD` with `field` naming the
 *   first bad part.
 * @example
 * ```ts
 * import { buildPosteDataMatrixPayload, parsePosteDataMatrixPayload } from '@civico/pagopa';
 * const text = buildPosteDataMatrixPayload({
 *   noticeNumber: '312345678901234545', postalAccount: '12345678', amountCents: 15000,
 *   ecFiscalCode: '01199250158', debtorFiscalCode: 'RSSMRA80A01H501U', debtorName: 'Mario Rossi', subject: 'TARI',
 * });
 * parsePosteDataMatrixPayload(text).amountCents; // 15000
 * ```
 * @group Barcodes
 */
export function parsePosteDataMatrixPayload(value: string): ParsedPosteDataMatrixPayload {
  if (typeof value !== 'string') fail('The Data Matrix payload must be a string');
  if (value.length !== POSTE_PAYLOAD_LENGTH) fail(`The Data Matrix payload has ${POSTE_PAYLOAD_LENGTH} characters`);
  if (!/^[\x20-\x7e]*$/.test(value)) fail('The Data Matrix payload must be printable ASCII');
  for (const [offset, text, field] of POSTE_LITERALS) {
    if (value.slice(offset, offset + text.length) !== text) fail(`Expected a fixed literal at offset ${offset}`, field);
  }
  const get = (field: keyof typeof POSTE_FIELDS): string => {
    const [offset, length] = POSTE_FIELDS[field];
    return value.slice(offset, offset + length);
  };
  const nav = get('noticeNumber');
  const notice = readPayloadNoticeNumber(nav, fail);
  const account = get('postalAccount');
  if (!/^\d{12}$/.test(account) || !/[1-9]/.test(account)) {
    fail('The postal account must be 12 digits, not all zeros', 'postalAccount');
  }
  const amount = get('amountCents');
  if (!/^\d{10}$/.test(amount) || !/[1-9]/.test(amount)) fail('The amount must be 10 digits, not zero', 'amountCents');
  const creditor = readPayloadEcFiscalCode(get('ecFiscalCode'), 'ERR_PAGOPA_INVALID_DATA_MATRIX_PAYLOAD', fail);
  const debtorFiscalCode = get('debtorFiscalCode').trimEnd();
  if (debtorFiscalCode !== '' && !/^[A-Za-z0-9]{11,16}$/.test(debtorFiscalCode)) {
    fail("The debtor's fiscal code must have 11 to 16 letters or digits", 'debtorFiscalCode');
  }
  return {
    noticeNumber: notice.value,
    postalAccount: account as PostalAccount,
    amountCents: Number(amount),
    ecFiscalCode: creditor.value,
    debtorFiscalCode: debtorFiscalCode === '' ? undefined : debtorFiscalCode,
    debtorName: get('debtorName').trimEnd(),
    subject: get('subject').trimEnd(),
    warnings: [...notice.warnings, ...creditor.warnings],
  };
}

/**
 * Zod schema of a scanned Poste Data Matrix text: parses it like
 * {@link parsePosteDataMatrixPayload} into its fields and warnings.
 *
 * @remarks
 * Accepts exactly what {@link parsePosteDataMatrixPayload} accepts. A rejection becomes one `custom`
 * issue whose `params.field` names the bad part.
 *
 * @example
 * ```ts
 * import { PosteDataMatrixPayloadSchema } from '@civico/pagopa';
 * const result = PosteDataMatrixPayloadSchema.safeParse('not a slip');
 * result.success; // false
 * ```
 * @group Schemas
 */
export const PosteDataMatrixPayloadSchema: z.ZodType<ParsedPosteDataMatrixPayload, string> = z
  .string()
  .transform((value, ctx) => {
    try {
      return parsePosteDataMatrixPayload(value);
    } catch (error) {
      if (!PagoPaError.isInstance(error)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message, params: { field: error.field } });
      return z.NEVER;
    }
  });
