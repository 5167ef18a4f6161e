import { z } from 'zod';
import { isRealCalendarDate } from '../dates/is-real-calendar-date.js';
import { MAX_NOTICE_AMOUNT_CENTS, MAX_NOTICE_DUE_DATE, MIN_NOTICE_DUE_DATE } from './notice-limits.js';

// Control characters would break the single-line layout of every field.
const CONTROL_CHARS = /\p{Cc}/u;

/** @internal Options shared by the schema factories. */
export interface FieldOptions {
  /** Shorten over-long texts with an ellipsis instead of rejecting them. */
  readonly truncate: boolean;
}

/** @internal Shortens a text to `limit` characters, ending with an ellipsis. */
export function truncateText(value: string, limit: number): string {
  const chars = Array.from(value);
  if (chars.length <= limit) return value;
  return `${chars
    .slice(0, limit - 1)
    .join('')
    .trimEnd()}…`;
}

/**
 * Longest raw text accepted before any trimming or scanning, even with `truncate`: printed texts are a few
 * hundred characters, and a megabyte string would cost a quarter of a second to normalise.
 */
const MAX_RAW_TEXT_LENGTH = 10_000;

/** @internal A trimmed, single-line text of at most `limit` characters. */
export function textField(limit: number, options: FieldOptions) {
  const base = z
    .string()
    .max(MAX_RAW_TEXT_LENGTH, { message: `must be at most ${MAX_RAW_TEXT_LENGTH} characters`, abort: true })
    .transform((value) => value.trim().replace(/\s+/g, ' '))
    .pipe(
      z
        .string()
        .min(1, 'must not be empty')
        .refine((value) => !CONTROL_CHARS.test(value), 'must not contain control characters'),
    );
  if (options.truncate) return base.transform((value) => truncateText(value, limit));
  return base.pipe(
    z.string().refine((value) => Array.from(value).length <= limit, `must be at most ${limit} characters`),
  );
}

/** @internal Amount in integer euro cents, 1 to 999.999.999,99 €. */
export const AmountCentsSchema = z
  .number({ error: 'must be a number of cents' })
  .int('must be an integer number of cents')
  .min(1, 'must be at least 1 cent')
  .max(MAX_NOTICE_AMOUNT_CENTS, 'must be at most 999.999.999,99 €');

/** @internal A real calendar date written `YYYY-MM-DD`. */
export const CalendarDateSchema = z.string().refine(isRealCalendarDate, 'must be a calendar date YYYY-MM-DD');

/** @internal A due date: a calendar date from {@link MIN_NOTICE_DUE_DATE} to {@link MAX_NOTICE_DUE_DATE}. */
export const DueDateSchema = CalendarDateSchema.refine(
  // Both are YYYY-MM-DD, so string order is date order.
  (value) => value >= MIN_NOTICE_DUE_DATE && value <= MAX_NOTICE_DUE_DATE,
  `must be between ${MIN_NOTICE_DUE_DATE} and ${MAX_NOTICE_DUE_DATE}`,
);
