import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PagoPaError } from '../src/errors.js';
import type { DebtPositionInput } from '../src/gpd/debt-position.js';
import { createGpdClient } from '../src/index.js';
import { type GpdStub, NOW, STUB_KEY, sampleInput, startGpdStub } from './gpd-stub-server.js';

const ORG = '77777777777';
const POSITIONS = `/gpd/debt-positions-service/v1/organizations/${ORG}/debtpositions`;

let stub: GpdStub;
beforeEach(async () => {
  stub = await startGpdStub();
});
afterEach(async () => {
  await stub.close();
});

const client = (extra: { maxRetries?: number; segregationCodes?: string[] } = {}) =>
  createGpdClient({
    baseUrl: stub.url,
    apiKey: STUB_KEY,
    organizationFiscalCode: ORG,
    baseDelayMs: 1,
    now: () => NOW,
    ...extra,
  });

async function failure(promise: Promise<unknown>): Promise<PagoPaError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!PagoPaError.isInstance(error)) throw new Error(`expected a PagoPaError, got ${String(error)}`);
  return error;
}

const input = (...args: Parameters<typeof sampleInput>): DebtPositionInput => sampleInput(...args);
const calls = () => stub.requests.map((r) => `${r.method} ${r.path.slice(POSITIONS.length) || '/'}`);

describe('createGpdClient options', () => {
  const base = { apiKey: STUB_KEY, organizationFiscalCode: ORG };
  const cases: [string, unknown, string][] = [
    ['no target', base, 'environment'],
    ['both targets', { ...base, environment: 'uat', baseUrl: 'https://x.example' }, 'baseUrl'],
    ['http off loopback', { ...base, baseUrl: 'http://api.example' }, 'baseUrl'],
    ['credentials in the URL', { ...base, baseUrl: 'https://u:p@api.example' }, 'baseUrl'],
    ['empty key', { ...base, environment: 'uat', apiKey: '' }, 'apiKey'],
    [
      'creditor not 11 digits',
      { ...base, environment: 'uat', organizationFiscalCode: '123' },
      'organizationFiscalCode',
    ],
    ['bad segregation code', { ...base, environment: 'uat', segregationCodes: ['1'] }, 'segregationCodes.0'],
    ['maxRetries too high', { ...base, environment: 'uat', maxRetries: 100 }, 'maxRetries'],
  ];
  for (const [name, options, field] of cases) {
    it(`refuses ${name}`, () => {
      let caught: unknown;
      try {
        createGpdClient(options as never);
      } catch (error) {
        caught = error;
      }
      expect(PagoPaError.isInstance(caught) && caught.code).toBe('ERR_PAGOPA_INVALID_CONFIG');
      expect((caught as PagoPaError).field).toBe(field);
    });
  }

  it('resolves an environment to its host and service path', () => {
    const uat = createGpdClient({ ...base, environment: 'uat' });
    expect(uat.baseUrl).toBe('https://api.uat.platform.pagopa.it/gpd/debt-positions-service/v1/');
    expect(createGpdClient({ ...base, baseUrl: 'http://[::1]:4100/' }).baseUrl).toBe(
      'http://[::1]:4100/gpd/debt-positions-service/v1/',
    );
  });
});

describe('createPosition', () => {
  it('POSTs the wire body with the key and returns the stored position', async () => {
    const position = await client().createPosition(input());
    expect(position.status).toBe('DRAFT');
    expect(position.organizationFiscalCode).toBe(ORG);
    expect(position.paymentOptions[0]?.nav).toBe('301000000000000123');
    expect(position.paymentOptions[0]?.dueDate).toBe('2026-12-31');
    const [req] = stub.requests;
    expect(req?.key).toBe(STUB_KEY);
    expect(req?.query.get('toPublish')).toBe('false');
    const body = req?.body as {
      paymentOption: { amount: number; dueDate: string; transfer: { idTransfer: string }[] }[];
    };
    expect(body.paymentOption[0]?.amount).toBe(1250);
    expect(body.paymentOption[0]?.dueDate).toBe('2026-12-31T23:59:59+01:00');
    expect(body.paymentOption[0]?.transfer[0]?.idTransfer).toBe('1');
  });

  it('publishes at once with publish: true', async () => {
    const position = await client().createPosition(input(), { publish: true });
    expect(position.status).toBe('VALID');
    expect(stub.requests[0]?.query.get('toPublish')).toBe('true');
  });

  it('validates before sending: nothing reaches GPD', async () => {
    const bad = {
      ...input(),
      paymentOptions: [{ ...input().paymentOptions[0], amountCents: 999 }],
    } as DebtPositionInput;
    const error = await failure(client().createPosition(bad));
    expect(error.code).toBe('ERR_PAGOPA_INVALID_DEBT_POSITION');
    expect(error.rule).toBe('transfer-sum');
    expect(stub.requests).toHaveLength(0);
  });

  it('a lost response is retried; the 409 is read back and the same position returned', async () => {
    stub.plan({ method: 'POST', action: 'drop-after' });
    const position = await client().createPosition(input());
    expect(position.iupd).toBe('77777777777-pos-1');
    // The get answer has no debtor: the input's is put back.
    expect(position.debtor?.fiscalCode).toBe('RSSMRA85T10A562S');
    expect(calls()).toEqual(['POST /', 'POST /', 'GET /77777777777-pos-1']);
    expect(stub.positions.size).toBe(1);
  });

  it('the same through a fetch (ky wire): lost response, 503 and 429 end in one position', async () => {
    const gpd = createGpdClient({
      baseUrl: stub.url,
      apiKey: STUB_KEY,
      organizationFiscalCode: ORG,
      baseDelayMs: 1,
      now: () => NOW,
      fetch: globalThis.fetch,
    });
    stub.plan({ method: 'POST', action: { status: 503 } });
    stub.plan({ method: 'POST', action: { status: 429, headers: { 'retry-after': '0' } } });
    stub.plan({ method: 'POST', action: 'drop-after' });
    const position = await gpd.createPosition(input(), { publish: true });
    expect(position.status).toBe('VALID');
    expect(calls()).toEqual(['POST /', 'POST /', 'POST /', 'POST /', 'GET /77777777777-pos-1']);
    expect(stub.positions.size).toBe(1);
  });

  it('a lost response with publish: true publishes the DRAFT found by read-back', async () => {
    await client().createPosition(input());
    stub.requests.length = 0;
    const position = await client().createPosition(input(), { publish: true });
    expect(position.status).toBe('VALID');
    expect(calls()).toEqual(['POST /', 'GET /77777777777-pos-1', 'POST /77777777777-pos-1/publish']);
  });

  it('a 503 before the write is retried', async () => {
    stub.plan({ method: 'POST', action: { status: 503 }, times: 2 });
    const position = await client().createPosition(input());
    expect(position.status).toBe('DRAFT');
    expect(stub.requests).toHaveLength(3);
  });

  it('5xx until retries run out: SERVER_ERROR with outcome unknown', async () => {
    stub.plan({ method: 'POST', action: { status: 500 }, times: 10 });
    const error = await failure(client({ maxRetries: 2 }).createPosition(input()));
    expect(error.code).toBe('ERR_PAGOPA_API_SERVER_ERROR');
    expect(error.outcome).toBe('unknown');
    expect(stub.requests).toHaveLength(3);
  });

  it('the IUPD holding a different debt: CONFLICT different-debt', async () => {
    await client().createPosition(input());
    const error = await failure(client().createPosition(input('77777777777-pos-1', '01000000000000123', 1300)));
    expect(error.code).toBe('ERR_PAGOPA_API_CONFLICT');
    expect(error.rule).toBe('different-debt');
    expect(error.outcome).toBe('rejected');
    expect(error.problem?.title).toBe('Conflict');
  });

  it('an IUV held by another position: CONFLICT notice-taken', async () => {
    await client().createPosition(input());
    const error = await failure(client().createPosition(input('77777777777-pos-2')));
    expect(error.code).toBe('ERR_PAGOPA_API_CONFLICT');
    expect(error.rule).toBe('notice-taken');
  });

  it('an invalidated IUPD is never reused: INVALID_TRANSITION terminal-status', async () => {
    const gpd = client();
    await gpd.createPosition(input(), { publish: true });
    await gpd.invalidatePosition('77777777777-pos-1');
    const error = await failure(gpd.createPosition(input()));
    expect(error.code).toBe('ERR_PAGOPA_INVALID_TRANSITION');
    expect(error.rule).toBe('terminal-status');
  });

  it('an unreadable 201 is UNEXPECTED_RESPONSE with outcome unknown', async () => {
    stub.plan({ method: 'POST', action: { status: 201, body: { nope: true } } });
    const error = await failure(client().createPosition(input()));
    expect(error.code).toBe('ERR_PAGOPA_API_UNEXPECTED_RESPONSE');
    expect(error.outcome).toBe('unknown');
    expect(error.status).toBe(201);
  });
});

describe('getPosition and listPositions', () => {
  it('reads a position; 404 is NOT_FOUND', async () => {
    const gpd = client();
    await gpd.createPosition(input());
    const position = await gpd.getPosition('77777777777-pos-1');
    expect(position.paymentOptions[0]?.amountCents).toBe(1250);
    const error = await failure(gpd.getPosition('77777777777-none'));
    expect(error.code).toBe('ERR_PAGOPA_API_NOT_FOUND');
    expect(error.outcome).toBe('rejected');
  });

  it('refuses a bad IUPD without sending', async () => {
    for (const iupd of ['', 'x'.repeat(36), 'a/b c', '.', '..', 42]) {
      const error = await failure(client().getPosition(iupd as string));
      expect(error.code).toBe('ERR_PAGOPA_INVALID_DEBT_POSITION');
      expect(error.field).toBe('iupd');
    }
    expect(stub.requests).toHaveLength(0);
  });

  it('encodes the IUPD as one path segment', async () => {
    await failure(client().getPosition('a?b#c%d'));
    expect(stub.requests[0]?.path).toBe(`${POSITIONS}/a%3Fb%23c%25d`);
  });

  it('maps the query to GPD parameters and reads the page', async () => {
    const gpd = client();
    await gpd.createPosition(input());
    const page = await gpd.listPositions({
      page: 0,
      limit: 50,
      dueDateFrom: '2026-01-01',
      dueDateTo: '2026-12-31',
      status: 'DRAFT',
      orderBy: 'IUPD',
      ordering: 'ASC',
    });
    expect(page.positions.map((p) => p.iupd)).toEqual(['77777777777-pos-1']);
    expect(page).toMatchObject({ page: 0, limit: 50, itemsFound: 1, totalPages: 1 });
    expect(Object.fromEntries(stub.requests.at(-1)?.query ?? [])).toEqual({
      page: '0',
      limit: '50',
      due_date_from: '2026-01-01',
      due_date_to: '2026-12-31',
      status: 'DRAFT',
      orderby: 'IUPD',
      ordering: 'ASC',
    });
  });

  it('refuses a bad query without sending', async () => {
    const cases: [unknown, string][] = [
      [{ limit: 51 }, 'query.limit'],
      [{ page: -1 }, 'query.page'],
      [{ dueDateFrom: '2026-02-30' }, 'query.dueDateFrom'],
      [{ dueDateFrom: '2026-01-01', paymentDateTo: '2026-02-01' }, 'query.paymentDateFrom'],
      [{ paymentDateFrom: '2026-03-01', paymentDateTo: '2026-02-01' }, 'query.paymentDateTo'],
      [{ status: 'PENDING' }, 'query.status'],
      [{ sort: 'x' }, 'query'],
    ];
    for (const [query, field] of cases) {
      const error = await failure(client().listPositions(query as never));
      expect(error.code).toBe('ERR_PAGOPA_INVALID_CONFIG');
      expect(error.field).toBe(field);
    }
    expect(stub.requests).toHaveLength(0);
  });
});
