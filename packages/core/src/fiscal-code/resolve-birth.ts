import { CORE_LIMITS } from '../core-limits.js';
import { CoreError } from '../errors/core-error.js';
import { comuneRecordAt, foreignStateValidAt } from '../territory/birthplace-lookup.js';
import { dayNumberOfDate, daysFromCivil, daysInMonth, parseIsoDate } from '../territory/day-number.js';
import { getForeignStateTable, getMunicipalityIndex } from '../territory/territory-index.js';
import { DIGIT_VALUE, MONTH_OF_LETTER, PLACE_LETTER_INDEX } from './fiscal-code-tables.js';

/** Birth data read from a structurally valid code, century resolved. @internal */
export interface BirthResolution {
  /** `M` or `F`. */
  readonly sex: 'M' | 'F';
  /** Chosen birth day number. */
  readonly day: number;
  /** Other candidate birth day numbers (other centuries), most recent first. */
  readonly alternatives: readonly number[];
  /** Several candidates remain after the birthplace check. */
  readonly ambiguous: boolean;
  /** `-1` comune slot for foreign states; else the comune slot. */
  readonly slot: number;
  /** Foreign state number (`Z330` → 330), `-1` for comuni. */
  readonly stateNum: number;
  /** Whether the place code exists at all in the data. */
  readonly placeKnown: boolean;
  /** Whether the place was valid on the chosen day. */
  readonly placeValid: boolean;
}

// The latest calendar date on Earth is in UTC+14: with the clock as reference, a birth today in any
// time zone (Italy's included, UTC+1/+2) is never after the reference day.
const EARLIEST_ZONE_OFFSET_MS = 14 * 3_600_000;
const MIN_REFERENCE_DAY = parseIsoDate(CORE_LIMITS.minReferenceDate, 'minReferenceDate');
const MAX_REFERENCE_DAY = parseIsoDate(CORE_LIMITS.maxReferenceDate, 'maxReferenceDate');

/**
 * Reference day from the public `referenceDate` option. The clock is read here, at the public
 * edge, only when the caller gave no date (then clamped to the window).
 * @throws `ERR_CORE_INVALID_DATE` with `field` for a string that is not a calendar date, an invalid
 *   `Date`, or a day outside `CORE_LIMITS.minReferenceDate` … `CORE_LIMITS.maxReferenceDate`.
 * @internal
 */
export function referenceDay(referenceDate: unknown, field = 'referenceDate'): number {
  if (referenceDate === undefined) {
    return Math.min(dayNumberOfDate(new Date(Date.now() + EARLIEST_ZONE_OFFSET_MS)), MAX_REFERENCE_DAY);
  }
  const day = parseIsoDate(typeof referenceDate === 'string' ? referenceDate : isoDayOf(referenceDate), field);
  if (day < MIN_REFERENCE_DAY || day > MAX_REFERENCE_DAY) {
    throw new CoreError(
      'ERR_CORE_INVALID_DATE',
      `${field} must be from ${CORE_LIMITS.minReferenceDate} to ${CORE_LIMITS.maxReferenceDate}`,
      { field },
    );
  }
  return day;
}

/** `YYYY-MM-DD` (UTC) of a valid `Date`, else `undefined`; never throws (a Proxy or a fake `Date`). */
function isoDayOf(value: unknown): string | undefined {
  try {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) return undefined;
    return value.toISOString().slice(0, 10);
  } catch {
    return undefined;
  }
}

const digit = (s: string, i: number): number => DIGIT_VALUE[s.charCodeAt(i)] ?? 0;

/**
 * Resolves century and birthplace of a structurally valid 16-character code (`docs/core.md`): candidates
 * 20YY and 19YY that are real dates not after the reference day; prefer the most recent whose
 * birthplace was valid, else the most recent. `undefined` when every real candidate is after the
 * reference day (only possible with a reference day before 2000).
 * @internal
 */
export function resolveBirth(s: string, refDay: number): BirthResolution | undefined {
  const yy = digit(s, 6) * 10 + digit(s, 7);
  const month = MONTH_OF_LETTER[s.charCodeAt(8)] ?? 1;
  const rawDay = digit(s, 9) * 10 + digit(s, 10);
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  const letter = PLACE_LETTER_INDEX[s.charCodeAt(11)] ?? 0;
  const num = digit(s, 12) * 100 + digit(s, 13) * 10 + digit(s, 14);
  const isState = letter === 11;
  const slot = isState ? -1 : letter * 1000 + num;
  const placeKnown = isState
    ? getForeignStateTable()[num] !== undefined
    : (getMunicipalityIndex().slotStart[slot + 1] ?? 0) > (getMunicipalityIndex().slotStart[slot] ?? 0);
  const validAt = (dn: number): boolean => (isState ? foreignStateValidAt(num, dn) : comuneRecordAt(slot, dn) >= 0);

  const real: number[] = [];
  for (const century of [2000, 1900]) {
    const year = century + yy;
    if (day <= daysInMonth(year, month)) real.push(daysFromCivil(year, month, day));
  }
  const kept = real.filter((dn) => dn <= refDay);
  if (kept.length === 0) return undefined;
  const valid = placeKnown ? kept.filter(validAt) : [];
  const chosen = valid[0] ?? kept[0] ?? 0;
  return {
    sex: rawDay > 40 ? 'F' : 'M',
    day: chosen,
    alternatives: kept.filter((dn) => dn !== chosen),
    ambiguous: valid.length > 1 || (valid.length === 0 && kept.length > 1),
    slot,
    stateNum: isState ? num : -1,
    placeKnown,
    placeValid: valid.length > 0,
  };
}
