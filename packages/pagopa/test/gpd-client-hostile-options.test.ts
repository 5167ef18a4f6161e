// Regressions found by the hostile harness (hostile-entry-points.test.ts) on the GPD client: call options and
// client options that cannot be read, or are not what they claim, end in ERR_PAGOPA_INVALID_CONFIG before
// anything is sent — never in the caller's own exception or a TypeError mid-call.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PagoPaError } from '../src/errors.js';
import { createGpdClient, type GpdClient } from '../src/index.js';
import { type GpdStub, NOW, STUB_KEY, sampleInput, startGpdStub } from './gpd-stub-server.js';

const ORG = '77777777777';
const IUPD = '77777777777-pos-1';
const IUV = '01000000000000123';

let stub: GpdStub;
beforeEach(async () => {
  stub = await startGpdStub();
});
afterEach(async () => {
  await stub.close();
});

const client = () =>
  createGpdClient({ baseUrl: stub.url, apiKey: STUB_KEY, organizationFiscalCode: ORG, baseDelayMs: 1, now: () => NOW });

async function failure(promise: Promise<unknown>): Promise<PagoPaError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!PagoPaError.isInstance(error)) throw new Error(`expected a PagoPaError, got ${String(error)}`);
  return error;
}

/** Every method, with `options` as its call options. */
const everyMethod = (c: GpdClient, options: unknown): Record<string, () => Promise<unknown>> => {
  const o = options as never;
  return {
    createPosition: () => c.createPosition(sampleInput(IUPD, IUV), o),
    getPosition: () => c.getPosition(IUPD, o),
    listPositions: () => c.listPositions({}, o),
    updatePosition: () => c.updatePosition(IUPD, sampleInput(IUPD, IUV), o),
    deletePosition: () => c.deletePosition(IUPD, o),
    publishPosition: () => c.publishPosition(IUPD, o),
    invalidatePosition: () => c.invalidatePosition(IUPD, o),
    listReceipts: () => c.listReceipts({}, o),
    getReceipt: () => c.getReceipt(IUV, o),
  };
};

const throwingSignal = () =>
  Object.defineProperty({}, 'signal', {
    enumerable: true,
    get() {
      throw new Error('caller getter');
    },
  });
const throwingProxy = () =>
  new Proxy(
    {},
    {
      get() {
        throw new Error('caller proxy');
      },
      getPrototypeOf() {
        throw new Error('caller proxy');
      },
    },
  );

describe('GPD client call options (hostile harness regressions)', () => {
  it('a `signal` getter that throws is ERR_PAGOPA_INVALID_CONFIG options.signal on every method (was the getter error)', async () => {
    for (const [name, call] of Object.entries(everyMethod(client(), throwingSignal()))) {
      const error = await failure(call());
      expect([name, error.code, error.field]).toEqual([name, 'ERR_PAGOPA_INVALID_CONFIG', 'options.signal']);
    }
    expect(stub.requests).toEqual([]);
  });

  it.each([
    ['a string', () => 'abort'],
    ['a look-alike object', () => ({ aborted: false, addEventListener() {} })],
    ['a Proxy whose traps throw', throwingProxy],
  ])(
    'a signal that is %s is ERR_PAGOPA_INVALID_CONFIG before sending (was the Proxy error mid-call)',
    async (_, make) => {
      for (const [name, call] of Object.entries(everyMethod(client(), { signal: make() }))) {
        const error = await failure(call());
        expect([name, error.code, error.field]).toEqual([name, 'ERR_PAGOPA_INVALID_CONFIG', 'options.signal']);
      }
      expect(stub.requests).toEqual([]);
    },
  );

  it('a real AbortSignal still works', async () => {
    const error = await failure(client().getPosition(IUPD, { signal: AbortSignal.abort() }));
    expect(error.code).toBe('ERR_PAGOPA_API_NETWORK');
  });

  it('updatePosition reads the input once, through the validator: an iupd getter that throws is a typed error', async () => {
    const input = { ...sampleInput(IUPD, IUV) };
    Object.defineProperty(input, 'iupd', {
      enumerable: true,
      get() {
        throw new Error('caller getter');
      },
    });
    const error = await failure(client().updatePosition(IUPD, input));
    expect(error.code).toBe('ERR_PAGOPA_INVALID_DEBT_POSITION');
    expect(stub.requests).toEqual([]);
  });
});

describe('createGpdClient fetch and now (hostile harness regressions)', () => {
  const base = { baseUrl: 'http://127.0.0.1:9', apiKey: 'k', organizationFiscalCode: ORG };

  it('a `fetch` getter that throws is ERR_PAGOPA_INVALID_CONFIG (was the getter error)', () => {
    const options = Object.defineProperty({ ...base }, 'fetch', {
      enumerable: true,
      get() {
        throw new Error('caller getter');
      },
    });
    expect(() => createGpdClient(options)).toThrow(
      expect.objectContaining({ code: 'ERR_PAGOPA_INVALID_CONFIG' }) as unknown as Error,
    );
  });

  it.each([
    ['fetch', 'not a function'],
    ['now', 42],
  ])(
    'a %s that is not a function is ERR_PAGOPA_INVALID_CONFIG at creation (was a TypeError at the first call)',
    (field, value) => {
      let error: unknown;
      try {
        createGpdClient({ ...base, [field]: value } as never);
      } catch (e) {
        error = e;
      }
      expect(PagoPaError.isInstance(error) && [error.code, error.field]).toEqual(['ERR_PAGOPA_INVALID_CONFIG', field]);
    },
  );
});
