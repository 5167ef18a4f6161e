import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PagoPaError } from '../src/errors.js';
import type { DebtPositionInput } from '../src/gpd/debt-position.js';
import { createGpdClient, type GpdClient } from '../src/index.js';
import { type GpdStub, NOW, STUB_KEY, sampleInput, startGpdStub } from './gpd-stub-server.js';

const ORG = '77777777777';
const IUPD = '77777777777-pos-1';
const POSITIONS = `/gpd/debt-positions-service/v1/organizations/${ORG}/debtpositions`;

let stub: GpdStub;
let gpd: GpdClient;
beforeEach(async () => {
  stub = await startGpdStub();
  gpd = createGpdClient({
    baseUrl: stub.url,
    apiKey: STUB_KEY,
    organizationFiscalCode: ORG,
    segregationCodes: ['01', '02'],
    baseDelayMs: 1,
    now: () => NOW,
  });
});
afterEach(async () => {
  await stub.close();
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
const setStatus = (status: string) => {
  const key = `${ORG}/${IUPD}`;
  stub.positions.set(key, { ...stub.positions.get(key), status });
};

describe('updatePosition', () => {
  it('PUTs the full replacement and returns it', async () => {
    await gpd.createPosition(input());
    const updated = await gpd.updatePosition(IUPD, input(IUPD, '01000000000000123', 2000), { publish: true });
    expect(updated.paymentOptions[0]?.amountCents).toBe(2000);
    expect(updated.status).toBe('VALID');
    expect(stub.requests.at(-1)?.method).toBe('PUT');
    expect(stub.requests.at(-1)?.query.get('toPublish')).toBe('true');
  });

  it('a lost response is retried (PUT is idempotent)', async () => {
    await gpd.createPosition(input());
    stub.plan({ method: 'PUT', action: 'drop-after' });
    const updated = await gpd.updatePosition(IUPD, input(IUPD, '01000000000000123', 2000));
    expect(updated.paymentOptions[0]?.amountCents).toBe(2000);
    expect(calls().filter((c) => c.startsWith('PUT'))).toHaveLength(2);
  });

  it('refuses an input whose iupd differs from the argument', async () => {
    const error = await failure(gpd.updatePosition('77777777777-other', input()));
    expect(error.code).toBe('ERR_PAGOPA_INVALID_DEBT_POSITION');
    expect(error.field).toBe('iupd');
    expect(stub.requests).toHaveLength(0);
  });

  it('a 409 on a PAID position: INVALID_TRANSITION update', async () => {
    await gpd.createPosition(input());
    setStatus('PAID');
    const error = await failure(gpd.updatePosition(IUPD, input()));
    expect(error.code).toBe('ERR_PAGOPA_INVALID_TRANSITION');
    expect(error.rule).toBe('update');
    expect(error.status).toBe(409);
  });

  it('a missing position: NOT_FOUND', async () => {
    const error = await failure(gpd.updatePosition(IUPD, input()));
    expect(error.code).toBe('ERR_PAGOPA_API_NOT_FOUND');
  });

  it('segregation codes are checked before sending', async () => {
    const error = await failure(gpd.createPosition(input(IUPD, '03000000000000123')));
    expect(error.code).toBe('ERR_PAGOPA_INVALID_DEBT_POSITION');
    expect(error.rule).toBe('segregation-code');
  });
});

describe('deletePosition', () => {
  it('deletes', async () => {
    await gpd.createPosition(input());
    await gpd.deletePosition(IUPD);
    expect(stub.positions.size).toBe(0);
  });

  it('a lost response then a 404 on the retry counts as deleted', async () => {
    await gpd.createPosition(input());
    stub.plan({ method: 'DELETE', action: 'drop-after' });
    await expect(gpd.deletePosition(IUPD)).resolves.toBeUndefined();
    expect(calls().filter((c) => c.startsWith('DELETE'))).toHaveLength(2);
  });

  it('a 404 on the first attempt is NOT_FOUND', async () => {
    const error = await failure(gpd.deletePosition(IUPD));
    expect(error.code).toBe('ERR_PAGOPA_API_NOT_FOUND');
    expect(error.outcome).toBe('rejected');
  });

  it('a 409 on a REPORTED position: INVALID_TRANSITION delete', async () => {
    await gpd.createPosition(input());
    setStatus('REPORTED');
    const error = await failure(gpd.deletePosition(IUPD));
    expect(error.code).toBe('ERR_PAGOPA_INVALID_TRANSITION');
    expect(error.rule).toBe('delete');
  });
});

describe('publishPosition and invalidatePosition', () => {
  it('publishes a DRAFT', async () => {
    await gpd.createPosition(input());
    expect((await gpd.publishPosition(IUPD)).status).toBe('VALID');
  });

  it('a lost publish response: the retry gets 409, the read-back shows it published', async () => {
    await gpd.createPosition(input());
    stub.plan({ method: 'POST', path: '/publish', action: 'drop-after' });
    expect((await gpd.publishPosition(IUPD)).status).toBe('VALID');
    expect(calls().slice(1)).toEqual([`POST /${IUPD}/publish`, `POST /${IUPD}/publish`, `GET /${IUPD}`]);
  });

  it('publishing twice returns the published position', async () => {
    await gpd.createPosition(input(), { publish: true });
    expect((await gpd.publishPosition(IUPD)).status).toBe('VALID');
  });

  it('publishing an INVALID position: INVALID_TRANSITION publish', async () => {
    await gpd.createPosition(input(), { publish: true });
    await gpd.invalidatePosition(IUPD);
    const error = await failure(gpd.publishPosition(IUPD));
    expect(error.code).toBe('ERR_PAGOPA_INVALID_TRANSITION');
    expect(error.rule).toBe('publish');
    expect(error.outcome).toBe('rejected');
  });

  it('invalidating twice, or after a lost response, returns the INVALID position', async () => {
    await gpd.createPosition(input(), { publish: true });
    stub.plan({ method: 'POST', path: '/invalidate', action: 'drop-after' });
    expect((await gpd.invalidatePosition(IUPD)).status).toBe('INVALID');
    expect((await gpd.invalidatePosition(IUPD)).status).toBe('INVALID');
  });

  it('invalidating a DRAFT: INVALID_TRANSITION invalidate', async () => {
    await gpd.createPosition(input());
    const error = await failure(gpd.invalidatePosition(IUPD));
    expect(error.code).toBe('ERR_PAGOPA_INVALID_TRANSITION');
    expect(error.rule).toBe('invalidate');
  });

  it('a missing position: NOT_FOUND', async () => {
    const error = await failure(gpd.publishPosition(IUPD));
    expect(error.code).toBe('ERR_PAGOPA_API_NOT_FOUND');
  });
});

describe('receipts', () => {
  const RECEIPTS = `/gpd/payments-receipts-service/v1/payments/${ORG}/receipts`;

  it('lists receipts with the segregation codes and the query', async () => {
    stub.receipts.set(`${ORG}/01000000000000123`, '<paSendRTV2Request/>');
    const page = await gpd.listReceipts({ page: 0, pageSize: 100, from: '2026-01-01', debtorOrIuv: '0100' });
    expect(page.receipts).toEqual([
      { organizationFiscalCode: ORG, iuv: '01000000000000123', paymentDateTime: '2026-02-01T10:00:00' },
    ]);
    expect(page).toMatchObject({ page: 0, totalPages: 1 });
    const req = stub.requests[0];
    expect(req?.path).toBe(RECEIPTS);
    expect(Object.fromEntries(req?.query ?? [])).toEqual({
      pageNum: '0',
      pageSize: '100',
      from: '2026-01-01',
      debtorOrIuv: '0100',
      segregationCodes: '01,02',
    });
  });

  it('gives an empty page when no receipt matches (404) or the page is past the last (400 Not enough elements)', async () => {
    stub.plan({
      action: { status: 404, body: { title: 'Not found the receipts', status: 404, detail: 'No receipts' } },
    });
    expect(await gpd.listReceipts({ page: 3 })).toEqual({ page: 3, totalPages: 0, receipts: [] });
    stub.plan({ action: { status: 400, body: { title: 'Bad Request', status: 400, detail: 'Not enough elements' } } });
    expect(await gpd.listReceipts()).toEqual({ page: 0, totalPages: 0, receipts: [] });
    stub.plan({ action: { status: 400, body: { title: 'Bad Request', status: 400, detail: 'Invalid date' } } });
    expect((await failure(gpd.listReceipts())).code).toBe('ERR_PAGOPA_API_BAD_REQUEST');
  });

  it('refuses a bad receipts query or IUV without sending', async () => {
    expect((await failure(gpd.listReceipts({ pageSize: 101 }))).field).toBe('query.pageSize');
    expect((await failure(gpd.listReceipts({ debtor: 'a\nb' }))).field).toBe('query.debtor');
    expect((await failure(gpd.getReceipt('123'))).field).toBe('iuv');
    expect(stub.requests).toHaveLength(0);
  });

  it('a missing receipt: NOT_FOUND', async () => {
    const error = await failure(gpd.getReceipt('01000000000000999'));
    expect(error.code).toBe('ERR_PAGOPA_API_NOT_FOUND');
    expect(stub.requests[0]?.path).toBe(`${RECEIPTS}/01000000000000999`);
  });

  it('an answer that is not XML text: UNEXPECTED_RESPONSE not-xml', async () => {
    stub.plan({ action: { status: 200, body: { receipt: 1 } } });
    const error = await failure(gpd.getReceipt('01000000000000123'));
    expect(error.code).toBe('ERR_PAGOPA_API_UNEXPECTED_RESPONSE');
    expect(error.rule).toBe('not-xml');
  });

  it('reads the receipt served as application/xml', async () => {
    stub.receipts.set(`${ORG}/01000000000000123`, '<?xml version="1.0"?><paSendRTV2Request/>');
    expect(await gpd.getReceipt('01000000000000123')).toBe('<?xml version="1.0"?><paSendRTV2Request/>');
  });

  it('reads XML wrapped in a JSON string', async () => {
    stub.plan({ action: { status: 200, body: '<paSendRTV2Request/>' } });
    expect(await gpd.getReceipt('01000000000000123')).toBe('<paSendRTV2Request/>');
  });
});
