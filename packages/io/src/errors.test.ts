import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IO_ERROR_CODES, IoError } from './errors.js';

function documentedCodes(section: string): string[] {
  const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
  const start = doc.indexOf(`\n## ${section}\n`);
  const end = doc.indexOf('\n## ', start + 1);
  const body = doc.slice(start, end === -1 ? undefined : end);
  return [...body.matchAll(/^\| `(ERR_[A-Z_]+)` \|/gm)].map((m) => m[1] ?? '');
}

describe('IO_ERROR_CODES', () => {
  it('lists exactly the codes of the docs/errors.md io table, sorted', () => {
    const documented = documentedCodes('io');
    expect(documented).toEqual([...IO_ERROR_CODES].sort());
    expect([...IO_ERROR_CODES]).toEqual([...IO_ERROR_CODES].sort());
  });
});

describe('IoError', () => {
  it('is recognised by isInstance and keeps outcome and status', () => {
    const err = new IoError('ERR_IO_SERVER_ERROR', 'IO answered HTTP 500', { status: 500, outcome: 'unknown' });
    expect(IoError.isInstance(err)).toBe(true);
    expect(IoError.isInstance(new Error('x'))).toBe(false);
    expect(err).toMatchObject({ code: 'ERR_IO_SERVER_ERROR', status: 500, outcome: 'unknown', name: 'IoError' });
  });
});
