// Regressions of the bugs the @civico/spid hostile harness (hostile-entry-points.test.ts) found, pinned as
// plain tests so that they run without the worker.
import { describe, expect, it } from 'vitest';
import { createServiceProvider, decodeSpidUser, SpidError } from '../src/index.js';
import { LOGOUT_REQUEST_INPUT, LOGOUT_RESPONSE_INPUT, NOW, REQUEST_ID, SP_CONFIG } from './hostile-spid-fixtures.js';

function withThrowingField(input: { readonly form: object }, field: string) {
  const form = { ...input.form };
  Object.defineProperty(form, field, {
    enumerable: true,
    get() {
      throw new RangeError('hostile getter');
    },
  });
  return { ...input, form };
}

async function refusal(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('hostile-input regressions', () => {
  const sp = createServiceProvider({ ...SP_CONFIG, now: () => NOW, randomId: () => REQUEST_ID } as never);

  it.each([
    ['validateLogoutRequest', LOGOUT_REQUEST_INPUT, 'SAMLRequest'],
    ['validateLogoutResponse', LOGOUT_RESPONSE_INPUT, 'SAMLResponse'],
  ] as const)(
    '%s: a throwing getter on the form field is ERR_SPID_INVALID_INPUT 400, not the getter’s error',
    async (method, input, field) => {
      const error = await refusal(() => sp[method](withThrowingField(input, field) as never));
      expect(SpidError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: 'ERR_SPID_INVALID_INPUT', status: 400, field: `form.${field}` });
    },
  );

  it('decodeSpidUser: bytes are no attribute record (a 2 MB Uint8Array is not walked key by key)', () => {
    const started = performance.now();
    const user = decodeSpidUser(new Uint8Array(2_000_000) as never);
    expect(performance.now() - started).toBeLessThan(50);
    expect(user.fiscalNumber).toBeUndefined();
    expect(Object.keys(user.attributes)).toEqual([]);
  });
});
