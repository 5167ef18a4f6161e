import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFdrClient, readReportingFlow } from '../src/index.js';
import { createGpdSandbox, type GpdSandbox } from '../src/sandbox/index.js';
import { ORG, option, position, transfer } from './sandbox-pay-fixtures.js';

const COUNT = 2_500;
const iuv = (n: number) => `02${String(n).padStart(15, '0')}`;
let sandbox: GpdSandbox;
let publishMs = 0;

beforeAll(async () => {
  sandbox = await createGpdSandbox({ now: () => new Date('2026-03-04T10:00:00Z') });
  for (let n = 1; n <= COUNT; n++) {
    // Straight into the store: this file is about the flows, not the GPD API.
    expect(sandbox.store.insert(position(`VOL-${n}`, [option(iuv(n), [transfer(1, 100 + n)])]))).toBeUndefined();
    await sandbox.pay({ organizationFiscalCode: ORG, iuv: iuv(n), paidAt: '2026-03-03T12:00:00Z' });
  }
  const t0 = performance.now();
  await sandbox.publishFlows();
  publishMs = performance.now() - t0;
});
afterAll(async () => {
  await sandbox.close();
});

describe('a flow of 2,500 payments', () => {
  it('is published in one flow whose totals match its lines', async () => {
    const client = createFdrClient({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, organizationFiscalCode: ORG });
    const { flows } = await client.listFlows({ flowDate: '2026-03-01T00:00:00Z' });
    expect(flows).toHaveLength(1);
    const flow = await client.readFlow({ flowId: flows[0]?.flowId as string, revision: 1, pspId: '88888888888' });
    let count = 0;
    let cents = 0;
    for await (const p of flow.payments) {
      count++;
      cents += p.amountCents;
    }
    const expected = (COUNT * (COUNT + 1)) / 2 + 100 * COUNT;
    expect([count, cents]).toEqual([COUNT, expected]);
    expect([flow.header.totalPayments, flow.header.totalAmountCents]).toEqual([COUNT, expected]);
    expect(publishMs).toBeGreaterThan(0);
  });

  it('reads back the same from the XML rendering', async () => {
    const res = await fetch(`${sandbox.url}/sandbox/flows/2026-03-0488888888888-0000001.xml`);
    const flow = await readReportingFlow(res.body as ReadableStream<Uint8Array>);
    let count = 0;
    for await (const _ of flow.payments) count++;
    expect(count).toBe(COUNT);
    expect(sandbox.getPosition(ORG, `VOL-${COUNT}`)?.status).toBe('REPORTED');
  });
});
