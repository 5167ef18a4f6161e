import { CORE_LIMITS } from '../core-limits.js';
import { CoreError } from '../errors/core-error.js';
import { upperAscii } from '../internal/fold-ascii.js';
import { readOptions } from '../internal/read-options.js';
import { requireString } from '../internal/require-string.js';
import { comuneSlotExists } from '../territory/birthplace-lookup.js';
import { parseIsoDate } from '../territory/day-number.js';
import { findMunicipalities } from '../territory/find-municipalities.js';
import { findForeignStates, getForeignState } from '../territory/foreign-state.js';
import { getMunicipalityByIstat } from '../territory/get-municipality-by-istat.js';
import { slotOfBelfiore } from '../territory/territory-index.js';
import type { FiscalCode } from './fiscal-code-schema.js';
import { checkCharCode, MONTH_LETTERS } from './fiscal-code-tables.js';
import { firstNameCode, nameLetters, surnameCode } from './name-codes.js';
import { referenceDay } from './resolve-birth.js';

/**
 * Personal data a codice fiscale is computed from.
 * @group Identifiers
 */
export interface ComputeFiscalCodeInput {
  /** Surname at birth (married women keep the birth surname). */
  readonly surname: string;
  /** First name(s), all of them. */
  readonly name: string;
  /** Sex as registered. */
  readonly sex: 'M' | 'F';
  /** Birth date, `YYYY-MM-DD`, from `CORE_LIMITS.minBirthDate` to the reference date. */
  readonly birthDate: string;
  /**
   * Birthplace: a comune name (`Roma`, `Calliano (TN)` to disambiguate), an ISTAT comune code
   * (`058091`), a Belfiore code (`H501`, `Z330`) or a foreign state's Italian name (`Marocco`).
   * Names and ISTAT codes are resolved as they were on the birth date.
   */
  readonly birthPlace: string;
}

/**
 * Options of {@link computeFiscalCode}.
 * @group Identifiers
 */
export interface ComputeFiscalCodeOptions {
  /**
   * The birth date must not be after this day: `YYYY-MM-DD` or a `Date` (its UTC day), within the
   * `CORE_LIMITS` reference window. Defaults to today in the earliest time zone (UTC+14), read from
   * the clock at the call, so a child born today anywhere is accepted.
   */
  readonly referenceDate?: string | Date | undefined;
}

const PERSON_FIELDS = ['surname', 'name', 'sex', 'birthDate', 'birthPlace'] as const;
const MIN_BIRTH_DAY = parseIsoDate(CORE_LIMITS.minBirthDate, 'minBirthDate');
const BELFIORE = /^[A-IL-MZ][0-9]{3}$/;
const WITH_PROVINCE = /^(.*?)\s*\(\s*([A-Za-z]{2})\s*\)$/;

const unknown = (): never => {
  throw new CoreError('ERR_CORE_UNKNOWN_MUNICIPALITY', 'No comune or foreign state matches birthPlace at birthDate', {
    field: 'birthPlace',
  });
};

function resolveBirthPlace(place: string, birthDate: string): string {
  // Codes fold ASCII only, so a look-alike ('ı501') is not read as a Belfiore code ('I501').
  const upper = upperAscii(place);
  if (BELFIORE.test(upper)) {
    // A Z code must name a known state too: `Z000` or `Z999` would give a code no validator accepts.
    const known = upper.startsWith('Z')
      ? getForeignState(upper) !== undefined
      : comuneSlotExists(slotOfBelfiore(upper));
    if (known) return upper;
    return unknown();
  }
  if (/^[0-9]{6}$/.test(upper)) return getMunicipalityByIstat(upper, { at: birthDate })?.belfiore ?? unknown();
  const trimmed = place.trim(); // a place name is text: findMunicipalities folds it
  const m = WITH_PROVINCE.exec(trimmed);
  const name = m?.[1] ?? trimmed;
  const province = m?.[2];
  const codes = new Set(findMunicipalities(name, { at: birthDate, province }).map((c) => c.belfiore));
  if (province === undefined) for (const s of findForeignStates(name, { at: birthDate })) codes.add(s.code);
  if (codes.size === 1) return [...codes][0] ?? unknown();
  if (codes.size === 0) return unknown();
  throw new CoreError(
    'ERR_CORE_AMBIGUOUS_BIRTHPLACE',
    `birthPlace matches several places at birthDate: ${[...codes].sort().join(', ')}`,
    { field: 'birthPlace' },
  );
}

/**
 * Computes the codice fiscale of a person (decree of 23/12/1976), without omocodia.
 *
 * @remarks
 * The Agenzia delle Entrate assigns codes; a computed code is what the rules give, and the real
 * one may be an omocodic variant. Names are transliterated (accents stripped; ß, Æ, Ø, Ł… spelled
 * out). The birthplace is resolved to the Belfiore code valid on the birth date.
 *
 * @throws {@link CoreError} `ERR_CORE_INVALID_INPUT` (with `field`) when `person` is not an object,
 * a field is not a string, or a name or place is longer than `CORE_LIMITS.maxInputLength`;
 * `ERR_CORE_INVALID_FISCAL_CODE` (with `field`) when a name has no encodable letters or `sex` is
 * not `M`/`F`; `ERR_CORE_INVALID_DATE` with `field: 'birthDate'` when `birthDate` is not a calendar
 * date, is before `CORE_LIMITS.minBirthDate` or after the reference date, and with
 * `field: 'referenceDate'` for a bad `referenceDate`;
 * `ERR_CORE_UNKNOWN_MUNICIPALITY` when no place matches; `ERR_CORE_AMBIGUOUS_BIRTHPLACE` when several
 * do (the message lists their codes).
 * @example
 * ```ts
 * import { computeFiscalCode } from '@civico/core';
 * computeFiscalCode({ surname: 'Caccamo', name: 'Fabio', sex: 'M', birthDate: '1985-04-03', birthPlace: 'Torino' });
 * // 'CCCFBA85D03L219P'
 * ```
 * @param person - personal data
 * @param options - reference date
 * @group Identifiers
 */
export function computeFiscalCode(person: ComputeFiscalCodeInput, options?: ComputeFiscalCodeOptions): FiscalCode {
  if (typeof person !== 'object' || person === null) {
    throw new CoreError('ERR_CORE_INVALID_INPUT', 'person must be an object with the personal data', {
      field: 'person',
    });
  }
  const refDay = referenceDay(readOptions(options, ['referenceDate']).referenceDate);
  // Each field is read once, so what is checked is what is encoded.
  const fields = readOptions(
    person as Readonly<Record<keyof ComputeFiscalCodeInput, unknown>>,
    PERSON_FIELDS,
    'person',
  );
  const { surname, name, sex, birthDate, birthPlace } = fields;
  const surnameLetters = nameLetters(requireString(surname, 'surname', true), 'surname');
  const nameCode = firstNameCode(nameLetters(requireString(name, 'name', true), 'name'));
  if (requireString(sex, 'sex') !== 'M' && sex !== 'F') {
    throw new CoreError('ERR_CORE_INVALID_FISCAL_CODE', 'sex must be M or F', { field: 'sex' });
  }
  const birthDay = parseIsoDate(birthDate, 'birthDate');
  if (birthDay < MIN_BIRTH_DAY || birthDay > refDay) {
    throw new CoreError(
      'ERR_CORE_INVALID_DATE',
      `birthDate must be from ${CORE_LIMITS.minBirthDate} to the reference date`,
      {
        field: 'birthDate',
      },
    );
  }
  const date = birthDate as string; // parseIsoDate accepted it: a YYYY-MM-DD string
  const [year = '', month = '', day = ''] = date.split('-');
  const place = resolveBirthPlace(requireString(birthPlace, 'birthPlace', true), date);
  const dd = Number(day) + (sex === 'F' ? 40 : 0);
  const body = `${surnameCode(surnameLetters)}${nameCode}${year.slice(2)}${MONTH_LETTERS[Number(month) - 1]}${String(dd).padStart(2, '0')}${place}`;
  return `${body}${String.fromCharCode(checkCharCode(body))}` as FiscalCode;
}
