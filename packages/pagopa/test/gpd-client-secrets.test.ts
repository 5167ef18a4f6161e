import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PagoPaError } from '../src/errors.js';
import { createGpdClient, type GpdClient } from '../src/index.js';
import { type GpdStub, NOW, STUB_KEY, sampleInput, startGpdStub } from './gpd-stub-server.js';

const ORG = '77777777777';
const FORMS = [
  STUB_KEY,
  encodeURIComponent(STUB_KEY),
  Buffer.from(STUB_KEY).toString('base64'),
  Buffer.from(STUB_KEY).toString('hex'),
];

let stub: GpdStub;
let gpd: GpdClient;
beforeEach(async () => {
  stub = await startGpdStub();
  gpd = createGpdClient({
    baseUrl: stub.url,
    apiKey: STUB_KEY,
    organizationFiscalCode: ORG,
    baseDelayMs: 1,
    maxRetries: 1,
    timeoutMs: 300,
    now: () => NOW,
  });
});
afterEach(async () => {
  await stub.close();
});

/** Every way an error or a client could end up in a log. */
function renderings(value: unknown): string[] {
  const out = [inspect(value, { depth: 30, showHidden: true }), JSON.stringify(value) ?? '', String(value)];
  let current: unknown = value;
  for (let i = 0; i < 10 && current instanceof Error; i++) {
    out.push(current.message, current.stack ?? '', JSON.stringify(current, Object.getOwnPropertyNames(current)));
    current = current.cause;
  }
  if (current !== undefined) out.push(inspect(current, { depth: 30, showHidden: true }));
  return out;
}

function expectNoKey(value: unknown): void {
  for (const text of renderings(value)) for (const form of FORMS) expect(text).not.toContain(form);
}

async function caught(promise: Promise<unknown>): Promise<PagoPaError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!PagoPaError.isInstance(error)) throw new Error(`expected a PagoPaError, got ${String(error)}`);
  return error;
}

describe('the API key never leaks', () => {
  it('from the client object', () => {
    expectNoKey(gpd);
    expect(inspect(gpd)).toContain('createPosition');
    expect(Object.keys(gpd)).not.toContain('apiKey');
  });

  it('from a 401 whose body and headers echo the key in every form', async () => {
    const echo = FORMS.join(' | ');
    stub.plan({
      action: {
        status: 401,
        body: { title: `Denied ${echo}`, status: 401, detail: echo },
        headers: { 'x-request-id': STUB_KEY },
      },
    });
    const error = await caught(gpd.getPosition('77777777777-pos-1'));
    expect(error.code).toBe('ERR_PAGOPA_API_UNAUTHORIZED');
    expect(error.problem?.title).toContain('[redacted]');
    expectNoKey(error);
  });

  it('from a 400 to a write, a lost connection and a timeout', async () => {
    stub.plan({ method: 'POST', action: { status: 400, body: { title: STUB_KEY, detail: STUB_KEY } } });
    expectNoKey(await caught(gpd.createPosition(sampleInput())));
    stub.plan({ action: 'drop-before', times: 2 });
    const lost = await caught(gpd.getPosition('77777777777-pos-1'));
    expect(lost.rule).toBe('connection-lost');
    expectNoKey(lost);
    stub.plan({ action: 'hang', times: 2 });
    const timeout = await caught(gpd.getPosition('77777777777-pos-1'));
    expect(timeout.rule).toBe('timeout');
    expectNoKey(timeout);
  });

  it('from a construction error about the key', () => {
    let error: unknown;
    try {
      createGpdClient({ environment: 'uat', apiKey: `${STUB_KEY}\n`, organizationFiscalCode: ORG });
    } catch (e) {
      error = e;
    }
    expect(PagoPaError.isInstance(error) && error.field).toBe('apiKey');
    expectNoKey(error);
  });

  it('the wrong key is refused as UNAUTHORIZED, rejected', async () => {
    const other = createGpdClient({ baseUrl: stub.url, apiKey: 'wrong-key', organizationFiscalCode: ORG });
    const error = await caught(other.getPosition('77777777777-pos-1'));
    expect(error.code).toBe('ERR_PAGOPA_API_UNAUTHORIZED');
    expect(error.outcome).toBe('rejected');
  });
});
