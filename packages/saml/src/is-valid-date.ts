/**
 * Tells whether `value` is a Date holding a real instant. A Proxy whose traps throw is not one: a bare
 * `instanceof` would run its getPrototypeOf trap and let the trap's error escape untyped.
 * @internal
 */
export function isValidDate(value: unknown): value is Date {
  try {
    return value instanceof Date && !Number.isNaN(value.getTime());
  } catch {
    return false;
  }
}
