import {
  FOREIGN_STATE_ROWS,
  MUNICIPALITY_NAMES,
  MUNICIPALITY_RECORDS,
  PROVINCE_ROWS,
  RECORD_COUNT,
  RECORD_EPOCH,
  RECORD_OPEN,
} from './territory-data.generated.js';

/** Slots: letter index (A B C D E F G H I L M) × 1000 + number. @internal */
export const SLOT_COUNT = 11_000;
/** Day number standing for "still valid". @internal */
export const OPEN_END = 2_147_483_647;

/** Decoded, immutable-by-convention municipality index. @internal */
export interface MunicipalityIndex {
  /** Records of slot `s` are `slotStart[s]` … `slotStart[s + 1] - 1`. */
  readonly slotStart: Uint16Array;
  /** Slot of each record. */
  readonly slot: Uint16Array;
  /** First valid day (day number). */
  readonly from: Int32Array;
  /** Last valid day, inclusive ({@link OPEN_END} when still valid). */
  readonly to: Int32Array;
  /** Name id (index into `names`). */
  readonly name: Uint16Array;
  /** Alternative-language name id, 0 when none. */
  readonly altName: Uint16Array;
  /** Province row index. */
  readonly province: Uint8Array;
  /** ISTAT code as a number. */
  readonly istat: Int32Array;
  /** Names; index 0 is the empty string. */
  readonly names: readonly string[];
  /** Province rows. */
  readonly provinces: readonly ProvinceRow[];
}

/** One province as found in the archive. @internal */
export interface ProvinceRow {
  /** Sigla (`TO`). */
  readonly sigla: string;
  /** ISTAT province code (`001`). */
  readonly istat: string;
  /** ISTAT region code (`01`, `EX`, `00`). */
  readonly region: string;
}

/** One foreign state row. @internal */
export interface ForeignStateRow {
  /** Belfiore code `Znnn`. */
  readonly code: string;
  /** Italian name. */
  readonly name: string;
  /** ISO 3166-1 alpha-2 code, `null` when none. */
  readonly iso: string | null;
  /** Last valid day, {@link OPEN_END} when still valid. */
  readonly to: number;
}

const ZERO = 48;
const read = (s: string, at: number, width: number): number => {
  let n = 0;
  for (let i = 0; i < width; i++) n = n * 64 + s.charCodeAt(at + i) - ZERO;
  return n;
};

let municipalityIndex: MunicipalityIndex | undefined;
let foreignStates: (ForeignStateRow | undefined)[] | undefined;

/**
 * Returns the municipality index, decoding the packed data on first use (deterministic lazy index:
 * importing the package costs nothing until a territory function runs).
 * @internal
 */
export function getMunicipalityIndex(): MunicipalityIndex {
  if (municipalityIndex !== undefined) return municipalityIndex;
  const n = RECORD_COUNT;
  const s = MUNICIPALITY_RECORDS;
  const slot = new Uint16Array(n);
  const from = new Int32Array(n);
  const to = new Int32Array(n);
  const name = new Uint16Array(n);
  const altName = new Uint16Array(n);
  const province = new Uint8Array(n);
  const istat = new Int32Array(n);
  const slotStart = new Uint16Array(SLOT_COUNT + 1);
  for (let i = 0, at = 0; i < n; i++, at += 21) {
    const sl = read(s, at, 3);
    slot[i] = sl;
    from[i] = read(s, at + 3, 3) + RECORD_EPOCH;
    const end = read(s, at + 6, 3);
    to[i] = end === RECORD_OPEN ? OPEN_END : end + RECORD_EPOCH;
    name[i] = read(s, at + 9, 3);
    altName[i] = read(s, at + 12, 3);
    province[i] = read(s, at + 15, 2);
    istat[i] = read(s, at + 17, 4);
    slotStart[sl + 1] = i + 1;
  }
  // Records are sorted by slot: carry each slot's end forward over empty slots.
  for (let k = 1; k <= SLOT_COUNT; k++)
    if ((slotStart[k] ?? 0) < (slotStart[k - 1] ?? 0)) slotStart[k] = slotStart[k - 1] ?? 0;
  const names = ['', ...MUNICIPALITY_NAMES.split('|')];
  const provinces = PROVINCE_ROWS.split('|').map((row): ProvinceRow => {
    const [sigla = '', istatCode = '', region = ''] = row.split(',');
    return { sigla, istat: istatCode, region };
  });
  municipalityIndex = { slotStart, slot, from, to, name, altName, province, istat, names, provinces };
  return municipalityIndex;
}

/**
 * Foreign states by number (`Z330` → 330), decoded on first use.
 * @internal
 */
export function getForeignStateTable(): readonly (ForeignStateRow | undefined)[] {
  if (foreignStates !== undefined) return foreignStates;
  const table: (ForeignStateRow | undefined)[] = new Array(1000).fill(undefined);
  for (const row of FOREIGN_STATE_ROWS.split('|')) {
    const [code = '', name = '', iso = '', last = ''] = row.split(';');
    const [y, m, d] = last.split('-').map(Number);
    const end = last === '' ? OPEN_END : Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / 86_400_000;
    table[Number(code.slice(1))] = { code, name, iso: iso === '' ? null : iso, to: end };
  }
  foreignStates = table;
  return table;
}

const PLACE_LETTER_INDEX: Readonly<Record<string, number>> = {
  A: 0,
  B: 1,
  C: 2,
  D: 3,
  E: 4,
  F: 5,
  G: 6,
  H: 7,
  I: 8,
  L: 9,
  M: 10,
};

/** Slot of a comune Belfiore code, or -1 when it is not shaped like one. @internal */
export function slotOfBelfiore(code: string): number {
  if (code.length !== 4) return -1;
  const letter = PLACE_LETTER_INDEX[code.charAt(0)];
  if (letter === undefined) return -1;
  const num = Number(code.slice(1));
  if (!/^[0-9]{3}$/.test(code.slice(1))) return -1;
  return letter * 1000 + num;
}

/** Belfiore code of a slot. @internal */
export function belfioreOfSlot(slot: number): string {
  return `${'ABCDEFGHILM'.charAt(Math.floor(slot / 1000))}${String(slot % 1000).padStart(3, '0')}`;
}
