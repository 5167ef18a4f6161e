import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportedPayment, ReportingFlowHeader } from '../src/index.js';
import { createFdrClient, createGpdClient, readReportingFlow, reconcile } from '../src/index.js';
import { PAGOPA_SERVICE_PATHS } from '../src/platform/environment.js';
import { createGpdSandbox, type GpdSandbox } from '../src/sandbox/index.js';
import { gpd, iuvOf, ORG, wirePosition } from './sandbox-fixtures.js';

const IBAN_B = 'IT02A0301503200000003517230';
const NOW = new Date('2026-03-04T10:00:00Z');
let sandbox: GpdSandbox;
let headers: readonly ReportingFlowHeader[];
/** Published by a second round: nothing left, then the payment of IUV 4 (over HTTP). */
let second: { again: readonly ReportingFlowHeader[]; next: { flows: readonly ReportingFlowHeader[] } };

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
  const res = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: {
      'ocp-apim-subscription-key': sandbox.apiKey,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, text: await res.text() };
}
const fdr = (path: string) => call('GET', `${PAGOPA_SERVICE_PATHS.fdr}/organizations/${ORG}/fdrs${path}`);
const json = async (p: Promise<{ text: string }>) => JSON.parse((await p).text);

async function lines(payments: Iterable<ReportedPayment> | AsyncIterable<ReportedPayment>): Promise<string[]> {
  const out: string[] = [];
  for await (const p of payments)
    out.push(`${p.index} ${p.iuv} ${p.iur} ${p.idTransfer} ${p.amountCents} ${p.outcome}`);
  return out;
}

beforeAll(async () => {
  sandbox = await createGpdSandbox({ now: () => NOW });
  const tefa = {
    idTransfer: '2',
    amount: 3_000,
    remittanceInformation: 'TEFA',
    category: '9/0101108TS/',
    iban: IBAN_B,
  };
  const [opt] = wirePosition('IUPD-3', iuvOf(3)).paymentOption as Record<string, unknown>[];
  const [tari] = (opt?.transfer ?? []) as unknown[];
  const twoIbans = { paymentOption: [{ ...opt, transfer: [tari, tefa] }] };
  for (const [iupd, iuv, over] of [
    ['IUPD-1', iuvOf(1), {}],
    ['IUPD-2', iuvOf(2), {}],
    ['IUPD-3', iuvOf(3), twoIbans],
    ['IUPD-4', iuvOf(4), {}],
  ] as const) {
    expect((await gpd(sandbox, 'POST', '?toPublish=true', wirePosition(iupd, iuv, over))).status).toBe(201);
  }
  await sandbox.pay({ organizationFiscalCode: ORG, iuv: iuvOf(1), paidAt: '2026-03-03T09:00:00Z' });
  await sandbox.pay({ organizationFiscalCode: ORG, iuv: iuvOf(2), pspId: 'BCITITMM', paidAt: '2026-03-03T09:30:00Z' });
  await sandbox.pay({
    organizationFiscalCode: ORG,
    iuv: iuvOf(3),
    amountCents: 10_050,
    paidAt: '2026-03-03T10:00:00Z',
  });
  headers = await sandbox.publishFlows();
  const again = await sandbox.publishFlows();
  await sandbox.pay({ organizationFiscalCode: ORG, iuv: iuvOf(4), paidAt: '2026-03-03T11:00:00Z' });
  second = { again, next: await json(call('POST', '/sandbox/flows', { organizationFiscalCode: ORG })) };
});
afterAll(async () => {
  await sandbox.close();
});

describe('sandbox.publishFlows()', () => {
  it('publishes one flow per PSP and IBAN with totals of its lines', () => {
    expect(headers.map((h) => [h.flowId, h.totalPayments, h.totalAmountCents])).toEqual([
      ['2026-03-0488888888888-0000001', 1, 3_000],
      ['2026-03-0488888888888-0000002', 3, 17_050],
      ['2026-03-04BCITITMM-0000001', 2, 10_000],
    ]);
    expect(headers.every((h) => h.organizationFiscalCode === ORG && h.revision === 1)).toBe(true);
  });

  it('marks transfers T_REPORTED, options PO_REPORTED and positions REPORTED', () => {
    const p = sandbox.getPosition(ORG, 'IUPD-3');
    expect(p?.status).toBe('REPORTED');
    expect(p?.paymentOption[0]?.status).toBe('PO_REPORTED');
    expect(p?.paymentOption[0]?.transfer.map((t) => t.status)).toEqual(['T_REPORTED', 'T_REPORTED']);
    expect(sandbox.getPosition(ORG, 'IUPD-2')?.paymentOption[0]?.idFlowReporting).toBe('2026-03-04BCITITMM-0000001');
  });

  it('reports each payment once and continues the progressive numbers', () => {
    expect(second.again).toEqual([]);
    expect(second.next.flows.map((h) => h.flowId)).toEqual(['2026-03-0488888888888-0000003']);
    expect(sandbox.getPosition(ORG, 'IUPD-4')?.status).toBe('REPORTED');
  });

  it('refuses a bad flowDate or creditor', async () => {
    expect((await call('POST', '/sandbox/flows', { flowDate: '2026-02-30' })).status).toBe(400);
    expect((await call('POST', '/sandbox/flows', { organizationFiscalCode: 'ABC' })).status).toBe(400);
    await expect(sandbox.publishFlows({ flowDate: '2026-3-5' })).rejects.toMatchObject({
      code: 'ERR_PAGOPA_INVALID_DATE',
      field: 'flowDate',
    });
  });
});

describe('FdR organization API', () => {
  it('lists published flows with metadata, count and data, pages from 1', async () => {
    const all = await json(fdr(''));
    expect(all.metadata).toEqual({ pageSize: 1000, pageNumber: 1, totPage: 1 });
    expect(all.count).toBe(4);
    expect(all.data[0]).toEqual({
      fdr: '2026-03-0488888888888-0000001',
      pspId: '88888888888',
      revision: 1,
      published: '2026-03-04T10:00:00Z',
      flowDate: '2026-03-04T10:00:00Z',
    });
    const page = await json(fdr('?size=2&page=2'));
    expect([page.metadata, page.count, page.data.length]).toEqual([{ pageSize: 2, pageNumber: 2, totPage: 2 }, 4, 2]);
    expect((await json(fdr('?pspId=BCITITMM'))).count).toBe(1);
    expect((await json(fdr('?flowDate=2026-03-05T00:00:00Z'))).count).toBe(0);
    expect((await json(fdr('?publishedGt=2026-03-04T09:59:59.999Z'))).count).toBe(4);
  });

  it('answers ErrorResponse 400 for bad paging and dates, 404 for an unknown flow', async () => {
    for (const q of ['?size=1001', '?page=0', '?size=x', '?flowDate=yesterday']) {
      const r = await fdr(q);
      expect([r.status, JSON.parse(r.text).httpStatusCode]).toEqual([400, 400]);
    }
    const base = '/2026-03-04BCITITMM-0000001/revisions';
    expect((await fdr(`${base}/2/psps/BCITITMM`)).status).toBe(404);
    expect((await fdr(`${base}/1/psps/88888888888`)).status).toBe(404);
    expect((await fdr('/nope/revisions/1/psps/BCITITMM/payments')).status).toBe(404);
  });

  it('serves a flow and its payments in decimal euros through the FdR client', async () => {
    const client = createFdrClient({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, organizationFiscalCode: ORG });
    const list = await client.listFlows({ flowDate: '2026-03-01T00:00:00Z' });
    expect(list.flows.map((f) => f.flowId)).toContain('2026-03-0488888888888-0000002');
    const ref = { flowId: '2026-03-0488888888888-0000002', revision: 1, pspId: '88888888888' };
    const header = await client.getFlow(ref);
    expect(header).toMatchObject({ totalPayments: 3, totalAmountCents: 17_050, regulationDate: '2026-03-04' });
    const page = await client.listFlowPayments(ref, { page: 2, size: 2 });
    expect([page.page, page.totalPages, page.payments.length]).toEqual([2, 2, 1]);
    const flow = await client.readFlow(ref, { pageSize: 1 });
    expect(await lines(flow.payments)).toEqual([
      `1 ${iuvOf(1)} 202603030000000001 1 7000 EXECUTED`,
      `2 ${iuvOf(1)} 202603030000000001 2 3000 EXECUTED`,
      `3 ${iuvOf(3)} 202603030000000003 1 7050 EXECUTED`,
    ]);
  });
});

describe('GET /sandbox/flows/{flowId}.json|.xml', () => {
  it('gives the same flow in both formats to readReportingFlow', async () => {
    const id = '2026-03-0488888888888-0000002';
    const fromJson = await readReportingFlow((await call('GET', `/sandbox/flows/${id}.json`)).text);
    const fromXml = await readReportingFlow((await call('GET', `/sandbox/flows/${id}.xml`)).text);
    const prefixed = await readReportingFlow((await call('GET', `/sandbox/flows/${id}.xml?prefix=pay_i`)).text);
    const { flowDate, ...jsonHeader } = fromJson.header;
    expect(fromXml.header).toMatchObject(jsonHeader);
    expect(await lines(fromJson.payments)).toEqual(await lines(fromXml.payments));
    expect(await lines(prefixed.payments)).toHaveLength(3);
    expect(flowDate).toBe('2026-03-04T10:00:00Z');
  });

  it('answers 404 for an unknown flow or extension and 400 for a bad prefix', async () => {
    expect((await call('GET', '/sandbox/flows/nope.xml')).status).toBe(404);
    expect((await call('GET', '/sandbox/flows/2026-03-04BCITITMM-0000001.csv')).status).toBe(404);
    expect((await call('GET', '/sandbox/flows/2026-03-04BCITITMM-0000001.xml?prefix=a%22b')).status).toBe(400);
  });
});

describe('reconcile() over the sandbox flows', () => {
  it('finds the paid, the overpaid and nothing unknown', async () => {
    const client = createFdrClient({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, organizationFiscalCode: ORG });
    const gpdClient = createGpdClient({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, organizationFiscalCode: ORG });
    const positions = await Promise.all(['IUPD-1', 'IUPD-2', 'IUPD-3', 'IUPD-4'].map((i) => gpdClient.getPosition(i)));
    const list = await client.listFlows({ flowDate: '2026-03-01T00:00:00Z' });
    const flows = await Promise.all(
      list.flows.map((f) => client.readFlow({ flowId: f.flowId, revision: f.revision, pspId: f.pspId })),
    );
    const report = await reconcile(flows, positions);
    expect(report.paid.map((e) => e.iuv).sort()).toEqual([iuvOf(1), iuvOf(2), iuvOf(4)]);
    expect(report.overpaid.map((e) => [e.iuv, e.expectedCents, e.reportedCents])).toEqual([[iuvOf(3), 10_000, 10_050]]);
    expect([report.unknown, report.duplicated, report.partial, report.unpaid].map((b) => b.length)).toEqual([
      0, 0, 0, 0,
    ]);
    expect(report.totals.reportedCents).toBe(40_050);
  });
});
