const abortedGetter = Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted')?.get;

/**
 * Brand check: the `aborted` getter throws on anything but a real AbortSignal, and runs no Proxy trap.
 * @param value - anything a caller passed as a signal
 * @returns true for a real `AbortSignal`
 * @internal
 */
export function isAbortSignal(value: unknown): value is AbortSignal {
  try {
    abortedGetter?.call(value);
    return abortedGetter !== undefined;
  } catch {
    return false;
  }
}
