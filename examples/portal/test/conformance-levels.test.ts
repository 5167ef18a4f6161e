// SpidL1–L3 × Comparison exact/minimum on both bindings (public SP): the kit's cases 94–96 judge the level
// rule from the AuthnRequest the portal sent, the rest must pass unchanged at every level.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPortalConformance, startProfilePortal } from './support/profile-conformance.js';

let started: Awaited<ReturnType<typeof startProfilePortal>>;
beforeAll(async () => {
  started = await startProfilePortal('spid-sp-public');
}, 60_000);
afterAll(async () => {
  await started?.close();
});

describe('conformance kit against the portal at every level and comparison', () => {
  for (const binding of ['redirect', 'post'] as const) {
    for (const level of [1, 2, 3] as const) {
      for (const comparison of ['exact', 'minimum'] as const) {
        it(`HTTP-${binding}, SpidL${level}, ${comparison}`, async () => {
          const { report, failures, ms } = await runPortalConformance(started, { binding, level, comparison });
          console.log(
            `conformance levels ${binding} L${level} ${comparison}: ${report.checks.length} checks in ${Math.round(ms)} ms`,
          );
          expect(failures).toBe('');
          const request = report.checks.filter((c) => c.group === 'authn-request');
          expect(request.length).toBeGreaterThan(0);
          expect(report.checks.filter((c) => /case-9[456]$/.test(c.id)).map((c) => c.outcome)).toEqual([
            'pass',
            'pass',
            'pass',
          ]);
        }, 180_000);
      }
    }
  }
});
