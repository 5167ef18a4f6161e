import { CivicoError } from '@civico/core';
import { PagoPaError } from '../../errors.js';

/**
 * The `rule` of an `ERR_PAGOPA_INVALID_REPORTING_FLOW` error thrown while reading a flow:
 * `format` (neither JSON nor XML), `encoding` (not UTF-8, binary), `syntax` (malformed JSON or XML),
 * `truncated` (the document ends early), `doctype` (DOCTYPE or entity declarations, refused), `shape`
 * (missing, unknown, repeated or mistyped field), `order` (header field after the payments, XSD order),
 * `amount` (not a decimal with at most 2 decimals in 0–999999999.99), `totals` (declared count or sum
 * differs from the lines), `max-payments`, `max-depth`, `max-string-length`, `max-bytes` (limits),
 * `source` (the source failed or is not a supported type), `single-use` (payments iterated twice).
 * @group Reporting flows
 */
export type ReportingFlowErrorRule =
  | 'amount'
  | 'doctype'
  | 'encoding'
  | 'format'
  | 'max-bytes'
  | 'max-depth'
  | 'max-payments'
  | 'max-string-length'
  | 'order'
  | 'shape'
  | 'single-use'
  | 'source'
  | 'syntax'
  | 'totals'
  | 'truncated';

const MAX_FIELD = 200;

/** Builds the reader's error; `message` names the field and the rule, never a value. */
export function flowError(
  rule: ReportingFlowErrorRule,
  field: string | undefined,
  message: string,
  cause?: unknown,
): PagoPaError {
  // A path built from document keys can be long (deep nesting, long unknown names): keep its start.
  const short = field !== undefined && field.length > MAX_FIELD ? `${field.slice(0, MAX_FIELD)}…` : field;
  const text = short === field ? message : message.replace(field ?? '', short ?? '');
  return new PagoPaError('ERR_PAGOPA_INVALID_REPORTING_FLOW', `Invalid reporting flow: ${text}`, {
    rule,
    field: short,
    cause,
  });
}

/** Keeps civico errors, wraps anything else (a parser's own error) with `rule`. */
export function asFlowError(err: unknown, rule: ReportingFlowErrorRule, message: string): CivicoError {
  if (CivicoError.isInstance(err)) return err;
  return flowError(rule, undefined, message, err);
}
