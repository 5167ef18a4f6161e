#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { createTestIdp } from './create-test-idp.js';

const USAGE = `Usage: civico-spid-idp [--port 8443] [--host 127.0.0.1] [--sp-metadata <file|url>]... [--cie]
                       [--public-url <url>] [--entity-id <url>]
A local SPID (or, with --cie, CIE) identity provider for development and tests. Never use it in production.
  --port          TCP port (default 8443; 0 picks a free one)
  --host          interface to bind (default 127.0.0.1)
  --sp-metadata   a Service Provider's metadata: a file, or an http(s) URL fetched at start and on demand (repeatable)
  --cie           CIE flavour: CIE attributes and issuer, no SAML answer to logout
  --public-url    base URL the IdP is reached at, when it differs (behind a TLS proxy)
  --entity-id     the IdP's entityID (default: the base URL)
  --version       print the version
  --help          print this help`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8443' },
      host: { type: 'string', default: '127.0.0.1' },
      'sp-metadata': { type: 'string', multiple: true },
      cie: { type: 'boolean', default: false },
      'public-url': { type: 'string' },
      'entity-id': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' },
    },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  if (values.version) {
    const { version } = createRequire(import.meta.url)('@civico/spid-test-idp/package.json') as { version: string };
    return void process.stdout.write(`civico-spid-idp ${version}\n`);
  }
  const port = Number(values.port);
  if (!/^\d{1,5}$/.test(values.port ?? '')) throw new Error('--port must be a number between 0 and 65535');
  const serviceProviders = (values['sp-metadata'] ?? []).map((source) =>
    /^https?:\/\//i.test(source) ? source : readFileSync(source, 'utf8'),
  );
  const idp = await createTestIdp({
    port,
    host: values.host,
    cie: values.cie,
    serviceProviders,
    ...(values['public-url'] === undefined ? {} : { publicUrl: values['public-url'] }),
    ...(values['entity-id'] === undefined ? {} : { entityId: values['entity-id'] }),
  });
  process.stdout.write(`SPID test IdP listening: ${idp.url}\n`);
  process.stdout.write(`Metadata: ${idp.metadataUrl}\n`);
  process.stdout.write(`entityID: ${idp.entityId}${values.cie ? ' (CIE flavour)' : ''}\n`);
  const stop = (): void => {
    idp.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
