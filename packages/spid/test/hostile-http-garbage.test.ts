// 1,000 concurrent ACS posts of random bytes against @civico/spid on node:http (hostile-http-stack.ts):
// every answer 400/403 (never 200, 303 or 5xx), no handler rejection, heap growth bounded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HostileHttpStack, startHostileHttpStack } from './hostile-http-stack.js';

let stack: HostileHttpStack;
const form = 'application/x-www-form-urlencoded';

beforeAll(async () => {
  stack = await startHostileHttpStack();
});
afterAll(async () => {
  await stack?.close();
});

describe('@civico/spid ACS under a garbage flood', () => {
  it('answers 1,000 concurrent ACS posts of random bytes with 400/403 only, memory bounded', async () => {
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const statuses = await Promise.all(
      Array.from({ length: 1_000 }, (_, i) => {
        const bytes = crypto.getRandomValues(new Uint8Array(64 + ((i * 997) % 8_000)));
        const body = i % 2 === 0 ? bytes : `SAMLResponse=${encodeURIComponent(Buffer.from(bytes).toString('base64'))}`;
        return fetch(`${stack.spUrl}/spid/acs`, { method: 'POST', headers: { 'content-type': form }, body }).then(
          async (r) => {
            await r.arrayBuffer();
            return r.status;
          },
        );
      }),
    );
    const counts: Record<number, number> = {};
    for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
    global.gc?.();
    const grown = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    process.stdout.write(
      `1,000 garbage ACS posts: ${JSON.stringify(counts)} in ${(performance.now() - t0).toFixed(0)} ms, heap +${grown.toFixed(0)} MB\n`,
    );
    expect(Object.keys(counts).every((s) => s === '400' || s === '403')).toBe(true);
    expect(grown).toBeLessThan(100);
    expect(stack.handlerErrors).toEqual([]);
  }, 20_000);
});
