import { describe, expect, it } from 'vitest';
import { maskPersonalData } from './mask-personal-data.js';

describe('maskPersonalData()', () => {
  it('masks personal fiscal codes (omocodia too), 11-digit codes and e-mail addresses', () => {
    expect(maskPersonalData('debtor RSSMRA85T10A562S (mario.rossi@example.org) of 77777777777')).toBe(
      'debtor [fiscal code] ([email]) of [fiscal code]',
    );
    expect(maskPersonalData('cf rssmra85t10a56nS')).toBe('cf [fiscal code]');
  });

  it('masks only whole 11-digit runs, not IUVs or notice numbers', () => {
    expect(maskPersonalData('iuv 01234567890123456 nav 301234567890123456 ofc 77777777777')).toBe(
      'iuv 01234567890123456 nav 301234567890123456 ofc [fiscal code]',
    );
  });

  it('cuts the text at 1 024 characters', () => {
    expect(maskPersonalData('x'.repeat(5000))).toHaveLength(1024);
  });
});
