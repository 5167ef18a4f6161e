import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createSpidPlugin } from '../src/fastify/index.js';
import { createServiceProvider } from '../src/index.js';
import { makeSpConfig } from './support/sp-config.js';

async function createApp() {
  const app = Fastify();
  app.post('/echo', async (request) => request.body);
  await app.register(
    createSpidPlugin(createServiceProvider(makeSpConfig()), { onLogin: () => new Response('ok'), maxBodyBytes: 8192 }),
  );
  return app;
}

describe('createSpidPlugin()', () => {
  it("keeps its content-type parsers inside the plugin: the app's routes parse as before", async () => {
    const app = await createApp();
    const json = await app.inject({ method: 'POST', url: '/echo', payload: { a: 1 } });
    expect(json.json()).toEqual({ a: 1 });
    // Fastify has no application/xml parser: the app's route refuses it; the SPID catch-all did not leak.
    const text = await app.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/xml' },
      payload: '<x/>',
    });
    expect(text.statusCode).toBe(415);
    await app.close();
  });

  it('answers SPID pages for bodies it refuses: wrong type 400, over the body limit 400 with the connection closed', async () => {
    const app = await createApp();
    const text = await app.inject({
      method: 'POST',
      url: '/spid/acs',
      headers: { 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(text.statusCode).toBe(400);
    expect(text.body).toContain('ERR_SPID_INVALID_INPUT');
    const big = await app.inject({
      method: 'POST',
      url: '/spid/acs',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `SAMLResponse=${'A'.repeat(20_000)}`,
    });
    expect(big.statusCode).toBe(400);
    expect(big.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(big.headers.connection).toBe('close');
    expect(big.body).toContain('Accesso non riuscito');
    await app.close();
  });

  it('routes only its own paths: others reach the app (404 here), metadata is served', async () => {
    const app = await createApp();
    expect((await app.inject({ method: 'GET', url: '/spid/unknown' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/spid/logout' })).statusCode).toBe(404);
    const metadata = await app.inject({ method: 'GET', url: '/spid/metadata' });
    expect(metadata.statusCode).toBe(200);
    expect(metadata.headers['content-type']).toBe('application/samlmetadata+xml; charset=utf-8');
    await app.close();
  });
});
