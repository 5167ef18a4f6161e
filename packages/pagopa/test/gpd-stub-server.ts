// A small GPD v1 + receipts stub over real HTTP on 127.0.0.1 for the client tests: an in-memory
// store that answers like the platform (201/200/404/409, ProblemJson), plus scripted faults that
// lose responses (socket destroyed after reading the body, before or after applying the write),
// answer a given status, or never answer.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const STUB_KEY = 'stub-key-Zq7WxY-never-leak-0123456789';
const GPD = '/gpd/debt-positions-service/v1/organizations/';
const RECEIPTS = '/gpd/payments-receipts-service/v1/payments/';

export interface StubRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly key: string | undefined;
  readonly requestId: string | undefined;
  readonly body: unknown;
}

export type StubAction =
  | 'drop-before' // read the body, destroy the socket, apply nothing
  | 'drop-after' // apply the write, then destroy the socket instead of answering
  | 'hang' // never answer
  | { readonly status: number; readonly body?: unknown; readonly headers?: Record<string, string> };

export interface StubPlan {
  readonly method?: string;
  /** Substring of the path (after the host). */
  readonly path?: string;
  readonly action: StubAction;
  /** How many matching requests it applies to (default 1). */
  times?: number;
}

type Wire = Record<string, unknown>;
interface Answer {
  readonly status: number;
  /** Send `body` (a string) as is instead of as JSON. */
  readonly raw?: boolean;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface GpdStub {
  readonly url: string;
  readonly requests: StubRequest[];
  /** Positions by `org/iupd`, wire shape with status. */
  readonly positions: Map<string, Wire>;
  /** Receipt XML by `org/iuv`. */
  readonly receipts: Map<string, string>;
  plan(plan: StubPlan): void;
  close(): Promise<void>;
}

const problem = (status: number, title: string, detail: string): Answer => ({
  status,
  body: { title, status, detail },
});

function withDefaults(body: Wire, org: string, status: string): Wire {
  const options = Array.isArray(body.paymentOption) ? (body.paymentOption as Wire[]) : [];
  return {
    ...body,
    organizationFiscalCode: org,
    status,
    insertedDate: '2026-01-10T10:00:00Z',
    paymentOption: options.map((o) => ({
      ...o,
      nav: o.nav ?? `3${String(o.iuv)}`,
      organizationFiscalCode: org,
      status: 'PO_UNPAID',
      transfer: (Array.isArray(o.transfer) ? (o.transfer as Wire[]) : []).map((t) => ({
        ...t,
        organizationFiscalCode: t.organizationFiscalCode ?? org,
        status: 'T_UNREPORTED',
      })),
    })),
  };
}

const DEBTOR_FIELDS = [
  'fiscalCode',
  'fullName',
  'streetName',
  'civicNumber',
  'postalCode',
  'city',
  'province',
  'region',
  'country',
  'email',
  'phone',
  'switchToExpired',
  'payStandIn',
];
function withoutDebtor(position: Wire): Wire {
  return Object.fromEntries(Object.entries(position).filter(([k]) => !DEBTOR_FIELDS.includes(k)));
}

function iuvsOf(body: Wire): string[] {
  const options = Array.isArray(body.paymentOption) ? (body.paymentOption as Wire[]) : [];
  return options.map((o) => String(o.iuv));
}

/** Applies one request to the store and says what GPD would answer. */
function route(req: StubRequest, positions: Map<string, Wire>, receipts: Map<string, string>): Answer {
  if (req.key !== STUB_KEY) return { status: 401 };
  if (req.path.startsWith(RECEIPTS)) {
    const [org, , iuv] = req.path.slice(RECEIPTS.length).split('/');
    if (iuv === undefined) {
      const results = [...receipts.keys()]
        .filter((k) => k.startsWith(`${org}/`))
        .map((k) => ({ organizationFiscalCode: org, iuv: k.split('/')[1], paymentDateTime: '2026-02-01T10:00:00' }));
      return { status: 200, body: { currentPageNumber: 0, length: results.length, totalPages: 1, results } };
    }
    const xml = receipts.get(`${org}/${iuv}`);
    if (xml === undefined) return problem(404, 'Not found', `No receipt for ${iuv}`);
    return { status: 200, body: xml, headers: { 'content-type': 'application/xml' }, raw: true };
  }
  if (!req.path.startsWith(GPD)) return { status: 404 };
  const [org, , iupd, action] = req.path.slice(GPD.length).split('/').map(decodeURIComponent);
  const key = `${org}/${iupd}`;
  const current = positions.get(key);
  if (iupd === undefined && req.method === 'GET') {
    const limit = Number(req.query.get('limit') ?? 10);
    const page = Number(req.query.get('page') ?? 0);
    const all = [...positions.entries()].filter(([k]) => k.startsWith(`${org}/`)).map(([, v]) => v);
    const list = all.slice(page * limit, page * limit + limit).map(withoutDebtor);
    const pageInfo = { page, limit, items_found: list.length, total_pages: Math.ceil(all.length / limit) };
    return { status: 200, body: { payment_position_list: list, page_info: pageInfo } };
  }
  if (iupd === undefined && req.method === 'POST') {
    const body = req.body as Wire;
    const id = `${org}/${String(body.iupd)}`;
    if (positions.has(id)) return problem(409, 'Conflict', `Debt Position with IUPD ${String(body.iupd)} exists`);
    const taken = new Set(
      [...positions.entries()].filter(([k]) => k.startsWith(`${org}/`)).flatMap(([, v]) => iuvsOf(v)),
    );
    if (iuvsOf(body).some((iuv) => taken.has(iuv))) return problem(409, 'Conflict', 'IUV already used');
    const status = req.query.get('toPublish') === 'true' ? 'VALID' : 'DRAFT';
    positions.set(id, withDefaults(body, org as string, status));
    return { status: 201, body: positions.get(id) };
  }
  if (current === undefined) return problem(404, 'Not found', `No debt position ${iupd}`);
  const status = String(current.status);
  if (action === 'publish' && req.method === 'POST') {
    if (status !== 'DRAFT') return problem(409, 'Conflict', `Not in DRAFT: ${status}`);
    positions.set(key, { ...current, status: 'VALID', publishDate: '2026-01-10T11:00:00Z' });
    return { status: 200, body: positions.get(key) };
  }
  if (action === 'invalidate' && req.method === 'POST') {
    if (status !== 'PUBLISHED' && status !== 'VALID') return problem(409, 'Conflict', `Not invalidatable: ${status}`);
    positions.set(key, { ...current, status: 'INVALID' });
    return { status: 200, body: positions.get(key) };
  }
  if (action !== undefined) return { status: 404 };
  // gpd.json: the get answer is a PaymentPositionModelBaseResponse, without the debtor.
  if (req.method === 'GET') return { status: 200, body: withoutDebtor(current) };
  if (!['DRAFT', 'PUBLISHED', 'VALID'].includes(status)) return problem(409, 'Conflict', `Not allowed: ${status}`);
  if (req.method === 'DELETE') {
    positions.delete(key);
    return { status: 200, body: 'OK' };
  }
  if (req.method === 'PUT') {
    // GPD: an update without toPublish puts the position back to DRAFT.
    const next = req.query.get('toPublish') === 'true' ? 'VALID' : 'DRAFT';
    positions.set(key, withDefaults(req.body as Wire, org as string, next));
    return { status: 200, body: positions.get(key) };
  }
  return { status: 405 };
}

function send(res: ServerResponse, answer: Answer): void {
  let text = answer.body === undefined ? '' : JSON.stringify(answer.body);
  if (answer.raw && typeof answer.body === 'string') text = answer.body;
  res.writeHead(answer.status, {
    'content-type': 'application/json',
    'x-request-id': 'stub-req-1',
    ...answer.headers,
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Starts the stub on 127.0.0.1, port 0. */
export async function startGpdStub(): Promise<GpdStub> {
  const requests: StubRequest[] = [];
  const positions = new Map<string, Wire>();
  const receipts = new Map<string, string>();
  const plans: StubPlan[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const key = req.headers['ocp-apim-subscription-key'];
      const rid = req.headers['x-request-id'];
      const recorded: StubRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        key: typeof key === 'string' ? key : undefined,
        requestId: typeof rid === 'string' ? rid : undefined,
        body: await readBody(req),
      };
      requests.push(recorded);
      const plan = plans.find(
        (p) =>
          (p.method === undefined || p.method === recorded.method) &&
          (p.path === undefined || recorded.path.includes(p.path)),
      );
      if (plan) {
        plan.times = (plan.times ?? 1) - 1;
        if (plan.times <= 0) plans.splice(plans.indexOf(plan), 1);
      }
      const action = plan?.action;
      if (action === 'hang') return;
      if (action === 'drop-before') {
        req.socket.destroy();
        return;
      }
      if (typeof action === 'object') {
        send(res, action);
        return;
      }
      const answer = route(recorded, positions, receipts);
      if (action === 'drop-after') req.socket.destroy();
      else send(res, answer);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    positions,
    receipts,
    plan: (p) => plans.push({ times: 1, ...p }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A valid single-option position for creditor 77777777777 (dates valid against `NOW`). */
export const NOW = new Date('2026-01-10T09:00:00Z');
export function sampleInput(iupd = '77777777777-pos-1', iuv = '01000000000000123', amountCents = 1250) {
  return {
    iupd,
    debtor: { type: 'F', fiscalCode: 'RSSMRA85T10A562S', fullName: 'Mario Rossi' },
    companyName: 'Comune di Esempio',
    switchToExpired: false,
    paymentOptions: [
      {
        iuv,
        amountCents,
        description: 'TARI 2026',
        dueDate: '2026-12-31',
        isPartialPayment: false,
        transfers: [
          {
            idTransfer: 1,
            amountCents,
            remittanceInformation: 'TARI 2026',
            category: '9/0101101IM/',
            iban: 'IT60X0542811101000000123456',
          },
        ],
      },
    ],
  } as const;
}
