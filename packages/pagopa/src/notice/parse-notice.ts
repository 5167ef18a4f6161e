import { readFields, safeParseInput } from '@civico/core/internal';
import type { z } from 'zod';
import { PagoPaError, type PagoPaErrorCode } from '../errors.js';
import type { Notice } from './notice.js';
import { createNoticeSchema, NoticeSchema } from './notice-schema.js';

const TruncatingNoticeSchema = createNoticeSchema({ truncate: true });

/**
 * Options of {@link parseNotice}.
 * @group Notice
 */
export interface ParseNoticeOptions {
  /** Shorten texts over {@link NOTICE_TEXT_LIMITS} with an ellipsis instead of throwing. Default `false`. */
  readonly truncate?: boolean | undefined;
}

const FISCAL_CODE_FIELDS = new Set(['creditor.fiscalCode', 'debtor.fiscalCode']);

function codeOf(issue: z.core.$ZodIssue, field: string): PagoPaErrorCode {
  const last = issue.path[issue.path.length - 1];
  if (last === 'amountCents' || (field === 'payment.instalments' && issue.code === 'custom')) {
    return 'ERR_PAGOPA_INVALID_AMOUNT';
  }
  if (last === 'noticeNumber') return 'ERR_PAGOPA_INVALID_NOTICE_NUMBER';
  if (FISCAL_CODE_FIELDS.has(field)) return 'ERR_PAGOPA_INVALID_FISCAL_CODE';
  if (field === 'creditor.postal.account') return 'ERR_PAGOPA_INVALID_POSTAL_ACCOUNT';
  if (field === 'creditor.logo') return 'ERR_PAGOPA_INVALID_LOGO';
  if (last === 'dueDate') return 'ERR_PAGOPA_INVALID_DATE';
  if (issue.message.startsWith('must be at most') && issue.message.endsWith('characters')) {
    return 'ERR_PAGOPA_TEXT_TOO_LONG';
  }
  return 'ERR_PAGOPA_INVALID_NOTICE';
}

/**
 * Validates a payment notice and returns it normalised, or throws a typed error naming the field.
 *
 * @remarks
 * Checks everything {@link NoticeSchema} checks. Nothing is rendered from data that fails here. The error
 * message names the field and the rule, never the value.
 * @param value - the notice, e.g. from a form or a database row
 * @param options - {@link ParseNoticeOptions}
 * @returns the normalised {@link Notice} (spaces stripped from codes, upper-cased fiscal codes, padded account)
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_AMOUNT` (not integer cents, zero, negative, over the
 * maximum), `ERR_PAGOPA_INVALID_NOTICE_NUMBER`, `ERR_PAGOPA_INVALID_FISCAL_CODE`,
 * `ERR_PAGOPA_INVALID_POSTAL_ACCOUNT`, `ERR_PAGOPA_INVALID_LOGO`, `ERR_PAGOPA_INVALID_DATE`,
 * `ERR_PAGOPA_TEXT_TOO_LONG` or `ERR_PAGOPA_INVALID_NOTICE` (any other shape error), with `field` set to
 * the dotted path, e.g. `payment.instalments.1.amountCents`; `ERR_PAGOPA_INVALID_CONFIG` when `options` cannot be
 * read (a getter or Proxy that throws).
 * @example
 * ```ts
 * import { parseNotice } from '@civico/pagopa';
 * const notice = parseNotice({
 *   subject: 'TARI 2025 rata unica',
 *   creditor: { fiscalCode: '01199250158', name: 'Comune di Test' },
 *   debtor: { fiscalCode: 'RSSMRA80A01H501U', name: 'Mario Rossi' },
 *   payment: { kind: 'single', noticeNumber: '3123 4567 8901 2345 45', amountCents: 15000, dueDate: '2025-12-31' },
 * });
 * ```
 * @group Notice
 */
export function parseNotice(value: unknown, options: ParseNoticeOptions = {}): Notice {
  const { truncate } = readFields(options, ['truncate'], PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG', { path: 'options' });
  const schema = truncate === true ? TruncatingNoticeSchema : NoticeSchema;
  const result = safeParseInput(schema, value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  const code = issue ? codeOf(issue, field ?? '') : 'ERR_PAGOPA_INVALID_NOTICE';
  const rule = issue?.message ?? 'invalid value';
  throw new PagoPaError(code, `Invalid notice ${field ?? 'value'}: ${rule}`, { cause: result.error, field });
}
