import { NS } from '@civico/saml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSamlInstant } from '../src/response/parse-saml-instant.js';
import {
  ACS_URL,
  createTestStore,
  IDP_ENTITY_ID,
  NOW,
  outcome,
  type ResponseDom,
  SKEW_MS,
  SP_ENTITY_ID,
  signedVariant,
  startLogin,
  validate,
} from './support/response-fixtures.js';

const ENTITY = 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity';
const TRANSIENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
const L2 = 'https://www.spid.gov.it/SpidL2';
const L3 = 'https://www.spid.gov.it/SpidL3';
const now = NOW.getTime();
const requested = now - 2_000; // startLogin's request IssueInstant

/** A value a target may be set to (`undefined` removes the attribute). */
type Value = string | undefined;

/** When the spec says a value is acceptable (an oracle written from the SPID Response rules, not from the code). */
const exact = (expected: string) => (v: Value) => v === expected;
const trimmed = (expected: string) => (v: Value) => v !== undefined && v.trim() === expected;
const instant = (ok: (t: number) => boolean) => (v: Value) => {
  // Strict UTC xs:dateTime, any fraction length (checked with a separate regular expression).
  if (v === undefined || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v)) return false;
  const t = parseSamlInstant(v);
  return t !== undefined && ok(t);
};
const issued = instant((t) => t >= requested - SKEW_MS && t <= now + SKEW_MS);
const notExpired = instant((t) => t > now - SKEW_MS);

interface Target {
  readonly ns: string;
  readonly element: string;
  /** Which occurrence in document order (the Response Issuer is the first Issuer). */
  readonly nth?: number;
  readonly attr?: string;
  readonly original: string;
  readonly acceptable: (v: Value) => boolean;
  /** The level the login then has, when the value changes it. */
  readonly level?: (v: string) => number;
}

const REQUEST_ID = '_reqSignedMutations';

const TARGETS: readonly Target[] = [
  { ns: NS.samlp, element: 'Response', attr: 'InResponseTo', original: REQUEST_ID, acceptable: exact(REQUEST_ID) },
  {
    ns: NS.saml,
    element: 'SubjectConfirmationData',
    attr: 'InResponseTo',
    original: REQUEST_ID,
    acceptable: exact(REQUEST_ID),
  },
  { ns: NS.samlp, element: 'Response', attr: 'Version', original: '2.0', acceptable: exact('2.0') },
  { ns: NS.samlp, element: 'Response', attr: 'Destination', original: ACS_URL, acceptable: exact(ACS_URL) },
  { ns: NS.samlp, element: 'Response', attr: 'IssueInstant', original: NOW.toISOString(), acceptable: issued },
  { ns: NS.saml, element: 'Issuer', nth: 0, original: IDP_ENTITY_ID, acceptable: trimmed(IDP_ENTITY_ID) },
  {
    ns: NS.saml,
    element: 'Issuer',
    nth: 0,
    attr: 'Format',
    original: ENTITY,
    acceptable: (v) => v === undefined || v === ENTITY,
  },
  { ns: NS.saml, element: 'Assertion', attr: 'Version', original: '2.0', acceptable: exact('2.0') },
  { ns: NS.saml, element: 'Assertion', attr: 'IssueInstant', original: NOW.toISOString(), acceptable: issued },
  { ns: NS.saml, element: 'Issuer', nth: 1, original: IDP_ENTITY_ID, acceptable: trimmed(IDP_ENTITY_ID) },
  { ns: NS.saml, element: 'Issuer', nth: 1, attr: 'Format', original: ENTITY, acceptable: exact(ENTITY) },
  { ns: NS.saml, element: 'NameID', attr: 'Format', original: TRANSIENT, acceptable: exact(TRANSIENT) },
  { ns: NS.saml, element: 'SubjectConfirmation', attr: 'Method', original: BEARER, acceptable: exact(BEARER) },
  { ns: NS.saml, element: 'SubjectConfirmationData', attr: 'Recipient', original: ACS_URL, acceptable: exact(ACS_URL) },
  {
    ns: NS.saml,
    element: 'SubjectConfirmationData',
    attr: 'NotOnOrAfter',
    original: NOW.toISOString(),
    acceptable: notExpired,
  },
  {
    ns: NS.saml,
    element: 'Conditions',
    attr: 'NotBefore',
    original: NOW.toISOString(),
    acceptable: instant((t) => t <= now + SKEW_MS),
  },
  { ns: NS.saml, element: 'Conditions', attr: 'NotOnOrAfter', original: NOW.toISOString(), acceptable: notExpired },
  { ns: NS.saml, element: 'Audience', original: SP_ENTITY_ID, acceptable: trimmed(SP_ENTITY_ID) },
  {
    ns: NS.saml,
    element: 'AuthnContextClassRef',
    original: L2,
    // Requested L2 with `minimum`: L2 or L3 (SPID conformance cases 94–96).
    acceptable: (v) => trimmed(L2)(v) || trimmed(L3)(v),
    level: (v) => (v.trim() === L3 ? 3 : 2),
  },
];

const at = (ms: number) => new Date(now + ms).toISOString();
const nearMisses = (original: string): string[] => [
  original,
  `${original}/`,
  ` ${original} `,
  original.toUpperCase(),
  original.slice(0, -1),
  `${original}x`,
  '',
  ' ',
];
const INSTANTS = [
  at(0),
  at(SKEW_MS - 1_000),
  at(SKEW_MS + 1_000),
  at(-2_000 - SKEW_MS - 1_000),
  at(-2_000 - SKEW_MS + 1_000),
  at(-SKEW_MS - 1_000),
  at(-SKEW_MS + 1_000),
  '2099-01-01T00:00:00Z',
  '2000-01-01T00:00:00Z',
  `${at(0).slice(0, -1)}123456Z`,
  at(0).slice(0, -1),
  at(0).slice(0, 10),
  at(0).replace('Z', '+00:00'),
];
const OTHERS = [
  REQUEST_ID,
  `${REQUEST_ID}-other`,
  ACS_URL,
  IDP_ENTITY_ID,
  SP_ENTITY_ID,
  ENTITY,
  TRANSIENT,
  BEARER,
  L2,
  L3,
  '2.0',
  '1.0',
];

const change = fc
  .record({ target: fc.nat({ max: TARGETS.length - 1 }), pick: fc.nat({ max: 1_000 }), signResponse: fc.boolean() })
  .map(({ target, pick, signResponse }) => {
    const t = TARGETS[target] as Target;
    const pool: Value[] = [...nearMisses(t.original), ...OTHERS, ...(t.attr === undefined ? [] : [undefined])];
    if (t.attr?.endsWith('Instant') || t.attr?.startsWith('Not')) pool.push(...INSTANTS);
    return { t, value: pool[pick % pool.length], signResponse };
  });

function apply(doc: ResponseDom, t: Target, value: Value): void {
  const el = doc.getElementsByTagNameNS(t.ns, t.element).item(t.nth ?? 0);
  if (el === null) throw new Error(`no ${t.element}`);
  if (t.attr === undefined) {
    while (el.firstChild !== null) el.removeChild(el.firstChild);
    el.appendChild(doc.createTextNode(value ?? ''));
  } else if (value === undefined) el.removeAttribute(t.attr);
  else el.setAttribute(t.attr, value);
}

describe('validateSamlResponse() on binding fields changed before the IdP signs', () => {
  // Every signature is valid, so only the field checks decide. The oracle is two-way: accepted exactly
  // when the SPID Response rules accept the value, and then the login is the original one (the level aside).
  it('accepts exactly the values the rules accept (fixed seed)', async () => {
    const store = createTestStore();
    const login = await startLogin(store, { id: REQUEST_ID });
    const json = (await store.get(`req:${login.pending.id}`)) as string;
    const original = await validate(
      store,
      login,
      signedVariant(login, () => {}),
    );
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(change, async ({ t, value, signResponse }) => {
        const xml = signedVariant(login, (doc) => apply(doc, t, value), signResponse);
        const fresh = createTestStore();
        await fresh.set(`req:${login.pending.id}`, json, 60_000);
        const result = await outcome(validate(fresh, login, xml));
        const label = `${t.element}${t.attr ? `@${t.attr}` : ''} = ${JSON.stringify(value)}`;
        expect(result.ok, `${label}: ${result.ok ? 'accepted' : result.reason}`).toBe(t.acceptable(value));
        if (result.ok) {
          accepted++;
          const level = t.level === undefined || value === undefined ? original.level : t.level(value);
          expect(result.login).toEqual({ ...original, level });
        }
      }),
      { seed: 20261205, numRuns: 200 },
    );
    expect(accepted).toBeGreaterThan(10);
  }, 60_000);
});
