/**
 * Test helper shared by the @civico/spid suites: a real, throw-away `redis-server` on a free port of
 * 127.0.0.1, with no persistence (`--save '' --appendonly no`), started by the test and always stopped.
 *
 * @example
 * ```ts
 * import { afterAll, beforeAll, describe, expect, it } from 'vitest';
 * import { hasRedisServer, type RedisServer, startRedisServer } from './support/redis-server.js';
 *
 * describe.runIf(hasRedisServer())('my Redis suite', () => {
 *   let redis: RedisServer;
 *   beforeAll(async () => { redis = await startRedisServer(); });
 *   afterAll(async () => { await redis.stop(); });
 *   it('answers', () => { expect(redis.port).toBeGreaterThan(0); });
 * });
 * ```
 *
 * When the binary is missing: `hasRedisServer()` throws when `process.env.CI === 'true'` (CI must run
 * these tests; .ci/run installs redis-server) and otherwise prints a notice and returns `false`, so the
 * test file can skip its Redis suites on a developer machine without Redis.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** A running test Redis server. */
export interface RedisServer {
  /** The TCP port on 127.0.0.1. */
  readonly port: number;
  /** `redis://127.0.0.1:<port>`, for ioredis `new Redis(url, options)`. */
  readonly url: string;
  /** Stops the server (SIGTERM, then SIGKILL after 2 s) and resolves once it has exited. Idempotent. */
  stop(): Promise<void>;
  /** Kills the server at once with SIGKILL (simulates a crash). Does not wait; `stop()` still works after. */
  kill(): void;
}

const DEFAULT_BINARY = '/usr/bin/redis-server';
const STARTUP_TIMEOUT_MS = 10_000;
const running = new Set<ChildProcess>();
let exitHookInstalled = false;
let noticePrinted = false;

/** The redis-server binary: `/usr/bin/redis-server`, else the first one on PATH; `undefined` when none. */
export function findRedisServerBinary(): string | undefined {
  const candidates = [
    DEFAULT_BINARY,
    ...(process.env.PATH ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((dir) => join(dir, 'redis-server')),
  ];
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not there: try the next one
    }
  }
  return undefined;
}

/**
 * Whether a redis-server binary is available. Missing: throws on CI (`CI=true`), else prints a notice
 * (once) and returns `false` so the caller can `describe.runIf(hasRedisServer())`.
 */
export function hasRedisServer(): boolean {
  if (findRedisServerBinary() !== undefined) return true;
  if (process.env.CI === 'true') {
    throw new Error(
      'redis-server is not installed: CI must run the Redis store tests (install the redis-server package)',
    );
  }
  if (!noticePrinted) {
    noticePrinted = true;
    process.stderr.write(
      '[@civico/spid tests] redis-server not found (/usr/bin/redis-server or PATH): skipping the Redis suites\n',
    );
  }
  return false;
}

/** A TCP port free on 127.0.0.1 right now (the OS picks it). */
async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves true when the server on `port` answers PING with PONG. */
async function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let data = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
      if (data.includes('\r\n')) done(data.startsWith('+PONG'));
    });
  });
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A test runner that exits without afterAll (crash, timeout) must not leave servers behind.
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function startOnce(binary: string): Promise<RedisServer | undefined> {
  const port = await findFreePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmpdir()];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  installExitHook();
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    if (output.length < 8_000) output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    if (output.length < 8_000) output += chunk.toString('utf8');
  });
  child.once('exit', () => running.delete(child));
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      // Lost the race for the port to another process: the caller retries on a new port.
      if (/address already in use/i.test(output)) return undefined;
      throw new Error(`redis-server exited during startup (code ${child.exitCode}): ${output.slice(-500)}`);
    }
    if (await ping(port)) {
      let stopping: Promise<void> | undefined;
      return {
        port,
        url: `redis://127.0.0.1:${port}`,
        stop() {
          stopping ??= (async () => {
            if (child.exitCode === null && child.signalCode === null) {
              child.kill('SIGTERM');
              const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
              await waitForExit(child);
              clearTimeout(timer);
            }
          })();
          return stopping;
        },
        kill() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  child.kill('SIGKILL');
  await waitForExit(child);
  throw new Error(`redis-server did not answer PING within ${STARTUP_TIMEOUT_MS} ms: ${output.slice(-500)}`);
}

/**
 * Starts `redis-server --port <free port> --save '' --appendonly no` on 127.0.0.1 and resolves once it
 * answers PING. Throws when the binary is missing (call {@link hasRedisServer} first) or it does not start.
 * The server is killed when the test process exits, even if `stop()` is never called.
 */
export async function startRedisServer(): Promise<RedisServer> {
  const binary = findRedisServerBinary();
  if (binary === undefined) throw new Error('redis-server is not installed (/usr/bin/redis-server or PATH)');
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const server = await startOnce(binary);
    if (server !== undefined) return server;
  }
  throw new Error('redis-server could not bind a free port after 5 attempts');
}
