// Never-ending reporting-flow sources (found by the hostile harness, hostile-pagopa-flow-entries.ts): an
// endless run of DISTINCT unknown keys in a read object (root, sender, receiver, a payment line) grew the
// reader's repeated-key set without end (200 MB of source: +1 GB RSS); now at most MAX_FIELDS_PER_OBJECT
// fields per read object (rule `shape`). What remains unbounded in time — never in memory — is a value the
// reader skips (an unknown field's endless array): it is read lazily, in flat memory, for as long as the
// source lasts; `maxBytes` bounds it (documented on the option).
import { describe, expect, it } from 'vitest';
import { MAX_FIELDS_PER_OBJECT } from '../src/fdr/read/json-flow-reader.js';
import { failure } from './read-reporting-flow-helpers.js';

const HEADER =
  '{"fdr":"2026-03-0488888888888-0000001","fdrDate":"2026-03-04T10:15:00Z","revision":1,"regulation":"SEPA-1",' +
  '"regulationDate":"2026-03-04","sender":{"pspId":"88888888888"},"receiver":{"organizationId":"77777777777"},' +
  '"totPayments":1,"sumPayments":1.00,"payments":[';

/** `head`, then `body(i)` for ever; fails (untyped) past `cap` characters handed out. */
function endless(head: string, body: (i: number) => string, cap = 16 * 1024 * 1024) {
  let handed = 0;
  const source = (async function* () {
    yield head;
    for (let i = 0; ; i++) {
      const chunk = body(i);
      handed += chunk.length;
      if (handed > cap) throw new Error('read past the cap');
      yield chunk;
    }
  })();
  return { source, handed: () => handed };
}

const distinctKeys = (i: number) => Array.from({ length: 100 }, (_, j) => `"k${i}_${j}":1,`).join('');

describe('readReportingFlow on never-ending sources', () => {
  it.each([
    ['the root object', '{', ''],
    ['sender', '{"sender":{', 'sender'],
    ['receiver', '{"receiver":{', 'receiver'],
    ['a payment line', `${HEADER}{"index":1,`, 'payments.0'],
  ])(
    'endless distinct unknown keys in %s end in rule shape after %s fields (was unbounded memory)',
    async (_, head, field) => {
      const stream = endless(head, distinctKeys);
      const error = await failure(stream.source);
      expect(error).toMatchObject({ code: 'ERR_PAGOPA_INVALID_REPORTING_FLOW', rule: 'shape' });
      expect(error.field ?? '').toBe(field);
      expect(stream.handed()).toBeLessThan(64 * 1024);
    },
  );

  it('a flow with fewer unknown fields than the cap still reads, and a repeated key is still refused', async () => {
    const extra = Array.from({ length: MAX_FIELDS_PER_OBJECT - 20 }, (_, j) => `"x${j}":1,`).join('');
    const ok = await failure(`{${extra}${HEADER.slice(1)}{"index":1}]}`);
    expect(ok.rule).toBe('shape'); // the line lacks its IUV: the header, with its 236 unknown fields, was read
    expect(ok.field).toBe('payments.0.iuv');
    expect(await failure('{"x":1,"x":2}')).toMatchObject({ rule: 'shape', field: 'x' });
  });

  it('an endless skipped value is read lazily in flat memory until maxBytes (no cap: until the source ends)', async () => {
    const capped = endless('{"x":[', () => '1,'.repeat(32_768));
    expect(await failure(capped.source, { maxBytes: 4 * 1024 * 1024 })).toMatchObject({ rule: 'max-bytes' });
    expect(capped.handed()).toBeLessThan(5 * 1024 * 1024);

    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const uncapped = endless('{"x":[', () => '1,'.repeat(32_768), 8 * 1024 * 1024);
    // The source's own failure at its cap ends the read: nothing else would have.
    expect(await failure(uncapped.source)).toMatchObject({ rule: 'source' });
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(32 * 1024 * 1024);
  });
});
