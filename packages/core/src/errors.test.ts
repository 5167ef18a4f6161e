import { describe, expect, it } from 'vitest';
import { readErrorCatalogue } from '../test/helpers/read-error-catalogue.js';
import { API_CALL_ERROR_CODES } from './errors/api-call-error.js';
import { CORE_ERROR_CODES } from './errors/core-error.js';

describe('docs/errors.md#core', () => {
  const rows = readErrorCatalogue('core');

  it('lists exactly CORE_ERROR_CODES and API_CALL_ERROR_CODES', () => {
    const documented = rows.map((row) => row.code).sort();
    expect(documented).toEqual([...CORE_ERROR_CODES, ...API_CALL_ERROR_CODES].sort());
  });

  it('lists each code once, sorted by code', () => {
    const codes = rows.map((row) => row.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
  });

  it('names the class that carries each code', () => {
    for (const row of rows) {
      const expected = (API_CALL_ERROR_CODES as readonly string[]).includes(row.code) ? 'ApiCallError' : 'CoreError';
      expect(row.className, row.code).toBe(expected);
    }
  });
});
