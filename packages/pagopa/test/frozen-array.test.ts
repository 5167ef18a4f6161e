// Regression found by the hostile harness (random seed): zod's readonly() freezes whatever reaches it, a
// rejected input included. An object given where an array option was expected (createGpdClient /
// validateDebtPosition segregationCodes, createGpdSandbox apiKeys / organizations, faults services) was
// frozen in the caller's hands, and a typed array there made the schema itself throw a TypeError ("Cannot
// freeze array buffer views with elements") out of GpdSandboxFaultsSchema.safeParse. Now each is a
// frozenArray: anything but an array is refused before readonly() sees it.
import { describe, expect, it } from 'vitest';
import { PagoPaError } from '../src/errors.js';
import { createGpdClient, validateDebtPosition } from '../src/index.js';
import { createGpdSandbox, GpdSandboxFaultsSchema, GpdSandboxOptionsSchema } from '../src/sandbox/index.js';
import { NOW, position } from './gpd-model-fixtures.js';

const ORG = '77777777777';

function failure(run: () => unknown): unknown[] {
  try {
    run();
  } catch (e) {
    return PagoPaError.isInstance(e) ? [e.code, e.field] : [e];
  }
  return [];
}

describe('array options given something else (hostile harness regressions)', () => {
  it.each<[string, (bad: unknown) => unknown, string]>([
    [
      'createGpdClient segregationCodes',
      (bad) =>
        createGpdClient({
          baseUrl: 'http://127.0.0.1:9',
          apiKey: 'k',
          organizationFiscalCode: ORG,
          segregationCodes: bad as never,
        }),
      'segregationCodes',
    ],
    [
      'validateDebtPosition segregationCodes',
      (bad) =>
        validateDebtPosition(position(), {
          organizationFiscalCode: '01199250158',
          now: NOW,
          segregationCodes: bad as never,
        }),
      'segregationCodes',
    ],
  ])('%s: an object is refused and left unfrozen; a typed array is a typed error', (_, run, field) => {
    const theirs = { 0: '12' };
    expect(failure(() => run(theirs))).toEqual(['ERR_PAGOPA_INVALID_CONFIG', field]);
    expect(Object.isFrozen(theirs)).toBe(false);
    expect(failure(() => run(new Uint8Array([1, 2])))).toEqual(['ERR_PAGOPA_INVALID_CONFIG', field]);
  });

  it('the sandbox schemas answer safeParse on a typed array instead of throwing a TypeError', () => {
    const theirs = { a: 1 };
    expect(GpdSandboxFaultsSchema.safeParse({ services: new Uint8Array([1]) }).success).toBe(false);
    expect(GpdSandboxFaultsSchema.safeParse({ services: theirs }).success).toBe(false);
    expect(GpdSandboxOptionsSchema.safeParse({ apiKeys: new Uint8Array([1]) }).success).toBe(false);
    expect(GpdSandboxOptionsSchema.safeParse({ organizations: theirs }).success).toBe(false);
    expect(Object.isFrozen(theirs)).toBe(false);
    expect(GpdSandboxFaultsSchema.safeParse({ services: ['gpd'] }).success).toBe(true);
  });

  it('createGpdSandbox and setFaults refuse them with ERR_PAGOPA_INVALID_CONFIG', async () => {
    await expect(createGpdSandbox({ apiKeys: new Uint8Array([1]) as never })).rejects.toMatchObject({
      code: 'ERR_PAGOPA_INVALID_CONFIG',
      field: 'apiKeys',
    });
    const sandbox = await createGpdSandbox({ organizations: [ORG] });
    try {
      expect(failure(() => sandbox.setFaults({ services: new Uint8Array([1]) as never }))).toEqual([
        'ERR_PAGOPA_INVALID_CONFIG',
        'services',
      ]);
    } finally {
      await sandbox.close();
    }
  });
});
