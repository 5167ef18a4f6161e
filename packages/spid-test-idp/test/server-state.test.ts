import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestIdp, type TestIdp, TestIdpOptionsSchema } from '../src/index.js';
import { findPostForm } from '../src/kit/find-post-form.js';
import { openLoginPage, postForm, startTestSp, type TestSp, walkLogin } from './support/test-sp-server.js';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((c) => c()));
});

async function setup(options: Parameters<typeof createTestIdp>[0] = {}): Promise<{ sp: TestSp; idp: TestIdp }> {
  const sp = await startTestSp();
  const idp = await createTestIdp({ serviceProviders: [sp.metadataXml], ...options });
  sp.ssoUrl = idp.ssoUrl;
  cleanup.push(
    () => idp.close(),
    () => sp.close(),
  );
  return { sp, idp };
}

async function pendingId(sp: TestSp): Promise<string> {
  const page = await openLoginPage(sp, 'redirect');
  return findPostForm(await page.text(), 'request')?.fields.get('request') ?? '';
}

describe('createTestIdp() waiting logins', () => {
  it('keeps at most maxPending logins, dropping the oldest', async () => {
    const { sp, idp } = await setup({ maxPending: 2 });
    const [a, b, c] = [await pendingId(sp), await pendingId(sp), await pendingId(sp)];
    const login = (id: string) => postForm(`${idp.url}/login`, [['request', id]]);
    expect((await login(a)).status).toBe(400);
    expect((await login(b)).status).toBe(200);
    expect((await login(c)).status).toBe(200);
  });

  it('forgets a login after pendingTtlMs', async () => {
    let offset = 0;
    const { sp, idp } = await setup({ pendingTtlMs: 1_000, now: () => new Date(Date.now() + offset) });
    const id = await pendingId(sp);
    offset = 2_000;
    const res = await postForm(`${idp.url}/login`, [['request', id]]);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('expired or was already used');
  });
});

describe('createTestIdp() SP metadata URLs', () => {
  it('fetches a metadata URL again when an unknown Issuer arrives (the SP started after the IdP)', async () => {
    const sp = await startTestSp();
    let ready = false;
    const metadata = createServer((_req, res) => {
      if (!ready) return void res.writeHead(503).end();
      res.writeHead(200, { 'content-type': 'application/samlmetadata+xml' }).end(sp.metadataXml);
    });
    await new Promise<void>((resolve) => metadata.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}/metadata`;
    let offset = 0;
    const idp = await createTestIdp({ serviceProviders: [url], now: () => new Date(Date.now() + offset) });
    sp.ssoUrl = idp.ssoUrl;
    cleanup.push(
      () => idp.close(),
      () => sp.close(),
      () => new Promise<void>((resolve) => metadata.close(() => resolve())),
    );
    expect((await openLoginPage(sp, 'redirect')).status).toBe(403);
    ready = true;
    offset = 1_500; // the on-demand fetch is rate-limited to once a second per URL
    const walked = await walkLogin(sp, 'post');
    expect(walked.acsStatus).toBe(200);
  });

  it('ignores a metadata document larger than 1 MiB', async () => {
    const sp = await startTestSp();
    const big = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' }).end(`${sp.metadataXml}${' '.repeat(1_100_000)}`);
    });
    await new Promise<void>((resolve) => big.listen(0, '127.0.0.1', resolve));
    const idp = await createTestIdp({ serviceProviders: [`http://127.0.0.1:${(big.address() as AddressInfo).port}/`] });
    sp.ssoUrl = idp.ssoUrl;
    cleanup.push(
      () => idp.close(),
      () => sp.close(),
      () => new Promise<void>((resolve) => big.close(() => resolve())),
    );
    const res = await openLoginPage(sp, 'redirect');
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('>nr10<');
  });
});

describe('createTestIdp() on hostile options (hostile-input harness regression)', () => {
  it('refuses a throwing getter on key, fetch, now or randomId with ERR_SPID_TEST_IDP_INVALID_CONFIG', async () => {
    for (const key of ['key', 'fetch', 'now', 'randomId']) {
      const options = Object.defineProperty({ port: 0 }, key, {
        get() {
          throw new TypeError('trap');
        },
      });
      await expect(createTestIdp(options as never)).rejects.toMatchObject({ code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG' });
    }
  });
});

describe('TestIdpOptionsSchema with a typed array for a list (hostile-input harness regression)', () => {
  it('fails validation instead of throwing from safeParse (zod froze the refused value; a non-empty typed array cannot be frozen)', async () => {
    for (const key of ['serviceProviders', 'users']) {
      const result = TestIdpOptionsSchema.safeParse({ [key]: new Uint8Array([1]) });
      expect(result.success).toBe(false);
    }
    await expect(createTestIdp({ serviceProviders: new Uint8Array([1]) as never })).rejects.toMatchObject({
      code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG',
    });
  });
});
