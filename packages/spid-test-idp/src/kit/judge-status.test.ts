import { describe, expect, it } from 'vitest';
import { isLevelAcceptable, judgeStatus } from './judge-status.js';

describe('judgeStatus()', () => {
  it('needs 200 for accept cases and 400/401/403/422/500 for reject cases (as spid-sp-test judges)', () => {
    expect(judgeStatus('accept', 200, undefined).outcome).toBe('pass');
    expect(judgeStatus('accept', 302, undefined).outcome).toBe('fail');
    for (const status of [400, 401, 403, 422, 500])
      expect(judgeStatus('reject', status, undefined).outcome).toBe('pass');
    for (const status of [200, 404, 302, 502]) expect(judgeStatus('reject', status, undefined).outcome).toBe('fail');
  });

  it('allows only 200, 400, 403 and 500 for case 103', () => {
    expect([200, 400, 403, 500].map((s) => judgeStatus('reject-or-200', s, undefined).outcome)).toEqual([
      'pass',
      'pass',
      'pass',
      'pass',
    ]);
    expect(judgeStatus('reject-or-200', 401, undefined).outcome).toBe('fail');
    expect(judgeStatus('reject-or-200', 422, undefined).reason).toMatch(/expected HTTP 200, 400, 403 or 500, got 422/);
  });

  it('decides level cases by the requested level and comparison, and names them in the reason', () => {
    const facts = { requested: 2, comparison: 'minimum', returned: 1 } as const;
    expect(judgeStatus('level', 200, facts)).toMatchObject({
      outcome: 'fail',
      reason: expect.stringMatching(/SpidL2 minimum, returned SpidL1/),
    });
    expect(judgeStatus('level', 403, facts).outcome).toBe('pass');
    expect(judgeStatus('level', 200, undefined).outcome).toBe('fail');
  });
});

describe('isLevelAcceptable()', () => {
  it('follows the level-rule table of docs/spid-test-idp.md', () => {
    const table = {
      exact: [false, true, true],
      minimum: [false, true, true],
      better: [false, false, true],
      maximum: [true, true, true],
    } as const;
    for (const [comparison, expected] of Object.entries(table)) {
      const got = ([1, 2, 3] as const).map((returned) =>
        isLevelAcceptable({ requested: 2, comparison: comparison as keyof typeof table, returned }),
      );
      expect(got).toEqual(expected);
    }
  });
});
