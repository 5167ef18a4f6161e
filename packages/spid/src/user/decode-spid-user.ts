import { decodeFiscalCode } from '@civico/core';
import { normalizeXsDate } from './normalize-xs-date.js';
import type { SpidUser } from './spid-user.js';

/**
 * Options of {@link decodeSpidUser}.
 *
 * @example
 * ```ts
 * import type { DecodeSpidUserOptions } from '@civico/spid';
 * const options: DecodeSpidUserOptions = { referenceDate: new Date('2026-06-01T10:00:00Z') };
 * ```
 * @group User
 */
export interface DecodeSpidUserOptions {
  /**
   * The day a codice fiscale's two-digit birth year is resolved against (a birth is not after it),
   * `YYYY-MM-DD` or a `Date`; pass the Assertion's time. Default: today, read from the clock.
   */
  readonly referenceDate?: string | Date | undefined;
}

type Fields = { -readonly [K in keyof SpidUser]?: SpidUser[K] };

// SPID attributi.rst: fiscalNumber and companyFiscalNumber are `TINIT-<code>`, ivaCode `VATIT-<partita IVA>`.
const TINIT = /^TINIT-/i;
const VATIT = /^VATIT-/i;
const FISCAL_CODE_SHAPE = /^[A-Z0-9]{16}$/;
const PLAIN_FIELDS = [
  'name',
  'familyName',
  'placeOfBirth',
  'countyOfBirth',
  'gender',
  'spidCode',
  'email',
  'digitalAddress',
  'mobilePhone',
  'companyName',
] as const;

/** Own enumerable string-valued entries; anything odd (a throwing getter, a Proxy) ends the read. */
function readEntries(attributes: unknown): [string, string][] {
  const out: [string, string][] = [];
  if (typeof attributes !== 'object' || attributes === null) return out;
  // Bytes are not an attribute record (and a megabyte of them would be a million keys to walk).
  if (ArrayBuffer.isView(attributes)) return out;
  try {
    for (const key of Object.keys(attributes)) {
      const value: unknown = (attributes as Record<string, unknown>)[key];
      if (typeof value === 'string') out.push([key, value]);
    }
  } catch {
    // A hostile object: keep what was read before it threw.
  }
  return out;
}

function decodeBirthData(fiscalNumber: string, referenceDate: DecodeSpidUserOptions['referenceDate']) {
  if (!FISCAL_CODE_SHAPE.test(fiscalNumber)) return undefined;
  try {
    const decoded = decodeFiscalCode(fiscalNumber, referenceDate === undefined ? {} : { referenceDate });
    const place = decoded.birthplace;
    const birthPlaceName =
      place.kind === 'municipality'
        ? place.municipality.name
        : place.kind === 'foreign-state'
          ? place.state.name
          : undefined;
    return Object.freeze({
      birthDate: decoded.birthDate,
      sex: decoded.sex,
      birthPlaceCode: place.code,
      birthPlaceName,
    });
  } catch {
    // Not a personal codice fiscale (an 11-digit one, a bad check character, a test identity's value).
    return undefined;
  }
}

/**
 * Turns the attributes of a SPID or CIE Assertion into a {@link SpidUser}.
 *
 * @remarks
 * `fiscalNumber` and `companyFiscalNumber` lose their `TINIT-` prefix and `ivaCode` its `VATIT-`
 * prefix (any case); the fiscal numbers are upper-cased, and a personal codice fiscale is decoded
 * with `decodeFiscalCode` of `@civico/core` into `fiscalCode` (birth date, sex, birthplace code and
 * name: the comune as ANPR writes it, e.g. `ROMA`, or the foreign state). `dateOfBirth` and
 * `expirationDate` are set, as `YYYY-MM-DD`, only when they are a valid `xs:date`. Other fields are
 * kept as sent.
 *
 * It never throws and never rejects a value (SPID conformance: test identities send values outside
 * the documented formats, e.g. `placeOfBirth` `Roma`): an odd value is left out of the typed fields
 * and stays, as sent, in `attributes`. Values that are not strings are ignored.
 *
 * @param attributes - `Attribute@Name` → first value, read from the signed Assertion
 * @param options - the reference date for the codice fiscale's century
 * @returns the user (frozen)
 * @throws never
 * @example
 * ```ts
 * import { decodeSpidUser } from '@civico/spid';
 * const user = decodeSpidUser(
 *   { fiscalNumber: 'TINIT-RSSMRA85T10H501O', name: 'Mario', dateOfBirth: '1985-12-10' },
 *   { referenceDate: '2026-01-01' },
 * );
 * user.fiscalNumber; // 'RSSMRA85T10H501O'
 * user.fiscalCode?.birthPlaceName; // 'ROMA'
 * ```
 * @group User
 */
export function decodeSpidUser(
  attributes: Readonly<Record<string, string>>,
  options: DecodeSpidUserOptions = {},
): SpidUser {
  const entries = readEntries(attributes);
  const all: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries(entries));
  const get = (name: string): string | undefined => (Object.hasOwn(all, name) ? all[name] : undefined);
  let referenceDate: DecodeSpidUserOptions['referenceDate'];
  try {
    referenceDate = typeof options === 'object' && options !== null ? options.referenceDate : undefined;
  } catch {
    referenceDate = undefined;
  }
  const user: Fields = {};
  for (const field of PLAIN_FIELDS) {
    const value = get(field);
    if (value !== undefined) user[field] = value;
  }
  const fiscalNumber = get('fiscalNumber');
  if (fiscalNumber !== undefined) {
    const code = fiscalNumber.trim().replace(TINIT, '').trim().toUpperCase();
    user.fiscalNumber = code;
    const decoded = decodeBirthData(code, referenceDate);
    if (decoded !== undefined) user.fiscalCode = decoded;
  }
  const companyFiscalNumber = get('companyFiscalNumber');
  if (companyFiscalNumber !== undefined) {
    user.companyFiscalNumber = companyFiscalNumber.trim().replace(TINIT, '').trim().toUpperCase();
  }
  const ivaCode = get('ivaCode');
  if (ivaCode !== undefined) user.ivaCode = ivaCode.trim().replace(VATIT, '').trim();
  for (const field of ['dateOfBirth', 'expirationDate'] as const) {
    const value = get(field);
    const date = value === undefined ? undefined : normalizeXsDate(value.trim());
    if (date !== undefined) user[field] = date;
  }
  return Object.freeze({ ...user, attributes: all });
}
