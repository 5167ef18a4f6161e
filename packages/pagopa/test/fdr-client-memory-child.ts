// Child process of fdr-client-memory.test.ts (run with --expose-gc): reads a large generated flow
// through readFlow, against the fake FdR service in this same process, and measures the heap after a
// full GC every 5 000 lines. Once streaming (lines dropped) and once retaining them (the control: the
// same measurement must see the growth a client that buffered the flow would show). One JSON line out.
import { createFdrClient } from '../src/fdr/client/create-fdr-client.js';
import type { ReportedPayment } from '../src/fdr/reporting-flow.js';
import { startCheckoutFdrStub } from './checkout-fdr-stub.js';
import { fakeFdr, ORG, PSP } from './fdr-client-fake.js';

const lines = Number(process.argv[2] ?? '60000');
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');
const stub = await startCheckoutFdrStub();
stub.reply = (request) => fakeFdr([{ flowId: 'big', revision: 1, count: lines, small: true }], request);
const fdr = createFdrClient({ baseUrl: stub.url, apiKey: 'test-only-key', organizationFiscalCode: ORG });

async function run(retain: boolean) {
  const flow = await fdr.readFlow({ flowId: 'big', revision: 1, pspId: PSP });
  const kept: ReportedPayment[] = [];
  const heap: number[] = [];
  let seen = 0;
  for await (const line of flow.payments) {
    seen += 1;
    if (retain) kept.push(line);
    if (seen % 5000 === 0) {
      gc?.();
      heap.push(process.memoryUsage().heapUsed);
    }
  }
  const growthMb = ((heap.at(-1) ?? 0) - (heap[0] ?? 0)) / 2 ** 20;
  return { seen, kept: kept.length, growthMb };
}

const stream = await run(false);
const retain = await run(true);
await stub.close();
process.stdout.write(
  `${JSON.stringify({ stream, retain, requests: stub.requests.length, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
