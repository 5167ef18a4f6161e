import { describe, expect, it } from 'vitest';
import {
  type AuthnRequestErrorCode,
  type AuthnRequestInput,
  type AuthnRequestOptions,
  parseAuthnRequest,
  parseSpMetadata,
  SpidTestIdpError,
} from '../src/index.js';
import {
  type AuthnRequestFixtureOptions,
  buildAuthnRequestXml,
  buildPostFields,
  buildRedirectQuery,
  buildSpMetadataXml,
  EXAMPLE_INSTANT,
  getTestSpEntityId,
  TEST_IDP,
} from './support/sp-fixtures.js';

const SP = parseSpMetadata(buildSpMetadataXml());
const CIE_SP = parseSpMetadata(buildSpMetadataXml({ profile: 'cie-sp-public' }));
const CIE_ENTITY = getTestSpEntityId('cie-sp-public');
const MINUTE = 60_000;

interface Variant {
  readonly name: string;
  readonly fixture?: AuthnRequestFixtureOptions;
  readonly edit?: (xml: string) => string;
  readonly now?: Date;
  readonly cie?: boolean;
  /** The ID is broken: only the Redirect binding can carry it (a POST signature needs the ID). */
  readonly redirectOnly?: boolean;
  readonly reason: AuthnRequestErrorCode;
  readonly field: string;
}

const swap = (from: string | RegExp, to: string) => (xml: string) => {
  const out = xml.replace(from, to);
  if (out === xml) throw new Error(`fixture edit did not apply: ${String(from)}`);
  return out;
};

// §1.4 "What is rejected", one variant per rule, with the SPID error code of §4.1.
const VARIANTS: readonly Variant[] = [
  {
    name: 'a LogoutRequest instead of an AuthnRequest',
    edit: (x) => x.replaceAll('samlp:AuthnRequest', 'samlp:LogoutRequest'),
    reason: 'nr08',
    field: 'authn-request.root',
  },
  {
    name: 'samlp:Scoping',
    edit: swap(
      '</samlp:AuthnRequest>',
      '<samlp:Scoping><samlp:RequesterID>x</samlp:RequesterID></samlp:Scoping></samlp:AuthnRequest>',
    ),
    reason: 'nr08',
    field: 'authn-request.scoping.absent',
  },
  {
    name: 'a Subject NameID with a persistent format',
    edit: swap(
      '<samlp:NameIDPolicy',
      '<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent" NameQualifier="x">u</saml:NameID></saml:Subject><samlp:NameIDPolicy',
    ),
    reason: 'nr08',
    field: 'authn-request.subject',
  },
  {
    name: 'Conditions without NotOnOrAfter',
    edit: swap(
      '<samlp:RequestedAuthnContext',
      '<saml:Conditions NotBefore="2026-02-03T10:15:30Z"/><samlp:RequestedAuthnContext',
    ),
    reason: 'nr08',
    field: 'authn-request.conditions',
  },
  {
    name: 'an unknown spid:Purpose',
    edit: (x) =>
      swap(
        '</saml:Issuer>',
        '</saml:Issuer><samlp:Extensions><spid:Purpose xmlns:spid="https://spid.gov.it/saml-extensions">XX</spid:Purpose></samlp:Extensions>',
      )(x),
    reason: 'nr08',
    field: 'authn-request.purpose',
  },
  { name: 'Version 1.1', edit: swap('Version="2.0"', 'Version="1.1"'), reason: 'nr09', field: 'authn-request.version' },
  { name: 'no Version', edit: swap(' Version="2.0"', ''), reason: 'nr09', field: 'authn-request.version' },
  {
    name: 'no Issuer',
    edit: swap(/<saml:Issuer[\s\S]*?<\/saml:Issuer>/, ''),
    reason: 'nr10',
    field: 'authn-request.issuer.entity-id',
  },
  {
    name: 'an Issuer other than the SP entityID',
    fixture: { entityId: 'https://altro.example.it/spid' },
    reason: 'nr10',
    field: 'authn-request.issuer.entity-id',
  },
  {
    name: 'an Issuer without Format',
    edit: swap(' Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity"', ''),
    reason: 'nr10',
    field: 'authn-request.issuer.format',
  },
  {
    name: 'an Issuer without NameQualifier',
    edit: swap(/ NameQualifier="[^"]*"/, ''),
    reason: 'nr10',
    field: 'authn-request.issuer.name-qualifier',
  },
  { name: 'no ID', edit: swap(/ ID="[^"]*"/, ''), redirectOnly: true, reason: 'nr11', field: 'authn-request.id' },
  {
    name: 'an ID starting with a digit',
    edit: swap(/ ID="[^"]*"/, ' ID="123"'),
    redirectOnly: true,
    reason: 'nr11',
    field: 'authn-request.id',
  },
  {
    name: 'no RequestedAuthnContext',
    edit: swap(/<samlp:RequestedAuthnContext[\s\S]*<\/samlp:RequestedAuthnContext>/, ''),
    reason: 'nr12',
    field: 'authn-request.requested-authn-context.present',
  },
  {
    name: 'two RequestedAuthnContext',
    edit: swap(/(<samlp:RequestedAuthnContext[\s\S]*<\/samlp:RequestedAuthnContext>)/, '$1$1'),
    reason: 'nr12',
    field: 'authn-request.requested-authn-context.present',
  },
  {
    name: 'Comparison "atleast"',
    fixture: { comparison: 'atleast' },
    reason: 'nr12',
    field: 'authn-request.requested-authn-context.comparison',
  },
  {
    name: 'two AuthnContextClassRef',
    edit: swap(
      '</saml:AuthnContextClassRef>',
      '</saml:AuthnContextClassRef><saml:AuthnContextClassRef>https://www.spid.gov.it/SpidL3</saml:AuthnContextClassRef>',
    ),
    reason: 'nr12',
    field: 'authn-request.requested-authn-context.class-ref',
  },
  {
    name: 'the old urn:oasis SpidL2 class',
    edit: swap('https://www.spid.gov.it/SpidL2', 'urn:oasis:names:tc:SAML:2.0:ac:classes:SpidL2'),
    reason: 'nr12',
    field: 'authn-request.requested-authn-context.class-ref',
  },
  {
    name: 'SpidL2 without ForceAuthn',
    edit: swap(' ForceAuthn="true"', ''),
    reason: 'nr12',
    field: 'authn-request.force-authn',
  },
  {
    name: 'SpidL3 with ForceAuthn="false"',
    fixture: { level: 3 },
    edit: swap('ForceAuthn="true"', 'ForceAuthn="false"'),
    reason: 'nr12',
    field: 'authn-request.force-authn',
  },
  {
    name: 'no IssueInstant',
    edit: swap(/ IssueInstant="[^"]*"/, ''),
    reason: 'nr13',
    field: 'authn-request.issue-instant.format',
  },
  {
    name: 'an IssueInstant with an offset instead of Z',
    edit: swap('2026-02-03T10:15:30.250Z', '2026-02-03T11:15:30.250+01:00'),
    reason: 'nr13',
    field: 'authn-request.issue-instant.format',
  },
  {
    name: 'an IssueInstant ten minutes old',
    now: new Date(EXAMPLE_INSTANT.getTime() + 10 * MINUTE),
    reason: 'nr13',
    field: 'authn-request.issue-instant.window',
  },
  {
    name: 'an IssueInstant five minutes in the future',
    now: new Date(EXAMPLE_INSTANT.getTime() - 5 * MINUTE),
    reason: 'nr13',
    field: 'authn-request.issue-instant.window',
  },
  {
    name: 'no Destination',
    edit: swap(/ Destination="[^"]*"/, ''),
    reason: 'nr14',
    field: 'authn-request.destination',
  },
  {
    name: 'another IdP as Destination',
    fixture: { destination: 'https://altro-idp.example.it/sso' },
    reason: 'nr14',
    field: 'authn-request.destination',
  },
  {
    name: 'IsPassive="true"',
    edit: swap('ForceAuthn="true"', 'ForceAuthn="true" IsPassive="true"'),
    reason: 'nr15',
    field: 'authn-request.is-passive',
  },
  {
    name: 'IsPassive="false" (the tool fails it too)',
    edit: swap('ForceAuthn="true"', 'ForceAuthn="true" IsPassive="false"'),
    reason: 'nr15',
    field: 'authn-request.is-passive',
  },
  {
    name: 'an unknown AssertionConsumerServiceIndex',
    edit: swap('AssertionConsumerServiceIndex="0"', 'AssertionConsumerServiceIndex="5"'),
    reason: 'nr16',
    field: 'authn-request.acs',
  },
  {
    name: 'both ACS index and URL',
    edit: swap(
      'AssertionConsumerServiceIndex="0"',
      'AssertionConsumerServiceIndex="0" AssertionConsumerServiceURL="https://servizi.comune.example.it/spid/acs"',
    ),
    reason: 'nr16',
    field: 'authn-request.acs',
  },
  {
    name: 'neither ACS index nor URL',
    edit: swap(' AssertionConsumerServiceIndex="0"', ''),
    reason: 'nr16',
    field: 'authn-request.acs',
  },
  {
    name: 'an ACS URL not in the metadata',
    edit: swap(
      'AssertionConsumerServiceIndex="0"',
      'AssertionConsumerServiceURL="https://evil.example.it/acs" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"',
    ),
    reason: 'nr16',
    field: 'authn-request.acs',
  },
  {
    name: 'an ACS URL with the Redirect ProtocolBinding',
    edit: swap(
      'AssertionConsumerServiceIndex="0"',
      'AssertionConsumerServiceURL="https://servizi.comune.example.it/spid/acs" ProtocolBinding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"',
    ),
    reason: 'nr16',
    field: 'authn-request.acs',
  },
  {
    name: 'a persistent NameIDPolicy',
    edit: swap('nameid-format:transient', 'nameid-format:persistent'),
    reason: 'nr17',
    field: 'authn-request.name-id-policy.format',
  },
  {
    name: 'no NameIDPolicy',
    edit: swap(/<samlp:NameIDPolicy[^>]*\/>/, ''),
    reason: 'nr17',
    field: 'authn-request.name-id-policy.format',
  },
  {
    name: 'AllowCreate',
    edit: swap('nameid-format:transient"', 'nameid-format:transient" AllowCreate="true"'),
    reason: 'nr17',
    field: 'authn-request.name-id-policy.allow-create',
  },
  {
    name: 'no AttributeConsumingServiceIndex',
    edit: swap(' AttributeConsumingServiceIndex="0"', ''),
    reason: 'nr18',
    field: 'authn-request.attribute-consuming-service-index',
  },
  {
    name: 'an unknown AttributeConsumingServiceIndex',
    edit: swap('AttributeConsumingServiceIndex="0"', 'AttributeConsumingServiceIndex="7"'),
    reason: 'nr18',
    field: 'authn-request.attribute-consuming-service-index',
  },
  {
    name: 'a negative AttributeConsumingServiceIndex',
    edit: swap('AttributeConsumingServiceIndex="0"', 'AttributeConsumingServiceIndex="-1"'),
    reason: 'nr18',
    field: 'authn-request.attribute-consuming-service-index',
  },
  // §6.1, CIE flavour.
  {
    name: 'CIE: SpidL1 without ForceAuthn',
    cie: true,
    fixture: { level: 1 },
    edit: swap(' ForceAuthn="true"', ''),
    reason: 'nr12',
    field: 'authn-request.force-authn',
  },
  {
    name: 'CIE: Comparison "better"',
    cie: true,
    fixture: { comparison: 'better' },
    reason: 'nr12',
    field: 'authn-request.requested-authn-context.comparison',
  },
  {
    name: 'CIE: the IdP entityID as Destination',
    cie: true,
    fixture: { destination: TEST_IDP.entityId },
    reason: 'nr14',
    field: 'authn-request.destination',
  },
  {
    name: 'CIE: an Issuer Format that is not entity',
    cie: true,
    edit: swap('nameid-format:entity', 'nameid-format:transient'),
    reason: 'nr10',
    field: 'authn-request.issuer.format',
  },
];

function run(binding: 'redirect' | 'post', v: Variant) {
  const xml = buildAuthnRequestXml({
    ...(v.cie === true ? { entityId: CIE_ENTITY } : {}),
    ...v.fixture,
    ...(v.edit === undefined ? {} : { edit: v.edit }),
  });
  const request: AuthnRequestInput =
    binding === 'redirect' ? { binding, query: buildRedirectQuery(xml) } : buildPostFields(xml);
  const options: AuthnRequestOptions = {
    sp: v.cie === true ? CIE_SP : SP,
    idp: TEST_IDP,
    now: v.now ?? EXAMPLE_INSTANT,
    cie: v.cie === true,
  };
  try {
    parseAuthnRequest(request, options);
  } catch (err) {
    if (SpidTestIdpError.isInstance(err)) return { code: err.code, reason: err.reason, field: err.field };
    throw err;
  }
  return undefined;
}

describe('parseAuthnRequest() §1.4 rules', () => {
  const rows = VARIANTS.flatMap((v) =>
    (v.redirectOnly === true ? (['redirect'] as const) : (['redirect', 'post'] as const)).map(
      (b) => [`${v.name} (${b})`, b, v] as const,
    ),
  );
  it.each(rows)('refuses %s', (_name, binding, v) => {
    expect(run(binding, v)).toEqual({ code: 'ERR_SPID_TEST_IDP_INVALID_REQUEST', reason: v.reason, field: v.field });
  });

  it('accepts a CIE request without Issuer Format and NameQualifier', () => {
    const v: Variant = {
      name: '',
      cie: true,
      edit: (x) => x.replace(/ Format="[^"]*entity"/, '').replace(/ NameQualifier="[^"]*"/, ''),
      reason: 'nr08',
      field: '',
    };
    expect(run('post', v)).toBeUndefined();
  });

  it('refuses a malformed input or options shape with ERR_SPID_TEST_IDP_INVALID_CONFIG', () => {
    const bad = [
      () => parseAuthnRequest({ binding: 'artifact' } as unknown as AuthnRequestInput, { sp: SP, idp: TEST_IDP }),
      () => parseAuthnRequest({ binding: 'redirect', query: 'x' }, { sp: {} as typeof SP, idp: TEST_IDP }),
    ];
    for (const fn of bad) {
      expect(() => fn()).toThrow(expect.objectContaining({ code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG' }));
    }
  });
});
