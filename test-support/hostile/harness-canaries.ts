/**
 * Deliberately broken entry points that prove the harness catches each failure class: an untyped error, an
 * out-of-memory crash, a hang, a stray rejection, a slow call and an event-loop stall. The core worker serves
 * them beside the real entry points; hostile-entry-points.test.ts in core asserts each is reported.
 */
import fc from 'fast-check';
import { entry, type HostileEntryPoint } from './entry-point.js';
import { val } from './hostile-arbitraries.js';

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // burn CPU on purpose
  }
}

const subject = fc.constant(val(0));

/** The canaries, by name. */
export const HARNESS_CANARIES: readonly HostileEntryPoint<unknown>[] = [
  entry({
    name: 'canary.typeError',
    covers: '(canary)',
    subject,
    call: () => (null as unknown as { x: number }).x,
  }),
  entry({
    name: 'canary.outOfMemory',
    covers: '(canary)',
    subject,
    call: () => {
      const hoard: number[][] = [];
      for (;;) hoard.push(new Array(1e6).fill(hoard.length + 0.5));
    },
  }),
  entry({ name: 'canary.hang', covers: '(canary)', subject, call: () => new Promise(() => undefined) }),
  entry({
    name: 'canary.strayRejection',
    covers: '(canary)',
    subject,
    call: () => {
      void Promise.reject(new TypeError('stray'));
      return 1;
    },
  }),
  entry({ name: 'canary.slow', covers: '(canary)', subject, limitMs: 50, call: () => busy(200) }),
  entry({
    name: 'canary.stall',
    covers: '(canary)',
    subject,
    stallCapMs: 100,
    limitMs: 2_000,
    call: async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      busy(300);
      await new Promise((resolve) => setTimeout(resolve, 30));
    },
  }),
];
