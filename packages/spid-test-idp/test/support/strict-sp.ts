// The STRICT test SP: a small but real implementation of the Response checks of SPID Regole Tecniche
// single-sign-on.rst and `italia/spid-sp-test` (request store by ID bound to the browser session, every
// field check, signature on the one Assertion, data read only from the verified node, consume once). Not
// @civico/spid: just enough to show that the kit passes a correct SP.
import { getChild, getChildren, getText, NS, parseXml, verifyXmlSignature } from '@civico/saml';
import {
  type AcsContext,
  type AcsHandler,
  type PendingRequest,
  REQUESTED_ATTRIBUTES,
  startTestSp,
  type TestSp,
  type TestSpOptions,
} from './naive-sp.js';

/** An element of the DOM `parseXml` returns (@xmldom/xmldom). */
type XmlElement = NonNullable<ReturnType<typeof parseXml>['documentElement']>;

const SKEW_MS = 90_000;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';
const ENTITY = 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity';
const TRANSIENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
const LEVELS: Readonly<Record<string, 1 | 2 | 3>> = {
  'https://www.spid.gov.it/SpidL1': 1,
  'https://www.spid.gov.it/SpidL2': 2,
  'https://www.spid.gov.it/SpidL3': 3,
};
const PAGES: Readonly<Record<string, string>> = {
  nr19: 'Too many failed attempts: retry later.',
  nr20: 'You need a credential of a higher level.',
  nr21: 'The login timed out: retry.',
  nr22: 'Consent is needed for this service.',
  nr23: 'Your identity is suspended or revoked: contact your identity provider.',
  nr25: 'Login cancelled: retry.',
  nr30: 'Use the required identity type.',
};

class Reject extends Error {}

function fail(rule: string): never {
  throw new Reject(rule);
}

/** The one direct child, failing when missing or repeated. */
function one(parent: XmlElement, ns: string, name: string): XmlElement {
  const children = getChildren(parent, ns, name);
  if (children.length !== 1) fail(`exactly one ${name}`);
  return children[0] as XmlElement;
}

function attr(el: XmlElement, name: string): string {
  const value = el.getAttribute(name);
  if (value === null || value.trim() === '') fail(`${el.localName}@${name} required`);
  return value;
}

function instant(el: XmlElement, name: string): number {
  const value = attr(el, name);
  if (!DATE_TIME.test(value)) fail(`${el.localName}@${name} not a UTC dateTime`);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) fail(`${el.localName}@${name} invalid`);
  return ms;
}

/** The level rule of cases 94–96 (docs/spid-test-idp.md, How a case is judged). */
function levelAcceptable(requested: number, comparison: string, returned: number): boolean {
  if (returned > requested) return true;
  if (returned === requested) return comparison !== 'better';
  return comparison === 'maximum';
}

function checkIssuer(parent: XmlElement, idpEntityId: string, formatRequired: boolean): void {
  const issuer = one(parent, NS.saml, 'Issuer');
  if (getText(issuer).trim() !== idpEntityId) fail('Issuer = IdP entity ID');
  const format = issuer.getAttribute('Format');
  if (format === null ? formatRequired : format !== ENTITY) fail('Issuer Format entity');
}

function checkAssertion(assertion: XmlElement, ctx: AcsContext, request: PendingRequest, now: number): void {
  if (attr(assertion, 'ID') === '' || assertion.getAttribute('Version') !== '2.0') fail('Assertion ID/Version');
  const issued = instant(assertion, 'IssueInstant');
  if (issued < request.issueInstant.getTime() || issued > now + SKEW_MS) fail('Assertion IssueInstant window');
  checkIssuer(assertion, ctx.idp.entityId, true);
  const subject = one(assertion, NS.saml, 'Subject');
  const nameId = one(subject, NS.saml, 'NameID');
  if (getText(nameId).trim() === '' || nameId.getAttribute('Format') !== TRANSIENT) fail('NameID transient');
  attr(nameId, 'NameQualifier');
  const confirmation = one(subject, NS.saml, 'SubjectConfirmation');
  if (confirmation.getAttribute('Method') !== BEARER) fail('bearer');
  const data = one(confirmation, NS.saml, 'SubjectConfirmationData');
  if (attr(data, 'Recipient') !== ctx.sp.acsUrl) fail('Recipient');
  if (attr(data, 'InResponseTo') !== request.id) fail('SCD InResponseTo');
  if (instant(data, 'NotOnOrAfter') <= now - SKEW_MS) fail('SCD expired');
  const conditions = one(assertion, NS.saml, 'Conditions');
  if (instant(conditions, 'NotBefore') > now + SKEW_MS) fail('NotBefore');
  if (instant(conditions, 'NotOnOrAfter') <= now - SKEW_MS) fail('Conditions expired');
  const audience = one(one(conditions, NS.saml, 'AudienceRestriction'), NS.saml, 'Audience');
  if (getText(audience).trim() !== ctx.sp.entityId) fail('Audience');
  const statement = one(assertion, NS.saml, 'AuthnStatement');
  const classRef = one(one(statement, NS.saml, 'AuthnContext'), NS.saml, 'AuthnContextClassRef');
  const level = LEVELS[getText(classRef).trim()];
  if (level === undefined) fail('SPID level URI');
  if (!levelAcceptable(request.level, request.comparison, level)) fail('level');
  const attributes = getChildren(one(assertion, NS.saml, 'AttributeStatement'), NS.saml, 'Attribute');
  if (attributes.length === 0) fail('no Attribute');
  const names = new Set<string>();
  for (const attribute of attributes) {
    if (getChildren(attribute, NS.saml, 'AttributeValue').length === 0) fail('AttributeValue required');
    names.add(attr(attribute, 'Name'));
  }
  const wanted = new Set<string>(REQUESTED_ATTRIBUTES);
  if (names.size !== wanted.size || [...names].some((n) => !wanted.has(n))) fail('attribute set');
}

/** The strict ACS: 200 only for a Response that passes every SPID Response check. */
export const strictAcs: AcsHandler = (ctx) => {
  try {
    const xml = Buffer.from(ctx.form.get('SAMLResponse') ?? '', 'base64').toString('utf8');
    const doc = parseXml(xml);
    const response = doc.documentElement;
    if (response === null || response.namespaceURI !== NS.samlp || response.localName !== 'Response') fail('root');
    if (attr(response, 'ID') === '' || response.getAttribute('Version') !== '2.0') fail('Response ID/Version');
    const now = Date.now();
    const inResponseTo = attr(response, 'InResponseTo');
    const request = ctx.pending.get(inResponseTo);
    // Bound to the browser session that started the login; consumed once whatever the outcome.
    if (request === undefined || request.session !== ctx.session) fail('no pending request');
    ctx.pending.delete(inResponseTo);
    if (ctx.form.get('RelayState') !== request.relayState) fail('RelayState');
    const issued = instant(response, 'IssueInstant');
    if (issued < request.issueInstant.getTime() || issued > now + SKEW_MS) fail('IssueInstant window');
    if (attr(response, 'Destination') !== ctx.sp.acsUrl) fail('Destination');
    checkIssuer(response, ctx.idp.entityId, false);
    const statusCode = one(one(response, NS.samlp, 'Status'), NS.samlp, 'StatusCode');
    const status = attr(statusCode, 'Value');
    if (status !== SUCCESS) {
      // messaggi-errore.rst, codes 19–25: unsigned status data only selects the message of the courtesy page.
      const message = getChild(one(response, NS.samlp, 'Status'), NS.samlp, 'StatusMessage');
      const code = /ErrorCode nr(\d+)/.exec(message ? getText(message) : '')?.[1];
      return { status: 403, body: `<p>${PAGES[`nr${code}`] ?? 'Login failed.'}</p>` };
    }
    // XSW defence (spid-sp-test response_wraps.py): exactly one Assertion in the whole document, a direct
    // child of the Response.
    if (doc.getElementsByTagNameNS(NS.saml, 'Assertion').length !== 1) fail('one Assertion');
    if (doc.getElementsByTagNameNS(NS.saml, 'EncryptedAssertion').length !== 0) fail('no EncryptedAssertion');
    const assertion = one(response, NS.saml, 'Assertion');
    const certificates = [ctx.idp.certificate];
    if (getChildren(response, NS.ds, 'Signature').length > 0)
      verifyXmlSignature(xml, { element: response, certificates });
    // Data is read only from the node the Assertion signature covers.
    checkAssertion(verifyXmlSignature(xml, { element: assertion, certificates }), ctx, request, now);
    return { status: 200, body: '<p>Welcome</p>' };
  } catch (err) {
    return { status: err instanceof Reject ? 400 : 403, body: '<p>Login refused.</p>' };
  }
};

/** Starts the strict SP. */
export function startStrictSp(options: TestSpOptions): Promise<TestSp> {
  return startTestSp(options, strictAcs);
}
