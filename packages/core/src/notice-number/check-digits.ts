/**
 * Notice number check digits (pagoPA SACI, "Generazione dell'IUV"): the 16-digit prefix modulo 93.
 * Internal: never re-exported from the package index.
 */

/**
 * Two check digits of a 16-digit prefix (aux digit + code + IUV base), zero-padded.
 * BigInt, because the prefix can exceed `Number.MAX_SAFE_INTEGER`.
 * @internal
 */
export function noticeCheckDigits(prefix: string): string {
  return String(BigInt(prefix) % 93n).padStart(2, '0');
}
