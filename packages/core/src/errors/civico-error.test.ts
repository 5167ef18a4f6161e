import { describe, expect, it } from 'vitest';
import { CivicoError } from './civico-error.js';
import { CoreError } from './core-error.js';

describe('CivicoError', () => {
  it('keeps code, field, cause and the subclass name', () => {
    const cause = new Error('root');
    const err = new CoreError('ERR_CORE_INVALID_IBAN', 'Invalid IBAN', { cause, field: 'payer.iban' });
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ code: 'ERR_CORE_INVALID_IBAN', field: 'payer.iban', name: 'CoreError', cause });
  });

  it('leaves field undefined by default', () => {
    expect(new CivicoError('ERR_X', 'x').field).toBeUndefined();
  });
});

describe('CivicoError.isInstance()', () => {
  it('recognises every subclass through the global symbol', () => {
    expect(CivicoError.isInstance(new CoreError('ERR_CORE_INVALID_INPUT', 'x'))).toBe(true);
  });

  it('recognises an error from another installed copy (same Symbol.for marker)', () => {
    const foreign = Object.assign(new Error('x'), { [Symbol.for('civico.error')]: true, code: 'ERR_X' });
    expect(CivicoError.isInstance(foreign)).toBe(true);
  });

  it.each([null, undefined, 'ERR_X', 42, new Error('x'), { code: 'ERR_CORE_INVALID_IBAN' }])('rejects %j', (value) => {
    expect(CivicoError.isInstance(value)).toBe(false);
  });
});
