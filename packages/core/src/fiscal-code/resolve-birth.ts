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

/**
 * Reference day from the public `referenceDate` option. The clock is read here, at the public
 * edge, only when the caller gave no date.
 * @throws `ERR_CORE_INVALID_DATE` for a string that is not a calendar date, or an invalid `Date`.
 * @internal
 */
export function referenceDay(referenceDate: string | Date | undefined): number {
  if (referenceDate === undefined) return dayNumberOfDate(new Date());
  if (referenceDate instanceof Date) {
    return parseIsoDate(
      Number.isNaN(referenceDate.getTime()) ? '' : referenceDate.toISOString().slice(0, 10),
      'referenceDate',
    );
  }
  return parseIsoDate(referenceDate, 'referenceDate');
}

const digit = (s: string, i: number): number => DIGIT_VALUE[s.charCodeAt(i)] ?? 0;

/**
 * Resolves century and birthplace of a structurally valid 16-character code (§1.6): candidates
 * 20YY and 19YY that are real dates not after the reference day; prefer the most recent whose
 * birthplace was valid, else the most recent.
 * @internal
 */
export function resolveBirth(s: string, refDay: number): BirthResolution {
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
  let kept = real.filter((dn) => dn <= refDay);
  if (kept.length === 0) kept = real.slice(-1); // all in the future: take the earliest
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
