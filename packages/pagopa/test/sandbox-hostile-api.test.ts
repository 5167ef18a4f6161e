// Regressions found by the hostile harness (hostile-entry-points.test.ts) on the programmatic API of
// @civico/pagopa/sandbox: createGpdSandbox, setFaults, createGpdStore and its lookups, createSandboxRouter and
// the two exported schemas end in a PagoPaError (or their documented plain answer), never a TypeError, the
// caller's own accessor error, an unhandled listen error or seconds of CPU on a typed array.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { PagoPaError } from '../src/errors.js';
import {
  createGpdSandbox,
  createGpdStore,
  createSandboxRouter,
  GpdSandboxFaultsSchema,
  GpdSandboxOptionsSchema,
} from '../src/sandbox/index.js';
import { ORG } from './sandbox-fixtures.js';

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}
async function rejected(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => undefined,
    (e: unknown) => e,
  );
}
const codeOf = (e: unknown): unknown[] => (PagoPaError.isInstance(e) ? [e.code, e.field] : [e]);
const boom = () => {
  throw new Error('caller getter');
};
const throwingGetter = (key: string) =>
  Object.defineProperty({}, key, {
    enumerable: true,
    get() {
      throw new Error('caller getter');
    },
  });

describe('createGpdSandbox options (hostile harness regressions)', () => {
  it('null options are ERR_PAGOPA_INVALID_CONFIG (was a TypeError destructuring them)', async () => {
    expect(codeOf(await rejected(createGpdSandbox(null as never)))).toEqual(['ERR_PAGOPA_INVALID_CONFIG', undefined]);
  });

  it('a `now` getter that throws, or a `now` that is not a function, is ERR_PAGOPA_INVALID_CONFIG', async () => {
    expect(codeOf(await rejected(createGpdSandbox(throwingGetter('now') as never)))[0]).toBe(
      'ERR_PAGOPA_INVALID_CONFIG',
    );
    expect(codeOf(await rejected(createGpdSandbox({ now: 'x' } as never)))).toEqual([
      'ERR_PAGOPA_INVALID_CONFIG',
      'now',
    ]);
  });

  it('a port already taken is ERR_PAGOPA_INVALID_CONFIG field port (was the raw EADDRINUSE)', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as { port: number };
    try {
      expect(codeOf(await rejected(createGpdSandbox({ port })))).toEqual(['ERR_PAGOPA_INVALID_CONFIG', 'port']);
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  it('a host that does not resolve is ERR_PAGOPA_INVALID_CONFIG field host', async () => {
    expect(codeOf(await rejected(createGpdSandbox({ host: 'no-such-host.invalid' })))).toEqual([
      'ERR_PAGOPA_INVALID_CONFIG',
      'host',
    ]);
  });

  it('the schemas refuse a 2 MB typed array at once (was 2 million unknown keys listed: seconds of CPU)', async () => {
    const bytes = new Uint8Array(2_000_000);
    const start = performance.now();
    expect(GpdSandboxOptionsSchema.safeParse(bytes).success).toBe(false);
    expect(GpdSandboxFaultsSchema.safeParse(bytes).success).toBe(false);
    expect(codeOf(await rejected(createGpdSandbox(bytes as never)))[0]).toBe('ERR_PAGOPA_INVALID_CONFIG');
    const sandbox = await createGpdSandbox();
    try {
      expect(codeOf(thrown(() => sandbox.setFaults(bytes as never)))[0]).toBe('ERR_PAGOPA_INVALID_CONFIG');
      expect(sandbox.getPosition(ORG, Symbol('x') as never)).toBeUndefined();
      expect(sandbox.listPositions(42 as never)).toEqual([]);
    } finally {
      await sandbox.close();
    }
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});

describe('createGpdStore (hostile harness regressions)', () => {
  it('options that are not a plain object, or hold wrong values, are ERR_PAGOPA_INVALID_CONFIG (was a TypeError)', () => {
    expect(codeOf(thrown(() => createGpdStore(null as never)))[0]).toBe('ERR_PAGOPA_INVALID_CONFIG');
    expect(codeOf(thrown(() => createGpdStore({ maxPositions: -1 })))).toEqual([
      'ERR_PAGOPA_INVALID_CONFIG',
      'maxPositions',
    ]);
    expect(codeOf(thrown(() => createGpdStore({ now: 'x' as never })))).toEqual(['ERR_PAGOPA_INVALID_CONFIG', 'now']);
    expect(codeOf(thrown(() => createGpdStore(throwingGetter('maxPositions') as never)))[0]).toBe(
      'ERR_PAGOPA_INVALID_CONFIG',
    );
  });

  it('lookups by values that are not strings find nothing (was a TypeError on a Symbol or an absent ref)', () => {
    const store = createGpdStore();
    const symbol = Symbol('x') as never;
    expect(store.get(ORG, symbol)).toBeUndefined();
    expect(store.get(symbol, 'x')).toBeUndefined();
    expect(store.list(symbol)).toEqual([]);
    expect(store.findOption(ORG, undefined as never)).toBeUndefined();
    expect(store.findOption(ORG, { iuv: symbol })).toBeUndefined();
    expect(store.findOption(symbol, { iuv: '01000000000000001' })).toBeUndefined();
    expect(store.isTerminalIupd(ORG, symbol)).toBe(false);
    expect(store.remove(ORG, symbol)).toBe(false);
    expect(store.setStatus(ORG, symbol, 'VALID')).toBeUndefined();
  });

  it('a ref whose fields cannot be read is ERR_PAGOPA_INVALID_CONFIG field ref.iuv', () => {
    expect(codeOf(thrown(() => createGpdStore().findOption(ORG, throwingGetter('iuv') as never)))).toEqual([
      'ERR_PAGOPA_INVALID_CONFIG',
      'ref.iuv',
    ]);
  });
});

describe('createSandboxRouter (hostile harness regressions)', () => {
  const hello = {
    scope: 'sandbox',
    method: 'GET',
    path: '/hello/{name}',
    operation: 'hello',
    handler: () => undefined,
  };

  it('match on a method or path that is not a string matches nothing (was a TypeError)', () => {
    const router = createSandboxRouter();
    router.register(hello as never);
    expect(router.match('sandbox', 'GET', Number.NaN as never)).toBeUndefined();
    expect(router.match('sandbox', Symbol('GET') as never, '/hello/x')).toBeUndefined();
    expect(router.match('sandbox', 'GET', '/hello/x%20y')).toMatchObject({ params: { name: 'x y' } });
  });

  it('malformed percent-encoding is ERR_PAGOPA_INVALID_CONFIG field path (was a URIError)', () => {
    const router = createSandboxRouter();
    router.register(hello as never);
    expect(codeOf(thrown(() => router.match('sandbox', 'GET', '/hello/%E0%A4%A')))).toEqual([
      'ERR_PAGOPA_INVALID_CONFIG',
      'path',
    ]);
  });

  it('register refuses a route it cannot read or whose fields have the wrong type (was stored, failing later)', () => {
    const router = createSandboxRouter();
    expect(codeOf(thrown(() => router.register(null as never)))).toEqual(['ERR_PAGOPA_INVALID_CONFIG', 'route.scope']);
    expect(codeOf(thrown(() => router.register({ ...hello, handler: 'x' } as never)))).toEqual([
      'ERR_PAGOPA_INVALID_CONFIG',
      'route.handler',
    ]);
    expect(
      codeOf(thrown(() => router.register(Object.defineProperty({ ...hello }, 'path', { get: boom }) as never))),
    ).toEqual(['ERR_PAGOPA_INVALID_CONFIG', 'route.path']);
    expect(router.match('sandbox', 'GET', '/hello/x')).toBeUndefined();
  });
});

describe('sandbox pay and publishFlows inputs (hostile harness regressions)', () => {
  it('pay with an own __proto__ or constructor key: a real error code (was `[object Object]`), the key not echoed', async () => {
    const sandbox = await createGpdSandbox();
    try {
      for (const key of ['__proto__', 'constructor', `${'k'.repeat(10_000)}-RSSMRA80A01H501U`]) {
        const input = { organizationFiscalCode: ORG, iuv: '01000000000000001' };
        Object.defineProperty(input, key, { value: { polluted: 1 }, enumerable: true });
        const error = await rejected(sandbox.pay(input as never));
        expect(codeOf(error)).toEqual(['ERR_PAGOPA_INVALID_CONFIG', 'input']);
        expect((error as Error).message).not.toContain(key.slice(0, 20));
      }
    } finally {
      await sandbox.close();
    }
  });

  it('publishFlows given a bare string, an array or bytes is refused (was read as "every creditor")', async () => {
    const sandbox = await createGpdSandbox();
    try {
      for (const bad of [ORG, [ORG], new Uint8Array(4), 42]) {
        expect(codeOf(await rejected(sandbox.publishFlows(bad as never)))).toEqual([
          'ERR_PAGOPA_INVALID_CONFIG',
          'input',
        ]);
      }
      expect(await sandbox.publishFlows()).toEqual([]);
    } finally {
      await sandbox.close();
    }
  });
});
