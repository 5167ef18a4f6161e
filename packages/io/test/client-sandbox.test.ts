import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildPaymentMessage, createIoClient, type IoClient, IoError } from '../src/index.js';
import { createIoSandbox, demoProfiles, type IoSandbox, syntheticFiscalCode } from '../src/sandbox/index.js';

const ALLOWED = syntheticFiscalCode(0);
const BLOCKED = syntheticFiscalCode(8);
const NOT_ON_IO = syntheticFiscalCode(10);
let sandbox: IoSandbox;
let io: IoClient;

beforeEach(async () => {
  sandbox = await createIoSandbox({ profiles: demoProfiles(), processingDelayMs: 0 });
  io = createIoClient({ apiKey: 'sandbox-key', baseUrl: sandbox.url, retry: { baseDelayMs: 5 } });
});
afterEach(() => sandbox.close());

const payment = () =>
  buildPaymentMessage(
    {
      noticeNumber: '302000000000012345',
      amountCents: 14250,
      dueDate: '2025-12-16',
      creditor: { fiscalCode: '01234567890' },
    },
    { fiscalCode: ALLOWED },
  );

describe('IoClient against the local sandbox', () => {
  it('runs the documented flow: profile check, send, status until final', async () => {
    await expect(io.getProfile(ALLOWED)).resolves.toMatchObject({ senderAllowed: true });
    await expect(io.getProfile(BLOCKED)).resolves.toMatchObject({ senderAllowed: false });
    const missing = await io.getProfile(NOT_ON_IO).catch((e: unknown) => e);
    expect(IoError.isInstance(missing) && missing.code).toBe('ERR_IO_PROFILE_NOT_FOUND');
    const { id } = await io.sendMessage(payment());
    await vi.waitFor(async () => {
      const status = await io.getMessageStatus({ fiscalCode: ALLOWED, messageId: id });
      expect(status).toMatchObject({ id, status: 'PROCESSED', isFinal: true });
    });
  });

  it('reports a send whose connection dropped after IO stored it as unknown, and stores it once', async () => {
    sandbox.setFaults({ dropAfterStoreRate: 1 });
    const err = await io.sendMessage(payment()).catch((e: unknown) => e);
    expect(IoError.isInstance(err) && [err.code, err.outcome]).toEqual(['ERR_IO_NETWORK', 'unknown']);
    expect(sandbox.ledger()).toHaveLength(1);
  });

  it('rides out a throttling period without a storm: every call succeeds after the pause', async () => {
    sandbox.setFaults({ throttleRate: 1, retryAfterSeconds: 1 });
    const first = io.getProfile(ALLOWED);
    await vi.waitFor(() => expect(io.rateLimiter.pausedUntil()).toBeInstanceOf(Date));
    sandbox.setFaults(undefined);
    const results = await Promise.all([first, ...Array.from({ length: 8 }, () => io.getProfile(ALLOWED))]);
    expect(results.every((r) => r.senderAllowed)).toBe(true);
    expect(sandbox.stats()).toMatchObject({ throttleEpisodes: 1, throttled: 1 });
  });
});
