import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { hasRedisServer, startRedisServer } from './support/redis-server.js';

describe.runIf(hasRedisServer())('startRedisServer()', () => {
  it('starts a server that answers PING on its port and stops it', async () => {
    const server = await startRedisServer();
    const client = new Redis(server.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
    try {
      await client.connect();
      expect(await client.ping()).toBe('PONG');
      expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
    } finally {
      client.disconnect();
      await server.stop();
    }
    await server.stop(); // idempotent
    const after = new Redis(server.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    after.on('error', () => {});
    await expect(after.connect()).rejects.toThrow();
    after.disconnect();
  });

  it('kill() ends the server at once (a crash) and stop() still resolves after it', async () => {
    const server = await startRedisServer();
    server.kill();
    await server.stop();
    const client = new Redis(server.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => {});
    await expect(client.connect()).rejects.toThrow();
    client.disconnect();
  });

  it('starts two servers on different ports', async () => {
    const [a, b] = await Promise.all([startRedisServer(), startRedisServer()]);
    try {
      expect(a.port).not.toBe(b.port);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
