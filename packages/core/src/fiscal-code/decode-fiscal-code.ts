import { CoreError } from '../errors/core-error.js';
import { readOptions } from '../internal/read-options.js';
import { requireString } from '../internal/require-string.js';
import { comuneRecordAt } from '../territory/birthplace-lookup.js';
import { formatDayNumber } from '../territory/day-number.js';
import { type ForeignState, foreignStateByNumber } from '../territory/foreign-state.js';
import { type Municipality, toMunicipality } from '../territory/municipality.js';
import { belfioreOfSlot, getMunicipalityIndex } from '../territory/territory-index.js';
import { omocodiaMask } from './fiscal-code-checks.js';
import type { FiscalCode } from './fiscal-code-schema.js';
import { type FiscalCodeWarning, normalizeFiscalCodeInput, warning } from './inspect-fiscal-code.js';
import { isValidPersonalCode } from './is-valid-personal-code.js';
import { normalizeOmocodia } from './omocodia.js';
import { referenceDay, resolveBirth } from './resolve-birth.js';

/**
 * Birthplace read from a codice fiscale, as it was on the birth date.
 * @group Identifiers
 */
export type DecodedBirthplace =
  | {
      /** A comune. */
      readonly kind: 'municipality';
      /** Belfiore code (de-omocoded). */
      readonly code: string;
      /** Whether the comune existed under this code on the birth date. */
      readonly validAtBirth: boolean;
      /** The comune on the birth date, or its nearest recorded form when `validAtBirth` is false. */
      readonly municipality: Municipality;
    }
  | {
      /** A foreign state. */
      readonly kind: 'foreign-state';
      /** Belfiore code `Z…` (de-omocoded). */
      readonly code: string;
      /** Whether the state had not ceased by the birth date (approximate, see {@link ForeignState}). */
      readonly validAtBirth: boolean;
      /** The state. */
      readonly state: ForeignState;
    }
  | {
      /** A code missing from the ANPR archive or from the list of foreign states. */
      readonly kind: 'unknown';
      /** Belfiore code (de-omocoded). */
      readonly code: string;
    };

/**
 * What a personal codice fiscale says about its holder (names cannot be decoded).
 * @group Identifiers
 */
export interface DecodedFiscalCode {
  /** The code, normalised. */
  readonly code: FiscalCode;
  /** The code without omocodia (check character recomputed). */
  readonly base: FiscalCode;
  /** Sex: `F` when the day is above 40. */
  readonly sex: 'M' | 'F';
  /** Birth date `YYYY-MM-DD`, century resolved (see {@link decodeFiscalCode}). */
  readonly birthDate: string;
  /** Other possible birth dates (other centuries not after the reference date), most recent first. */
  readonly birthDateAlternatives: readonly string[];
  /** Whether more than one century fits the date and birthplace. */
  readonly centuryAmbiguous: boolean;
  /** Birthplace on the birth date. */
  readonly birthplace: DecodedBirthplace;
  /** Omocodia of the code. */
  readonly omocodia: {
    /** Number of digits replaced by letters, 0–7. */
    readonly level: number;
    /** Which ones, as in {@link omocodiaVariants}: bit 0 = 15th character … bit 6 = 7th. */
    readonly mask: number;
  };
  /** Soft findings: unknown birthplace, birthplace not valid at birth, unusual omocodia, century ambiguity. */
  readonly warnings: readonly FiscalCodeWarning[];
}

/**
 * Options of {@link decodeFiscalCode}.
 * @group Identifiers
 */
export interface DecodeFiscalCodeOptions {
  /**
   * Day the century is resolved against (a birth is not after it): `YYYY-MM-DD` or `Date` (its
   * UTC day), from `CORE_LIMITS.minReferenceDate` to `CORE_LIMITS.maxReferenceDate`. Defaults to
   * today in the earliest time zone (UTC+14), read from the clock at the call.
   */
  readonly referenceDate?: string | Date | undefined;
}

const bitCount = (n: number): number => {
  let c = 0;
  for (let m = n; m !== 0; m &= m - 1) c++;
  return c;
};

/** The recorded form of a comune nearest in time to `day`. */
function nearestRecord(slot: number, day: number): number {
  const idx = getMunicipalityIndex();
  let best = idx.slotStart[slot] ?? 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let i = best; i < (idx.slotStart[slot + 1] ?? 0); i++) {
    const from = idx.from[i] ?? 0;
    const distance = day < from ? from - day : day - (idx.to[i] ?? 0);
    if (distance < bestDistance) [best, bestDistance] = [i, distance];
  }
  return best;
}

/**
 * Reads sex, birth date, birthplace and omocodia from a personal codice fiscale.
 *
 * @remarks
 * The year has two digits: candidates are 19YY and 20YY that are real dates not after
 * `referenceDate`; the most recent whose birthplace existed on that date wins, else the most recent
 * (so `MCHFDA07A01D877A`, Gallico, ceased 1927, is born in 1907). Other candidates are listed, and
 * `centuryAmbiguous` tells when more than one fits. The birthplace is the comune (with its province
 * at the time) or foreign state the code denoted on the birth date.
 *
 * Decoding needs only the structural checks: a birthplace missing from the data gives
 * `birthplace.kind === 'unknown'` and a warning instead of an error (use {@link inspectFiscalCode} to
 * validate).
 *
 * The decoded birth date is never after `referenceDate`: a code whose every possible birth date is
 * later (only possible with a reference date before 2000) is refused.
 *
 * @throws {@link CoreError} `ERR_CORE_INVALID_FISCAL_CODE` when the code fails a structural check of
 * {@link parseFiscalCode} (look-alike letters and whitespace other than ASCII spaces included), is
 * an 11-digit provisional code (which encodes no personal data), or encodes no birth date on or
 * before `referenceDate`. `ERR_CORE_INVALID_DATE` (`field: 'referenceDate'`) for a `referenceDate`
 * that is not a calendar date or lies outside the `CORE_LIMITS` window. `ERR_CORE_INVALID_INPUT`
 * when `code` is not a string or `options` not an object.
 * @example
 * ```ts
 * import { decodeFiscalCode } from '@civico/core';
 * const d = decodeFiscalCode('RSSMRA80T63M052X', { referenceDate: '2025-01-01' });
 * d.birthDate; // '1980-12-23'
 * d.sex; // 'F'
 * if (d.birthplace.kind === 'municipality') d.birthplace.municipality.province; // 'MI' (MB only since 2009)
 * ```
 * @param code - a 16-character codice fiscale (normalised like {@link parseFiscalCode})
 * @param options - reference date
 * @group Identifiers
 */
export function decodeFiscalCode(code: string, options?: DecodeFiscalCodeOptions): DecodedFiscalCode {
  requireString(code, 'code');
  const refDay = referenceDay(readOptions(options, ['referenceDate']).referenceDate);
  // Canonical input (the common case) skips the normalising pass.
  const s = code.length === 16 && isValidPersonalCode(code, false) ? code : normalizeFiscalCodeInput(code);
  if (s.length !== 16 || !isValidPersonalCode(s, false)) {
    throw new CoreError('ERR_CORE_INVALID_FISCAL_CODE', 'Invalid personal codice fiscale', {});
  }
  const birth = resolveBirth(s, refDay);
  if (birth === undefined) {
    throw new CoreError(
      'ERR_CORE_INVALID_FISCAL_CODE',
      'The codice fiscale encodes no birth date on or before referenceDate',
    );
  }
  const mask = omocodiaMask(s);
  const base = mask === 0 ? s : normalizeOmocodia(s);
  const placeCode = base.slice(11, 15);
  const warnings: FiscalCodeWarning[] = [];
  let birthplace: DecodedBirthplace;
  const state = birth.stateNum >= 0 ? foreignStateByNumber(birth.stateNum) : undefined;
  if (!birth.placeKnown) {
    warnings.push(warning(birth.stateNum >= 0 ? 'UNKNOWN_FOREIGN_STATE' : 'UNKNOWN_BIRTHPLACE'));
    birthplace = { kind: 'unknown', code: placeCode };
  } else {
    if (!birth.placeValid) warnings.push(warning('BIRTHPLACE_NOT_VALID_AT_BIRTH'));
    birthplace =
      state !== undefined
        ? { kind: 'foreign-state', code: placeCode, validAtBirth: birth.placeValid, state }
        : {
            kind: 'municipality',
            code: belfioreOfSlot(birth.slot),
            validAtBirth: birth.placeValid,
            municipality: toMunicipality(
              birth.placeValid ? comuneRecordAt(birth.slot, birth.day) : nearestRecord(birth.slot, birth.day),
            ),
          };
  }
  if ((mask & (mask + 1)) !== 0) warnings.push(warning('OMOCODIA_NON_CANONICAL'));
  if (birth.ambiguous) warnings.push(warning('CENTURY_AMBIGUOUS'));
  return {
    code: s as FiscalCode,
    base: base as FiscalCode,
    sex: birth.sex,
    birthDate: formatDayNumber(birth.day),
    birthDateAlternatives: birth.alternatives.map(formatDayNumber),
    centuryAmbiguous: birth.ambiguous,
    birthplace,
    omocodia: { level: bitCount(mask), mask },
    warnings,
  };
}
