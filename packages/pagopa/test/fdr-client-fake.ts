// A fake FdR organization service for the FdR client tests, answering from generated flows; lines
// are a pure function of their index, so a flow of any size costs no memory here either.
import type { StubReply, StubRequest } from './checkout-fdr-stub.js';

export const ORG = '01199250158';
export const PSP = '88888888888';

/** A generated flow: `count` lines, line i paying `amountOf(i)` written as `payText(i)`. */
export interface FakeFlow {
  readonly flowId: string;
  readonly revision: number;
  readonly count: number;
  /** Declared totals (default: the true ones). */
  readonly totPayments?: number;
  readonly sumPayments?: string;
  /** Lines actually served (default `count`). */
  readonly served?: number;
  readonly organizationId?: string;
  /** Small amounts (1 to 100 cents), so that huge flows stay under the 999999999.99 total. */
  readonly small?: boolean;
}

/** Amount of line i in cents: varied decimals, including ones binary floating point cannot hold. */
export const centsOf = (i: number): number => [10, 29, 115, 1, 99_999_999, 57, 3, 100][i % 8] as number;

const euros = (cents: number): string => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

const amountOf = (i: number, small = false): number => (small ? 1 + (i % 100) : centsOf(i));

export function sumText(count: number, small = false): string {
  let sum = 0;
  for (let i = 1; i <= count; i += 1) sum += amountOf(i, small);
  return euros(sum);
}

const paymentJson = (i: number, small: boolean): string =>
  `{"index":${i},"iuv":"0100000000000${String(i).padStart(4, '0')}","iur":"IUR${i}","idTransfer":1,"pay":${euros(amountOf(i, small))},"payStatus":"EXECUTED","payDate":"2026-03-02T10:00:00Z"}`;

const headerJson = (f: FakeFlow): string =>
  JSON.stringify({
    status: 'PUBLISHED',
    revision: f.revision,
    fdr: f.flowId,
    fdrDate: '2026-03-04T08:00:00Z',
    regulation: 'SEPA - Bonifico 1',
    regulationDate: '2026-03-04',
    bicCodePouringBank: 'UNCRITMMXXX',
    sender: {
      type: 'LEGAL_PERSON',
      id: 'SELBIT2B',
      pspId: PSP,
      pspName: 'PSP Test',
      pspBrokerId: PSP,
      channelId: `${PSP}_01`,
    },
    receiver: { id: 'APPBIT2B', organizationId: f.organizationId ?? ORG, organizationName: 'Comune di Test' },
    published: '2026-03-04T09:00:00Z',
    totPayments: f.totPayments ?? f.count,
  }).replace(/}$/, `,"sumPayments":${f.sumPayments ?? sumText(f.count, f.small)}}`);

/** Routes a request to the fake; `undefined` for an unknown path. */
export function fakeFdr(flows: readonly FakeFlow[], request: StubRequest): StubReply {
  const url = new URL(request.url, 'http://x');
  const base = `/fdr-org/service/v1/organizations/${ORG}/fdrs`;
  if (url.pathname === base) {
    const data = flows.map((f) => ({
      fdr: f.flowId,
      pspId: PSP,
      revision: f.revision,
      published: '2026-03-04T09:00:00Z',
      flowDate: '2026-03-04T08:00:00Z',
    }));
    return {
      status: 200,
      body: {
        metadata: { pageSize: Number(url.searchParams.get('size')), pageNumber: 1, totPage: 1 },
        count: data.length,
        data,
      },
    };
  }
  const match = /^\/fdrs\/([^/]+)\/revisions\/(\d+)\/psps\/([^/]+)(\/payments)?$/.exec(
    url.pathname.slice(base.length - 5),
  );
  const flow = flows.find(
    (f) => match && f.flowId === decodeURIComponent(match[1] ?? '') && f.revision === Number(match[2]),
  );
  if (!match || !flow || decodeURIComponent(match[3] ?? '') !== PSP) {
    return {
      status: 404,
      body: {
        httpStatusCode: 404,
        httpStatusDescription: 'Not Found',
        appErrorCode: 'FDR-0708',
        errors: [{ message: `Flow for organization ${ORG} not found` }],
      },
    };
  }
  if (!match[4]) return { status: 200, raw: headerJson(flow) };
  const page = Number(url.searchParams.get('page') ?? '1');
  const size = Number(url.searchParams.get('size') ?? '1000');
  const served = flow.served ?? flow.count;
  const totPage = Math.max(1, Math.ceil(served / size));
  const lines: string[] = [];
  for (let i = (page - 1) * size + 1; i <= Math.min(served, page * size); i += 1)
    lines.push(paymentJson(i, flow.small === true));
  return {
    status: 200,
    raw: `{"metadata":{"pageSize":${size},"pageNumber":${page},"totPage":${totPage}},"count":${served},"data":[${lines.join(',')}]}`,
  };
}
