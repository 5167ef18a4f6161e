import { atDay, type Municipality, recordValidAt, type TerritoryQueryOptions, toMunicipality } from './municipality.js';
import { getMunicipalityIndex } from './territory-index.js';

/**
 * Lists comuni: those existing on a date, or every recorded form (one per validity interval).
 *
 * @remarks
 * Sorted by Belfiore code, then date. Without `at` the list holds every interval of the ANPR
 * archive (about 16,000); with it, the comuni of that day (7,901 on 2023-05-16).
 * @throws {@link CoreError} `ERR_CORE_INVALID_DATE` when `at` is not a `YYYY-MM-DD` date.
 * @example
 * ```ts
 * import { listMunicipalities } from '@civico/core';
 * listMunicipalities({ at: '2023-05-16' }).length; // 7901
 * ```
 * @param options - optional date
 * @group Territory
 */
export function listMunicipalities(options?: TerritoryQueryOptions): Municipality[] {
  const day = atDay(options);
  const out: Municipality[] = [];
  const n = getMunicipalityIndex().slot.length;
  for (let i = 0; i < n; i++) if (day === undefined || recordValidAt(i, day)) out.push(toMunicipality(i));
  return out;
}
