// Runs the conformance kit of @civico/spid-test-idp against the real portal over HTTP: the portal is
// started in-process with a profile's configuration and the kit's IdP metadata as an extra trusted IdP
// (a file, as SPID_EXTRA_IDP_METADATA would name it).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CONFORMANCE_CASES,
  type ConformanceIdp,
  type ConformanceReport,
  createConformanceIdp,
  formatConformanceReport,
  runConformance,
} from '@civico/spid-test-idp';
import { PORTAL_ROOT, type Portal, startPortal } from '../../src/start-portal.js';

/** The kit's IdP identities, made once per test file: one SPID-flavoured, one CIE-flavoured. */
const idps = new Map<boolean, Promise<ConformanceIdp>>();
export function getConformanceIdp(cie: boolean): Promise<ConformanceIdp> {
  let idp = idps.get(cie);
  if (idp === undefined) {
    idp = createConformanceIdp({ cie });
    idps.set(cie, idp);
  }
  return idp;
}

/** The committed configuration of a profile. */
export function profileConfigFile(profile: string): string {
  return join(PORTAL_ROOT, 'config', 'profiles', `${profile}.json`);
}

/** Starts the portal as `profile`, trusting the kit's IdP; `close` stops it. */
export async function startProfilePortal(
  profile: string,
): Promise<{ portal: Portal; idp: ConformanceIdp; close(): Promise<void> }> {
  const idp = await getConformanceIdp(profile.startsWith('cie-'));
  const dir = mkdtempSync(join(tmpdir(), 'portal-conformance-'));
  const metadataFile = join(dir, 'conformance-idp.xml');
  writeFileSync(metadataFile, idp.metadata);
  const portal = await startPortal({
    configFile: profileConfigFile(profile),
    port: 0,
    extraIdpMetadata: [{ file: metadataFile }],
    dataDir: join(PORTAL_ROOT, '.data'),
    audit: false,
  });
  return {
    portal,
    idp,
    close: async () => {
      await portal.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs the kit; returns the report and a short text of the failed checks. */
export async function runPortalConformance(
  started: { portal: Portal; idp: ConformanceIdp },
  options: { binding: 'redirect' | 'post'; level?: 1 | 2 | 3; comparison?: 'exact' | 'minimum'; cases?: string[] },
): Promise<{ report: ConformanceReport; failures: string; ms: number }> {
  const { portal, idp } = started;
  const start = performance.now();
  const report = await runConformance({
    metadataUrl: portal.metadataUrl,
    loginUrl: portal.loginUrl(idp.entityId, {
      binding: options.binding,
      ...(options.level === undefined ? {} : { level: options.level }),
      ...(options.comparison === undefined ? {} : { comparison: options.comparison }),
    }),
    profile: portal.profile as never,
    binding: options.binding,
    idp: { entityId: idp.entityId, key: idp.key },
    concurrency: 4,
    ...(options.cases === undefined ? {} : { cases: options.cases }),
  });
  const ms = performance.now() - start;
  const failed = { ...report, checks: report.checks.filter((c) => c.outcome === 'fail') };
  return { report, failures: failed.checks.length === 0 ? '' : formatConformanceReport(failed), ms };
}

/** Registers, inside a vitest `describe`, the full kit run of each profile on both bindings. */
export function describeProfiles(
  vitest: Pick<typeof import('vitest'), 'describe' | 'it' | 'expect' | 'beforeAll' | 'afterAll'>,
  profiles: readonly string[],
): void {
  const { describe, it, expect, beforeAll, afterAll } = vitest;
  for (const profile of profiles) {
    describe(`conformance kit against the portal as ${profile}`, () => {
      let started: Awaited<ReturnType<typeof startProfilePortal>>;
      beforeAll(async () => {
        started = await startProfilePortal(profile);
      }, 60_000);
      afterAll(async () => {
        await started?.close();
      });
      for (const binding of ['redirect', 'post'] as const) {
        it(`passes metadata, AuthnRequest and every Response case on HTTP-${binding}`, async () => {
          const { report, failures, ms } = await runPortalConformance(started, { binding });
          console.log(`conformance ${profile} ${binding}: ${report.checks.length} checks in ${Math.round(ms)} ms`);
          expect(failures).toBe('');
          expect(report.ok).toBe(true);
          const responses = report.checks.filter((c) => c.group === 'response').length;
          // CIE skips the cases its profile does not judge (70 and 71, the Issuer Format).
          expect(responses).toBe(
            profile.startsWith('cie-')
              ? CONFORMANCE_CASES.filter((c) => c.cieSkip !== true).length
              : CONFORMANCE_CASES.length,
          );
        }, 180_000);
      }
    });
  }
}

/**
 * Registers SpidL1–L3 × Comparison exact/minimum on one binding (public SP): every case again at each
 * level, the kit judging 94–96 by the level rule from the AuthnRequest the portal sent.
 */
export function describeLevels(
  vitest: Pick<typeof import('vitest'), 'describe' | 'it' | 'expect' | 'beforeAll' | 'afterAll'>,
  binding: 'redirect' | 'post',
): void {
  const { describe, it, expect, beforeAll, afterAll } = vitest;
  describe(`conformance kit against the portal at every level and comparison on HTTP-${binding}`, () => {
    let started: Awaited<ReturnType<typeof startProfilePortal>>;
    beforeAll(async () => {
      started = await startProfilePortal('spid-sp-public');
    }, 60_000);
    afterAll(async () => {
      await started?.close();
    });
    for (const level of [1, 2, 3] as const) {
      for (const comparison of ['exact', 'minimum'] as const) {
        it(`SpidL${level}, ${comparison}`, async () => {
          const { report, failures, ms } = await runPortalConformance(started, { binding, level, comparison });
          console.log(
            `conformance levels ${binding} L${level} ${comparison}: ${report.checks.length} checks in ${Math.round(ms)} ms`,
          );
          expect(failures).toBe('');
          expect(report.checks.filter((c) => c.group === 'authn-request').length).toBeGreaterThan(0);
          const levelCases = report.checks.filter((c) => /case-9[456]$/.test(c.id)).map((c) => c.outcome);
          expect(levelCases).toEqual(['pass', 'pass', 'pass']);
        }, 180_000);
      }
    }
  });
}
