// Regressions found by the hostile harness (hostile-entry-points.test.ts) on readReportingFlow's source: a
// source whose kind cannot even be told (a Proxy whose traps throw, an object whose iterator symbols or
// getReader are getters that throw) is ERR_PAGOPA_INVALID_REPORTING_FLOW rule `source`, not the caller's
// own exception.
import { describe, expect, it } from 'vitest';
import { failure } from './read-reporting-flow-helpers.js';

const boom = () => {
  throw new Error('caller accessor');
};

describe('readReportingFlow on sources that cannot be inspected (hostile harness regressions)', () => {
  it.each([
    ['a Proxy whose traps throw', () => new Proxy({}, { get: boom, getPrototypeOf: boom, has: boom })],
    [
      'an object whose Symbol.asyncIterator getter throws',
      () => Object.defineProperty({}, Symbol.asyncIterator, { get: boom }),
    ],
    ['an object whose Symbol.iterator getter throws', () => Object.defineProperty({}, Symbol.iterator, { get: boom })],
    ['an object whose getReader getter throws', () => Object.defineProperty({}, 'getReader', { get: boom })],
  ])('%s is a typed source error (was the accessor error)', async (_, make) => {
    const error = await failure(make() as never);
    expect(error).toMatchObject({ code: 'ERR_PAGOPA_INVALID_REPORTING_FLOW', rule: 'source', lines: 0 });
  });

  it('an iterator factory that throws is still the same typed source error', async () => {
    const error = await failure({ [Symbol.iterator]: boom } as never);
    expect(error).toMatchObject({ code: 'ERR_PAGOPA_INVALID_REPORTING_FLOW', rule: 'source' });
  });
});
