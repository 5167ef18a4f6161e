import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CoreError } from './core-error.js';
import { plainObject } from './plain-object.js';
import { readFields } from './read-fields.js';
import { safeParseInput } from './safe-parse-input.js';

const throwingProxy = () =>
  new Proxy(() => undefined, {
    get: () => {
      throw new Error('trap');
    },
    has: () => {
      throw new Error('trap');
    },
    getPrototypeOf: () => {
      throw new Error('trap');
    },
  });

const throwingGetter = () =>
  Object.defineProperty({}, 'n', {
    enumerable: true,
    get: () => {
      throw new Error('getter');
    },
  });

describe('readFields()', () => {
  it('snapshots the listed keys that are present', () => {
    expect(readFields({ a: 1, b: undefined, c: 3 }, ['a', 'b', 'd'], CoreError, 'ERR_CORE_INVALID_INPUT')).toEqual({
      a: 1,
      b: undefined,
    });
    expect('d' in readFields({ a: 1 }, ['a', 'd'], CoreError, 'ERR_CORE_INVALID_INPUT')).toBe(false);
  });

  it('gives an empty snapshot for anything that is not an object', () => {
    for (const v of [undefined, null, 5, 'text', Symbol('s'), 1n]) {
      expect(readFields(v, ['a'], CoreError, 'ERR_CORE_INVALID_INPUT')).toEqual({});
    }
  });

  it('turns a throwing getter or Proxy trap into the typed error with the dotted field and the cause', () => {
    for (const v of [throwingGetter(), throwingProxy()]) {
      try {
        readFields(v, ['n'], CoreError, 'ERR_CORE_INVALID_INPUT', { path: 'options' });
        expect.unreachable();
      } catch (err) {
        expect(CoreError.isInstance(err)).toBe(true);
        expect(err).toMatchObject({ code: 'ERR_CORE_INVALID_INPUT', field: 'options.n' });
        expect((err as Error).cause).toBeInstanceOf(Error);
      }
    }
  });
});

describe('safeParseInput()', () => {
  const Schema = z.object({ n: z.number() });

  it('returns zod’s result', () => {
    expect(safeParseInput(Schema, { n: 1 })).toEqual({ success: true, data: { n: 1 } });
    expect(safeParseInput(Schema, { n: 'x' }).success).toBe(false);
  });

  it('never throws, and keeps what the input threw as the issue’s cause', () => {
    const result = safeParseInput(Schema, throwingGetter());
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue).toMatchObject({ code: 'custom', path: [], message: 'could not be read' });
    expect((issue as { params?: { cause?: unknown } }).params?.cause).toBeInstanceOf(Error);
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(typeof safeParseInput(Schema, v).success).toBe('boolean');
      }),
    );
  });
});

describe('plainObject()', () => {
  const Schema = plainObject(z.strictObject({ n: z.number().optional() }));

  it('accepts plain objects and runs the schema', () => {
    expect(Schema.parse({ n: 1 })).toEqual({ n: 1 });
    expect(Schema.safeParse(Object.create(null)).success).toBe(true);
    expect(Schema.safeParse({ n: 'x' }).success).toBe(false);
  });

  it('rejects anything else with an invalid_type issue, without walking it', () => {
    class Options {
      n = 1;
    }
    for (const v of [new Uint8Array(2_000_000), [1], new Options(), new Date(0), throwingProxy(), null, 'x', 5]) {
      const result = Schema.safeParse(v);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]).toMatchObject({ code: 'invalid_type', expected: 'object', path: [] });
    }
  });
});
