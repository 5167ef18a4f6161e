import type { CheckedDebtPosition } from './debt-position-schema.js';
import { invalidDebtPosition } from './invalid-debt-position.js';
import { CALENDAR_DATE, DATE_TIME_LOCAL, dueDateInstant, isCalendarDate, isDateTimeWithOffset } from './rome-time.js';

function checkDateTime(value: string, field: string, calendarDateAllowed: boolean): void {
  if (calendarDateAllowed && isCalendarDate(value)) return;
  if (isDateTimeWithOffset(value)) return;
  // pagoPA GPD 5.6: a date-time without Z or offset is refused by the schema.
  if (DATE_TIME_LOCAL.test(value) || (!calendarDateAllowed && CALENDAR_DATE.test(value))) {
    invalidDebtPosition('date-offset', field, 'the date-time needs Z or an offset, e.g. 2026-01-31T23:59:59+01:00');
  }
  invalidDebtPosition(
    'shape',
    field,
    calendarDateAllowed
      ? 'must be a calendar date YYYY-MM-DD or an RFC 3339 date-time with Z or an offset'
      : 'must be an RFC 3339 date-time with Z or an offset',
  );
}

/**
 * Rule `date-offset` (and `shape` for what is no date at all): `dueDate` is a calendar date or a
 * date-time with Z/offset; `validityDate` and `retentionDate` are date-times with Z/offset.
 * @internal
 */
export function checkDateFormats(position: CheckedDebtPosition): void {
  if (position.validityDate !== undefined) checkDateTime(position.validityDate, 'validityDate', false);
  position.paymentOptions.forEach((option, o) => {
    checkDateTime(option.dueDate, `paymentOptions.${o}.dueDate`, true);
    if (option.retentionDate !== undefined) {
      checkDateTime(option.retentionDate, `paymentOptions.${o}.retentionDate`, false);
    }
  });
}

/**
 * Rule `date-order` (pagoPA GPD 5.4): on create `validityDate` is in the future; every `dueDate` is
 * not before `validityDate` (or before now without one); `retentionDate` is not before `dueDate`.
 * On update a past `validityDate` is accepted (the position may already be valid).
 * @internal
 */
export function checkDateOrder(position: CheckedDebtPosition, operation: 'create' | 'update', now: number): void {
  const validity = position.validityDate === undefined ? undefined : Date.parse(position.validityDate);
  if (operation === 'create' && validity !== undefined && validity <= now) {
    invalidDebtPosition('date-order', 'validityDate', 'on create the validity date must be in the future');
  }
  const floor = validity ?? now;
  position.paymentOptions.forEach((option, o) => {
    const due = dueDateInstant(option.dueDate);
    if (due < floor) {
      invalidDebtPosition(
        'date-order',
        `paymentOptions.${o}.dueDate`,
        validity === undefined ? 'the due date is in the past' : 'the due date is before the validity date',
      );
    }
    if (option.retentionDate !== undefined && Date.parse(option.retentionDate) < due) {
      invalidDebtPosition(
        'date-order',
        `paymentOptions.${o}.retentionDate`,
        'the retention date is before the due date',
      );
    }
  });
}
