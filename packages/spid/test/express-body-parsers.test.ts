import { TEST_USERS } from '@civico/spid-test-idp';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpidRouter } from '../src/express/index.js';
import { createServiceProvider } from '../src/index.js';
import { createBrowser } from './support/sp-browser.js';
import { makeSpConfig } from './support/sp-config.js';
import { runLogin } from './support/sp-flows.js';
import { type SpidStack, startSpidStack } from './support/sp-stack.js';

describe('createSpidRouter() behind express.urlencoded()', () => {
  let stack: SpidStack;
  beforeAll(async () => {
    stack = await startSpidStack('express-urlencoded-first');
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('still completes a login: the form an earlier parser consumed is re-encoded', async () => {
    const page = await runLogin(createBrowser(), stack, { returnTo: '/home' });
    expect(page.status).toBe(200);
    expect(page.body).toContain((TEST_USERS[0]?.attributes.fiscalNumber ?? '').replace(/^TINIT-/, ''));
  });

  it('passes requests outside the SPID routes to the next handler', async () => {
    const app = express();
    app.use(createSpidRouter(createServiceProvider(makeSpConfig()), { onLogin: () => new Response('ok') }));
    app.use((_req, res) => {
      res.status(418).end('next');
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    try {
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(418);
      expect((await fetch(`http://127.0.0.1:${port}/spid/unknown`)).status).toBe(418);
      expect((await fetch(`http://127.0.0.1:${port}/spid/metadata`)).status).toBe(200);
    } finally {
      server.close();
      server.closeAllConnections();
    }
  });
});
