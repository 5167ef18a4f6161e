import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCookieJar } from './cookie-jar.js';

describe('createCookieJar()', () => {
  it('sends a stored cookie back to the same host under its path', () => {
    const jar = createCookieJar();
    jar.store('http://127.0.0.1:3000/spid/login', ['sid=abc; Path=/spid; HttpOnly', 'lang=it']);
    expect(jar.header('http://127.0.0.1:3000/spid/acs')).toBe('sid=abc; lang=it');
    expect(jar.header('http://127.0.0.1:3000/other')).toBeUndefined();
    expect(jar.header('http://127.0.0.1:3001/spid/acs')).toBeUndefined();
  });

  it('replaces a cookie by name and deletes it on Max-Age=0 or a past Expires', () => {
    const jar = createCookieJar(() => new Date('2026-01-01T00:00:00Z'));
    jar.store('http://sp.test/', ['a=1; Path=/', 'b=2; Path=/']);
    jar.store('http://sp.test/', ['a=3; Path=/', 'b=; Max-Age=0']);
    expect(jar.header('http://sp.test/x')).toBe('a=3');
    jar.store('http://sp.test/', ['a=4; Expires=Thu, 01 Jan 2015 00:00:00 GMT']);
    expect(jar.header('http://sp.test/x')).toBeUndefined();
  });

  it('ignores malformed lines and does not grow past its cap', () => {
    const jar = createCookieJar();
    jar.store('http://sp.test/', ['novalue', '=x', `big=${'x'.repeat(9000)}`]);
    expect(jar.header('http://sp.test/')).toBeUndefined();
    jar.store(
      'http://sp.test/',
      Array.from({ length: 100 }, (_, i) => `c${i}=${i}; Path=/`),
    );
    expect(jar.header('http://sp.test/')?.split('; ')).toHaveLength(64);
  });

  it('matches paths on segment boundaries only', () => {
    const jar = createCookieJar();
    jar.store('http://sp.test/', ['a=1; Path=/spid']);
    expect(jar.header('http://sp.test/spidx')).toBeUndefined();
    expect(jar.header('http://sp.test/spid')).toBe('a=1');
  });

  it('never throws on arbitrary Set-Cookie lines and sends back only well-formed pairs', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 60 }), { maxLength: 8 }), (lines) => {
        const jar = createCookieJar();
        jar.store('http://sp.test/a/b', lines);
        const header = jar.header('http://sp.test/a/b');
        for (const pair of header === undefined ? [] : header.split('; ')) expect(pair.indexOf('=')).toBeGreaterThan(0);
      }),
      { seed: 9, numRuns: 300 },
    );
  });
});
