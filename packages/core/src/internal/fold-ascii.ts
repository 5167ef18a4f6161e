import { CORE_LIMITS } from '../core-limits.js';

/** Options of {@link asciiFolder}. @internal */
export interface AsciiFolderOptions {
  /** ASCII characters removed anywhere in the value (separators users type), e.g. `' -.'`. */
  readonly separators?: string;
  /** Upper-case `a`–`z` (and nothing else). */
  readonly upper?: boolean;
}

/**
 * Builds the one folding every identifier parser of core applies: ASCII spaces (U+0020) at the
 * ends are trimmed, the given ASCII separators are removed, and only `a`–`z` are upper-cased.
 *
 * @remarks
 * Everything else stays in place, for the parser's character check to reject. `toUpperCase` would
 * turn look-alikes into valid letters (`ſ` → `S`, `ı` → `I`, `ﬁ` → `FI`), and silently removing
 * other whitespace (NBSP, U+2028, U+3000, U+FEFF, tabs, line breaks) would hide what was pasted.
 * Returns the value itself when nothing changes (no allocation on canonical input).
 * @internal
 */
export function asciiFolder(options: AsciiFolderOptions): (value: string) => string {
  const remove = new Uint8Array(128);
  for (const ch of options.separators ?? '') remove[ch.charCodeAt(0)] = 1;
  const upper = options.upper === true;
  const changes = (c: number): boolean => (c < 128 && remove[c] === 1) || (upper && c >= 97 && c <= 122);
  return (value) => {
    let start = 0;
    let end = value.length;
    while (start < end && value.charCodeAt(start) === 32) start++;
    while (end > start && value.charCodeAt(end - 1) === 32) end--;
    let first = start;
    while (first < end && !changes(value.charCodeAt(first))) first++;
    if (first === end) return start === 0 && end === value.length ? value : value.slice(start, end);
    let out = value.slice(start, first);
    for (let i = first; i < end; i++) {
      const c = value.charCodeAt(i);
      if (c < 128 && remove[c] === 1) continue;
      out += upper && c >= 97 && c <= 122 ? String.fromCharCode(c - 32) : value.charAt(i);
    }
    return out;
  };
}

/** Trims ASCII spaces at the ends and nothing else. @internal */
export const trimAsciiSpaces: (value: string) => string = asciiFolder({});

/**
 * Trims ASCII spaces and upper-cases `a`–`z` only: the folding for codes typed by people, so that
 * look-alike letters stay visible to the check that follows.
 * @param value - the text to fold
 * @returns the folded text (the value itself when nothing changes)
 * @internal
 */
export const upperAscii: (value: string) => string = asciiFolder({ upper: true });

/**
 * Index of the first character outside printable ASCII (U+0020–U+007E), or -1: control
 * characters, non-ASCII whitespace, invisible characters, look-alike letters, lone surrogates.
 * @internal
 */
export function firstNonAsciiIndex(value: string): number {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 32 || c > 126) return i;
  }
  return -1;
}

/** Whether a string is longer than {@link CORE_LIMITS}`.maxInputLength`. @internal */
export function isOverLong(value: string): boolean {
  return value.length > CORE_LIMITS.maxInputLength;
}
