/**
 * Test support for the Response validation suites (test/response-*.test.ts): a test IdP and SP, a
 * pending request stored as the facade stores it, crafted Responses from @civico/spid-test-idp, and the
 * package's createMemoryStore on the fixed test clock.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseXml, type SigningKey, signXml } from '@civico/saml';
import {
  type BuildConformanceResponseOptions,
  buildConformanceResponse,
  buildResponse,
  CIE_TEST_USERS,
  type ConformanceCaseId,
  TEST_USERS,
} from '@civico/spid-test-idp';
import type { SpidComparison, SpidLevel } from '../../src/data/spid-types.js';
import type { IdpDescriptor } from '../../src/registry/idp-descriptor.js';
import type { PendingRequest } from '../../src/request/pending-request.js';
import { type ValidateSamlResponseArgs, validateSamlResponse } from '../../src/response/validate-saml-response.js';
import { computeSessionHash } from '../../src/session-hash.js';
import type { SpidFormInput, SpidLogin } from '../../src/sp/service-provider.js';
import { createMemoryStore } from '../../src/store/create-memory-store.js';
import type { SpidStore } from '../../src/store/spid-store.js';

const SAML_FIXTURES = fileURLToPath(new URL('../../../saml/test/fixtures/', import.meta.url));

/** A test-only key pair committed in packages/saml/test/fixtures. */
export function loadTestKey(name: 'idp' | 'attacker' | 'sp'): SigningKey {
  return {
    privateKey: readFileSync(`${SAML_FIXTURES}${name}.key`, 'utf8'),
    certificate: readFileSync(`${SAML_FIXTURES}${name}.crt`, 'utf8'),
  };
}

export const IDP_KEY = loadTestKey('idp');
export const ATTACKER_KEY = loadTestKey('attacker');
export const IDP_ENTITY_ID = 'https://localhost:8443';
export const SP_ENTITY_ID = 'https://servizi.comune.example.it/spid';
export const ACS_URL = 'https://servizi.comune.example.it/spid/acs';
/** The fixed clock of every test (inside the test certificates' validity). */
export const NOW = new Date('2026-06-01T10:00:00.000Z');
export const SKEW_MS = 90_000;
/** What the SP's AttributeConsumingService 0 asks for. */
export const SPID_ATTRIBUTES = ['spidCode', 'name', 'familyName', 'fiscalNumber', 'email', 'dateOfBirth'] as const;
export const CIE_ATTRIBUTES = ['name', 'familyName', 'dateOfBirth', 'fiscalNumber'] as const;

export const IDP: IdpDescriptor = Object.freeze({
  entityId: IDP_ENTITY_ID,
  name: 'Test IdP',
  sso: { redirect: { url: `${IDP_ENTITY_ID}/samlsso` } },
  slo: {},
  certificates: [IDP_KEY.certificate],
});

/**
 * The package's own createMemoryStore on the fixed test clock (advance it with `advance`), recording
 * every Assertion ID the validation remembered (`adds`, with its TTL).
 */
export function createTestStore(): SpidStore & {
  readonly adds: { readonly key: string; readonly ttlMs: number }[];
  advance(ms: number): void;
} {
  let offset = 0;
  const inner = createMemoryStore({ now: () => NOW.getTime() + offset });
  const adds: { key: string; ttlMs: number }[] = [];
  return {
    adds,
    advance: (ms) => {
      offset += ms;
    },
    set: (key, value, ttlMs) => inner.set(key, value, ttlMs),
    get: (key) => inner.get(key),
    take: (key) => inner.take(key),
    async add(key, ttlMs) {
      const added = await inner.add(key, ttlMs);
      if (added) adds.push({ key, ttlMs });
      return added;
    },
  };
}

/** What a login is started with. */
export interface LoginSetup {
  readonly level?: SpidLevel | undefined;
  readonly comparison?: SpidComparison | undefined;
  readonly cie?: boolean | undefined;
  readonly session?: string | undefined;
  readonly attributes?: readonly string[] | undefined;
  readonly id?: string | undefined;
  readonly returnTo?: string | undefined;
}

let counter = 0;

/** A started login: the pending request is in `store`, `request` is what the IdP answers. */
export async function startLogin(store: SpidStore, setup: LoginSetup = {}) {
  counter += 1;
  const cie = setup.cie === true;
  const pending: PendingRequest = {
    id: setup.id ?? `_req${String(counter).padStart(6, '0')}`,
    issueInstant: new Date(NOW.getTime() - 2_000).toISOString(),
    idp: IDP_ENTITY_ID,
    level: setup.level ?? 2,
    comparison: setup.comparison ?? 'minimum',
    acsUrl: ACS_URL,
    acsIndex: 0,
    attributeConsumingServiceIndex: 0,
    attributes: setup.attributes ?? (cie ? CIE_ATTRIBUTES : SPID_ATTRIBUTES),
    binding: 'redirect',
    relayState: `rs${counter}`,
    session: computeSessionHash(setup.session ?? 'session-a'),
    returnTo: setup.returnTo,
    cie,
  };
  await store.set(`req:${pending.id}`, JSON.stringify(pending), 900_000);
  const request = {
    id: pending.id,
    issueInstant: new Date(pending.issueInstant),
    acsUrl: ACS_URL,
    issuer: SP_ENTITY_ID,
    nameQualifier: SP_ENTITY_ID,
    level: pending.level,
    comparison: pending.comparison,
    requestedAttributes: pending.attributes,
    relayState: pending.relayState,
  };
  return { pending, request, session: setup.session ?? 'session-a' };
}

type Started = Awaited<ReturnType<typeof startLogin>>;

/** Options of buildResponse/buildConformanceResponse for a started login (deterministic IDs). */
export function responseOptions(
  login: Started,
  extra: Partial<BuildConformanceResponseOptions> = {},
): BuildConformanceResponseOptions {
  let n = 0;
  const prefix = login.pending.id.replace(/^_req/, '');
  return {
    request: login.request,
    idp: { entityId: IDP_ENTITY_ID, key: IDP_KEY },
    user: login.pending.cie ? CIE_TEST_USERS[0] : TEST_USERS[0],
    now: NOW,
    cie: login.pending.cie,
    attackerKey: ATTACKER_KEY,
    randomId: () => `_r${prefix}x${++n}`,
    ...extra,
  };
}

/** The baseline signed Response of a started login. */
export function baselineResponse(login: Started, extra: Partial<BuildConformanceResponseOptions> = {}): string {
  return buildResponse(responseOptions(login, extra));
}

/** The crafted Response of one conformance case for a started login. */
export function caseResponse(
  caseId: ConformanceCaseId,
  login: Started,
  extra: Partial<BuildConformanceResponseOptions> = {},
): string {
  return buildConformanceResponse(caseId, responseOptions(login, extra));
}

/** The HTTP-POST form the browser posts to the ACS. */
export function postForm(xml: string, relayState: string | undefined): SpidFormInput {
  const form: Record<string, string> = { SAMLResponse: Buffer.from(xml, 'utf8').toString('base64') };
  if (relayState !== undefined) form.RelayState = relayState;
  return form;
}

/** Validates `xml` for a started login, as the facade would. */
export function validate(
  store: SpidStore,
  login: Started,
  xml: string,
  overrides: Partial<ValidateSamlResponseArgs> = {},
): Promise<SpidLogin> {
  return validateSamlResponse({
    form: postForm(xml, login.pending.relayState),
    session: login.session,
    spEntityId: SP_ENTITY_ID,
    store,
    findIdp: (entityId) => (entityId === IDP_ENTITY_ID ? IDP : undefined),
    clockSkewMs: SKEW_MS,
    now: () => NOW,
    ...overrides,
  });
}

/** The settled outcome of a validation: the login, or the error's code, status and reason. */
export async function outcome(run: Promise<SpidLogin>) {
  try {
    return { ok: true as const, login: await run };
  } catch (err) {
    const e = err as { code?: string; status?: number; reason?: string; message?: string };
    return { ok: false as const, code: e.code, status: e.status, reason: e.reason, message: e.message, error: err };
  }
}

/** A DOM of a Response (@xmldom/xmldom), as `parseXml` returns it. */
export type ResponseDom = ReturnType<typeof parseXml>;

/**
 * A Response whose content is edited BEFORE the IdP signs it (so every signature is valid and only the
 * field checks can refuse it): the unsigned baseline, `edit` on its DOM, then the Assertion and the
 * Response signed with the IdP key (`signResponse` false leaves the Response unsigned).
 */
export function signedVariant(login: Started, edit: (doc: ResponseDom) => void, signResponse = true): string {
  const options = responseOptions(login, { sign: { response: false, assertion: false } });
  const doc = parseXml(buildResponse(options));
  edit(doc);
  const root = doc.documentElement as NonNullable<ResponseDom['documentElement']>;
  const responseId = root.getAttribute('ID') as string;
  const assertionId = doc
    .getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:assertion', 'Assertion')
    .item(0)
    ?.getAttribute('ID') as string;
  let xml = signXml(doc.toString(), { key: IDP_KEY, id: assertionId });
  if (signResponse) xml = signXml(xml, { key: IDP_KEY, id: responseId });
  return xml;
}

/** The first element with this local name in the SAML assertion or protocol namespace. */
export function findElement(doc: ResponseDom, localName: string) {
  const found =
    doc.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:assertion', localName).item(0) ??
    doc.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:protocol', localName).item(0);
  if (found === null) throw new Error(`no ${localName} in the baseline`);
  return found;
}
