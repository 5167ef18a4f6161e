import { formatDayNumber } from './day-number.js';
import { atDay, type TerritoryQueryOptions } from './municipality.js';
import { getRegion } from './regions.js';
import { getMunicipalityIndex, OPEN_END } from './territory-index.js';

/**
 * A province (or metropolitan city, or former province) as found in the ANPR archive.
 *
 * @remarks
 * Identified by sigla and ISTAT code together: Sardinian reorganisations reused siglas with new
 * codes. Validity spans the first to the last day any comune belonged to it. Province names are not
 * in the archive and are not provided.
 * @group Territory
 */
export interface Province {
  /** Sigla (`TO`). */
  readonly code: string;
  /** ISTAT province code (`001`). */
  readonly istat: string;
  /** ISTAT region code; `EX` for former territories, `00` when unknown. */
  readonly regionCode: string;
  /** Region name, or `null` for `EX`/`00`. */
  readonly region: string | null;
  /** First day a comune belonged to it, `YYYY-MM-DD`. */
  readonly validFrom: string;
  /** Last such day, inclusive; `null` while it still exists. */
  readonly validTo: string | null;
}

/**
 * Lists provinces, optionally only those existing on a date, sorted by sigla.
 *
 * @throws {@link CoreError} `ERR_CORE_INVALID_DATE` when `at` is not a `YYYY-MM-DD` date.
 * @example
 * ```ts
 * import { listProvinces } from '@civico/core';
 * listProvinces({ at: '2023-05-16' }).length; // 107
 * ```
 * @param options - optional date
 * @group Territory
 */
export function listProvinces(options?: TerritoryQueryOptions): Province[] {
  const day = atDay(options);
  const idx = getMunicipalityIndex();
  const first = new Int32Array(idx.provinces.length).fill(OPEN_END);
  const last = new Int32Array(idx.provinces.length).fill(-OPEN_END);
  const present = new Uint8Array(idx.provinces.length);
  for (let i = 0; i < idx.province.length; i++) {
    const p = idx.province[i] ?? 0;
    const from = idx.from[i] ?? 0;
    const to = idx.to[i] ?? 0;
    if (from < (first[p] ?? 0)) first[p] = from;
    if (to > (last[p] ?? 0)) last[p] = to;
    if (day !== undefined && from <= day && day <= to) present[p] = 1;
  }
  return idx.provinces
    .map((row, p): Province => {
      const end = last[p] ?? OPEN_END;
      return {
        code: row.sigla,
        istat: row.istat,
        regionCode: row.region,
        region: getRegion(row.region)?.name ?? null,
        validFrom: formatDayNumber(first[p] ?? 0),
        validTo: end === OPEN_END ? null : formatDayNumber(end),
      };
    })
    .filter((_, p) => day === undefined || present[p] === 1)
    .sort((a, b) => a.code.localeCompare(b.code) || a.validFrom.localeCompare(b.validFrom));
}
