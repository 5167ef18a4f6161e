/** Helpers of the config-*.test.ts suites. */
import { expect } from 'vitest';
import { readServiceProviderConfig, SpidError } from '../../src/index.js';

/** What `fn` threw, or `undefined`. */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return undefined;
}

/** Asserts that `input` is refused with ERR_SPID_INVALID_CONFIG at exactly `field`. */
export function expectConfigError(input: unknown, field: string | undefined): void {
  const err = thrownBy(() => readServiceProviderConfig(input));
  expect(SpidError.isInstance(err) ? { code: err.code, field: err.field } : err).toEqual({
    code: 'ERR_SPID_INVALID_CONFIG',
    field,
  });
}
