import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFdrClient } from '../src/fdr/client/create-fdr-client.js';
import type { ReportedPayment } from '../src/fdr/reporting-flow.js';
import { pagoPaFailure, pagoPaThrow, type StubServer, startCheckoutFdrStub } from './checkout-fdr-stub.js';
import { centsOf, type FakeFlow, fakeFdr, ORG, PSP, sumText } from './fdr-client-fake.js';

const KEY = 'test-only-fdr-key-0123456789abcdef';
const FLOW = '2026-03-0488888888888-0000001';

const flows: FakeFlow[] = [
  { flowId: FLOW, revision: 1, count: 2500 },
  { flowId: 'short', revision: 1, count: 10, served: 9 },
  { flowId: 'long', revision: 1, count: 10, totPayments: 9 },
  { flowId: 'badsum', revision: 1, count: 10, sumPayments: '0.01' },
  { flowId: 'other', revision: 1, count: 1, organizationId: '77777777777' },
];

let stub: StubServer;
beforeAll(async () => {
  stub = await startCheckoutFdrStub();
});
afterAll(() => stub.close());
beforeEach(() => {
  stub.requests.length = 0;
  stub.reply = (request) => fakeFdr(flows, request);
});

const client = (extra: Record<string, unknown> = {}) =>
  createFdrClient({ baseUrl: stub.url, apiKey: KEY, organizationFiscalCode: ORG, baseDelayMs: 1, ...extra });
const ref = (flowId: string) => ({ flowId, revision: 1, pspId: PSP });
const query = (i = 0) => new URL(stub.requests[i]?.url ?? '/', 'http://x').searchParams;

async function collect(
  payments: AsyncIterable<ReportedPayment> | Iterable<ReportedPayment>,
): Promise<ReportedPayment[]> {
  const out: ReportedPayment[] = [];
  for await (const p of payments) out.push(p);
  return out;
}

describe('createFdrClient()', () => {
  it('lists the published flows of the creditor, page 1 and size 1000 by default', async () => {
    const page = await client().listFlows({ flowDate: new Date('2026-03-01T00:00:00Z'), pspId: PSP });
    expect(stub.requests[0]?.url.split('?')[0]).toBe(`/fdr-org/service/v1/organizations/${ORG}/fdrs`);
    expect(stub.requests[0]?.headers['ocp-apim-subscription-key']).toBe(KEY);
    expect(Object.fromEntries(query())).toEqual({
      flowDate: '2026-03-01T00:00:00.000Z',
      pspId: PSP,
      page: '1',
      size: '1000',
    });
    expect(page).toMatchObject({ page: 1, size: 1000, totalPages: 1, count: flows.length });
    expect(page.flows[0]).toEqual({
      flowId: FLOW,
      pspId: PSP,
      revision: 1,
      published: '2026-03-04T09:00:00Z',
      flowDate: '2026-03-04T08:00:00Z',
    });
  });

  it.each([
    [{ size: 1001 }, 'query.size'],
    [{ page: 0 }, 'query.page'],
    [{ flowDate: '2026-03-01' }, 'query.flowDate'],
    [{ publishedGt: new Date(Number.NaN) }, 'query.publishedGt'],
    [{ sort: 'x' }, 'query'],
  ])('refuses the query %o before sending', async (q, field) => {
    const error = await pagoPaFailure(client().listFlows(q as never));
    expect(error.code).toBe('ERR_PAGOPA_INVALID_CONFIG');
    expect(error.field).toBe(field);
    expect(stub.requests).toHaveLength(0);
  });

  it('reads a flow header with the declared sum in exact cents', async () => {
    const header = await client().getFlow(ref(FLOW));
    expect(stub.requests[0]?.url).toBe(`/fdr-org/service/v1/organizations/${ORG}/fdrs/${FLOW}/revisions/1/psps/${PSP}`);
    expect(header).toEqual({
      flowId: FLOW,
      flowDate: '2026-03-04T08:00:00Z',
      pspId: PSP,
      pspName: 'PSP Test',
      revision: 1,
      regulationId: 'SEPA - Bonifico 1',
      regulationDate: '2026-03-04',
      bic: 'UNCRITMMXXX',
      organizationFiscalCode: ORG,
      totalPayments: 2500,
      totalAmountCents: Math.round(Number(sumText(2500)) * 100),
    });
  });

  it('refuses a flow addressed to another creditor', async () => {
    const error = await pagoPaFailure(client().getFlow(ref('other')));
    expect(error).toMatchObject({ code: 'ERR_PAGOPA_API_UNEXPECTED_RESPONSE', rule: 'other-flow' });
  });

  it('maps a 404 ErrorResponse to ERR_PAGOPA_API_NOT_FOUND with the masked detail, without retrying', async () => {
    const error = await pagoPaFailure(client().getFlow(ref('missing')));
    expect(error).toMatchObject({ code: 'ERR_PAGOPA_API_NOT_FOUND', outcome: 'rejected', status: 404 });
    expect(error.problem).toEqual({
      title: 'Not Found FDR-0708',
      status: 404,
      detail: 'Flow for organization [fiscal code] not found',
    });
    expect(stub.requests).toHaveLength(1);
  });

  it('refuses a bad flow reference before sending', () => {
    return Promise.all(
      [
        [{ ...ref(FLOW), flowId: '../x' }, 'ref.flowId'],
        [{ ...ref(FLOW), revision: 0 }, 'ref.revision'],
        [{ ...ref(FLOW), pspId: '' }, 'ref.pspId'],
      ].map(async ([r, field]) => {
        const error = await pagoPaFailure(client().getFlow(r as never));
        expect(error).toMatchObject({ code: 'ERR_PAGOPA_INVALID_CONFIG', field });
      }),
    ).then(() => expect(stub.requests).toHaveLength(0));
  });

  it('reads one page of payment lines (pages from 1) with amounts in exact cents', async () => {
    const page = await client().listFlowPayments(ref(FLOW), { page: 2, size: 8 });
    expect(Object.fromEntries(query())).toEqual({ page: '2', size: '8' });
    expect(page.page).toBe(2);
    expect(page.totalPages).toBe(313);
    expect(page.payments.map((p) => p.index)).toEqual([9, 10, 11, 12, 13, 14, 15, 16]);
    expect(page.payments.map((p) => p.amountCents)).toEqual([9, 10, 11, 12, 13, 14, 15, 16].map(centsOf));
    expect(page.payments[0]).toEqual({
      flowId: FLOW,
      index: 9,
      iuv: '01000000000000009',
      iur: 'IUR9',
      idTransfer: 1,
      amountCents: centsOf(9),
      outcome: 'EXECUTED',
      date: '2026-03-02T10:00:00Z',
    });
  });

  it.each([
    ['0.105', 'more than 2 decimals'],
    ['-1.00', 'negative'],
    ['1000000000.00', 'over 999999999.99'],
    ['1e-7', 'a tiny exponent'],
    ['"1.00"', 'a string'],
  ])('refuses pay %s (%s) as an unexpected response naming the field', async (pay) => {
    stub.reply = () => ({
      status: 200,
      raw: `{"metadata":{"pageSize":1,"pageNumber":1,"totPage":1},"count":1,"data":[{"index":1,"iuv":"1","iur":"1","idTransfer":1,"pay":${pay},"payStatus":"EXECUTED","payDate":"2026-03-02"}]}`,
    });
    const error = await pagoPaFailure(client().listFlowPayments(ref(FLOW)));
    expect(error).toMatchObject({ code: 'ERR_PAGOPA_API_UNEXPECTED_RESPONSE', field: 'data.0.pay' });
  });

  it('retries a GET after a 503 and after a lost connection', async () => {
    stub.reply = (request, i) => (i === 0 ? { status: 503 } : i === 1 ? 'destroy' : fakeFdr(flows, request));
    await expect(client().getFlow(ref(FLOW))).resolves.toMatchObject({ flowId: FLOW });
    expect(stub.requests).toHaveLength(3);
  });

  it('keeps the key out of errors, inspect and JSON', async () => {
    stub.reply = () => ({
      status: 401,
      body: { httpStatusDescription: 'Unauthorized', errors: [{ message: `key ${KEY}` }] },
    });
    const c = client();
    const error = await pagoPaFailure(c.listFlows());
    expect(error.code).toBe('ERR_PAGOPA_API_UNAUTHORIZED');
    for (const text of [inspect(error, { depth: 10 }), JSON.stringify(error), inspect(c), JSON.stringify(c)]) {
      expect(text).not.toContain(KEY);
    }
  });

  it('refuses an invalid organization fiscal code and an unknown option at construction', () => {
    expect(pagoPaThrow(() => client({ organizationFiscalCode: '0119925015' })).field).toBe('organizationFiscalCode');
    expect(pagoPaThrow(() => client({ page: 1 })).code).toBe('ERR_PAGOPA_INVALID_CONFIG');
  });
});

describe('createFdrClient() readFlow', () => {
  it('fetches payment pages lazily, one page ahead of nothing, and checks the totals', async () => {
    const flow = await client().readFlow(ref(FLOW), { pageSize: 1000 });
    expect(flow.header.totalPayments).toBe(2500);
    expect(stub.requests).toHaveLength(1); // the header only
    let seen = 0;
    let cents = 0;
    for await (const payment of flow.payments) {
      seen += 1;
      cents += payment.amountCents;
      expect(payment.index).toBe(seen);
      // Never more pages fetched than the lines consumed need: memory stays at one page.
      expect(stub.requests.length - 1).toBe(Math.ceil(seen / 1000));
    }
    expect(seen).toBe(2500);
    expect(cents).toBe(flow.header.totalAmountCents);
    expect(stub.requests.slice(1).map((r) => new URL(r.url, 'http://x').searchParams.get('page'))).toEqual([
      '1',
      '2',
      '3',
    ]);
  });

  it('starts again from page 1 on a second iteration', async () => {
    const flow = await client().readFlow(ref(FLOW), { pageSize: 1000 });
    const first = await collect(flow.payments);
    const second = await collect(flow.payments);
    expect(second).toEqual(first);
  });

  it.each([
    ['short', 'fewer lines than declared'],
    ['long', 'more lines than declared'],
    ['badsum', 'lines that do not add up'],
  ])('refuses a flow with %s (%s) with rule totals', async (flowId) => {
    const flow = await client().readFlow(ref(flowId), { pageSize: 3 });
    const error = await pagoPaFailure(collect(flow.payments));
    expect(error).toMatchObject({ code: 'ERR_PAGOPA_INVALID_REPORTING_FLOW', rule: 'totals' });
  });

  it('stops reading pages when the consumer stops', async () => {
    const flow = await client().readFlow(ref(FLOW), { pageSize: 100 });
    for await (const payment of flow.payments) if (payment.index === 150) break;
    expect(stub.requests).toHaveLength(3);
  });

  it('refuses a page other than the one asked for', async () => {
    const flow = await client().readFlow(ref(FLOW), { pageSize: 10 });
    stub.reply = () => ({
      status: 200,
      raw: '{"metadata":{"pageSize":10,"pageNumber":2,"totPage":3},"count":0,"data":[]}',
    });
    const error = await pagoPaFailure(collect(flow.payments));
    expect(error).toMatchObject({ code: 'ERR_PAGOPA_API_UNEXPECTED_RESPONSE', field: 'metadata.pageNumber' });
  });

  it('reads through a given fetch too (ky wire)', async () => {
    const header = await client({ fetch: globalThis.fetch }).getFlow(ref(FLOW));
    expect(header.totalPayments).toBe(2500);
  });

  it('stops between pages when the signal is aborted', async () => {
    const controller = new AbortController();
    const flow = await client().readFlow(ref(FLOW), { pageSize: 100, signal: controller.signal });
    const error = await pagoPaFailure(
      (async () => {
        for await (const payment of flow.payments) if (payment.index === 100) controller.abort();
      })(),
    );
    expect(error).toMatchObject({ code: 'ERR_PAGOPA_API_NETWORK', rule: 'aborted' });
    expect(stub.requests).toHaveLength(2);
  });

  it('refuses a bad pageSize', async () => {
    const error = await pagoPaFailure(client().readFlow(ref(FLOW), { pageSize: 1001 }));
    expect(error).toMatchObject({ code: 'ERR_PAGOPA_INVALID_CONFIG', field: 'options.pageSize' });
  });
});
