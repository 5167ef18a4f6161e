import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeepAliveFetch } from '../src/bulk/create-keep-alive-fetch.js';
import { createIoClient } from '../src/client/create-io-client.js';
import { createIoSandbox, demoProfiles, type IoSandbox, syntheticFiscalCode } from '../src/sandbox/index.js';

let sandbox: IoSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('createKeepAliveFetch()', () => {
  it('posts JSON and returns status, headers and body like fetch', async () => {
    sandbox = await createIoSandbox({ profiles: demoProfiles() });
    const fetch = createKeepAliveFetch({ maxSockets: 2 });
    const res = await fetch(`${sandbox.url}/profiles`, {
      method: 'POST',
      headers: { 'ocp-apim-subscription-key': 'sandbox-key', 'content-type': 'application/json' },
      body: JSON.stringify({ fiscal_code: syntheticFiscalCode(10) }),
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ title: 'Profile not found' });
  });

  it('works as the IO client transport', async () => {
    sandbox = await createIoSandbox({ profiles: demoProfiles() });
    const client = createIoClient({ apiKey: 'sandbox-key', baseUrl: sandbox.url, fetch: createKeepAliveFetch() });
    expect(await client.getProfile(syntheticFiscalCode(8))).toMatchObject({ senderAllowed: false });
  });

  it('rejects like fetch with the socket error code as cause, so a refused send is "not-sent"', async () => {
    const port = await closedPort();
    const fetch = createKeepAliveFetch();
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
    const client = createIoClient({
      apiKey: 'k',
      baseUrl: `http://127.0.0.1:${port}/api/v1`,
      fetch,
      retry: { maxRetries: 0 },
    });
    await expect(client.getProfile(syntheticFiscalCode(0))).rejects.toMatchObject({ outcome: 'not-sent' });
  });
});
