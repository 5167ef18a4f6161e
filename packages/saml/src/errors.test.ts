import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAML_ERROR_CODES, SamlError } from './errors.js';

function documentedCodes(section: string): string[] {
  const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
  const start = doc.indexOf(`\n## ${section}\n`);
  const end = doc.indexOf('\n## ', start + 1);
  const body = doc.slice(start, end === -1 ? undefined : end);
  return [...body.matchAll(/^\| `(ERR_[A-Z_]+)` \|/gm)].map((m) => m[1] ?? '');
}

describe('SAML_ERROR_CODES', () => {
  it('lists exactly the codes of the docs/errors.md saml table, sorted', () => {
    const documented = documentedCodes('saml');
    expect(documented).toEqual([...SAML_ERROR_CODES].sort());
    expect([...SAML_ERROR_CODES]).toEqual([...SAML_ERROR_CODES].sort());
  });
});

describe('SamlError', () => {
  it('is recognised by isInstance and keeps reason and line', () => {
    const err = new SamlError('ERR_SAML_XML_UNSAFE', 'DOCTYPE refused', { reason: 'doctype', line: 1 });
    expect(SamlError.isInstance(err)).toBe(true);
    expect(SamlError.isInstance(new Error('x'))).toBe(false);
    expect(err).toMatchObject({ code: 'ERR_SAML_XML_UNSAFE', reason: 'doctype', line: 1, name: 'SamlError' });
  });
});
