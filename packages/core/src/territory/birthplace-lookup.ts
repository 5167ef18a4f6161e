import { getForeignStateTable, getMunicipalityIndex } from './territory-index.js';

let slotExists: Uint8Array | undefined;

/** Whether any record exists for a comune slot (letter index × 1000 + number). @internal */
export function comuneSlotExists(slot: number): boolean {
  if (slotExists === undefined) {
    const start = getMunicipalityIndex().slotStart;
    slotExists = new Uint8Array(start.length);
    for (let k = 0; k + 1 < start.length; k++) slotExists[k] = (start[k + 1] ?? 0) > (start[k] ?? 0) ? 1 : 0;
  }
  return slotExists[slot] === 1;
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
