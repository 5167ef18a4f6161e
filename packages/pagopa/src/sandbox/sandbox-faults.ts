import { frozenArray, plainObject } from '@civico/core/internal';
import { z } from 'zod';

/**
 * Fault injection settings of the GPD sandbox (validated).
 * @group Sandbox
 */
export const GpdSandboxFaultsSchema = plainObject(
  z
    .object({
      /** Extra latency per platform call: fixed milliseconds or a `[min, max]` range. */
      latencyMs: z
        .union([
          z.number().int().min(0).max(60_000),
          z.tuple([z.number().int().min(0).max(60_000), z.number().int().min(0).max(60_000)]),
        ])
        .optional(),
      /** Probability that a platform call gets 503 before anything is written. */
      serverErrorRate: z.number().min(0).max(1).default(0),
      /** Probability that a platform call gets 429 with `Retry-After`. */
      rateLimitRate: z.number().min(0).max(1).default(0),
      /** `Retry-After` seconds of an injected 429 (default 1). */
      retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
      /** Probability that a write is applied and then its connection destroyed with no answer. */
      dropAfterWriteRate: z.number().min(0).max(1).default(0),
      /** Services faults apply to (default all four). */
      services: frozenArray(z.enum(['gpd', 'receipts', 'fdr', 'checkout'])).optional(),
    })
    .strict(),
);

/**
 * Fault injection settings (input form): `latencyMs`, `serverErrorRate`, `rateLimitRate`,
 * `retryAfterSeconds`, `dropAfterWriteRate`, `services`.
 * @group Sandbox
 */
export type GpdSandboxFaults = z.input<typeof GpdSandboxFaultsSchema>;

/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence.
 * @param seed - any integer
 * @returns a function returning numbers in [0, 1)
 * @internal
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
