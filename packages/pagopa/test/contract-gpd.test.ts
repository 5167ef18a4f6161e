// Contract: every GPD client operation and the sandbox's GPD error answers, through Prism
// `proxy --errors` on gpd.json (requests and answers both validated; any violation fails).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGpdClient, type GpdClient, PagoPaError } from '../src/index.js';
import { PAGOPA_SERVICE_PATHS } from '../src/platform/environment.js';
import { createGpdSandbox, type GpdSandbox } from '../src/sandbox/index.js';
import { operationCoverage } from './contract-coverage.js';
import { IBAN, instalmentPosition, iuvOf, now, ORG, SEGREGATION_CODE, singlePosition } from './contract-fixtures.js';
import { type ContractHarness, startContractHarness } from './contract-router.js';
import { requireSpecs } from './contract-specs.js';

const present = requireSpecs('GPD contract', ['gpd']);

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return PagoPaError.isInstance(err) ? `${err.code}${err.rule ? `/${err.rule}` : ''}` : String(err);
}

describe.runIf(present)('GPD client and sandbox against gpd.json (Prism proxy)', () => {
  let harness: ContractHarness;
  let sandbox: GpdSandbox;
  let gpd: GpdClient;

  const clientWith = (apiKey: string): GpdClient =>
    createGpdClient({
      baseUrl: harness.url,
      apiKey,
      organizationFiscalCode: ORG,
      segregationCodes: [SEGREGATION_CODE],
      maxRetries: 1,
      baseDelayMs: 1,
      now,
    });

  beforeAll(async () => {
    sandbox = await createGpdSandbox({ now, seed: 11, organizations: [ORG] });
    harness = await startContractHarness({ services: ['gpd'], upstream: sandbox.url });
    gpd = clientWith(sandbox.apiKey);
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
    await sandbox?.close();
  });

  afterEach(() => {
    // Any request or answer outside the spec fails the test that caused it.
    expect(harness.takeViolations()).toEqual([]);
  });

  it('createPosition: a draft, and a published position with instalments', async () => {
    const draft = await gpd.createPosition(singlePosition(1));
    expect(draft.status).toBe('DRAFT');
    expect(draft.paymentOptions[0]?.nav).toBe(`3${iuvOf(1)}`);
    const published = await gpd.createPosition(instalmentPosition(10), { publish: true });
    expect(['PUBLISHED', 'VALID']).toContain(published.status);
    expect(published.paymentOptions.map((o) => o.amountCents)).toEqual([30_000, 15_000, 15_000]);
    expect(published.paymentOptions[0]?.transfers[1]?.organizationFiscalCode).toBe('00000000000');
  });

  it('getPosition returns what was created (due dates back as calendar dates; no debtor, as gpd.json says)', async () => {
    const input = instalmentPosition(20);
    const created = await gpd.createPosition(input);
    expect(created.debtor?.fiscalCode).toBe(input.debtor.fiscalCode);
    const got = await gpd.getPosition(input.iupd);
    expect(got.iupd).toBe(input.iupd);
    expect(got.debtor).toBeUndefined();
    expect(got.paymentOptions.map((o) => o.dueDate)).toEqual(['2026-06-30', '2026-06-30', '2026-09-30']);
    expect(got.paymentOptions[0]?.metadata).toEqual([{ key: 'anno', value: '2026' }]);
  });

  it('listPositions: no query, and every filter, order and page parameter', async () => {
    const dueDate = '2026-11-15';
    const mine = [singlePosition(30, { dueDate }), singlePosition(31, { dueDate })];
    for (const input of mine) await gpd.createPosition(input);
    const all = await gpd.listPositions();
    expect(all.itemsFound).toBeGreaterThanOrEqual(2);
    const page = await gpd.listPositions({
      page: 0,
      limit: 2,
      dueDateFrom: dueDate,
      dueDateTo: dueDate,
      status: 'DRAFT',
      orderBy: 'IUPD',
      ordering: 'ASC',
    });
    expect(page.positions.map((p) => p.iupd)).toEqual(mine.map((p) => p.iupd));
    expect([page.page, page.limit, page.itemsFound, page.totalPages]).toEqual([0, 2, 2, 1]);
    const second = await gpd.listPositions({ page: 1, limit: 1, dueDateFrom: dueDate, dueDateTo: dueDate });
    expect([second.positions.length, second.totalPages]).toEqual([1, 2]);
    const paid = await gpd.listPositions({ paymentDateFrom: '2026-01-01', paymentDateTo: '2026-01-31' });
    expect(paid.positions).toEqual([]);
    for (const orderBy of ['INSERTED_DATE', 'STATUS', 'COMPANY_NAME'] as const) {
      const ordered = await gpd.listPositions({ orderBy, ordering: 'DESC', dueDateFrom: dueDate, dueDateTo: dueDate });
      expect(ordered.positions).toHaveLength(2);
    }
  });

  it('updatePosition replaces the debt, with and without publish', async () => {
    await gpd.createPosition(singlePosition(40));
    const changed = singlePosition(40, { amountCents: 20_000 });
    const updated = await gpd.updatePosition(changed.iupd, changed);
    expect(updated.paymentOptions[0]?.amountCents).toBe(20_000);
    expect(updated.status).toBe('DRAFT');
    const republished = await gpd.updatePosition(changed.iupd, singlePosition(40, { amountCents: 21_000 }), {
      publish: true,
    });
    expect(['PUBLISHED', 'VALID']).toContain(republished.status);
    expect(republished.paymentOptions[0]?.amountCents).toBe(21_000);
  });

  it('publishPosition, invalidatePosition and deletePosition', async () => {
    await gpd.createPosition(singlePosition(50));
    const published = await gpd.publishPosition(singlePosition(50).iupd);
    expect(['PUBLISHED', 'VALID']).toContain(published.status);
    const invalid = await gpd.invalidatePosition(singlePosition(50).iupd);
    expect(invalid.status).toBe('INVALID');
    await gpd.createPosition(singlePosition(51));
    await expect(gpd.deletePosition(singlePosition(51).iupd)).resolves.toBeUndefined();
    expect(await codeOf(gpd.getPosition(singlePosition(51).iupd))).toBe('ERR_PAGOPA_API_NOT_FOUND');
  });

  it('sandbox 401: a wrong subscription key', async () => {
    expect(await codeOf(clientWith('wrong-test-only-key').getPosition(singlePosition(1).iupd))).toBe(
      'ERR_PAGOPA_API_UNAUTHORIZED',
    );
    expect(await codeOf(clientWith('wrong-test-only-key').createPosition(singlePosition(70)))).toBe(
      'ERR_PAGOPA_API_UNAUTHORIZED',
    );
  });

  it('sandbox 403: a creditor the key may not act for', async () => {
    const other = createGpdClient({
      baseUrl: harness.url,
      apiKey: sandbox.apiKey,
      organizationFiscalCode: '00000000000',
      now,
    });
    const err = await other.listPositions().catch((e: unknown) => e);
    expect(PagoPaError.isInstance(err) && [err.code, err.status, err.outcome]).toEqual([
      'ERR_PAGOPA_API_UNAUTHORIZED',
      403,
      'rejected',
    ]);
  });

  it('sandbox 404: unknown position for get, update, publish, invalidate and delete', async () => {
    const ghost = singlePosition(99);
    expect(await codeOf(gpd.getPosition(ghost.iupd))).toBe('ERR_PAGOPA_API_NOT_FOUND');
    expect(await codeOf(gpd.updatePosition(ghost.iupd, ghost))).toBe('ERR_PAGOPA_API_NOT_FOUND');
    expect(await codeOf(gpd.publishPosition(ghost.iupd))).toBe('ERR_PAGOPA_API_NOT_FOUND');
    expect(await codeOf(gpd.invalidatePosition(ghost.iupd))).toBe('ERR_PAGOPA_API_NOT_FOUND');
    expect(await codeOf(gpd.deletePosition(ghost.iupd))).toBe('ERR_PAGOPA_API_NOT_FOUND');
  });

  it('sandbox 409: same IUPD with another debt, IUV held by another position', async () => {
    await gpd.createPosition(singlePosition(60));
    // The same debt again is no conflict: the create reads it back.
    expect((await gpd.createPosition(singlePosition(60))).iupd).toBe(singlePosition(60).iupd);
    expect(await codeOf(gpd.createPosition(singlePosition(60, { amountCents: 1 })))).toBe(
      'ERR_PAGOPA_API_CONFLICT/different-debt',
    );
    const sameIuv = { ...singlePosition(60), iupd: `${ORG}-civico-other-60` };
    expect(await codeOf(gpd.createPosition(sameIuv))).toMatch(/^ERR_PAGOPA_API_CONFLICT/);
  });

  it('sandbox 409: a terminal IUPD is never reused and an invalid transition is refused', async () => {
    const input = singlePosition(61);
    await gpd.createPosition(input, { publish: true });
    await gpd.invalidatePosition(input.iupd);
    expect(await codeOf(gpd.createPosition(input))).toBe('ERR_PAGOPA_INVALID_TRANSITION/terminal-status');
    expect(await codeOf(gpd.publishPosition(input.iupd))).toMatch(/^ERR_PAGOPA_INVALID_TRANSITION/);
    // Invalidating it again is a 409 that the client reads back: already INVALID, so it returns it.
    expect((await gpd.invalidatePosition(input.iupd)).status).toBe('INVALID');
    await gpd.createPosition(singlePosition(62));
    expect(await codeOf(gpd.invalidatePosition(singlePosition(62).iupd))).toMatch(/^ERR_PAGOPA_INVALID_TRANSITION/);
    expect(await codeOf(gpd.updatePosition(input.iupd, input))).toMatch(
      /^ERR_PAGOPA_(INVALID_TRANSITION|API_CONFLICT)/,
    );
    expect(await codeOf(gpd.deletePosition(input.iupd))).toMatch(/^ERR_PAGOPA_(INVALID_TRANSITION|API_CONFLICT)/);
  });

  it('sandbox 400: a body the spec allows but the platform refuses (transfer sum)', async () => {
    const body = {
      iupd: `${ORG}-civico-bad-sum`,
      type: 'F',
      fiscalCode: 'RSSMRA85T10A562S',
      fullName: 'Mario Rossi',
      companyName: 'Comune di Prova',
      switchToExpired: false,
      paymentOption: [
        {
          iuv: iuvOf(80),
          amount: 1_000,
          description: 'TARI',
          isPartialPayment: false,
          dueDate: '2026-12-31T23:59:59+01:00',
          transfer: [
            { idTransfer: '1', amount: 999, remittanceInformation: 'TARI', category: '9/0101101IM/', iban: IBAN },
          ],
        },
      ],
    };
    const res = await fetch(`${harness.url}${PAGOPA_SERVICE_PATHS.gpd}/organizations/${ORG}/debtpositions`, {
      method: 'POST',
      headers: { 'Ocp-Apim-Subscription-Key': sandbox.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(400);
    expect(harness.exchanges.at(-1)).toMatchObject({ status: 400, byPrism: false });
    const problem = (await res.json()) as { status?: number };
    expect(problem.status).toBe(400);
    expect(sandbox.getPosition(ORG, body.iupd)).toBeUndefined();
  });

  // Declared last on purpose: it reads the exchanges of the tests above (vitest runs a file's tests in order).
  it('reached every gpd.json operation the client implements, with 2xx and the 400/401/404/409 answers', () => {
    const { missing, statuses } = operationCoverage('gpd', harness.exchanges, {
      updateTransferIbanMassive: 'bulk IBAN change: not part of GpdClient',
    });
    expect(missing).toEqual([]);
    expect(statuses.createPosition).toEqual(expect.arrayContaining([201, 400, 401, 409]));
    expect(statuses.getOrganizationDebtPositionByIUPD).toEqual(expect.arrayContaining([200, 401, 404]));
    for (const op of ['updatePosition', 'deletePosition', 'publishPosition', 'invalidatePosition']) {
      expect(statuses[op], op).toEqual(expect.arrayContaining([200, 404, 409]));
    }
    expect(statuses.getOrganizationDebtPositions).toEqual([200, 403]);
  });
});
