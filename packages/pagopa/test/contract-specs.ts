// The public pagoPA OpenAPI specs the contract tests run Prism on, and the spec-missing rule.
//
// Contract: the untouched public specs (pagopa/pagopa-api, openapi/), kept outside the repository beside the
// checkout (docs/contributing.md: "official specs"). CI must have them; a clone without them gets a notice.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PAGOPA_SERVICE_PATHS } from '../src/platform/environment.js';

/** A platform service with a spec (the keys of PAGOPA_SERVICE_PATHS). */
export type ContractService = keyof typeof PAGOPA_SERVICE_PATHS;

const SPEC_DIR = fileURLToPath(new URL('../../../../shared/specs/pagopa/', import.meta.url));

/** The spec file of each service. */
export const SPEC_FILES: { readonly [S in ContractService]: string } = {
  gpd: 'gpd.json',
  receipts: 'gpd_payments.json',
  fdr: 'fdr_organization.json',
  checkout: 'checkout_v1.json',
};

export const IN_CI = process.env.CI === 'true';

/** Absolute path of a service's spec. */
export function specPath(service: ContractService): string {
  return join(SPEC_DIR, SPEC_FILES[service]);
}

/**
 * A defect of a public spec, patched in memory only: `find` must occur exactly once in the spec text (a
 * spec that changed under us fails loudly), and is replaced by `replace`.
 */
export interface SpecQuirk {
  readonly service: ContractService;
  /** Why the spec is wrong (with the evidence), for the reader of the test. */
  readonly reason: string;
  readonly find: string;
  readonly replace: string;
}

/**
 * Spec-missing rule. Returns whether every spec of `services` exists. When one is missing it declares a
 * single describe that fails when CI=true and is a notice elsewhere (so a normal CI run reports no
 * skipped test); the caller declares its suite with `describe.runIf(present)`.
 */
export function requireSpecs(label: string, services: readonly ContractService[]): boolean {
  const missing = services.filter((s) => !existsSync(specPath(s))).map((s) => SPEC_FILES[s]);
  if (missing.length === 0) return true;
  if (!IN_CI) {
    process.stderr.write(
      `[pagopa contract] ${missing.join(', ')} not found in ${SPEC_DIR}: ${label} skipped (it runs in CI).\n`,
    );
  }
  describe(`${label} (spec missing)`, () => {
    it('fails in CI and is a notice elsewhere', () => {
      expect(IN_CI ? missing : [], 'CI=true requires the pagoPA specs').toEqual([]);
    });
  });
  return false;
}

/**
 * Writes the spec of each service, with its quirks patched, into a fresh temporary folder; returns the
 * paths and a cleanup. Throws (fails the suite) when a quirk's text is not found exactly once.
 */
export function preparedSpecs(
  services: readonly ContractService[],
  quirks: readonly SpecQuirk[] = [],
): { readonly paths: { readonly [S in ContractService]?: string }; readonly remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'civico-pagopa-contract-'));
  const paths: { [S in ContractService]?: string } = {};
  for (const service of services) {
    let text = readFileSync(specPath(service), 'utf8');
    for (const quirk of quirks.filter((q) => q.service === service)) {
      const count = text.split(quirk.find).length - 1;
      if (count !== 1) {
        throw new Error(
          `spec quirk of ${SPEC_FILES[service]} found ${count} times (the spec changed: re-check "${quirk.reason}")`,
        );
      }
      text = text.replace(quirk.find, quirk.replace);
    }
    const path = join(dir, SPEC_FILES[service]);
    writeFileSync(path, text);
    paths[service] = path;
  }
  return { paths, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
