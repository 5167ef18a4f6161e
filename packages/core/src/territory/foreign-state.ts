import { isOverLong } from '../internal/fold-ascii.js';
import { requireString } from '../internal/require-string.js';
import { formatDayNumber } from './day-number.js';
import { atDay, type TerritoryQueryOptions } from './municipality.js';
import { normalizePlaceName } from './normalize-place-name.js';
import { type ForeignStateRow, getForeignStateTable, OPEN_END } from './territory-index.js';
import { foreignStatesByName } from './territory-lookups.js';

/**
 * A foreign state with its Belfiore code (`Z` + 3 digits), as used in a codice fiscale.
 *
 * @remarks
 * From Istat's lists of foreign territorial units and of ceased states. Historic coverage is
 * incomplete (`Z201`/`Z202` Arabia Meridionale are missing) and the source has no start dates and
 * year-granular end dates, so validity of foreign states is approximate.
 * @group Territory
 */
export interface ForeignState {
  /** Belfiore code (`Z330`). */
  readonly code: string;
  /** Italian name (`Marocco`). */
  readonly name: string;
  /** ISO 3166-1 alpha-2 code (`MA`; withdrawn codes such as `SU` for ceased states), or `null`. */
  readonly iso: string | null;
  /** Last valid day, inclusive, `YYYY-MM-DD`; `null` for states that still exist. */
  readonly validTo: string | null;
}

const toState = (row: ForeignStateRow): ForeignState =>
  Object.freeze({
    code: row.code,
    name: row.name,
    iso: row.iso,
    validTo: row.to === OPEN_END ? null : formatDayNumber(row.to),
  });

let states: readonly (ForeignState | undefined)[] | undefined;

/** Frozen foreign state `Znnn` by number (330 → Marocco), built on first use. @internal */
export function foreignStateByNumber(num: number): ForeignState | undefined {
  states ??= getForeignStateTable().map((row) => (row === undefined ? undefined : toState(row)));
  return states[num];
}

/**
 * Finds a foreign state by Belfiore code (`Z…`), optionally only if it existed on a date.
 *
 * @throws {@link CoreError} `ERR_CORE_INVALID_DATE` when `at` is not a `YYYY-MM-DD` date;
 *   `ERR_CORE_INVALID_INPUT` when `code` is not a string or `options` not an object.
 * @example
 * ```ts
 * import { getForeignState } from '@civico/core';
 * getForeignState('Z330')?.name; // 'Marocco'
 * getForeignState('Z135', { at: '2000-01-01' }); // undefined: the USSR had ceased
 * ```
 * @param code - Belfiore code such as `Z330`
 * @param options - optional date
 * @group Territory
 */
export function getForeignState(code: string, options?: TerritoryQueryOptions): ForeignState | undefined {
  requireString(code, 'code');
  const day = atDay(options);
  if (code.length !== 4 || !/^[Zz][0-9]{3}$/.test(code)) return undefined;
  const num = Number(code.slice(1));
  const row = getForeignStateTable()[num];
  if (row === undefined || (day !== undefined && day > row.to)) return undefined;
  return foreignStateByNumber(num);
}

/**
 * Finds foreign states by Italian name, ignoring case and accents (`'marocco'`).
 *
 * A name longer than `CORE_LIMITS.maxInputLength` matches nothing.
 *
 * @throws {@link CoreError} `ERR_CORE_INVALID_DATE` when `at` is not a `YYYY-MM-DD` date;
 *   `ERR_CORE_INVALID_INPUT` when `name` is not a string or `options` not an object.
 * @example
 * ```ts
 * import { findForeignStates } from '@civico/core';
 * findForeignStates('Francia').map((s) => s.code); // ['Z110']
 * ```
 * @param name - name to look for
 * @param options - optional date
 * @group Territory
 */
export function findForeignStates(name: string, options?: TerritoryQueryOptions): ForeignState[] {
  requireString(name, 'name');
  const day = atDay(options);
  if (isOverLong(name)) return [];
  const out: ForeignState[] = [];
  for (const code of foreignStatesByName(normalizePlaceName(name))) {
    const state = getForeignState(code);
    if (state !== undefined && (day === undefined || getForeignState(code, options) !== undefined)) out.push(state);
  }
  return out;
}

/**
 * Lists every known foreign state in code order.
 * @group Territory
 */
export function listForeignStates(): ForeignState[] {
  return getForeignStateTable()
    .map((row, num) => (row === undefined ? undefined : foreignStateByNumber(num)))
    .filter((state): state is ForeignState => state !== undefined);
}
