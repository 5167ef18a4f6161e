// The contract harness checked against tiny upstreams of its own: a wrong answer must be reported, a
// wrong request must never reach the upstream, the base path is the router's job, and a 302 survives.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGOPA_SERVICE_PATHS } from '../src/platform/environment.js';
import { type ContractHarness, startContractHarness } from './contract-router.js';
import { requireSpecs } from './contract-specs.js';

const ORG = '77777777777';
const KEY = { 'Ocp-Apim-Subscription-Key': 'test-only-key' };
const GPD = PAGOPA_SERVICE_PATHS.gpd;
const CART = {
  paymentNotices: [
    { noticeNumber: '302000000000012345', fiscalCode: ORG, amount: 1000, companyName: 'Comune', description: 'TARI' },
  ],
  returnUrls: {
    returnOkUrl: 'https://comune.example.it/ok',
    returnCancelUrl: 'https://comune.example.it/cancel',
    returnErrorUrl: 'https://comune.example.it/error',
  },
};

interface Seen {
  readonly method: string;
  readonly url: string;
}

const present = requireSpecs('contract harness', ['gpd', 'checkout']);

describe.runIf(present)('contract harness (Prism proxy --errors)', () => {
  let harness: ContractHarness;
  let upstream: Server;
  let upstreamUrl = '';
  const seen: Seen[] = [];
  let listBody: unknown = {};

  beforeAll(async () => {
    upstream = createServer((req, res) => {
      seen.push({ method: req.method ?? '', url: req.url ?? '' });
      req.resume();
      req.on('end', () => {
        if (req.url?.endsWith('/carts')) {
          res.writeHead(302, { location: `${upstreamUrl}/c/cart-1` }).end();
        } else if (req.url?.endsWith('/debtpositions/undeclared')) {
          res.writeHead(429, { 'content-type': 'application/json' }).end('{"status":429}');
        } else if (req.url?.startsWith('/c/')) {
          res.writeHead(200, { 'content-type': 'text/html' }).end('<p>cart</p>');
        } else {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(listBody));
        }
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    harness = await startContractHarness({ services: ['gpd', 'checkout'], upstream: upstreamUrl });
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
    upstream?.closeAllConnections();
    await new Promise<void>((resolve) => upstream?.close(() => resolve()));
  });

  function list(headers: Record<string, string> = KEY): Promise<Response> {
    return fetch(`${harness.url}${GPD}/organizations/${ORG}/debtpositions?page=0&limit=10`, { headers });
  }

  it('passes a valid exchange through with the base path restored for the upstream', async () => {
    listBody = { payment_position_list: [], page_info: { page: 0, limit: 10, items_found: 0, total_pages: 0 } };
    seen.length = 0;
    const res = await list();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(listBody);
    expect(seen).toEqual([{ method: 'GET', url: `${GPD}/organizations/${ORG}/debtpositions?page=0&limit=10` }]);
    expect(harness.takeViolations()).toEqual([]);
  });

  it('reports an upstream answer that violates the spec (500 VIOLATIONS)', async () => {
    listBody = { payment_position: 'wrong' };
    const res = await list();
    expect(res.status).toBe(500);
    const [violation, ...others] = harness.takeViolations();
    expect(others).toEqual([]);
    expect(violation?.detail).toContain('"response","body"');
    expect(violation?.detail).toContain('payment_position_list');
  });

  it('reports a status the spec does not declare (Prism passes it on with a warning)', async () => {
    const res = await fetch(`${harness.url}${GPD}/organizations/${ORG}/debtpositions/undeclared`, { headers: KEY });
    expect(res.status).toBe(429);
    const [violation, ...others] = harness.takeViolations();
    expect(others).toEqual([]);
    expect(violation?.detail).toContain('"severity":"Warning"');
  });

  it('answers a request that violates the spec itself, without reaching the upstream', async () => {
    seen.length = 0;
    const noKey = await list({});
    expect(noKey.status).toBe(401);
    const badBody = await fetch(`${harness.url}${GPD}/organizations/${ORG}/debtpositions`, {
      method: 'POST',
      headers: { ...KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ iupd: 'x' }),
    });
    expect(badBody.status).toBe(422);
    expect(seen).toEqual([]);
    const violations = harness.takeViolations();
    expect(violations.map((v) => v.status)).toEqual([401, 422]);
    expect(violations[1]?.detail).toContain('"location":["body"]');
  });

  it('Prism routes without the base path (a path with it is a 404 of its own)', async () => {
    const res = await fetch(`${harness.prismUrl('gpd')}${GPD}/organizations/${ORG}/debtpositions`, { headers: KEY });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { type: string }).type).toContain('NO_PATH_MATCHED');
  });

  it('a path outside the services is a violation of the router', async () => {
    const res = await fetch(`${harness.url}/organizations/${ORG}/debtpositions`, { headers: KEY });
    expect(res.status).toBe(404);
    expect(harness.takeViolations().map((v) => v.detail)).toEqual(['no Prism']);
  });

  it("keeps the upstream's 302 and Location (Prism would follow it)", async () => {
    seen.length = 0;
    const res = await fetch(`${harness.url}${PAGOPA_SERVICE_PATHS.checkout}/carts`, {
      method: 'POST',
      headers: { ...KEY, 'content-type': 'application/json' },
      body: JSON.stringify(CART),
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${upstreamUrl}/c/cart-1`);
    expect(seen.map((s) => s.url)).toEqual([`${PAGOPA_SERVICE_PATHS.checkout}/carts`]);
    expect(harness.takeViolations()).toEqual([]);
  });
});
