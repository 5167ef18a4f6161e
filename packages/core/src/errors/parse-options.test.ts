import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CoreError } from './core-error.js';
import { parseOptions } from './parse-options.js';

const Schema = z.object({ http: z.object({ timeoutMs: z.number().int().positive() }) });

describe('parseOptions()', () => {
  it('returns the parsed value', () => {
    expect(parseOptions(Schema, { http: { timeoutMs: 5 } }, CoreError, 'ERR_CORE_INVALID_CONFIG')).toEqual({
      http: { timeoutMs: 5 },
    });
  });

  it('throws the given class and code with the dotted field and the ZodError as cause', () => {
    try {
      parseOptions(Schema, { http: { timeoutMs: -1 } }, CoreError, 'ERR_CORE_INVALID_CONFIG');
      expect.unreachable();
    } catch (err) {
      expect(CoreError.isInstance(err)).toBe(true);
      expect(err).toMatchObject({ code: 'ERR_CORE_INVALID_CONFIG', field: 'http.timeoutMs' });
      expect((err as Error).cause).toBeInstanceOf(z.ZodError);
    }
  });

  it('never echoes the rejected value', () => {
    const secret = 'RSSMRA85T10A562S';
    expect(() =>
      parseOptions(z.object({ n: z.number() }), { n: secret }, CoreError, 'ERR_CORE_INVALID_CONFIG'),
    ).toThrow(expect.not.objectContaining({ message: expect.stringContaining(secret) }));
  });
});
