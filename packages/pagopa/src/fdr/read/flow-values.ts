// Value checks shared by the JSON and XML readers. Messages name the field, never the value: IUVs and
// IURs may identify the payment of a person.
import { isRealCalendarDate } from '../../dates/is-real-calendar-date.js';
import type { ReportedPaymentOutcome } from '../reporting-flow.js';
import { decimalToCents, decimalToInteger } from './decimal-cents.js';
import { flowError } from './flow-error.js';

const FLOW_ID = /^[A-Za-z0-9_-]{1,35}$/;
const DATE_ZONED = /^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})?$/;

/** FdR JSON `payStatus` values. */
export const OUTCOMES: ReadonlySet<string> = new Set(['EXECUTED', 'REVOKED', 'STAND_IN', 'STAND_IN_NO_RPT', 'NO_RPT']);

/** FlussoRiversamento `codiceEsitoSingoloPagamento` → outcome (mapping of fdr_organization.json `payStatus`). */
export const XML_OUTCOMES: Readonly<Record<string, ReportedPaymentOutcome>> = {
  '0': 'EXECUTED',
  '3': 'REVOKED',
  '4': 'STAND_IN',
  '8': 'STAND_IN_NO_RPT',
  '9': 'NO_RPT',
};

/** A text of `min`–`max` characters. */
export function text(value: string, field: string, max: number, min = 1): string {
  if (value.length < min || value.length > max) {
    throw flowError('shape', field, `${field} must have ${min} to ${max} characters`);
  }
  return value;
}

/** A flow id: letters, digits, `-`, `_`, 1–35 characters (stIdentificativoFlusso). */
export function flowId(value: string, field: string): string {
  if (!FLOW_ID.test(value)) throw flowError('shape', field, `${field} must be 1 to 35 letters, digits, - or _`);
  return value;
}

/** A calendar date `YYYY-MM-DD`; an xsd:date time zone, when `zoned`, is accepted and dropped. */
export function calendarDate(value: string, field: string, zoned = false): string {
  const date = zoned ? DATE_ZONED.exec(value)?.[1] : value;
  if (date === undefined || !isRealCalendarDate(date)) throw flowError('shape', field, `${field} must be a date`);
  return date;
}

/** An ISO 8601 date-time (offset optional, as in xsd:dateTime). */
export function dateTime(value: string, field: string): string {
  const date = DATE_TIME.exec(value)?.[1];
  if (date === undefined || !isRealCalendarDate(date)) throw flowError('shape', field, `${field} must be a date-time`);
  return value;
}

/** A date or a date-time, kept as written. */
export function dateOrDateTime(value: string, field: string): string {
  if (!DATE_ZONED.test(value)) return dateTime(value, field);
  calendarDate(value, field, true);
  return value;
}

/** Exact cents of a decimal amount; `positive` refuses 0 (stImporto: minInclusive 0.01). */
export function amountCents(value: string, field: string, positive = false): number {
  const cents = decimalToCents(value);
  if (cents === undefined || (positive && cents === 0)) {
    throw flowError('amount', field, `${field} must be a decimal amount with at most 2 decimals up to 999999999.99`);
  }
  return cents;
}

/** An integer in `min`–`max`, written in digits. */
export function integer(value: string, field: string, min: number, max: number): number {
  const n = decimalToInteger(value, max);
  if (n === undefined || n < min) throw flowError('shape', field, `${field} must be an integer from ${min} to ${max}`);
  return n;
}

/** Throws when a field is repeated. */
export function once(seen: Set<string>, key: string, field: string): void {
  if (seen.has(key)) throw flowError('shape', field, `${field} is repeated`);
  seen.add(key);
}

/** Throws when a required field is missing. */
export function required<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw flowError('shape', field, `${field} is missing`);
  return value;
}
