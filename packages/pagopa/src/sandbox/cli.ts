#!/usr/bin/env node
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { createGpdSandbox, GPD_SANDBOX_DEFAULT_API_KEY, type GpdSandboxOptions } from './create-gpd-sandbox.js';

const USAGE = `Usage: civico-gpd-sandbox [--port 4100] [--host 127.0.0.1] [--seed N] [--key <api key>]...
  [--org <creditor fiscal code>]... [--fault-5xx R] [--fault-429 R] [--fault-drop R] [--latency MS]
Serves the pagoPA GPD v1 API (and receipts, reporting flows, checkout) under the platform paths.
Rates R are probabilities 0..1; faults are seeded by --seed. Ctrl-C stops.`;

function num(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new Error(`--${name} must be a number`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4100' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      key: { type: 'string', multiple: true },
      org: { type: 'string', multiple: true },
      'fault-5xx': { type: 'string' },
      'fault-429': { type: 'string' },
      'fault-drop': { type: 'string' },
      latency: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' },
    },
  });
  if (values.help) return void console.log(USAGE);
  if (values.version) {
    const { version } = createRequire(import.meta.url)('@civico/pagopa/package.json') as { version: string };
    return void console.log(`civico-gpd-sandbox ${version}`);
  }
  const latency = num(values.latency, 'latency');
  const seed = num(values.seed, 'seed');
  const options: GpdSandboxOptions = {
    port: num(values.port, 'port') ?? 4100,
    host: values.host,
    ...(seed !== undefined ? { seed } : {}),
    ...(values.key ? { apiKeys: values.key } : {}),
    ...(values.org ? { organizations: values.org } : {}),
    faults: {
      ...(latency !== undefined ? { latencyMs: latency } : {}),
      serverErrorRate: num(values['fault-5xx'], 'fault-5xx') ?? 0,
      rateLimitRate: num(values['fault-429'], 'fault-429') ?? 0,
      dropAfterWriteRate: num(values['fault-drop'], 'fault-drop') ?? 0,
    },
  };
  const sandbox = await createGpdSandbox(options);
  console.log(`GPD sandbox listening: ${sandbox.url}`);
  console.log(`GPD v1: ${sandbox.url}/gpd/debt-positions-service/v1`);
  console.log(`API key (Ocp-Apim-Subscription-Key): ${(values.key ?? [GPD_SANDBOX_DEFAULT_API_KEY]).join(', ')}`);
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
  const message = error instanceof Error ? error.message : String(error);
  console.error(`civico-gpd-sandbox: ${message}`);
  process.exit(1);
});
