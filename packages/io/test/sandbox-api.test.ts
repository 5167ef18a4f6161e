import { afterEach, describe, expect, it } from 'vitest';
import { createIoSandbox, demoProfiles, type IoSandbox, syntheticFiscalCode } from '../src/sandbox/index.js';

const KEY = { 'ocp-apim-subscription-key': 'sandbox-key', 'content-type': 'application/json' };
const ALLOWED = syntheticFiscalCode(1);
const BLOCKED = syntheticFiscalCode(8);
const NOT_ON_IO = syntheticFiscalCode(10);
const content = {
  subject: 'Avviso TARI 2025 disponibile',
  markdown: 'Gentile cittadina, gentile cittadino, '.repeat(3),
};

let sandbox: IoSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(options: Parameters<typeof createIoSandbox>[0] = {}): Promise<IoSandbox> {
  sandbox = await createIoSandbox({ profiles: demoProfiles(), ...options });
  return sandbox;
}
const post = (s: IoSandbox, path: string, body: unknown, headers: Record<string, string> = KEY) =>
  fetch(`${s.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });

describe('createIoSandbox()', () => {
  it('serves the API under the spec basePath /api/v1 and 404s elsewhere', async () => {
    const s = await start();
    expect(s.url).toMatch(/\/api\/v1$/);
    const outside = await fetch(s.url.replace('/api/v1', '/profiles'), { method: 'POST', headers: KEY, body: '{}' });
    expect(outside.status).toBe(404);
  });

  it('answers 401 with the gateway body for a missing or unknown key', async () => {
    const s = await start();
    const missing = await post(s, '/profiles', { fiscal_code: ALLOWED }, { 'content-type': 'application/json' });
    const wrong = await post(s, '/profiles', { fiscal_code: ALLOWED }, { ...KEY, 'ocp-apim-subscription-key': 'x' });
    expect(missing.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ statusCode: 401 });
  });

  it('answers POST /profiles with sender_allowed true, false, or 404 when not on IO', async () => {
    const s = await start();
    const ok = await post(s, '/profiles', { fiscal_code: ALLOWED });
    const blocked = await post(s, '/profiles', { fiscal_code: BLOCKED });
    const missing = await post(s, '/profiles', { fiscal_code: NOT_ON_IO });
    const bad = await post(s, '/profiles', { fiscal_code: 'nope' });
    expect(await ok.json()).toMatchObject({ sender_allowed: true });
    expect(await blocked.json()).toMatchObject({ sender_allowed: false });
    expect(missing.status).toBe(404);
    expect(bad.status).toBe(400);
  });

  it('validates POST /messages like the back end: 400 problem JSON naming the path only', async () => {
    const s = await start();
    const short = await post(s, '/messages', { fiscal_code: ALLOWED, content: { ...content, subject: 'short' } });
    const noCf = await post(s, '/messages', { content });
    const badNotice = await post(s, '/messages', {
      fiscal_code: ALLOWED,
      content: { ...content, payment_data: { amount: 100, notice_number: '12' } },
    });
    expect(short.status).toBe(400);
    expect(short.headers.get('content-type')).toContain('application/problem+json');
    expect(await short.json()).toMatchObject({ status: 400, detail: expect.stringContaining('content.subject') });
    expect(noCf.status).toBe(400);
    expect(badNotice.status).toBe(400);
    expect(s.ledger()).toHaveLength(0);
  });

  it('refuses ADVANCED messages without the permission (403)', async () => {
    const s = await start();
    const res = await post(s, '/messages', { fiscal_code: ALLOWED, feature_level_type: 'ADVANCED', content });
    expect(res.status).toBe(403);
  });

  it('stores a message, answers 201 with a ULID and Location, and moves ACCEPTED → PROCESSED', async () => {
    let t = Date.parse('2026-01-01T10:00:00Z');
    const s = await start({ now: () => new Date(t), processingDelayMs: 1000 });
    const res = await post(s, '/messages', { fiscal_code: ALLOWED, content, unknown_key: 'dropped' });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(res.headers.get('location')).toBe(`/api/v1/messages/${ALLOWED}/${id}`);
    const get = () => fetch(`${s.url}/messages/${ALLOWED}/${id}`, { headers: KEY }).then((r) => r.json());
    expect(await get()).toMatchObject({ status: 'ACCEPTED', message: { id, fiscal_code: ALLOWED } });
    t += 1000;
    expect(await get()).toMatchObject({ status: 'PROCESSED', notification: { webhook: 'SENT' } });
    expect(s.ledger().map((e) => e.id)).toEqual([id]);
  });

  it('moves messages to citizens without IO or who blocked the service to REJECTED (process-message)', async () => {
    const s = await start({ processingDelayMs: 0 });
    const statuses: unknown[] = [];
    for (const fc of [BLOCKED, NOT_ON_IO]) {
      const { id } = (await (await post(s, '/messages', { fiscal_code: fc, content })).json()) as { id: string };
      const body = (await (await fetch(`${s.url}/messages/${fc}/${id}`, { headers: KEY })).json()) as {
        status: string;
      };
      statuses.push(body.status);
    }
    expect(statuses).toEqual(['REJECTED', 'REJECTED']);
  });

  it('answers 404 to getMessage with another fiscal code or another service key', async () => {
    const s = await start({ apiKeys: ['sandbox-key', { key: 'other', serviceId: 'other-service' }] });
    const { id } = (await (await post(s, '/messages', { fiscal_code: ALLOWED, content })).json()) as { id: string };
    const wrongCf = await fetch(`${s.url}/messages/${BLOCKED}/${id}`, { headers: KEY });
    const otherKey = await fetch(`${s.url}/messages/${ALLOWED}/${id}`, {
      headers: { 'ocp-apim-subscription-key': 'other' },
    });
    expect(wrongCf.status).toBe(404);
    expect(otherKey.status).toBe(404);
  });

  it('rate-limits every key together with 429 and x-rate-limit-retry-after in seconds', async () => {
    const s = await start({ rateLimit: { limit: 2, windowMs: 5000 } });
    const codes: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 4; i++) {
      const res = await post(s, '/profiles', { fiscal_code: ALLOWED });
      codes.push(res.status);
      if (res.status === 429) retryAfter ??= res.headers.get('x-rate-limit-retry-after');
    }
    expect(codes).toEqual([200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(s.stats()).toMatchObject({ throttleEpisodes: 1, throttledWhileBlocked: 1 });
  });

  it('injects 500s without storing, and drops the connection after storing', async () => {
    const s = await start({ faults: { serverErrorRate: 1 } });
    const failed = await post(s, '/messages', { fiscal_code: ALLOWED, content });
    expect(failed.status).toBe(500);
    expect(s.ledger()).toHaveLength(0);
    s.setFaults({ dropAfterStoreRate: 1 });
    await expect(post(s, '/messages', { fiscal_code: ALLOWED, content })).rejects.toThrow();
    expect(s.ledger()).toHaveLength(1);
    expect(s.stats()).toMatchObject({ serverErrors: 1, droppedAfterStore: 1 });
  });

  it('injects throttling periods and latency, and validates new fault settings', async () => {
    const s = await start({ faults: { throttleRate: 1, retryAfterSeconds: 3 } });
    const res = await post(s, '/profiles', { fiscal_code: ALLOWED });
    expect(res.status).toBe(429);
    expect(res.headers.get('x-rate-limit-retry-after')).toBe('3');
    s.setFaults({ latencyMs: [1, 5] });
    const slow = await post(s, '/profiles', { fiscal_code: NOT_ON_IO });
    expect(slow.status).toBe(429); // the 3-second period is still running
    expect(s.stats()).toMatchObject({ throttleEpisodes: 1, throttledWhileBlocked: 1 });
    expect(() => s.setFaults({ throttleRate: 2 })).toThrow(expect.objectContaining({ code: 'ERR_IO_INVALID_CONFIG' }));
  });

  it('fails closed on invalid options', async () => {
    await expect(createIoSandbox({ port: -1 })).rejects.toMatchObject({ code: 'ERR_IO_INVALID_CONFIG', field: 'port' });
  });

  it('refuses an object given for a list option without freezing the caller object', async () => {
    const profiles: Record<string, unknown> = { fiscalCode: ALLOWED };
    await expect(createIoSandbox({ profiles: profiles as never })).rejects.toMatchObject({
      code: 'ERR_IO_INVALID_CONFIG',
      field: 'profiles',
    });
    expect(Object.isFrozen(profiles)).toBe(false);
    const apiKeys = { key: 'k' };
    await expect(createIoSandbox({ apiKeys: apiKeys as never })).rejects.toMatchObject({
      code: 'ERR_IO_INVALID_CONFIG',
    });
    expect(Object.isFrozen(apiKeys)).toBe(false);
  });
});
