import { requireString } from '../internal/require-string.js';
import { atDay, type Municipality, recordValidAt, type TerritoryQueryOptions, toMunicipality } from './municipality.js';
import { getMunicipalityIndex } from './territory-index.js';
import { recordsByIstat } from './territory-lookups.js';

/**
 * Finds the comune that had an ISTAT code on a date.
 *
 * @remarks
 * ISTAT codes change with the province and are reused (`015001` was ABBADIA CERRETO in Milan
 * province until 1992), so the answer depends on the date. Without `at`, returns the comune that
 * holds the code today, else the last one that held it. Accepts 6 digits, or fewer digits meaning
 * leading zeros dropped (`1272` → `001272`).
 *
 * @throws {@link CoreError} `ERR_CORE_INVALID_DATE` when `at` is not a `YYYY-MM-DD` date;
 *   `ERR_CORE_INVALID_INPUT` when `istat` is not a string or `options` not an object.
 * @example
 * ```ts
 * import { getMunicipalityByIstat } from '@civico/core';
 * getMunicipalityByIstat('001272')?.belfiore; // 'L219' (Torino)
 * ```
 * @param istat - ISTAT comune code
 * @param options - optional date
 * @group Territory
 */
export function getMunicipalityByIstat(istat: string, options?: TerritoryQueryOptions): Municipality | undefined {
  requireString(istat, 'istat');
  const day = atDay(options);
  if (istat.length > 6 || !/^[0-9]{1,6}$/.test(istat)) return undefined;
  const ids = recordsByIstat(Number(istat));
  if (ids.length === 0) return undefined;
  if (day !== undefined) {
    const hit = ids.find((i) => recordValidAt(i, day));
    return hit === undefined ? undefined : toMunicipality(hit);
  }
  const idx = getMunicipalityIndex();
  // The latest-ending record; an open interval (OPEN_END) wins.
  let best = ids[0] ?? 0;
  for (const i of ids) if ((idx.to[i] ?? 0) > (idx.to[best] ?? 0)) best = i;
  return toMunicipality(best);
}
