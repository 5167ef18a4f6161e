import { NS } from '@civico/saml';
import type { SpMetadata } from '../metadata/sp-metadata.js';
import { attr, children, text, type XmlElement } from '../metadata/xml-dom.js';
import type { AuthnRequestErrorCode } from './parsed-authn-request.js';

/** @internal */
export const NAMEID_TRANSIENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';
/** @internal */
export const NAMEID_ENTITY = 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity';
/** @internal */
export const NAMEID_UNSPECIFIED = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';
/** @internal */
export const BINDING_POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
/** @internal SPID levels by AuthnContextClassRef. */
export const LEVEL_BY_CLASS_REF: Readonly<Record<string, 1 | 2 | 3>> = {
  'https://www.spid.gov.it/SpidL1': 1,
  'https://www.spid.gov.it/SpidL2': 2,
  'https://www.spid.gov.it/SpidL3': 3,
};
/** @internal Avviso 18 v2 purposes. */
export const PURPOSES = ['P', 'LP', 'PG', 'PF', 'PX'] as const;
/** @internal xs:dateTime in UTC, as SPID demands. */
export const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
const NCNAME = /^[A-Za-z_][\w.-]*$/;
const UNSIGNED = /^\d{1,9}$/;

/** @internal What the rules look at. */
export interface RuleContext {
  readonly root: XmlElement;
  readonly sp: SpMetadata;
  readonly idp: { readonly entityId: string; readonly ssoUrls: readonly string[] };
  readonly now: Date;
  readonly cie: boolean;
  readonly maxAgeMs: number;
  readonly clockSkewMs: number;
}

/** @internal One rule of §1: a failure returns the reason (no document text). */
export interface AuthnRequestRule {
  readonly id: string;
  readonly title: string;
  readonly code: AuthnRequestErrorCode;
  readonly check: (ctx: RuleContext) => string | undefined;
}

const p = (ctx: RuleContext, local: string): XmlElement[] => children(ctx.root, NS.samlp, local);
const issuer = (ctx: RuleContext): XmlElement | undefined => children(ctx.root, NS.saml, 'Issuer')[0];
const authnContext = (ctx: RuleContext): XmlElement | undefined => p(ctx, 'RequestedAuthnContext')[0];

/** @internal The requested level, `undefined` when the class reference is not exactly one SPID level. */
export function requestedLevel(ctx: RuleContext): 1 | 2 | 3 | undefined {
  const rac = authnContext(ctx);
  const refs = rac === undefined ? [] : children(rac, NS.saml, 'AuthnContextClassRef');
  return refs.length === 1 && refs[0] !== undefined ? LEVEL_BY_CLASS_REF[text(refs[0])] : undefined;
}

function isTrue(value: string | undefined): boolean {
  return value === 'true' || value === '1';
}

function checkAcs(ctx: RuleContext): string | undefined {
  const index = attr(ctx.root, 'AssertionConsumerServiceIndex');
  const url = attr(ctx.root, 'AssertionConsumerServiceURL');
  const binding = attr(ctx.root, 'ProtocolBinding');
  if (index !== undefined && (url !== undefined || binding !== undefined)) {
    return 'AssertionConsumerServiceIndex is sent together with AssertionConsumerServiceURL/ProtocolBinding';
  }
  if (index !== undefined) {
    if (!UNSIGNED.test(index)) return 'AssertionConsumerServiceIndex is not an unsigned integer';
    const acs = ctx.sp.acs.find((a) => a.index === Number(index));
    if (acs === undefined) return 'AssertionConsumerServiceIndex is not an index of the SP metadata';
    if (acs.binding !== BINDING_POST) return 'the indexed assertion consumer service is not HTTP-POST';
    return undefined;
  }
  if (url === undefined) return 'neither AssertionConsumerServiceIndex nor AssertionConsumerServiceURL is sent';
  if (binding !== BINDING_POST) return 'ProtocolBinding is missing or not HTTP-POST';
  if (!ctx.sp.acs.some((a) => a.location === url && a.binding === BINDING_POST)) {
    return 'AssertionConsumerServiceURL is not an HTTP-POST Location of the SP metadata';
  }
  return undefined;
}

function checkIssueInstantWindow(ctx: RuleContext): string | undefined {
  const raw = attr(ctx.root, 'IssueInstant');
  if (raw === undefined || !UTC_INSTANT.test(raw) || Number.isNaN(Date.parse(raw))) return undefined;
  const age = ctx.now.getTime() - Date.parse(raw);
  if (age > ctx.maxAgeMs) return `IssueInstant is older than ${Math.round(ctx.maxAgeMs / 1000)} s`;
  if (-age > ctx.clockSkewMs) return 'IssueInstant is in the future beyond the allowed clock skew';
  return undefined;
}

/**
 * @internal The rules of §1 (and §6.1 for CIE), in the order of the SPID error codes. A request passes
 * when every rule returns `undefined`; the first failure decides the error code.
 */
export const AUTHN_REQUEST_RULES: readonly AuthnRequestRule[] = [
  {
    id: 'authn-request.root',
    title: 'The root element is samlp:AuthnRequest',
    code: 'nr08',
    check: (ctx) =>
      ctx.root.namespaceURI === NS.samlp && ctx.root.localName === 'AuthnRequest'
        ? undefined
        : 'the root element is not samlp:AuthnRequest',
  },
  {
    id: 'authn-request.scoping.absent',
    title: 'samlp:Scoping is not sent',
    code: 'nr08',
    check: (ctx) => (p(ctx, 'Scoping').length === 0 ? undefined : 'samlp:Scoping is reserved and must not be sent'),
  },
  {
    id: 'authn-request.subject',
    title: 'saml:Subject, if sent, has an unspecified-format NameID with a NameQualifier',
    code: 'nr08',
    check: (ctx) => {
      const subjects = children(ctx.root, NS.saml, 'Subject');
      if (subjects.length === 0) return undefined;
      const nameId = subjects[0] === undefined ? undefined : children(subjects[0], NS.saml, 'NameID')[0];
      if (subjects.length > 1 || nameId === undefined) return 'saml:Subject must hold one saml:NameID';
      if (attr(nameId, 'Format') !== NAMEID_UNSPECIFIED) return 'Subject NameID Format is not unspecified';
      return (attr(nameId, 'NameQualifier') ?? '') === '' ? 'Subject NameID has no NameQualifier' : undefined;
    },
  },
  {
    id: 'authn-request.conditions',
    title: 'saml:Conditions, if sent, has UTC NotBefore and NotOnOrAfter',
    code: 'nr08',
    check: (ctx) => {
      for (const c of children(ctx.root, NS.saml, 'Conditions')) {
        for (const name of ['NotBefore', 'NotOnOrAfter']) {
          if (!UTC_INSTANT.test(attr(c, name) ?? '')) return `Conditions ${name} is missing or not UTC`;
        }
      }
      return undefined;
    },
  },
  {
    id: 'authn-request.purpose',
    title: 'spid:Purpose, if sent, is P, LP, PG, PF or PX',
    code: 'nr08',
    check: (ctx) => {
      for (const ext of p(ctx, 'Extensions')) {
        for (const purpose of children(ext, NS.spid, 'Purpose')) {
          if (!(PURPOSES as readonly string[]).includes(text(purpose)))
            return 'spid:Purpose is not P, LP, PG, PF or PX';
        }
      }
      return undefined;
    },
  },
  {
    id: 'authn-request.version',
    title: 'Version is 2.0',
    code: 'nr09',
    check: (ctx) => (attr(ctx.root, 'Version') === '2.0' ? undefined : 'Version is missing or not 2.0'),
  },
  {
    id: 'authn-request.issuer.entity-id',
    title: 'saml:Issuer is present once and equals the SP entityID',
    code: 'nr10',
    check: (ctx) => {
      const all = children(ctx.root, NS.saml, 'Issuer');
      if (all.length !== 1 || all[0] === undefined) return 'saml:Issuer is missing or repeated';
      return text(all[0]) === ctx.sp.entityId ? undefined : 'saml:Issuer differs from the SP entityID';
    },
  },
  {
    id: 'authn-request.issuer.format',
    title: 'saml:Issuer Format is the entity format',
    code: 'nr10',
    check: (ctx) => {
      const format = issuer(ctx) === undefined ? undefined : attr(issuer(ctx) as XmlElement, 'Format');
      if (format === undefined && ctx.cie) return undefined; // CIE (§6.1): Format optional
      return format === NAMEID_ENTITY ? undefined : 'saml:Issuer Format is missing or not the entity format';
    },
  },
  {
    id: 'authn-request.issuer.name-qualifier',
    title: 'saml:Issuer has a non-empty NameQualifier',
    code: 'nr10',
    check: (ctx) => {
      const el = issuer(ctx);
      const nq = el === undefined ? undefined : attr(el, 'NameQualifier');
      if (nq === undefined && ctx.cie) return undefined; // CIE (§6.1): NameQualifier optional
      return (nq ?? '').trim() === '' ? 'saml:Issuer NameQualifier is missing or empty' : undefined;
    },
  },
  {
    id: 'authn-request.id',
    title: 'ID is present and a valid xs:ID',
    code: 'nr11',
    check: (ctx) => (NCNAME.test(attr(ctx.root, 'ID') ?? '') ? undefined : 'ID is missing or not a valid xs:ID'),
  },
  {
    id: 'authn-request.requested-authn-context.present',
    title: 'samlp:RequestedAuthnContext is present exactly once',
    code: 'nr12',
    check: (ctx) =>
      p(ctx, 'RequestedAuthnContext').length === 1 ? undefined : 'RequestedAuthnContext is missing or repeated',
  },
  {
    id: 'authn-request.requested-authn-context.comparison',
    title: 'RequestedAuthnContext Comparison is allowed (CIE: exact or minimum)',
    code: 'nr12',
    check: (ctx) => {
      const allowed = ctx.cie ? ['exact', 'minimum'] : ['exact', 'minimum', 'better', 'maximum'];
      const rac = authnContext(ctx);
      const cmp = rac === undefined ? undefined : attr(rac, 'Comparison');
      return cmp !== undefined && allowed.includes(cmp)
        ? undefined
        : `Comparison is missing or not ${allowed.join('|')}`;
    },
  },
  {
    id: 'authn-request.requested-authn-context.class-ref',
    title: 'Exactly one AuthnContextClassRef, a SPID level',
    code: 'nr12',
    check: (ctx) =>
      requestedLevel(ctx) === undefined ? 'not exactly one AuthnContextClassRef with a SpidL1-3 URI' : undefined,
  },
  {
    id: 'authn-request.force-authn',
    title: 'ForceAuthn is true at SpidL2/SpidL3 (CIE: always)',
    code: 'nr12',
    check: (ctx) => {
      const level = requestedLevel(ctx);
      const needed = ctx.cie || (level !== undefined && level >= 2);
      return needed && !isTrue(attr(ctx.root, 'ForceAuthn')) ? 'ForceAuthn is not true' : undefined;
    },
  },
  {
    id: 'authn-request.issue-instant.format',
    title: 'IssueInstant is present and a UTC instant',
    code: 'nr13',
    check: (ctx) => {
      const raw = attr(ctx.root, 'IssueInstant') ?? '';
      return UTC_INSTANT.test(raw) && !Number.isNaN(Date.parse(raw)) ? undefined : 'IssueInstant missing or not UTC';
    },
  },
  {
    id: 'authn-request.issue-instant.window',
    title: 'IssueInstant is recent and not in the future',
    code: 'nr13',
    check: checkIssueInstantWindow,
  },
  {
    id: 'authn-request.destination',
    title: 'Destination is an SSO Location of this IdP (SPID: or its entityID)',
    code: 'nr14',
    check: (ctx) => {
      const dest = attr(ctx.root, 'Destination');
      if (dest === undefined || dest === '') return 'Destination is missing';
      const ok = ctx.idp.ssoUrls.includes(dest) || (!ctx.cie && dest === ctx.idp.entityId);
      return ok ? undefined : 'Destination is not this IdP';
    },
  },
  {
    id: 'authn-request.is-passive',
    title: 'IsPassive is absent',
    code: 'nr15',
    check: (ctx) => (attr(ctx.root, 'IsPassive') === undefined ? undefined : 'IsPassive is present'),
  },
  {
    id: 'authn-request.acs',
    title: 'Either a known AssertionConsumerServiceIndex or a metadata ACS URL with HTTP-POST',
    code: 'nr16',
    check: checkAcs,
  },
  {
    id: 'authn-request.name-id-policy.format',
    title: 'samlp:NameIDPolicy is present once with the transient Format',
    code: 'nr17',
    check: (ctx) => {
      const all = p(ctx, 'NameIDPolicy');
      if (all.length !== 1 || all[0] === undefined) return 'NameIDPolicy is missing or repeated';
      return attr(all[0], 'Format') === NAMEID_TRANSIENT ? undefined : 'NameIDPolicy Format is not transient';
    },
  },
  {
    id: 'authn-request.name-id-policy.allow-create',
    title: 'samlp:NameIDPolicy has no AllowCreate',
    code: 'nr17',
    check: (ctx) =>
      p(ctx, 'NameIDPolicy').some((e) => attr(e, 'AllowCreate') !== undefined)
        ? 'NameIDPolicy carries AllowCreate'
        : undefined,
  },
  {
    id: 'authn-request.attribute-consuming-service-index',
    title: 'AttributeConsumingServiceIndex is present and an index of the SP metadata',
    code: 'nr18',
    check: (ctx) => {
      const raw = attr(ctx.root, 'AttributeConsumingServiceIndex');
      if (raw === undefined || !UNSIGNED.test(raw)) return 'AttributeConsumingServiceIndex missing or malformed';
      return ctx.sp.attributeConsumingServices.some((s) => s.index === Number(raw))
        ? undefined
        : 'AttributeConsumingServiceIndex is not an index of the SP metadata';
    },
  },
];
