const NON_ASCII = /[^ -~\s]/;

/**
 * Upper-cases a string only when it is pure ASCII. `toUpperCase` maps some non-ASCII letters to
 * ASCII ('ı' → 'I', 'ﬀ' → 'FF'); leaving them as they are makes the later checks reject them.
 * @internal
 */
export function upperAscii(value: string): string {
  return NON_ASCII.test(value) ? value : value.toUpperCase();
}
