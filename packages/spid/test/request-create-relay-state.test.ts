import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRelayState } from '../src/request/create-relay-state.js';

const SEED = 1010;
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

/** A random source replaying `draws` in turn. */
function replay(draws: readonly Uint8Array[]): (size: number) => Uint8Array {
  let i = 0;
  return () => draws[Math.min(i++, draws.length - 1)] as Uint8Array;
}

describe('createRelayState', () => {
  it('is 32 unreserved characters (192 bits) and never contains "http", whatever the random bytes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ minLength: 24, maxLength: 24 }), { minLength: 8, maxLength: 8 }),
        (draws) => {
          let token: string;
          try {
            token = createRelayState({ random: replay(draws) });
          } catch {
            // Only when every draw spells "http".
            return draws.every((d) => Buffer.from(d).toString('base64url').toLowerCase().includes('http'));
          }
          expect(token).toMatch(TOKEN);
          expect(token.toLowerCase()).not.toContain('http');
          // encodeURIComponent leaves it as it is: the Redirect signature the tool recomputes matches.
          expect(encodeURIComponent(token)).toBe(token);
          return true;
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('is the base64url of the first draw that does not spell "http", in any case', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('http', 'HTTP', 'hTtP', 'Http'),
        fc.integer({ min: 0, max: 28 }),
        fc.uint8Array({ minLength: 24, maxLength: 24 }),
        (word, at, second) => {
          const spelled = `${'A'.repeat(at)}${word}`.padEnd(32, 'B');
          const first = new Uint8Array(Buffer.from(spelled, 'base64url'));
          expect(first).toHaveLength(24);
          const next = Buffer.from(second).toString('base64url');
          fc.pre(!next.toLowerCase().includes('http'));
          expect(createRelayState({ random: replay([first, second]) })).toBe(next);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('fails closed when the random source misbehaves', () => {
    const http = new Uint8Array(Buffer.from('http'.padEnd(32, 'A'), 'base64url'));
    expect(() => createRelayState({ random: () => http })).toThrow(
      expect.objectContaining({ code: 'ERR_SPID_INVALID_CONFIG', field: 'random' }),
    );
    expect(() => createRelayState({ random: () => new Uint8Array(8) })).toThrow(
      expect.objectContaining({ code: 'ERR_SPID_INVALID_CONFIG', field: 'random' }),
    );
  });

  it('draws from crypto by default: 2,000 tokens, all distinct and well formed', () => {
    const tokens = new Set(Array.from({ length: 2000 }, () => createRelayState()));
    expect(tokens.size).toBe(2000);
    for (const t of tokens) expect(t).toMatch(TOKEN);
  });
});
