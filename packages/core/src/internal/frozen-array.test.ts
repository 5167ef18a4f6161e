import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { frozenArray } from './frozen-array.js';

describe('frozenArray', () => {
  const Keys = frozenArray(z.string().min(1), { min: 1, max: 3 });

  it('returns a frozen copy of a valid array and leaves the caller array alone', () => {
    const input = ['a', 'b'];
    const out = Keys.parse(input);
    expect(out).toEqual(['a', 'b']);
    expect(Object.isFrozen(out)).toBe(true);
    expect(Object.isFrozen(input)).toBe(false);
  });

  it('refuses an object given for the array without freezing it (a bare readonly() freezes it)', () => {
    const input: Record<string, unknown> = { a: 1 };
    expect(Keys.safeParse(input).success).toBe(false);
    expect(Object.isFrozen(input)).toBe(false);
    const bare = z.array(z.string()).readonly();
    const other: Record<string, unknown> = { a: 1 };
    bare.safeParse(other);
    expect(Object.isFrozen(other)).toBe(true);
  });

  it('refuses a typed array with an issue instead of throwing from safeParse', () => {
    const result = Keys.safeParse(new Uint8Array(4));
    expect(result.success).toBe(false);
  });

  it('keeps the bounds', () => {
    expect(Keys.safeParse([]).success).toBe(false);
    expect(Keys.safeParse(['a', 'b', 'c', 'd']).success).toBe(false);
  });
});
