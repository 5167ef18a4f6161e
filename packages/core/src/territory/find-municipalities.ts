import { isOverLong, upperAscii } from '../internal/fold-ascii.js';
import { readOptions } from '../internal/read-options.js';
import { requireString } from '../internal/require-string.js';
import { atDay, type Municipality, recordValidAt, toMunicipality } from './municipality.js';
import { normalizePlaceName } from './normalize-place-name.js';
import { getMunicipalityIndex } from './territory-index.js';
import { recordsByName } from './territory-lookups.js';

/**
 * Options of {@link findMunicipalities}.
 * @group Territory
 */
export interface FindMunicipalitiesOptions {
  /** Calendar date `YYYY-MM-DD`: only comuni with that name on that day. */
  readonly at?: string | undefined;
  /** Province sigla (`TO`) the comune belonged to in the matching period. */
  readonly province?: string | undefined;
}

/**
 * Finds comuni by name, ignoring case, accents and punctuation.
 *
 * @remarks
 * Matches the whole official name or the name in the second official language (`Bozen`), folded
 * (`forli`, `Forlì` and `FORLI'` are equal). With `at`, returns the records valid on that day; without
 * it, one record per Belfiore code: the latest period in which the comune bore that name. Several
 * results mean a homonym (`CALLIANO` in AT and TN): narrow with `province`.
 *
 * A name longer than `CORE_LIMITS.maxInputLength` matches nothing.
 *
 * @throws {@link CoreError} `ERR_CORE_INVALID_DATE` when `at` is not a `YYYY-MM-DD` date;
 *   `ERR_CORE_INVALID_INPUT` when `name` or `province` is not a string or `options` not an object.
 * @example
 * ```ts
 * import { findMunicipalities } from '@civico/core';
 * findMunicipalities('Girgenti').map((m) => m.belfiore); // ['A089']
 * findMunicipalities('calliano', { province: 'TN' }).length; // 1
 * ```
 * @param name - name to look for
 * @param options - optional date and province
 * @group Territory
 */
export function findMunicipalities(name: string, options?: FindMunicipalitiesOptions): Municipality[] {
  requireString(name, 'name');
  const day = atDay(options);
  const rawProvince = readOptions(options, ['province']).province;
  if (rawProvince !== undefined) requireString(rawProvince, 'province');
  // A sigla has 2 letters: longer values match nothing and are not folded.
  const province = rawProvince === undefined || rawProvince.length > 2 ? rawProvince : upperAscii(rawProvince);
  if (isOverLong(name) || (province !== undefined && province.length > 2)) return [];
  const idx = getMunicipalityIndex();
  const latestBySlot = new Map<number, number>();
  for (const i of recordsByName(normalizePlaceName(name))) {
    if (day !== undefined && !recordValidAt(i, day)) continue;
    if (province !== undefined && idx.provinces[idx.province[i] ?? 0]?.sigla !== province) continue;
    const slot = idx.slot[i] ?? 0;
    const prev = latestBySlot.get(slot);
    if (prev === undefined || (idx.from[i] ?? 0) > (idx.from[prev] ?? 0)) latestBySlot.set(slot, i);
  }
  return [...latestBySlot.values()].sort((a, b) => a - b).map(toMunicipality);
}
