import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRateLimiter } from './create-rate-limiter.js';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2025-01-01T00:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

function track(promise: Promise<void>): { done: boolean } {
  const state = { done: false };
  void promise.then(() => {
    state.done = true;
  });
  return state;
}

describe('createRateLimiter()', () => {
  it('spaces calls evenly at requestsPerSecond', async () => {
    const limiter = createRateLimiter({ requestsPerSecond: 10 });
    const calls = [track(limiter.acquire()), track(limiter.acquire()), track(limiter.acquire())];
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.done)).toEqual([true, false, false]);
    await vi.advanceTimersByTimeAsync(100);
    expect(calls.map((c) => c.done)).toEqual([true, true, false]);
    await vi.advanceTimersByTimeAsync(100);
    expect(calls.map((c) => c.done)).toEqual([true, true, true]);
  });

  it('holds every caller, queued or new, until a pause ends', async () => {
    const limiter = createRateLimiter({ requestsPerSecond: 100 });
    await limiter.acquire();
    const queued = track(limiter.acquire());
    limiter.pause(500);
    const fresh = track(limiter.acquire());
    expect(limiter.pausedUntil()?.toISOString()).toBe('2025-01-01T00:00:00.500Z');
    await vi.advanceTimersByTimeAsync(499);
    expect([queued.done, fresh.done]).toEqual([false, false]);
    await vi.advanceTimersByTimeAsync(30);
    expect([queued.done, fresh.done]).toEqual([true, true]);
    expect(limiter.pausedUntil()).toBeUndefined();
  });

  it('keeps the longer of two pauses', () => {
    const limiter = createRateLimiter();
    limiter.pause(2000);
    limiter.pause(100);
    limiter.pause(Number.NaN);
    expect(limiter.pausedUntil()?.toISOString()).toBe('2025-01-01T00:00:02.000Z');
  });

  it('rejects a wait when its signal aborts', async () => {
    const limiter = createRateLimiter();
    limiter.pause(10_000);
    const controller = new AbortController();
    const pending = limiter.acquire(controller.signal);
    controller.abort(new Error('stopped'));
    await expect(pending).rejects.toThrow('stopped');
  });

  it('fails closed on a bad pace', () => {
    for (const requestsPerSecond of [0, -1, Number.NaN]) {
      expect(() => createRateLimiter({ requestsPerSecond })).toThrow(
        expect.objectContaining({ code: 'ERR_IO_INVALID_CONFIG', field: 'requestsPerSecond' }),
      );
    }
    expect(createRateLimiter().requestsPerSecond).toBe(30);
  });
});
