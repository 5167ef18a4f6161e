// Property: whatever single damage a journal of a real campaign suffers, the next run either
// resumes exactly or refuses with ERR_IO_JOURNAL_CORRUPT at the damage, and never sends twice.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIoClient } from '../src/client/create-io-client.js';
import type { IoClient } from '../src/client/io-client.js';
import {
  createIoSandbox,
  createSandboxReconciler,
  type IoSandbox,
  type SandboxProfile,
  syntheticFiscalCode,
} from '../src/sandbox/index.js';
import { countByCitizen } from './reliability-helpers.js';
import {
  corruptOffset,
  fields,
  type Layout,
  layout,
  lineStartOf,
  poll,
  runCampaign,
  template,
} from './reliability-journal.js';

const PEOPLE = 20;
// i % 5: 0-2 on IO, 3 not on IO, 4 blocked the service.
const profiles: SandboxProfile[] = Array.from({ length: PEOPLE }, (_, i) => i)
  .filter((i) => i % 5 !== 3)
  .map((i) => ({ fiscalCode: syntheticFiscalCode(i), senderAllowed: i % 5 !== 4 }));
const eligible = (i: number): boolean => i % 5 < 3;

let dir = '';
let sandbox: IoSandbox;
let client: IoClient;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'civico-io-journal-damage-'));
  sandbox = await createIoSandbox({ profiles, processingDelayMs: 0 });
  client = createIoClient({ apiKey: 'sandbox-key', baseUrl: sandbox.url, rateLimit: { requestsPerSecond: 5000 } });
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

const position = fc.record({ boundary: fc.boolean(), index: fc.nat(), byte: fc.nat() });
type Position = typeof position extends fc.Arbitrary<infer T> ? T : never;
const damage = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: position }),
  fc.record({ kind: fc.constant('zero' as const), at: position, length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant('flip' as const), at: position, mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('torn' as const), length: fc.integer({ min: 1, max: 60 }) }),
);
type Damage = typeof damage extends fc.Arbitrary<infer T> ? T : never;

const resolve = (l: Layout, size: number, p: Position): number =>
  p.boundary ? (l.lineStarts[p.index % l.lineStarts.length] ?? 0) : p.byte % size;

/**
 * Applies a damage; returns the bytes, the first changed byte (undefined: only bytes appended) and the
 * last one (a zeroed run may start in an ignored tip slot or on bytes already zero and end in a record).
 */
function apply(bytes: Buffer, l: Layout, d: Damage): { bytes: Buffer; first: number | undefined; last?: number } {
  switch (d.kind) {
    case 'cut': {
      const at = resolve(l, bytes.length, d.at);
      return { bytes: bytes.subarray(0, at), first: at };
    }
    case 'zero':
    case 'flip': {
      const at = resolve(l, bytes.length, d.at);
      const out = Buffer.from(bytes);
      // A zeroed run stops at the end of the file (Buffer.fill refuses an end past it).
      const end = d.kind === 'zero' ? Math.min(at + d.length, bytes.length) : at + 1;
      if (d.kind === 'zero') out.fill(0, at, end);
      else out[at] = (out[at] ?? 0) ^ d.mask;
      const last = end - 1;
      return { bytes: out, first: at, last };
    }
    case 'swap': {
      const [i, j] = [d.a % l.records.length, d.b % l.records.length].sort((x, y) => x - y) as [number, number];
      const a = l.records[i];
      const b = l.records[j];
      if (!a || !b || i === j) return { bytes, first: undefined };
      const parts = [bytes.subarray(0, a.start), bytes.subarray(b.start, b.end), bytes.subarray(a.end, b.start)];
      return {
        bytes: Buffer.concat([...parts, bytes.subarray(a.start, a.end), bytes.subarray(b.end)]),
        first: a.start,
      };
    }
    case 'torn': {
      // What a kill during the next write leaves: part of a record line, never acknowledged.
      const torn = `{"n":999999,"t":"intent","r":"AAAAAAAAAAAAAAAAAAAAAA","h":"AAAAAAAAAAAAAAAA"}`;
      return { bytes: Buffer.concat([bytes, Buffer.from(torn.slice(0, d.length))]), first: undefined };
    }
  }
}

describe('sendBulk() on a damaged journal', () => {
  it('resumes exactly or refuses with the offset, and never sends a message twice', async () => {
    let run = 0;
    let refused = 0;
    let resumed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: PEOPLE - 1 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 4 }),
        fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
        damage,
        async (members, concurrency, stopAfter, d) => {
          const campaign = `damage-${run++}`;
          const journalPath = join(dir, `${campaign}.journal`);
          const recipients = members.map((i) => ({ fiscalCode: syntheticFiscalCode(i), fields }));
          const options = { template, campaign, journalPath, poll, concurrency };
          const before = sandbox.ledger().length;
          await runCampaign(client, recipients, options, stopAfter);
          const original = readFileSync(journalPath);
          const l = layout(original);
          const { bytes, first, last } = apply(original, l, d);
          writeFileSync(journalPath, bytes);

          const reconcile = createSandboxReconciler({ url: sandbox.url });
          let states = new Map<string, string>();
          const offset = await corruptOffset(
            runCampaign(client, recipients, { ...options, reconcile }).then((out) => {
              states = new Map(out.map((o) => [o.fiscalCode, o.state]));
            }),
          );
          const counts = countByCitizen(sandbox.ledger().slice(before));
          // Never a duplicate, whatever happened.
          expect([...counts.values()].every((n) => n === 1)).toBe(true);
          const acknowledged = first !== undefined && (first < l.slotsAt || first >= l.recordsAt);
          if (offset !== undefined) {
            refused++;
            expect(first, `${d.kind} refused without damage`).toBeDefined();
            expect(offset).toBeGreaterThanOrEqual(lineStartOf(l, first ?? 0));
            expect(offset).toBeLessThanOrEqual(last ?? first ?? 0);
          } else {
            resumed++;
            // Resumed: only a torn tail, an untouched file or a damaged tip slot may be.
            expect(acknowledged && first < original.length, `${d.kind} at ${first} resumed`).toBe(false);
            for (const i of members) {
              const fiscalCode = syntheticFiscalCode(i);
              expect(counts.get(fiscalCode) ?? 0).toBe(eligible(i) ? 1 : 0);
              expect(states.get(fiscalCode)).toBe(eligible(i) ? 'PROCESSED' : i % 5 === 3 ? 'NOT_ON_IO' : 'OPTED_OUT');
            }
          }
        },
      ),
      { numRuns: 80 },
    );
    // Both branches were exercised.
    expect(refused).toBeGreaterThan(10);
    expect(resumed).toBeGreaterThan(5);
  }, 120_000);
});
