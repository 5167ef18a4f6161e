import { getForeignStateTable, getMunicipalityIndex } from './territory-index.js';

/** Whether any record exists for a comune slot (letter index × 1000 + number). @internal */
export function comuneSlotExists(slot: number): boolean {
  const start = getMunicipalityIndex().slotStart;
  return (start[slot + 1] ?? 0) > (start[slot] ?? 0);
}

/** Record index of a comune slot valid on `day`, or -1. @internal */
export function comuneRecordAt(slot: number, day: number): number {
  const idx = getMunicipalityIndex();
  const end = idx.slotStart[slot + 1] ?? 0;
  for (let i = idx.slotStart[slot] ?? 0; i < end; i++) {
    if ((idx.from[i] ?? 0) <= day && day <= (idx.to[i] ?? 0)) return i;
  }
  return -1;
}

/** Latest record index of a comune slot, or -1. @internal */
export function comuneLatestRecord(slot: number): number {
  const idx = getMunicipalityIndex();
  const start = idx.slotStart[slot] ?? 0;
  const end = idx.slotStart[slot + 1] ?? 0;
  return end > start ? end - 1 : -1;
}

/** Whether foreign state `Znnn` exists (`num` = nnn) and, with `day`, had not ceased by then. @internal */
export function foreignStateValidAt(num: number, day: number): boolean {
  const row = getForeignStateTable()[num];
  return row !== undefined && day <= row.to;
}
