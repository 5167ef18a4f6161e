#!/usr/bin/env node
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { createIoSandbox, type IoSandboxOptions } from './create-io-sandbox.js';
import { demoProfiles } from './demo-profiles.js';

const USAGE = `Usage: civico-io-sandbox [--port 8787] [--host 127.0.0.1] [--seed demo|allow-all|empty]
  [--key <api key>]... [--processing-delay-ms 1000] [--rate-limit <calls>/<ms>]
  [--latency-ms <n>] [--error-rate <0..1>] [--drop-rate <0..1>] [--throttle-rate <0..1>]
  [--request-timeout-ms 10000] [--admin-key-required true|false]
The admin routes (/__sandbox/ledger, /__sandbox/stats) need an API key by default when --host is not loopback.`;

function num(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: 'demo' },
      key: { type: 'string', multiple: true },
      'processing-delay-ms': { type: 'string' },
      'rate-limit': { type: 'string' },
      'latency-ms': { type: 'string' },
      'error-rate': { type: 'string' },
      'drop-rate': { type: 'string' },
      'throttle-rate': { type: 'string' },
      'request-timeout-ms': { type: 'string' },
      'admin-key-required': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' },
    },
  });
  if (values.help) return void console.log(USAGE);
  if (values.version) {
    const { version } = createRequire(import.meta.url)('@civico/io/package.json') as { version: string };
    return void console.log(`civico-io-sandbox ${version}`);
  }
  const seed = values.seed;
  if (seed !== 'demo' && seed !== 'allow-all' && seed !== 'empty')
    throw new Error('--seed must be demo, allow-all or empty');
  const [limit, windowMs] = (values['rate-limit'] ?? '').split('/').map(Number);
  const latency = num(values['latency-ms'], 'latency-ms');
  const delay = num(values['processing-delay-ms'], 'processing-delay-ms');
  const requestTimeout = num(values['request-timeout-ms'], 'request-timeout-ms');
  const adminKey = values['admin-key-required'];
  if (adminKey !== undefined && adminKey !== 'true' && adminKey !== 'false') {
    throw new Error('--admin-key-required must be true or false');
  }
  const options: IoSandboxOptions = {
    port: num(values.port, 'port') ?? 8787,
    host: values.host,
    profiles: seed === 'demo' ? demoProfiles() : [],
    unknownProfiles: seed === 'allow-all' ? 'allowed' : 'not-found',
    ...(values.key ? { apiKeys: values.key } : {}),
    ...(delay !== undefined ? { processingDelayMs: delay } : {}),
    ...(requestTimeout !== undefined ? { requestTimeoutMs: requestTimeout } : {}),
    ...(adminKey !== undefined ? { adminKeyRequired: adminKey === 'true' } : {}),
    ...(limit && windowMs ? { rateLimit: { limit, windowMs } } : {}),
    faults: {
      ...(latency !== undefined ? { latencyMs: latency } : {}),
      serverErrorRate: num(values['error-rate'], 'error-rate') ?? 0,
      dropAfterStoreRate: num(values['drop-rate'], 'drop-rate') ?? 0,
      throttleRate: num(values['throttle-rate'], 'throttle-rate') ?? 0,
    },
  };
  const sandbox = await createIoSandbox(options);
  console.log(`IO sandbox listening: ${sandbox.url}`);
  console.log(`Inbox: ${sandbox.inboxUrl}`);
  console.log(`API keys: ${(values.key ?? ['sandbox-key']).join(', ')}; seed: ${seed}`);
  const stop = (): void => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
