/**
 * True for a real `Uint8Array`; never throws.
 * @remarks `instanceof` alone runs a Proxy's `getPrototypeOf` trap, which may throw; `ArrayBuffer.isView`
 * reads the internal slot and is false for any Proxy, so the trap is never reached.
 * @internal
 */
export function isUint8Array(value: unknown): value is Uint8Array {
  return ArrayBuffer.isView(value) && value instanceof Uint8Array;
}
