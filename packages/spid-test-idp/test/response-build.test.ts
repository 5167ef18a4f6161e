import { getChild, getChildren, getText, NS, parseXml } from '@civico/saml';
import { describe, expect, it } from 'vitest';
import { CIE_TEST_USERS } from '../src/data/test-users.js';
import { SpidTestIdpError } from '../src/errors.js';
import type { ParsedAuthnRequest } from '../src/request/parsed-authn-request.js';
import { buildResponse } from '../src/response/build-response.js';
import type { ResponseRequestInfo } from '../src/response/response-request-info.js';
import { fixedOptions, IDP_ENTITY_ID, REQUEST } from './cases-fixtures.js';

type El = NonNullable<ReturnType<typeof parseXml>['documentElement']>;

function root(xml: string): El {
  const el = parseXml(xml).documentElement;
  if (el === null) throw new Error('no root');
  return el;
}

function at(el: El, ...path: string[]): El {
  let cur = el;
  for (const step of path) {
    const ns = ['Status', 'StatusCode', 'StatusMessage'].includes(step)
      ? NS.samlp
      : step === 'Signature'
        ? NS.ds
        : NS.saml;
    const next = getChild(cur, ns, step);
    if (next === undefined) throw new Error(`missing ${step}`);
    cur = next as El;
  }
  return cur;
}

describe('buildResponse()', () => {
  it('builds the §3.2 baseline: times, destination, audience, NameID, level, attributes', () => {
    const r = root(buildResponse(fixedOptions()));
    expect(r.getAttribute('IssueInstant')).toBe('2026-03-02T10:00:00.250Z');
    expect(r.getAttribute('Destination')).toBe(REQUEST.acsUrl);
    expect(r.getAttribute('InResponseTo')).toBe(REQUEST.id);
    expect(at(r, 'Issuer').getAttribute('Format')).toBe('urn:oasis:names:tc:SAML:2.0:nameid-format:entity');
    const a = at(r, 'Assertion');
    expect(a.getAttribute('IssueInstant')).toBe('2026-03-02T10:00:00.250Z');
    expect(getText(at(a, 'Issuer'))).toBe(IDP_ENTITY_ID);
    const nameId = at(a, 'Subject', 'NameID');
    expect(nameId.getAttribute('Format')).toBe('urn:oasis:names:tc:SAML:2.0:nameid-format:transient');
    expect(nameId.getAttribute('NameQualifier')).toBe(IDP_ENTITY_ID);
    const scd = at(a, 'Subject', 'SubjectConfirmation', 'SubjectConfirmationData');
    expect(scd.getAttribute('Recipient')).toBe(REQUEST.acsUrl);
    expect(scd.getAttribute('InResponseTo')).toBe(REQUEST.id);
    expect(scd.getAttribute('NotOnOrAfter')).toBe('2026-03-02T10:05:30Z');
    const cond = at(a, 'Conditions');
    expect(cond.getAttribute('NotBefore')).toBe('2026-03-02T10:00:00.250Z');
    expect(cond.getAttribute('NotOnOrAfter')).toBe('2026-03-02T10:05:30Z');
    expect(getText(at(cond, 'AudienceRestriction', 'Audience'))).toBe('https://sp.example.it');
    expect(getText(at(a, 'AuthnStatement', 'AuthnContext', 'AuthnContextClassRef'))).toBe(
      'https://www.spid.gov.it/SpidL2',
    );
    expect(at(a, 'AuthnStatement').hasAttribute('SessionIndex')).toBe(false);
    const attributes = getChildren(at(a, 'AttributeStatement'), NS.saml, 'Attribute');
    expect(attributes.map((x) => x.getAttribute('Name'))).toEqual(REQUEST.requestedAttributes);
    for (const x of attributes) expect(x.hasAttribute('NameFormat')).toBe(false);
    const types = attributes.map((x) => getChildren(x, NS.saml, 'AttributeValue')[0]?.getAttributeNS(NS.xsi, 'type'));
    expect(types).toEqual(['xs:string', 'xs:string', 'xs:string', 'xs:date', 'xs:string']);
  });

  it('signs the Assertion and the Response, each right after its Issuer', () => {
    const r = root(buildResponse(fixedOptions()));
    expect(r.childNodes[1]).toBe(at(r, 'Signature'));
    const a = at(r, 'Assertion');
    expect(a.childNodes[1]).toBe(at(a, 'Signature'));
    const uri = (s: El) => getChild(getChild(s, NS.ds, 'SignedInfo') as El, NS.ds, 'Reference')?.getAttribute('URI');
    expect(uri(at(r, 'Signature'))).toBe(`#${r.getAttribute('ID')}`);
    expect(uri(at(a, 'Signature'))).toBe(`#${a.getAttribute('ID')}`);
  });

  it('puts SessionIndex only for an L1 request and follows a level override', () => {
    const l1 = root(buildResponse(fixedOptions({ request: { ...REQUEST, level: 1 }, level: 3 })));
    expect(at(l1, 'Assertion', 'AuthnStatement').getAttribute('SessionIndex')).toMatch(/^_id/);
    expect(getText(at(l1, 'Assertion', 'AuthnStatement', 'AuthnContext', 'AuthnContextClassRef'))).toBe(
      'https://www.spid.gov.it/SpidL3',
    );
  });

  it('uses the Issuer as Audience when the request has no NameQualifier', () => {
    const r = root(
      buildResponse(fixedOptions({ request: { ...REQUEST, nameQualifier: undefined, issuer: 'urn:sp' } })),
    );
    expect(getText(at(r, 'Assertion', 'Conditions', 'AudienceRestriction', 'Audience'))).toBe('urn:sp');
  });

  it('builds an unsigned Responder/AuthnFailed error without Assertion, signed on request', () => {
    const r = root(buildResponse(fixedOptions({ status: { code: 'nr22' } })));
    expect(getChild(r, NS.saml, 'Assertion')).toBeUndefined();
    expect(getChild(r, NS.ds, 'Signature')).toBeUndefined();
    const code = at(r, 'Status', 'StatusCode');
    expect(code.getAttribute('Value')).toBe('urn:oasis:names:tc:SAML:2.0:status:Responder');
    expect(at(code, 'StatusCode').getAttribute('Value')).toBe('urn:oasis:names:tc:SAML:2.0:status:AuthnFailed');
    expect(getText(at(r, 'Status', 'StatusMessage'))).toBe('ErrorCode nr22');
    const cancelled = root(buildResponse(fixedOptions({ status: { code: 'cancelled' }, sign: { response: true } })));
    expect(getText(at(cancelled, 'Status', 'StatusMessage'))).toBe('ErrorCode nr25');
    expect(getChild(cancelled, NS.ds, 'Signature')).toBeDefined();
  });

  it('builds the CIE flavour: Response Issuer without Format, only CIE attributes', () => {
    const r = root(buildResponse(fixedOptions({ cie: true, user: CIE_TEST_USERS[0] })));
    expect(at(r, 'Issuer').hasAttribute('Format')).toBe(false);
    const names = getChildren(at(r, 'Assertion', 'AttributeStatement'), NS.saml, 'Attribute').map((x) =>
      x.getAttribute('Name'),
    );
    expect(names).toEqual(['fiscalNumber', 'name', 'familyName', 'dateOfBirth']);
  });

  it('escapes every value: an ACS URL with & and < stays one attribute', () => {
    const xml = buildResponse(fixedOptions());
    expect(xml).toContain('Destination="https://sp.example.it/spid/acs?tenant=a&amp;x=&lt;1&gt;"');
  });

  it('refuses a success without user and a value XML cannot hold', () => {
    expect(() => buildResponse(fixedOptions({ user: undefined }))).toThrow(SpidTestIdpError);
    expect(() => buildResponse(fixedOptions({ request: { ...REQUEST, id: 'a\u0001' } }))).toThrow(
      expect.objectContaining({ code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG' }),
    );
  });

  it('takes a ParsedAuthnRequest as its request (structural fit, checked by the compiler)', () => {
    const asRequest = (parsed: ParsedAuthnRequest): ResponseRequestInfo => parsed;
    const parsed = { ...REQUEST, destination: 'https://localhost:8443/sso', xml: '' } as unknown as ParsedAuthnRequest;
    expect(buildResponse(fixedOptions({ request: asRequest(parsed) }))).toContain(REQUEST.id);
  });
});

describe('buildResponse() on hostile options (hostile-input harness regression)', () => {
  it('refuses a throwing getter or Proxy anywhere it reads with ERR_SPID_TEST_IDP_INVALID_CONFIG', () => {
    const trap = () => {
      throw new TypeError('trap');
    };
    const proxy = new Proxy(function hostile() {}, { get: trap, has: trap, getPrototypeOf: trap, ownKeys: trap });
    const getter = <T extends object>(o: T, key: string): T => Object.defineProperty({ ...o }, key, { get: trap });
    const base = fixedOptions();
    for (const options of [
      getter(base, 'request'),
      getter(base, 'user'),
      { ...base, now: proxy },
      { ...base, sign: proxy },
      { ...base, request: getter(REQUEST, 'id') },
      { ...base, request: { ...REQUEST, issueInstant: proxy } },
      proxy,
    ]) {
      expect(() => buildResponse(options as never)).toThrow(
        expect.objectContaining({ code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG' }),
      );
    }
  });
});

describe('buildResponse() with a user attribute that is not a string (hostile-input harness regression)', () => {
  it('refuses it with ERR_SPID_TEST_IDP_INVALID_CONFIG naming the attribute', () => {
    const base = fixedOptions();
    const user = {
      ...CIE_TEST_USERS[0],
      attributes: { ...CIE_TEST_USERS[0]?.attributes, name: { toString: () => 'x' } },
    };
    expect(() =>
      buildResponse({ ...base, user, request: { ...REQUEST, requestedAttributes: ['name'] } } as never),
    ).toThrow(expect.objectContaining({ code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG', field: 'user.attributes.name' }));
  });
});
