import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SpidTestIdpError } from '../errors.js';
import { SP_METADATA_PROFILES, type SpMetadataProfile } from '../metadata/sp-metadata-profile.js';
import { createConformanceIdp } from './create-conformance-idp.js';
import { formatConformanceReport } from './format-conformance-report.js';
import { runConformance } from './run-conformance.js';

const USAGE = `Usage: civico-spid-conformance --metadata-url <url> --login-url <url> [options]

Checks a SPID/CIE Service Provider like the official AgID tool: metadata, AuthnRequest and the 111
crafted Responses. The SP must trust the kit's IdP: create one with --write-idp <dir>, load
<dir>/idp-metadata.xml in the SP, then run with --idp-key/--idp-cert from that directory.

Options:
  --metadata-url <url>     where the SP publishes its metadata
  --login-url <url>        the SP URL that starts a SPID login
  --profile <name>         ${SP_METADATA_PROFILES.join(' | ')}
                           (default spid-sp-public)
  --binding <b>            redirect | post: the binding the SP must use (default: any)
  --case <id>              run only this Response case (repeatable: --case 1 --case xsw3)
  --json <file>            also write the report as JSON
  --timeout-ms <n>         timeout of each HTTP exchange (default 10000)
  --concurrency <n>        cases at the same time, 1-4 (default 1)
  --production             apply the production metadata checks
  --idp-entity-id <url>    the kit IdP entity ID (default https://localhost:8443)
  --idp-key <file>         the kit IdP private key (PEM)
  --idp-cert <file>        the kit IdP certificate (PEM)
  --write-idp <dir>        create a kit IdP (key, certificate, signed metadata) in <dir> and exit
  --version                print the version
  --help                   print this help

Exit code: 0 when every check passes, 1 when any fails, 2 on usage or configuration errors.`;

/**
 * Where the CLI writes and which version it prints.
 * @internal
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly version: string;
  readonly fetch?: typeof globalThis.fetch;
  /** Progress lines (one per decided check), e.g. to a terminal's stderr; none when absent. */
  readonly progress?: ((text: string) => void) | undefined;
}

class UsageError extends Error {}

function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number`);
  return Number(value);
}

/**
 * The `civico-spid-conformance` command, without `process`: parses `argv`, runs the kit, prints the
 * text report and returns the exit code.
 * @param argv - the arguments after the script name
 * @param io - output and version
 * @returns 0 all pass, 1 a check failed, 2 usage or configuration error
 * @internal
 */
export async function runConformanceCli(argv: readonly string[], io: CliIo): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (err) {
    io.stderr(`${err instanceof Error ? err.message : 'invalid arguments'}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout(`civico-spid-conformance ${io.version}\n`);
    return 0;
  }
  try {
    if (values['write-idp'] !== undefined) {
      const idp = await createConformanceIdp({ entityId: values['idp-entity-id'] });
      const dir = values['write-idp'];
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'idp-key.pem'), idp.key.privateKey, { mode: 0o600 });
      await writeFile(join(dir, 'idp-cert.pem'), idp.certificate);
      await writeFile(join(dir, 'idp-metadata.xml'), idp.metadata);
      io.stdout(`Kit IdP ${idp.entityId} written to ${dir}: load idp-metadata.xml in the SP under test.\n`);
      return 0;
    }
    const metadataUrl = values['metadata-url'];
    const loginUrl = values['login-url'];
    if (metadataUrl === undefined || loginUrl === undefined)
      throw new UsageError('--metadata-url and --login-url are required');
    const profile = values.profile ?? 'spid-sp-public';
    if (!(SP_METADATA_PROFILES as readonly string[]).includes(profile))
      throw new UsageError(`unknown --profile ${profile}`);
    const binding = values.binding;
    if (binding !== undefined && binding !== 'redirect' && binding !== 'post') {
      throw new UsageError('--binding must be redirect or post');
    }
    if ((values['idp-key'] === undefined) !== (values['idp-cert'] === undefined)) {
      throw new UsageError('--idp-key and --idp-cert go together');
    }
    const key =
      values['idp-key'] !== undefined && values['idp-cert'] !== undefined
        ? {
            privateKey: await readFile(values['idp-key'], 'utf8'),
            certificate: await readFile(values['idp-cert'], 'utf8'),
          }
        : undefined;
    const report = await runConformance({
      metadataUrl,
      loginUrl,
      profile: profile as SpMetadataProfile,
      binding,
      cases: values.case,
      timeoutMs: numberOption(values['timeout-ms'], 'timeout-ms'),
      concurrency: numberOption(values.concurrency, 'concurrency'),
      production: values.production ?? false,
      idp: { entityId: values['idp-entity-id'], key },
      fetch: io.fetch,
      onCheck: io.progress && ((check) => io.progress?.(`${check.outcome.toUpperCase()}  ${check.id}\n`)),
    });
    io.stdout(formatConformanceReport(report));
    if (key === undefined) {
      io.stdout('Note: no --idp-key given; the Responses were signed by a fresh key the SP does not trust.\n');
    }
    if (values.json !== undefined) await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
    return report.ok ? 0 : 1;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (SpidTestIdpError.isInstance(err)) {
      io.stderr(`${err.code}${err.field ? ` (${err.field})` : ''}: ${err.message}\n`);
      return 2;
    }
    const code = err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : 'error';
    io.stderr(`${code}: ${err instanceof Error ? err.message : 'unexpected error'}\n`);
    return 2;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      'metadata-url': { type: 'string' },
      'login-url': { type: 'string' },
      profile: { type: 'string' },
      binding: { type: 'string' },
      case: { type: 'string', multiple: true },
      json: { type: 'string' },
      'timeout-ms': { type: 'string' },
      concurrency: { type: 'string' },
      production: { type: 'boolean' },
      'idp-entity-id': { type: 'string' },
      'idp-key': { type: 'string' },
      'idp-cert': { type: 'string' },
      'write-idp': { type: 'string' },
      version: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
