import { upperAscii } from '../internal/fold-ascii.js';
import { requireString } from '../internal/require-string.js';
import { atDay, type Municipality, recordValidAt, type TerritoryQueryOptions, toMunicipality } from './municipality.js';
import { getMunicipalityIndex, slotOfBelfiore } from './territory-index.js';

/**
 * Finds the comune with a Belfiore (cadastral) code, as it was on a date.
 *
 * @remarks
 * Case-insensitive for ASCII letters only (`ı501` is not `I501`). Without `at`, returns the latest record (the current form of an existing comune,
 * the last form of a ceased one). With `at`, returns the record valid that day, or `undefined` when
 * the code was not in use (before institution, after cessation, or in a gap). Foreign states (`Z…`)
 * are found with {@link getForeignState}.
 *
 * @throws {@link CoreError} `ERR_CORE_INVALID_DATE` when `at` is not a `YYYY-MM-DD` date;
 *   `ERR_CORE_INVALID_INPUT` when `code` is not a string or `options` not an object.
 * @example
 * ```ts
 * import { getMunicipalityByBelfiore } from '@civico/core';
 * getMunicipalityByBelfiore('A089')?.name; // 'AGRIGENTO'
 * getMunicipalityByBelfiore('A089', { at: '1920-01-01' })?.name; // 'GIRGENTI'
 * ```
 * @param code - Belfiore code such as `H501`
 * @param options - optional date
 * @group Territory
 */
export function getMunicipalityByBelfiore(code: string, options?: TerritoryQueryOptions): Municipality | undefined {
  requireString(code, 'code');
  const day = atDay(options);
  const slot = belfioreSlot(code);
  if (slot < 0) return undefined;
  const idx = getMunicipalityIndex();
  const start = idx.slotStart[slot] ?? 0;
  const end = idx.slotStart[slot + 1] ?? 0;
  if (end <= start) return undefined;
  if (day === undefined) return toMunicipality(end - 1);
  for (let i = start; i < end; i++) if (recordValidAt(i, day)) return toMunicipality(i);
  return undefined;
}

/**
 * Lists every recorded form of the comune with a Belfiore code, oldest first.
 *
 * @throws {@link CoreError} `ERR_CORE_INVALID_INPUT` when `code` is not a string.
 *
 * @example
 * ```ts
 * import { getMunicipalityHistory } from '@civico/core';
 * getMunicipalityHistory('M052').map((m) => m.province); // ['MI', 'MB']
 * ```
 * @param code - Belfiore code such as `M052`
 * @group Territory
 */
export function getMunicipalityHistory(code: string): Municipality[] {
  const slot = belfioreSlot(requireString(code, 'code'));
  if (slot < 0) return [];
  const idx = getMunicipalityIndex();
  const out: Municipality[] = [];
  for (let i = idx.slotStart[slot] ?? 0; i < (idx.slotStart[slot + 1] ?? 0); i++) out.push(toMunicipality(i));
  return out;
}

/** Slot of a Belfiore code typed in any ASCII case (4 characters, so no long scan), or -1. */
function belfioreSlot(code: string): number {
  return code.length === 4 ? slotOfBelfiore(upperAscii(code)) : -1;
}
