import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PAGOPA_ERROR_CODES, PagoPaError } from './errors.js';

function documentedCodes(section: string): string[] {
  const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
  const start = doc.indexOf(`\n## ${section}\n`);
  const end = doc.indexOf('\n## ', start + 1);
  const body = doc.slice(start, end === -1 ? undefined : end);
  return [...body.matchAll(/^\| `(ERR_[A-Z_]+)` \| `PagoPaError` \|/gm)].map((m) => m[1] ?? '');
}

describe('PAGOPA_ERROR_CODES', () => {
  it('lists exactly the codes of the docs/errors.md pagopa table, sorted', () => {
    expect(documentedCodes('pagopa')).toEqual([...PAGOPA_ERROR_CODES].sort());
    expect([...PAGOPA_ERROR_CODES]).toEqual([...PAGOPA_ERROR_CODES].sort());
  });
});

describe('PagoPaError', () => {
  it('is recognised by isInstance and keeps code and field', () => {
    const err = new PagoPaError('ERR_PAGOPA_INVALID_NOTICE_NUMBER', 'A notice number has 18 digits', {
      field: 'noticeNumber',
    });
    expect(PagoPaError.isInstance(err)).toBe(true);
    expect(PagoPaError.isInstance(new Error('x'))).toBe(false);
    expect(err).toMatchObject({ code: 'ERR_PAGOPA_INVALID_NOTICE_NUMBER', field: 'noticeNumber', name: 'PagoPaError' });
  });
});
