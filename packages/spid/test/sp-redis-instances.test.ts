import { createTestIdp, TEST_USERS, type TestIdp } from '@civico/spid-test-idp';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceProvider } from '../src/index.js';
import type { ServiceProvider } from '../src/sp/service-provider.js';
import { createRedisStore } from '../src/store/create-redis-store.js';
import { hasRedisServer, type RedisServer, startRedisServer } from './support/redis-server.js';
import { createBrowser, findForm } from './support/sp-browser.js';
import { makeSpConfig } from './support/sp-config.js';
import { reachIdpResponse } from './support/sp-flows.js';
import {
  createArrayAuditSink,
  createLateRegistry,
  createTestApp,
  findFreePort,
  readTestIdpDescriptor,
  type SpidStack,
  serveSp,
} from './support/sp-stack.js';

const FISCAL_NUMBER = (TEST_USERS[0]?.attributes.fiscalNumber ?? '').replace(/^TINIT-/, '');

describe.runIf(hasRedisServer())('createServiceProvider() × 2 instances on one Redis (createRedisStore)', () => {
  let redis: RedisServer;
  let clients: Redis[] = [];
  let idp: TestIdp;
  let closers: (() => Promise<void>)[] = [];
  /** The public URL of the SP (both instances are configured with it, as behind a load balancer). */
  let publicUrl: string;
  let urlB: string;
  let stackA: SpidStack;

  beforeAll(async () => {
    redis = await startRedisServer();
    clients = [new Redis(redis.url), new Redis(redis.url)];
    const registry = createLateRegistry();
    const portA = await findFreePort();
    publicUrl = `http://127.0.0.1:${portA}`;
    const make = (client: Redis): ServiceProvider =>
      createServiceProvider(
        makeSpConfig('spid-sp-public', {
          baseUrl: publicUrl,
          idps: registry,
          store: createRedisStore(client),
          audit: createArrayAuditSink(),
        }),
      );
    const [clientA, clientB] = clients as [Redis, Redis];
    const spA = make(clientA);
    const spB = make(clientB);
    expect(spB.getMetadata()).toBe(spA.getMetadata());
    const appA = createTestApp();
    const appB = createTestApp();
    const servedA = await serveSp('web', () => spA, appA, portA);
    const servedB = await serveSp('web', () => spB, appB);
    urlB = `http://127.0.0.1:${servedB.port}`;
    idp = await createTestIdp({ serviceProviders: [spA.getMetadata()] });
    registry.set(await readTestIdpDescriptor(idp));
    closers = [servedA.close, servedB.close, () => idp.close()];
    stackA = { spUrl: publicUrl, sp: spA, idp, app: appA, audit: [], close: async () => undefined };
  });
  afterAll(async () => {
    for (const close of closers) await close();
    for (const client of clients) client.disconnect();
    await redis?.stop();
  });

  it('completes on instance B a login started on instance A', async () => {
    const browser = createBrowser();
    const idpPage = await reachIdpResponse(browser, stackA);
    const form = findForm(idpPage.body, 'SAMLResponse');
    expect(form?.action).toBe(`${publicUrl}/spid/acs`);
    // The load balancer sends the ACS POST to the other instance.
    const home = await browser.post(`${urlB}/spid/acs`, form?.fields ?? new Map());
    expect(home.status).toBe(200);
    expect(home.url).toBe(`${urlB}/home`);
    expect(home.body).toContain(FISCAL_NUMBER);
  });

  it('accepts exactly one of the same Response posted to both instances at once (the other: 403)', async () => {
    for (let round = 0; round < 5; round++) {
      const browser = createBrowser();
      const idpPage = await reachIdpResponse(browser, stackA);
      const form = findForm(idpPage.body, 'SAMLResponse');
      const body = new URLSearchParams([...(form?.fields ?? [])]).toString();
      const init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body };
      const pages = await Promise.all([
        browser.send(`${publicUrl}/spid/acs`, init),
        browser.send(`${urlB}/spid/acs`, init),
      ]);
      const statuses = pages.map((p) => p.status).sort();
      expect(statuses).toEqual([303, 403]);
      const refused = pages.find((p) => p.status === 403);
      expect(refused?.body).toMatch(/ERR_SPID_(REQUEST_UNKNOWN|REPLAY)/);
    }
  });
});
