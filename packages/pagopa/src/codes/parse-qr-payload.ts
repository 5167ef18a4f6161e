import type { EntityFiscalCode, NoticeNumber } from '@civico/core';
import { z } from 'zod';
import { PagoPaError } from '../errors.js';
import type { IdentifierWarning } from './identifier-warning.js';
import {
  amountWarnings,
  MAX_AMOUNT_CENTS,
  readPayloadEcFiscalCode,
  readPayloadNoticeNumber,
} from './payload-fields.js';

/**
 * A QR code payload read by {@link parseQrPayload}.
 * @group Barcodes
 */
export interface ParsedQrPayload {
  /** The notice number. */
  readonly noticeNumber: NoticeNumber;
  /** The creditor entity's fiscal code. */
  readonly ecFiscalCode: EntityFiscalCode;
  /** Amount in integer euro cents. */
  readonly amountCents: number;
  /** `CHECK_DIGIT_MISMATCH`, `DEPRECATED_AUX_DIGIT`, `EC_FISCAL_CODE_CHECK`, `AMOUNT_OVER_TEN_DIGITS`. */
  readonly warnings: readonly IdentifierWarning[];
}

function fail(message: string, field?: string, cause?: unknown): never {
  throw new PagoPaError('ERR_PAGOPA_INVALID_QR_PAYLOAD', message, { field, cause });
}

/**
 * Reads the text of a pagoPA notice QR code.
 *
 * @remarks
 * Rejects (pagoPA notice guide and `@pagopa/io-pagopa-commons`): not exactly 5 `|`-separated
 * fields, identifier other than `PAGOPA`, version other than `002`, a notice number that is not 18
 * digits with aux digit 0–3, a fiscal code that is not 11 digits, an amount that is not 1–11 digits
 * or is zero, and any whitespace. Leading zeros in the amount are accepted (some generators pad
 * to 10). Warnings, not errors: a wrong notice check digit, a failed fiscal-code checksum (the
 * test EC `77777777777`), an amount above 99,999,999.99 € (the IO app rejects it).
 *
 * @param value - the decoded QR text
 * @returns the fields and warnings
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_QR_PAYLOAD` with `field` (`identifier`,
 *   `version`, `noticeNumber`, `ecFiscalCode`, `amountCents`) naming the first bad part.
 * @example
 * ```ts
 * import { parseQrPayload } from '@civico/pagopa';
 * const qr = parseQrPayload('PAGOPA|002|312345678901234545|01199250158|15000');
 * qr.amountCents; // 15000
 * ```
 * @group Barcodes
 */
export function parseQrPayload(value: string): ParsedQrPayload {
  if (typeof value !== 'string') fail('The QR payload must be a string');
  const parts = value.split('|');
  if (parts.length !== 5) fail('A pagoPA QR payload has 5 fields separated by |');
  const [identifier, version, nav, ec, amount] = parts as [string, string, string, string, string];
  if (identifier !== 'PAGOPA') fail('The identifier must be PAGOPA', 'identifier');
  if (version !== '002') fail('The version must be 002', 'version');
  const notice = readPayloadNoticeNumber(nav, fail);
  const creditor = readPayloadEcFiscalCode(ec, 'ERR_PAGOPA_INVALID_QR_PAYLOAD', fail);
  if (!/^\d{1,11}$/.test(amount)) fail('The amount must be 1 to 11 digits of cents', 'amountCents');
  const amountCents = Number(amount);
  if (amountCents < 1 || amountCents > MAX_AMOUNT_CENTS) fail('The amount must not be zero', 'amountCents');
  return {
    noticeNumber: notice.value,
    ecFiscalCode: creditor.value,
    amountCents,
    warnings: [...notice.warnings, ...creditor.warnings, ...amountWarnings(amountCents, 'amountCents')],
  };
}

/**
 * Zod schema of a scanned pagoPA QR code text: parses it like {@link parseQrPayload} into the
 * notice number, creditor fiscal code, amount and warnings.
 *
 * @remarks
 * Accepts exactly what {@link parseQrPayload} accepts. A rejection becomes one `custom` issue whose
 * `params.field` names the bad part.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { QrPayloadSchema } from '@civico/pagopa';
 * const Scan = z.object({ qr: QrPayloadSchema });
 * Scan.parse({ qr: 'PAGOPA|002|312345678901234545|01199250158|15000' }).qr.amountCents; // 15000
 * ```
 * @group Schemas
 */
export const QrPayloadSchema: z.ZodType<ParsedQrPayload, string> = z.string().transform((value, ctx) => {
  try {
    return parseQrPayload(value);
  } catch (error) {
    if (!PagoPaError.isInstance(error)) throw error;
    ctx.addIssue({ code: 'custom', message: error.message, params: { field: error.field } });
    return z.NEVER;
  }
});
