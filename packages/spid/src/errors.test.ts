import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SPID_ERROR_CODES, SpidError } from './errors.js';

function documentedCodes(section: string): string[] {
  const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
  const start = doc.indexOf(`\n## ${section}\n`);
  const end = doc.indexOf('\n## ', start + 1);
  const body = doc.slice(start, end === -1 ? undefined : end);
  return [...body.matchAll(/^\| `(ERR_[A-Z_]+)` \|/gm)].map((m) => m[1] ?? '');
}

describe('SPID_ERROR_CODES', () => {
  it('lists exactly the codes of the docs/errors.md spid table, sorted', () => {
    const documented = documentedCodes('spid');
    expect(documented).toEqual([...SPID_ERROR_CODES].sort());
    expect([...SPID_ERROR_CODES]).toEqual([...SPID_ERROR_CODES].sort());
  });
});

describe('SpidError', () => {
  it('is recognised by isInstance and keeps reason and status', () => {
    const err = new SpidError('ERR_SPID_RESPONSE_MALFORMED', 'Response refused', {
      reason: 'response.id',
      status: 400,
    });
    expect(SpidError.isInstance(err)).toBe(true);
    expect(SpidError.isInstance(new Error('x'))).toBe(false);
    expect(err).toMatchObject({
      code: 'ERR_SPID_RESPONSE_MALFORMED',
      reason: 'response.id',
      status: 400,
      name: 'SpidError',
    });
  });
});
