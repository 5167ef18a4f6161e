/**
 * The notice number of a pagoPA field (payloads, links, notices), on top of `@civico/core`:
 * malformed is `ERR_PAGOPA_INVALID_NOTICE_NUMBER` with the field path, and core's warnings carry it too.
 * Internal: never re-exported from the package index.
 */
import { inspectNoticeNumber, type NoticeNumber } from '@civico/core';
import { PagoPaError } from '../errors.js';
import type { IdentifierWarning } from './identifier-warning.js';

/** @internal A checked notice number of a field, with its warnings. */
export interface NoticeNumberField {
  /** The 18 digits. */
  readonly value: NoticeNumber;
  /** `CHECK_DIGIT_MISMATCH`, `DEPRECATED_AUX_DIGIT`, with `field`. */
  readonly warnings: IdentifierWarning[];
}

/** @internal Checks the notice number of `field`; throws `ERR_PAGOPA_INVALID_NOTICE_NUMBER` with `field`. */
export function parseNoticeNumberField(value: unknown, field: string): NoticeNumberField {
  const result = inspectNoticeNumber(value);
  if (!result.ok) {
    throw new PagoPaError('ERR_PAGOPA_INVALID_NOTICE_NUMBER', result.issues[0]?.message ?? 'Invalid notice number', {
      field,
    });
  }
  return { value: result.value, warnings: result.warnings.map((w) => ({ ...w, field })) };
}
