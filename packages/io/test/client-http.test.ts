import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIoClient, createRateLimiter, type IoClient } from '../src/index.js';
import { failure, SAMPLE_MESSAGE, type StubServer, startStubServer } from './client-stub-server.js';

const CF = 'RSSMRA85T10A562S';
const KEY = 'test-only-io-key';
const ID = '01BX9NSMKVXXS5PSP2FATZMYYY';
const message = SAMPLE_MESSAGE;
let stub: StubServer;
let io: IoClient;

beforeEach(async () => {
  stub = await startStubServer();
  io = createIoClient({ apiKey: KEY, baseUrl: stub.baseUrl, retry: { baseDelayMs: 5 } });
});
afterEach(() => stub.close());

describe('createIoClient()', () => {
  it('checks a profile with POST /profiles, fiscal code in the body, key in the header', async () => {
    stub.reply = () => ({ status: 200, body: { sender_allowed: true, preferred_languages: ['it_IT'] } });
    await expect(io.getProfile(CF)).resolves.toEqual({ senderAllowed: true, preferredLanguages: ['it_IT'] });
    expect(stub.requests[0]).toMatchObject({ method: 'POST', url: '/api/v1/profiles', body: { fiscal_code: CF } });
    expect(stub.requests[0]?.headers['ocp-apim-subscription-key']).toBe(KEY);
  });

  it('sends a message with POST /messages and returns the id', async () => {
    stub.reply = () => ({ status: 201, body: { id: ID }, headers: { location: `/api/v1/messages/${CF}/${ID}` } });
    await expect(io.sendMessage({ ...message, dueDate: '2025-12-16T22:59:59Z' })).resolves.toEqual({ id: ID });
    expect(stub.requests[0]).toMatchObject({ method: 'POST', url: '/api/v1/messages' });
    expect(stub.requests[0]?.body).toEqual({
      fiscal_code: CF,
      content: { subject: message.subject, markdown: message.markdown, due_date: '2025-12-16T22:59:59Z' },
    });
  });

  it('reads a message status and marks final states', async () => {
    stub.reply = () => ({
      status: 200,
      body: {
        message: { id: ID, created_at: '2025-01-01T10:00:00.000Z' },
        status: 'PROCESSED',
        notification: { webhook: 'SENT' },
      },
    });
    const status = await io.getMessageStatus({ fiscalCode: CF, messageId: ID });
    expect(status).toMatchObject({ id: ID, status: 'PROCESSED', isFinal: true, notification: { webhook: 'SENT' } });
    expect(status.createdAt?.toISOString()).toBe('2025-01-01T10:00:00.000Z');
    expect(stub.requests[0]).toMatchObject({ method: 'GET', url: `/api/v1/messages/${CF}/${ID}` });
  });

  it('reads the subscriptions feed and uploads a logo', async () => {
    stub.reply = (req) =>
      req.method === 'GET'
        ? { status: 200, body: { dateUTC: '2025-01-01', subscriptions: ['ab'], unsubscriptions: [] } }
        : { status: 202 };
    await expect(io.getSubscriptionsFeed('2025-01-01')).resolves.toEqual({
      date: '2025-01-01',
      subscriptions: ['ab'],
      unsubscriptions: [],
    });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]);
    await expect(io.uploadOrganizationLogo('01234567890', png)).resolves.toBeUndefined();
    expect(stub.requests[1]).toMatchObject({
      method: 'PUT',
      url: '/api/v1/organizations/01234567890/logo',
      body: { logo: Buffer.from(png).toString('base64') },
    });
  });

  it('validates every request before it leaves', async () => {
    await expect(failure(io.sendMessage({ ...message, subject: 'short' }))).resolves.toMatchObject({
      code: 'ERR_IO_INVALID_MESSAGE',
      field: 'subject',
      outcome: 'not-sent',
    });
    await expect(failure(io.getProfile('not-a-code'))).resolves.toMatchObject({ code: 'ERR_IO_INVALID_REQUEST' });
    await expect(failure(io.getMessageStatus({ fiscalCode: CF, messageId: '../x' }))).resolves.toMatchObject({
      field: 'messageId',
    });
    await expect(failure(io.getSubscriptionsFeed('2025-02-30'))).resolves.toMatchObject({ field: 'date' });
    await expect(failure(io.uploadOrganizationLogo('0123', new Uint8Array()))).resolves.toMatchObject({
      field: 'organizationFiscalCode',
    });
    expect(stub.requests).toHaveLength(0);
  });

  it('fails closed on bad configuration', () => {
    const bad = [
      [{ apiKey: '' }, 'apiKey'],
      [{ apiKey: KEY, baseUrl: 'http://api.io.pagopa.it/api/v1' }, 'baseUrl'],
      [{ apiKey: KEY, baseUrl: 'https://user:pw@api.io.pagopa.it/api/v1' }, 'baseUrl'],
      [{ apiKey: KEY, timeoutMs: 0 }, 'timeoutMs'],
      [{ apiKey: KEY, rateLimit: { requestsPerSecond: 0 } }, 'rateLimit.requestsPerSecond'],
      [{ apiKey: KEY, rateLimit: {}, rateLimiter: createRateLimiter() }, 'rateLimit'],
    ] as const;
    for (const [options, field] of bad) {
      expect(() => createIoClient(options), field).toThrow(
        expect.objectContaining({ code: 'ERR_IO_INVALID_CONFIG', field }),
      );
    }
    expect(createIoClient({ apiKey: KEY, baseUrl: 'http://localhost:1/api/v1' }).baseUrl).toBe(
      'http://localhost:1/api/v1/',
    );
    expect(createIoClient({ apiKey: KEY }).baseUrl).toBe('https://api.io.pagopa.it/api/v1/');
  });
});

describe('IoClient error mapping', () => {
  const cases = [
    [
      400,
      { title: 'Invalid NewMessage', status: 400, detail: 'value at root.content' },
      'ERR_IO_BAD_REQUEST',
      undefined,
    ],
    [
      401,
      { statusCode: 401, message: 'Access denied due to invalid subscription key.' },
      'ERR_IO_UNAUTHORIZED',
      undefined,
    ],
    [403, { title: 'Recipient forbidden' }, 'ERR_IO_RECIPIENT_FORBIDDEN', 'recipient-forbidden'],
    [
      403,
      { detail: 'You do not have enough permissions to send a Premium message' },
      'ERR_IO_FORBIDDEN',
      'premium-required',
    ],
    [
      403,
      { detail: 'You do not have enough permission to send a payment message with payee' },
      'ERR_IO_FORBIDDEN',
      'payee-not-allowed',
    ],
    [403, { title: 'You are not allowed here' }, 'ERR_IO_FORBIDDEN', 'not-allowed'],
    [403, undefined, 'ERR_IO_FORBIDDEN', 'unknown'],
    [404, { statusCode: 404, message: 'Resource not found' }, 'ERR_IO_NOT_FOUND', 'route-not-found'],
    [409, undefined, 'ERR_IO_UNEXPECTED_STATUS', undefined],
  ] as const;

  for (const [status, body, code, reason] of cases) {
    it(`maps a ${status} to ${code}${reason ? ` (${reason})` : ''}, outcome rejected, no retry`, async () => {
      stub.reply = () => ({ status, body });
      const err = await failure(io.sendMessage(message));
      expect(err).toMatchObject({ code, status, reason, outcome: 'rejected' });
      expect(stub.requests).toHaveLength(1);
    });
  }

  it('keeps problem details of a 400', async () => {
    stub.reply = () => ({
      status: 400,
      body: { title: 'Invalid NewMessage', status: 400, detail: 'x', type: 'about:blank' },
    });
    const err = await failure(io.sendMessage(message));
    expect(err.problem).toEqual({ title: 'Invalid NewMessage', status: 400, detail: 'x', type: 'about:blank' });
    stub.reply = () => ({
      status: 400,
      body: { title: 'Invalid NewMessage', detail: `value "${CF}" at root.fiscal_code` },
    });
    const masked = await failure(io.sendMessage(message));
    expect(masked.problem?.detail).toBe('value "[fiscal code]" at root.fiscal_code');
  });

  it('maps a profile 404 to ERR_IO_PROFILE_NOT_FOUND', async () => {
    stub.reply = () => ({ status: 404, body: { title: 'Profile not found', status: 404 } });
    await expect(failure(io.getProfile(CF))).resolves.toMatchObject({ code: 'ERR_IO_PROFILE_NOT_FOUND', status: 404 });
  });

  it('never retries a send that got a 5xx: outcome unknown', async () => {
    stub.reply = () => ({ status: 500, body: { title: 'The message cannot be delivered' } });
    const err = await failure(io.sendMessage(message));
    expect(err).toMatchObject({ code: 'ERR_IO_SERVER_ERROR', status: 500, outcome: 'unknown' });
    expect(stub.requests).toHaveLength(1);
  });

  it('retries a read after a 5xx', async () => {
    stub.reply = (_req, i) => (i < 2 ? { status: 503 } : { status: 200, body: { sender_allowed: false } });
    await expect(io.getProfile(CF)).resolves.toMatchObject({ senderAllowed: false });
    expect(stub.requests).toHaveLength(3);
  });

  it('treats an unreadable 201 as a send with unknown outcome', async () => {
    stub.reply = () => ({ status: 201, body: { nope: true } });
    await expect(failure(io.sendMessage(message))).resolves.toMatchObject({
      code: 'ERR_IO_INVALID_RESPONSE',
      outcome: 'unknown',
    });
  });
});
