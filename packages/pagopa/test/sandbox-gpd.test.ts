import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGpdSandbox, type GpdSandbox } from '../src/sandbox/index.js';
import { gpd, IBAN, iuvOf, ORG, wirePosition } from './sandbox-fixtures.js';

let clock = new Date('2026-01-15T10:00:00Z');
let sandbox: GpdSandbox;
beforeAll(async () => {
  sandbox = await createGpdSandbox({ now: () => clock });
});
afterAll(() => sandbox.close());

describe('GPD v1 operations', () => {
  it('creates a draft, reads it back, lists it, publishes, invalidates', async () => {
    const created = await gpd(sandbox, 'POST', '', wirePosition('P-1', iuvOf(1)), { 'x-request-id': 'req-1' });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-request-id')).toBe('req-1');
    expect(created.body).toMatchObject({
      iupd: 'P-1',
      organizationFiscalCode: ORG,
      status: 'DRAFT',
      fiscalCode: 'RSSMRA80A01H501U',
      payStandIn: true,
      paymentOption: [
        {
          nav: `3${iuvOf(1)}`,
          status: 'PO_UNPAID',
          amount: 10_000,
          transfer: [{ idTransfer: '1', organizationFiscalCode: ORG, status: 'T_UNREPORTED' }, { idTransfer: '2' }],
        },
      ],
    });
    const got = await gpd(sandbox, 'GET', '/P-1');
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ iupd: 'P-1', status: 'DRAFT' });
    const list = await gpd(sandbox, 'GET', '?limit=5&page=0');
    expect(list.body).toMatchObject({ page_info: { page: 0, limit: 5, items_found: 1, total_pages: 1 } });
    expect(
      (list.body as { payment_position_list: Record<string, unknown>[] }).payment_position_list[0],
    ).not.toHaveProperty('fiscalCode');
    const published = await gpd(sandbox, 'POST', '/P-1/publish');
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'VALID' });
    expect((published.body as { publishDate?: string }).publishDate).toBe(clock.toISOString());
    expect((await gpd(sandbox, 'POST', '/P-1/publish')).status).toBe(409);
    const invalid = await gpd(sandbox, 'POST', '/P-1/invalidate');
    expect(invalid.body).toMatchObject({ status: 'INVALID' });
    expect((await gpd(sandbox, 'POST', '/P-1/invalidate')).status).toBe(409);
    expect((await gpd(sandbox, 'PUT', '/P-1', wirePosition('P-1', iuvOf(1)))).status).toBe(409);
    expect((await gpd(sandbox, 'DELETE', '/P-1')).status).toBe(409);
  });

  it('never reuses a terminal IUPD, IUV or NAV (409)', async () => {
    const again = await gpd(sandbox, 'POST', '', wirePosition('P-1', iuvOf(999)));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ status: 409, title: 'Conflict' });
    const sameIuv = await gpd(sandbox, 'POST', '', wirePosition('P-1b', iuvOf(1)));
    expect(sameIuv.status).toBe(409);
  });

  it('refuses duplicates of IUPD, IUV and NAV', async () => {
    expect((await gpd(sandbox, 'POST', '', wirePosition('D-1', iuvOf(10)))).status).toBe(201);
    expect((await gpd(sandbox, 'POST', '', wirePosition('D-1', iuvOf(11)))).status).toBe(409);
    expect((await gpd(sandbox, 'POST', '', wirePosition('D-2', iuvOf(10)))).status).toBe(409);
    const nav = wirePosition('D-3', iuvOf(12));
    (nav.paymentOption as Record<string, unknown>[])[0] = {
      ...(nav.paymentOption as Record<string, unknown>[])[0],
      nav: `3${iuvOf(10)}`,
    };
    expect((await gpd(sandbox, 'POST', '', nav)).status).toBe(409);
    expect(sandbox.getPosition(ORG, 'D-2')).toBeUndefined();
  });

  it('publishes on create with toPublish: VALID, or PUBLISHED until the validity date', async () => {
    const now = await gpd(sandbox, 'POST', '?toPublish=true', wirePosition('T-1', iuvOf(20)));
    expect(now.body).toMatchObject({ status: 'VALID' });
    const later = await gpd(
      sandbox,
      'POST',
      '?toPublish=true',
      wirePosition('T-2', iuvOf(21), { validityDate: '2026-02-01T00:00:00+01:00' }),
    );
    expect(later.body).toMatchObject({ status: 'PUBLISHED' });
    clock = new Date('2026-02-01T00:00:00+01:00');
    expect((await gpd(sandbox, 'GET', '/T-2')).body).toMatchObject({ status: 'VALID' });
    expect((await gpd(sandbox, 'POST', '?toPublish=maybe', wirePosition('T-3', iuvOf(22)))).status).toBe(400);
  });

  it('expires a switchToExpired position after its due date, and keeps the other payable', async () => {
    clock = new Date('2026-03-01T00:00:00Z');
    const body = wirePosition('E-1', iuvOf(30), { switchToExpired: true });
    (body.paymentOption as Record<string, unknown>[])[0] = {
      ...(body.paymentOption as Record<string, unknown>[])[0],
      dueDate: '2026-03-31T23:59:59+02:00',
    };
    expect((await gpd(sandbox, 'POST', '?toPublish=true', body)).status).toBe(201);
    expect(
      (
        await gpd(sandbox, 'POST', '?toPublish=true', {
          ...body,
          iupd: 'E-2',
          switchToExpired: false,
          paymentOption: [{ ...(body.paymentOption as Record<string, unknown>[])[0], iuv: iuvOf(31) }],
        })
      ).status,
    ).toBe(201);
    clock = new Date('2026-04-01T00:00:00+02:00');
    expect((await gpd(sandbox, 'GET', '/E-1')).body).toMatchObject({ status: 'EXPIRED' });
    expect((await gpd(sandbox, 'GET', '/E-2')).body).toMatchObject({ status: 'VALID' });
    expect((await gpd(sandbox, 'POST', '', wirePosition('E-1', iuvOf(32)))).status).toBe(409);
  });

  it('updates (back to DRAFT unless toPublish) and deletes', async () => {
    clock = new Date('2026-05-01T00:00:00Z');
    expect((await gpd(sandbox, 'POST', '?toPublish=true', wirePosition('U-1', iuvOf(40)))).status).toBe(201);
    const changed = wirePosition('U-1', iuvOf(41), { companyName: 'Comune Nuovo' });
    const updated = await gpd(sandbox, 'PUT', '/U-1', changed);
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      status: 'DRAFT',
      companyName: 'Comune Nuovo',
      paymentOption: [{ iuv: iuvOf(41) }],
    });
    expect((await gpd(sandbox, 'POST', '', wirePosition('U-2', iuvOf(40)))).status).toBe(201);
    expect((await gpd(sandbox, 'PUT', '/U-1', wirePosition('U-9', iuvOf(41)))).status).toBe(400);
    expect((await gpd(sandbox, 'PUT', '/NOPE', wirePosition('NOPE', iuvOf(42)))).status).toBe(404);
    const deleted = await gpd(sandbox, 'DELETE', '/U-1');
    expect(deleted).toMatchObject({ status: 200, body: 'OK' });
    expect((await gpd(sandbox, 'GET', '/U-1')).status).toBe(404);
    expect((await gpd(sandbox, 'DELETE', '/U-1')).status).toBe(404);
  });

  it('lists with filters, ordering and 0-based pages', async () => {
    const all = await gpd(sandbox, 'GET', '?limit=50&orderby=IUPD&ordering=ASC');
    const iupds = (all.body as { payment_position_list: { iupd: string }[] }).payment_position_list.map((p) => p.iupd);
    expect(iupds).toEqual([...iupds].sort());
    const page1 = await gpd(sandbox, 'GET', '?limit=2&page=1&orderby=IUPD&ordering=ASC');
    expect(
      (page1.body as { payment_position_list: { iupd: string }[] }).payment_position_list.map((p) => p.iupd),
    ).toEqual(iupds.slice(2, 4));
    expect((page1.body as { page_info: { total_pages: number } }).page_info.total_pages).toBe(
      Math.ceil(iupds.length / 2),
    );
    const expired = await gpd(sandbox, 'GET', '?status=EXPIRED');
    expect(
      (expired.body as { payment_position_list: { iupd: string }[] }).payment_position_list.map((p) => p.iupd),
    ).toEqual(['E-1']);
    const due = await gpd(sandbox, 'GET', '?due_date_from=2026-03-31&due_date_to=2026-03-31');
    expect(
      (due.body as { payment_position_list: { iupd: string }[] }).payment_position_list.map((p) => p.iupd).sort(),
    ).toEqual(['E-1', 'E-2']);
    for (const bad of [
      '?limit=51',
      '?page=-1',
      '?status=NOPE',
      '?due_date_from=2026-13-01',
      '?due_date_from=2026-01-01&payment_date_to=2026-01-02',
      '?orderby=FOO',
    ]) {
      const res = await gpd(sandbox, 'GET', bad);
      expect(res.status, bad).toBe(400);
      expect(res.body).toMatchObject({ status: 400, title: 'Bad Request' });
    }
  });

  it('answers 401 without or with a wrong key, 403 for another creditor, 404 for unknown paths', async () => {
    expect((await gpd(sandbox, 'GET', '', undefined, { 'ocp-apim-subscription-key': 'wrong' })).status).toBe(401);
    const none = await fetch(`${sandbox.url}/gpd/debt-positions-service/v1/organizations/${ORG}/debtpositions`);
    expect(none.status).toBe(401);
    const other = await createGpdSandbox({ organizations: ['01199250158'], apiKeys: ['k1', 'k2'] });
    try {
      const res = await fetch(`${other.url}/gpd/debt-positions-service/v1/organizations/${ORG}/debtpositions`, {
        headers: { 'ocp-apim-subscription-key': 'k2' },
      });
      expect(res.status).toBe(403);
      const ok = await fetch(`${other.url}/gpd/debt-positions-service/v1/organizations/01199250158/debtpositions`, {
        headers: { 'ocp-apim-subscription-key': 'k2' },
      });
      expect(ok.status).toBe(200);
    } finally {
      await other.close();
    }
    expect((await gpd(sandbox, 'GET', '/P-1/nothing')).status).toBe(404);
  });

  it('updates IBANs in bulk', async () => {
    const res = await gpd(sandbox, 'PATCH', `/transfers?oldIban=${IBAN}&limit=3`, {
      newIban: 'IT02L1234512345123456789012',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ updatedTransfers: 3 });
  });

  it('serves the control routes: positions (list, clear) and the ledger', async () => {
    const listed = (await (await fetch(`${sandbox.url}/sandbox/positions?organizationFiscalCode=${ORG}`)).json()) as {
      positions: { iupd: string }[];
    };
    expect(listed.positions.map((p) => p.iupd)).toEqual(sandbox.listPositions(ORG).map((p) => p.iupd));
    const ledger = (await (await fetch(`${sandbox.url}/sandbox/ledger`)).json()) as {
      entries: { operation: string }[];
    };
    expect(ledger.entries.some((e) => e.operation === 'createPosition')).toBe(true);
    expect((await fetch(`${sandbox.url}/sandbox/nothing`)).status).toBe(404);
    expect((await fetch(`${sandbox.url}/sandbox/positions`, { method: 'DELETE' })).status).toBe(200);
    expect(sandbox.listPositions()).toEqual([]);
  });
});
