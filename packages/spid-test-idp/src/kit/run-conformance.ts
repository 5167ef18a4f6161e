import { parseOptions, readFields } from '@civico/core/internal';
import { createSelfSignedCertificate, type SigningKey, XML_LIMITS } from '@civico/saml';
import { z } from 'zod';
import { CONFORMANCE_CASES } from '../data/conformance-cases.js';
import { CIE_TEST_USERS, TEST_USERS, type TestUser } from '../data/test-users.js';
import { SpidTestIdpError } from '../errors.js';
import { SP_METADATA_PROFILES, type SpMetadataProfile } from '../metadata/sp-metadata-profile.js';
import type { ConformanceReport, ConformanceReportCheck } from './conformance-report.js';
import { type ConformanceIdp, createConformanceIdp } from './create-conformance-idp.js';
import { runMetadataChecks } from './run-metadata-checks.js';
import { runRequestChecks } from './run-request-checks.js';
import { type KitCase, runResponseCase } from './run-response-case.js';

/**
 * Options of {@link runConformance}.
 * @group Conformance
 */
export interface RunConformanceOptions {
  /** Where the SP publishes its metadata (an http or https URL; SPID requires https in production, which the metadata checks report). */
  readonly metadataUrl: string;
  /** The SP URL that starts a SPID login: it answers a redirect or a form towards the IdP. */
  readonly loginUrl: string;
  /** The metadata profile (default `spid-sp-public`); `cie-*` profiles apply the CIE rules. */
  readonly profile?: SpMetadataProfile | undefined;
  /** The binding the SP must use for its AuthnRequest; any when absent. */
  readonly binding?: 'redirect' | 'post' | undefined;
  /** Run only these Response cases (ids of `CONFORMANCE_CASES`: `'1'`, `'xsw3'`…); all when absent. */
  readonly cases?: readonly string[] | undefined;
  /** Timeout of each HTTP exchange in milliseconds (default 10 000). */
  readonly timeoutMs?: number | undefined;
  /** Cases run at the same time, 1–4 (default 1). */
  readonly concurrency?: number | undefined;
  /** The IdP identity that signs the crafted Responses (default: a fresh one, which the SP does not trust). */
  readonly idp?:
    | {
        /** The entityID the Responses are issued by (default a local one; the SP must list it). */
        readonly entityId?: string | undefined;
        /** The key and certificate that sign the Responses (default a fresh RSA-2048 pair). */
        readonly key?: SigningKey | undefined;
        /** SSO Locations the AuthnRequest `Destination` may name (default: where the SP sent it). */
        readonly ssoUrls?: readonly string[] | undefined;
      }
    | undefined;
  /** The identity in the crafted Responses (default the first of `TEST_USERS`, or of `CIE_TEST_USERS`). */
  readonly user?: TestUser | undefined;
  /** Apply the production metadata checks (HTTPS, no custom port…). */
  readonly production?: boolean | undefined;
  /** Called with each check as soon as it is decided (progress output); the report lists them all. */
  readonly onCheck?: ((check: ConformanceReportCheck) => void) | undefined;
  /** The fetch to use (default `globalThis.fetch`). */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** The clock (default the system clock). */
  readonly now?: (() => Date) | undefined;
}

const httpUrl = z.string().refine((v) => {
  try {
    const url = new URL(v);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}, 'must be an absolute http(s) URL');

const ATTACKER_CASES: ReadonlySet<string> = new Set(['4', '5', '100']);
const CASE_IDS: ReadonlySet<string> = new Set(CONFORMANCE_CASES.map((c) => c.id));

const RunConformanceOptionsSchema = z.object({
  metadataUrl: httpUrl,
  loginUrl: httpUrl,
  profile: z.enum(SP_METADATA_PROFILES).default('spid-sp-public'),
  binding: z.enum(['redirect', 'post']).optional(),
  cases: z
    .array(z.string().refine((id) => CASE_IDS.has(id), 'is not a conformance case id'))
    .min(1)
    .optional(),
  timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  concurrency: z.number().int().min(1).max(4).default(1),
  production: z.boolean().default(false),
  idp: z
    .object({
      entityId: httpUrl.optional(),
      key: z.object({ privateKey: z.string().min(1), certificate: z.string().min(1) }).optional(),
      ssoUrls: z.array(httpUrl).min(1).optional(),
    })
    .optional(),
});

/** The kit's IdP identity; a key that cannot sign is a configuration error of `idp.key`. */
async function createKitIdp(idp: RunConformanceOptions['idp'], cie: boolean): Promise<ConformanceIdp> {
  try {
    return await createConformanceIdp({ entityId: idp?.entityId, key: idp?.key, cie });
  } catch (err) {
    if (SpidTestIdpError.isInstance(err)) throw err;
    throw new SpidTestIdpError('ERR_SPID_TEST_IDP_INVALID_CONFIG', 'idp.key is not a usable signing key', {
      cause: err,
      field: 'idp.key',
    });
  }
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of the results. */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Checks a SPID/CIE Service Provider like the official AgID tool: its metadata, its AuthnRequest and
 * its handling of the 111 crafted Responses, over HTTP.
 *
 * @remarks
 * Steps: fetch the metadata (size cap, timeout) and lint it for `profile`; capture a fresh
 * AuthnRequest from `loginUrl` (a 3xx to the IdP = HTTP-Redirect, a 200 page with a `SAMLRequest`
 * form = HTTP-POST) and lint it; then for each case: a fresh cookie jar, a fresh AuthnRequest, the
 * crafted Response signed by the kit's IdP key, POSTed with the request's RelayState to its ACS,
 * redirects followed (at most 10). Judged by the final HTTP status (docs/spid-test-idp.md): accept = 200,
 * reject = 400/401/403/422/500, 94–96 by the level rule, 103 = 200/400/403/500. Never throws for what the SP
 * does: every failure is a check in the report. The SP must trust `idp` (see
 * {@link createConformanceIdp}).
 * @param options - SP URLs, profile, cases, limits, IdP identity
 * @returns the report
 * @throws {@link SpidTestIdpError} `ERR_SPID_TEST_IDP_INVALID_CONFIG` (with `field`) for bad options,
 * including an `idp.key` that cannot sign.
 * @example
 * ```ts
 * import { createConformanceIdp, formatConformanceReport, runConformance } from '@civico/spid-test-idp';
 * const idp = await createConformanceIdp();
 * // ...start the SP with idp.metadata as a trusted IdP, then:
 * const report = await runConformance({
 *   metadataUrl: 'http://127.0.0.1:3000/metadata',
 *   loginUrl: 'http://127.0.0.1:3000/login',
 *   profile: 'spid-sp-public',
 *   idp,
 * });
 * console.log(formatConformanceReport(report));
 * ```
 * @group Conformance
 */
export async function runConformance(options: RunConformanceOptions): Promise<ConformanceReport> {
  const config = parseOptions(
    RunConformanceOptionsSchema,
    options,
    SpidTestIdpError,
    'ERR_SPID_TEST_IDP_INVALID_CONFIG',
  );
  // The options zod does not check (or passes on as given), read once: a throwing getter fails with INVALID_CONFIG.
  const code = 'ERR_SPID_TEST_IDP_INVALID_CONFIG';
  const extra = readFields(options, ['fetch', 'now', 'user', 'onCheck', 'idp'], SpidTestIdpError, code) as Pick<
    RunConformanceOptions,
    'fetch' | 'now' | 'user' | 'onCheck'
  > & { idp?: unknown };
  const idpOptions =
    extra.idp === undefined
      ? undefined
      : (readFields(extra.idp, ['entityId', 'key', 'ssoUrls'], SpidTestIdpError, code, {
          path: 'idp',
        }) as RunConformanceOptions['idp']);
  const fetchImpl = extra.fetch ?? globalThis.fetch;
  const now = extra.now ?? (() => new Date());
  const cie = config.profile.startsWith('cie-');
  const user = extra.user ?? (cie ? CIE_TEST_USERS[0] : TEST_USERS[0]);
  if (user === undefined)
    throw new SpidTestIdpError('ERR_SPID_TEST_IDP_INVALID_CONFIG', 'No test user', { field: 'user' });
  const idp = await createKitIdp(idpOptions, cie);
  const report = (check: ConformanceReportCheck): ConformanceReportCheck => {
    extra.onCheck?.(check);
    return check;
  };
  const io = { timeoutMs: config.timeoutMs, maxBytes: XML_LIMITS.maxBytes, fetch: fetchImpl, now };
  const checks: ConformanceReportCheck[] = [];
  const metadata = await runMetadataChecks(config.metadataUrl, {
    ...io,
    profile: config.profile,
    production: config.production,
  });
  checks.push(...metadata.checks.map(report));
  const sp = metadata.sp;
  const requestChecks = await runRequestChecks(config.loginUrl, {
    ...io,
    sp,
    binding: config.binding,
    cie,
    idp: { entityId: idp.entityId, ssoUrls: idpOptions?.ssoUrls },
  });
  checks.push(...requestChecks.map(report));
  const wanted = config.cases === undefined ? undefined : new Set(config.cases);
  const cases: KitCase[] = CONFORMANCE_CASES.filter(
    (c) => (wanted === undefined || wanted.has(c.id)) && !(cie && c.cieSkip === true),
  );
  // Cases 4, 5 and 100 sign with a key the SP must not trust: made only when one of them runs.
  const attackerKey = cases.some((c) => ATTACKER_CASES.has(c.id))
    ? await createSelfSignedCertificate({ subject: 'CN=civico conformance attacker, O=civico test-only, C=IT' })
    : undefined;
  const responses = await mapLimited(cases, config.concurrency, async (testCase) =>
    report(
      sp === undefined
        ? {
            group: 'response' as const,
            id: `response.case-${testCase.id}`,
            title: testCase.title,
            outcome: 'fail' as const,
            reason: 'the SP metadata could not be read',
          }
        : await runResponseCase(testCase, {
            ...io,
            loginUrl: config.loginUrl,
            sp,
            idp: { entityId: idp.entityId, key: idp.key, ssoUrls: idpOptions?.ssoUrls },
            user,
            attackerKey,
            cie,
          }),
    ),
  );
  checks.push(...responses);
  const summary = {
    passed: checks.filter((c) => c.outcome === 'pass').length,
    failed: checks.filter((c) => c.outcome === 'fail').length,
    warnings: checks.filter((c) => c.outcome === 'warn').length,
  };
  return {
    ok: summary.failed === 0,
    profile: config.profile,
    idp: { entityId: idp.entityId, certificate: idp.certificate },
    checks,
    summary,
  };
}
