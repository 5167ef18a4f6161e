import { describe, expect, it } from 'vitest';
import { createRefSet } from './create-ref-set.js';
import { recipientRef } from './process-recipient.js';

describe('createRefSet()', () => {
  it('tells new references from repeated ones, across growth', () => {
    const set = createRefSet(4);
    const refs = Array.from({ length: 5000 }, (_, i) => recipientRef('tari-2025', `CODE${i}`));
    expect(refs.every((r) => set.add(r))).toBe(true);
    expect(refs.every((r) => !set.add(r))).toBe(true);
    expect(set.size).toBe(5000);
  });

  it('keeps the all-zero reference apart from empty slots', () => {
    const set = createRefSet();
    const zero = Buffer.alloc(16).toString('base64url');
    expect(set.add(zero)).toBe(true);
    expect(set.add(zero)).toBe(false);
    expect(set.add(recipientRef('c', 'X'))).toBe(true);
    expect(set.size).toBe(2);
  });

  it('refuses what is not a reference', () => {
    expect(() => createRefSet().add('short')).toThrow(RangeError);
  });
});
