import { readOptions } from '../internal/read-options.js';
import { formatDayNumber, parseIsoDate } from './day-number.js';
import { getRegion } from './regions.js';
import { belfioreOfSlot, getMunicipalityIndex, OPEN_END } from './territory-index.js';

/**
 * A comune as recorded by ANPR during one validity interval.
 *
 * @remarks
 * A Belfiore code keeps its identity through renames and province changes, each of which starts a
 * new interval (`A089` is GIRGENTI until 1927, then AGRIGENTO). ISTAT codes change with the
 * province and are reused over time: never use them as a time-independent key.
 * @group Territory
 */
export interface Municipality {
  /** Belfiore (cadastral) code, `[A-IL-M][0-9]{3}` (`H501`). */
  readonly belfiore: string;
  /** ISTAT code in this interval, 6 digits (`058091`). */
  readonly istat: string;
  /** Official Italian name, upper case as ANPR writes it (`FORLÌ`). */
  readonly name: string;
  /** Name in the second official language (`BOZEN`), or `null`. */
  readonly altName: string | null;
  /** Province sigla in this interval (`RM`). */
  readonly province: string;
  /** ISTAT province code in this interval (`058`). */
  readonly provinceIstat: string;
  /** ISTAT region code (`12`); `EX` for former territories, `00` when unknown. */
  readonly regionCode: string;
  /** Region name, or `null` for `EX`/`00`. */
  readonly region: string | null;
  /** First valid day, `YYYY-MM-DD`. */
  readonly validFrom: string;
  /** Last valid day, inclusive, `YYYY-MM-DD`; `null` while the comune still exists in this form. */
  readonly validTo: string | null;
}

/**
 * Options of the territory look-ups.
 * @group Territory
 */
export interface TerritoryQueryOptions {
  /**
   * Calendar date `YYYY-MM-DD`: return only what was valid on that day. Without it, look-ups by
   * code return the current (or last) record and name searches search every period.
   */
  readonly at?: string | undefined;
}

// Frozen Municipality objects by record, filled on demand (a deterministic lazy index: the same
// record always yields an equal, immutable object), so hot decodes do not rebuild them.
let cache: (Municipality | undefined)[] | undefined;

/** The public, frozen object of record `i`. @internal */
export function toMunicipality(i: number): Municipality {
  cache ??= new Array<Municipality | undefined>(getMunicipalityIndex().slot.length);
  let m = cache[i];
  if (m === undefined) {
    m = Object.freeze(buildMunicipality(i));
    cache[i] = m;
  }
  return m;
}

function buildMunicipality(i: number): Municipality {
  const idx = getMunicipalityIndex();
  const prov = idx.provinces[idx.province[i] ?? 0];
  const alt = idx.altName[i] ?? 0;
  const to = idx.to[i] ?? OPEN_END;
  const regionCode = prov?.region ?? '00';
  return {
    belfiore: belfioreOfSlot(idx.slot[i] ?? 0),
    istat: String(idx.istat[i] ?? 0).padStart(6, '0'),
    name: idx.names[idx.name[i] ?? 0] ?? '',
    altName: alt === 0 ? null : (idx.names[alt] ?? null),
    province: prov?.sigla ?? '',
    provinceIstat: prov?.istat ?? '',
    regionCode,
    region: getRegion(regionCode)?.name ?? null,
    validFrom: formatDayNumber(idx.from[i] ?? 0),
    validTo: to === OPEN_END ? null : formatDayNumber(to),
  };
}

/** Whether record `i` is valid on `day`. @internal */
export function recordValidAt(i: number, day: number): boolean {
  const idx = getMunicipalityIndex();
  return (idx.from[i] ?? 0) <= day && day <= (idx.to[i] ?? 0);
}

/**
 * Day number of `options.at`, or `undefined`.
 * @throws `ERR_CORE_INVALID_DATE` (`field: 'at'`); `ERR_CORE_INVALID_INPUT` when `options` is not an object.
 * @internal
 */
export function atDay(options: TerritoryQueryOptions | undefined): number | undefined {
  const { at } = readOptions(options, ['at']);
  return at === undefined ? undefined : parseIsoDate(at, 'at');
}
