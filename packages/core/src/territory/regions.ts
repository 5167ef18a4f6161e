import { requireString } from '../internal/require-string.js';

/**
 * An Italian region, identified by its ISTAT code.
 * @group Territory
 */
export interface Region {
  /** ISTAT region code, `01`–`20`. */
  readonly code: string;
  /** Official name (bilingual where the statute says so). */
  readonly name: string;
}

// ISTAT region codes (Codici statistici delle unità amministrative territoriali).
const REGIONS: readonly Region[] = Object.freeze(
  [
    ['01', 'Piemonte'],
    ['02', "Valle d'Aosta/Vallée d'Aoste"],
    ['03', 'Lombardia'],
    ['04', 'Trentino-Alto Adige/Südtirol'],
    ['05', 'Veneto'],
    ['06', 'Friuli-Venezia Giulia'],
    ['07', 'Liguria'],
    ['08', 'Emilia-Romagna'],
    ['09', 'Toscana'],
    ['10', 'Umbria'],
    ['11', 'Marche'],
    ['12', 'Lazio'],
    ['13', 'Abruzzo'],
    ['14', 'Molise'],
    ['15', 'Campania'],
    ['16', 'Puglia'],
    ['17', 'Basilicata'],
    ['18', 'Calabria'],
    ['19', 'Sicilia'],
    ['20', 'Sardegna'],
  ].map(([code = '', name = '']) => Object.freeze({ code, name })),
);

/**
 * Lists the 20 Italian regions in ISTAT code order.
 *
 * @example
 * ```ts
 * import { listRegions } from '@civico/core';
 * const names = listRegions().map((r) => r.name); // ['Piemonte', …, 'Sardegna']
 * ```
 * @group Territory
 */
export function listRegions(): readonly Region[] {
  return REGIONS;
}

/**
 * Finds a region by ISTAT code (`'12'` → Lazio).
 *
 * @remarks
 * Returns `undefined` for the archive's pseudo-regions `EX` (former territories: Istria, Fiume,
 * Zara) and `00` (unknown).
 * @throws {@link CoreError} `ERR_CORE_INVALID_INPUT` when `code` is not a string.
 * @param code - two-digit ISTAT region code
 * @group Territory
 */
export function getRegion(code: string): Region | undefined {
  requireString(code, 'code');
  return REGIONS.find((r) => r.code === code);
}
