import { describe, expect, it } from 'vitest';
import { ApiCallError } from './api-call-error.js';
import { CivicoError } from './civico-error.js';
import { CORE_ERROR_CODES, CoreError } from './core-error.js';

describe('CORE_ERROR_CODES', () => {
  it('holds unique ERR_CORE_ codes', () => {
    expect(new Set(CORE_ERROR_CODES).size).toBe(CORE_ERROR_CODES.length);
    for (const code of CORE_ERROR_CODES) expect(code).toMatch(/^ERR_CORE_[A-Z_]+$/);
  });
});

describe('CoreError.isInstance()', () => {
  it('tells CoreError from other civico errors', () => {
    const core = new CoreError('ERR_CORE_INVALID_VAT_NUMBER', 'x');
    const api = new ApiCallError('ERR_CORE_HTTP_NETWORK', 'x', { url: 'https://example.test/' });
    expect(CoreError.isInstance(core)).toBe(true);
    expect(CoreError.isInstance(api)).toBe(false);
    expect(CivicoError.isInstance(api)).toBe(true);
  });

  it('works across installed copies via Symbol.for', () => {
    const foreign = { [Symbol.for('civico.error.core')]: true };
    expect(CoreError.isInstance(foreign)).toBe(true);
  });
});
