import { describe, expect, it } from 'vitest';
import { getSpidLevelFromUri, isLevelAcceptable, SPID_LEVEL_URIS } from '../src/data/spid-levels.js';
import type { SpidComparison, SpidLevel } from '../src/data/spid-types.js';

const LEVELS: readonly SpidLevel[] = [1, 2, 3];
const COMPARISONS: readonly SpidComparison[] = ['exact', 'minimum', 'better', 'maximum'];

// The level table of the SPID conformance cases 94–96 (spid-saml-check), written as a table, not as the rule the code implements.
const TABLE: Record<SpidComparison, { lower: boolean; equal: boolean; higher: boolean }> = {
  exact: { lower: false, equal: true, higher: true },
  minimum: { lower: false, equal: true, higher: true },
  better: { lower: false, equal: false, higher: true },
  maximum: { lower: true, equal: true, higher: true },
};

describe('isLevelAcceptable', () => {
  const rows = COMPARISONS.flatMap((c) => LEVELS.flatMap((r) => LEVELS.map((l) => [c, r, l] as const)));

  it('covers all 36 combinations', () => {
    expect(rows).toHaveLength(36);
  });

  it.each(rows)('comparison %s, requested L%i, returned L%i follows the conformance table', (c, r, l) => {
    const column = l < r ? 'lower' : l === r ? 'equal' : 'higher';
    expect(isLevelAcceptable(r, c, l)).toBe(TABLE[c][column]);
  });

  it('refuses levels and comparisons outside the types (fail closed)', () => {
    expect(isLevelAcceptable(0 as SpidLevel, 'maximum', 1)).toBe(false);
    expect(isLevelAcceptable(1, 'maximum', 4 as SpidLevel)).toBe(false);
    expect(isLevelAcceptable(1, 'minimum', Number.NaN as SpidLevel)).toBe(false);
    expect(isLevelAcceptable(1, 'MINIMUM' as SpidComparison, 2)).toBe(false);
    expect(isLevelAcceptable('1' as unknown as SpidLevel, 'minimum', 2)).toBe(false);
  });
});

describe('getSpidLevelFromUri', () => {
  it('reads the three SPID level URIs', () => {
    for (const level of LEVELS) expect(getSpidLevelFromUri(SPID_LEVEL_URIS[level])).toBe(level);
    expect(SPID_LEVEL_URIS).toEqual({
      1: 'https://www.spid.gov.it/SpidL1',
      2: 'https://www.spid.gov.it/SpidL2',
      3: 'https://www.spid.gov.it/SpidL3',
    });
    expect(Object.isFrozen(SPID_LEVEL_URIS)).toBe(true);
  });

  it.each([
    'http://www.spid.gov.it/SpidL2',
    'https://www.spid.gov.it/spidl2',
    'https://www.spid.gov.it/SpidL2/',
    ' https://www.spid.gov.it/SpidL2',
    'https://www.spid.gov.it/SpidL2 ',
    'https://www.spid.gov.it/SpidL0',
    'https://www.spid.gov.it/SpidL4',
    'https://spid.gov.it/SpidL2',
    'urn:oasis:names:tc:SAML:2.0:ac:classes:Password',
    'SpidL2',
    '2',
    '',
  ])('refuses %j', (uri) => {
    expect(getSpidLevelFromUri(uri)).toBeUndefined();
  });
});
