import { describe, expect, it } from 'vitest';
import { readRetryAfterMs } from './read-retry-after-ms.js';
import { sleep } from './sleep.js';

describe('readRetryAfterMs()', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads delta seconds and HTTP dates', () => {
    expect(readRetryAfterMs('2', now)).toBe(2_000);
    expect(readRetryAfterMs('0.25', now)).toBe(250);
    expect(readRetryAfterMs('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3_000);
    expect(readRetryAfterMs('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
  });

  it('is undefined for absent, empty, negative and unreadable values', () => {
    for (const v of [undefined, '', '  ', '-1', 'soon']) expect(readRetryAfterMs(v, now), String(v)).toBeUndefined();
  });
});

describe('sleep()', () => {
  it('resolves after the delay, at once for 0', async () => {
    const start = Date.now();
    await sleep(20);
    expect(Date.now() - start).toBeGreaterThanOrEqual(15);
    await expect(sleep(0)).resolves.toBeUndefined();
  });

  it('rejects with the reason of an aborted signal, before or during the wait', async () => {
    await expect(sleep(10, AbortSignal.abort(new Error('before')))).rejects.toThrow('before');
    const controller = new AbortController();
    const waiting = sleep(10_000, controller.signal);
    controller.abort(new Error('during'));
    await expect(waiting).rejects.toThrow('during');
  });
});
