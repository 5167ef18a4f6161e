/**
 * Waits `ms` milliseconds, rejecting early with the signal's reason when it aborts (the wait of a
 * retry loop: clients decide their retries, core's transport never retries).
 *
 * @param ms - the delay; 0 or less resolves at once
 * @param signal - cancels the wait
 * @returns a promise settled after the delay or on abort
 * @example
 * ```ts
 * import { sleep } from '@civico/core/internal';
 * await sleep(200, AbortSignal.timeout(1_000));
 * ```
 * @group Clients
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
