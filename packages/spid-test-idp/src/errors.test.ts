import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SPID_TEST_IDP_ERROR_CODES, SpidTestIdpError } from './errors.js';

function documentedCodes(section: string): string[] {
  const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
  const start = doc.indexOf(`\n## ${section}\n`);
  const end = doc.indexOf('\n## ', start + 1);
  const body = doc.slice(start, end === -1 ? undefined : end);
  return [...body.matchAll(/^\| `(ERR_[A-Z_]+)` \|/gm)].map((m) => m[1] ?? '');
}

describe('SPID_TEST_IDP_ERROR_CODES', () => {
  it('lists exactly the codes of the docs/errors.md spid-test-idp table, sorted', () => {
    const documented = documentedCodes('spid-test-idp');
    expect(documented).toEqual([...SPID_TEST_IDP_ERROR_CODES].sort());
    expect([...SPID_TEST_IDP_ERROR_CODES]).toEqual([...SPID_TEST_IDP_ERROR_CODES].sort());
  });
});

describe('SpidTestIdpError', () => {
  it('is recognised by isInstance and keeps reason and line', () => {
    const err = new SpidTestIdpError('ERR_SPID_TEST_IDP_INVALID_REQUEST', 'AuthnRequest refused', {
      reason: 'nr16',
      line: 1,
    });
    expect(SpidTestIdpError.isInstance(err)).toBe(true);
    expect(SpidTestIdpError.isInstance(new Error('x'))).toBe(false);
    expect(err).toMatchObject({
      code: 'ERR_SPID_TEST_IDP_INVALID_REQUEST',
      reason: 'nr16',
      line: 1,
      name: 'SpidTestIdpError',
    });
  });
});
