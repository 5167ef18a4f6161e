import { readFields } from '@civico/core/internal';
import { decodePostBinding, decodeRedirectBinding, NS, parseXml, SamlError, verifyXmlSignature } from '@civico/saml';
import { SpidTestIdpError } from '../errors.js';
import type { SpMetadata } from '../metadata/sp-metadata.js';
import { children, type XmlDocument, type XmlElement } from '../metadata/xml-dom.js';
import type { AuthnRequestInput, AuthnRequestOptions } from './parsed-authn-request.js';
import { requestError } from './request-error.js';

/** @internal Signature algorithms the conformance tool accepts (SHA-1 is refused). */
export const ALLOWED_SIG_ALGS: readonly string[] = [
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
];

/** @internal A request after its binding: the XML, the element to read from, RelayState. */
export interface DecodedAuthnRequest {
  readonly xml: string;
  /** The root element, or for POST the element the signature covers (read only from it). */
  readonly root: XmlElement;
  readonly relayState: string | undefined;
  readonly binding: 'redirect' | 'post';
  readonly sigAlg: string | undefined;
}

/**
 * @internal Reads the arguments of parseAuthnRequest and lintAuthnRequest once, into plain objects (a
 * throwing getter or Proxy fails with INVALID_CONFIG), and checks the shape of the input.
 */
export function readRequestArguments(
  input: unknown,
  options: unknown,
): { readonly input: AuthnRequestInput; readonly options: AuthnRequestOptions } {
  const code = 'ERR_SPID_TEST_IDP_INVALID_CONFIG';
  const i = readFields(input, ['binding', 'query', 'samlRequest', 'relayState'], SpidTestIdpError, code, {
    path: 'input',
  }) as AuthnRequestInput;
  const o = readFields(options, ['sp', 'idp', 'now', 'cie', 'maxAgeMs', 'clockSkewMs'], SpidTestIdpError, code, {
    path: 'options',
  }) as AuthnRequestOptions;
  checkInput(i, o.sp);
  let validNow = o.now === undefined;
  try {
    validNow ||= o.now instanceof Date && !Number.isNaN(o.now.getTime());
  } catch {
    // a Proxy whose getPrototypeOf trap throws: not a Date
  }
  if (!validNow) throw new SpidTestIdpError(code, 'options.now must be a valid Date', { field: 'now' });
  for (const field of ['maxAgeMs', 'clockSkewMs'] as const) {
    const value = o[field];
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
      throw new SpidTestIdpError(code, `options.${field} must be a non-negative number`, { field });
    }
  }
  return { input: i, options: { ...o, sp: readSp(o.sp), idp: readIdp(o.idp) } };
}

/** The IdP identity the rules compare the request with, checked and read once. */
function readIdp(idp: unknown): AuthnRequestOptions['idp'] {
  const code = 'ERR_SPID_TEST_IDP_INVALID_CONFIG';
  const bad = (): SpidTestIdpError =>
    new SpidTestIdpError(code, 'options.idp must be { entityId, ssoUrls }', { field: 'idp' });
  if (typeof idp !== 'object' || idp === null) throw bad();
  const o = readFields(idp, ['entityId', 'ssoUrls'], SpidTestIdpError, code, { path: 'idp' });
  if (typeof o.entityId !== 'string' || !Array.isArray(o.ssoUrls)) throw bad();
  let ssoUrls: unknown[];
  try {
    ssoUrls = [...o.ssoUrls];
  } catch (cause) {
    throw new SpidTestIdpError(code, 'options.idp.ssoUrls cannot be read', { cause, field: 'idp.ssoUrls' });
  }
  if (!ssoUrls.every((u) => typeof u === 'string')) throw bad();
  return { entityId: o.entityId, ssoUrls: ssoUrls as string[] };
}

/**
 * The fields of the SP metadata the request rules read, checked and read once: a value that is not parsed
 * SP metadata (a wrong type, a throwing getter or Proxy) fails with INVALID_CONFIG instead of in a rule.
 */
function readSp(sp: unknown): SpMetadata {
  const code = 'ERR_SPID_TEST_IDP_INVALID_CONFIG';
  const bad = (): SpidTestIdpError =>
    new SpidTestIdpError(code, 'options.sp is not parsed SP metadata', { field: 'sp' });
  const s = readFields(
    sp,
    ['entityId', 'acs', 'attributeConsumingServices', 'signingCertificates'],
    SpidTestIdpError,
    code,
    {
      path: 'sp',
    },
  );
  const items = (value: unknown): unknown[] => {
    if (!Array.isArray(value)) throw bad();
    try {
      return [...value];
    } catch (cause) {
      throw new SpidTestIdpError(code, 'options.sp cannot be read', { cause, field: 'sp' });
    }
  };
  const records = (value: unknown, keys: readonly string[]) =>
    items(value).map((item) => {
      if (typeof item !== 'object' || item === null) throw bad();
      return readFields(item, keys, SpidTestIdpError, code, { path: 'sp' });
    });
  const signingCertificates = items(s.signingCertificates);
  if (typeof s.entityId !== 'string' || !signingCertificates.every((c) => typeof c === 'string')) throw bad();
  return {
    ...s,
    acs: records(s.acs, ['index', 'location', 'binding', 'isDefault']),
    attributeConsumingServices: records(s.attributeConsumingServices, ['index', 'serviceNames', 'names']),
    signingCertificates,
  } as unknown as SpMetadata;
}

/** @internal Checks the shape of the input (a caller mistake, not the SP's). */
export function checkInput(input: AuthnRequestInput, sp: SpMetadata | undefined): void {
  const ok =
    typeof input === 'object' &&
    input !== null &&
    ((input.binding === 'redirect' && typeof input.query === 'string') ||
      (input.binding === 'post' &&
        typeof input.samlRequest === 'string' &&
        (input.relayState === undefined || typeof input.relayState === 'string')));
  if (!ok) {
    throw new SpidTestIdpError('ERR_SPID_TEST_IDP_INVALID_CONFIG', 'input is not a redirect query or POST fields', {
      field: 'input',
    });
  }
  if (typeof sp !== 'object' || sp === null || !Array.isArray(sp.signingCertificates)) {
    throw new SpidTestIdpError('ERR_SPID_TEST_IDP_INVALID_CONFIG', 'options.sp is not parsed SP metadata', {
      field: 'sp',
    });
  }
}

/** @internal Parses the decoded XML safely; `nr08` when it is not XML the IdP will read. */
export function parseRequestXml(xml: string): XmlDocument {
  try {
    return parseXml(xml);
  } catch (err) {
    throw requestError('nr08', 'authn-request.xml.safe', 'the request is not safe, well-formed XML', err);
  }
}

function isSignatureProblem(err: unknown): boolean {
  return (
    SamlError.isInstance(err) &&
    [
      'ERR_SAML_SIGNATURE_ALGORITHM',
      'ERR_SAML_SIGNATURE_INVALID',
      'ERR_SAML_SIGNATURE_UNTRUSTED',
      'ERR_SAML_KEY_TOO_WEAK',
      'ERR_SAML_KEY_INVALID',
      'ERR_SAML_CERTIFICATE_INVALID',
      'ERR_SAML_CERTIFICATE_EXPIRED',
    ].includes(err.code)
  );
}

function decodeRedirect(query: string, sp: SpMetadata, now: Date): DecodedAuthnRequest {
  if (sp.signingCertificates.length === 0) {
    throw requestError('nr05', 'authn-request.signature.valid', 'the SP metadata has no signing certificate');
  }
  let decoded: ReturnType<typeof decodeRedirectBinding>;
  try {
    decoded = decodeRedirectBinding(query, { certificates: sp.signingCertificates, requireSignature: true, now });
  } catch (err) {
    if (isSignatureProblem(err)) {
      throw requestError('nr05', 'authn-request.signature.valid', 'the Redirect signature is invalid', err);
    }
    throw requestError('nr04', 'authn-request.binding.format', 'the Redirect binding parameters are malformed', err);
  }
  if (decoded.kind !== 'SAMLRequest' || !decoded.signed) {
    throw requestError('nr04', 'authn-request.binding.format', 'no signed SAMLRequest in the query');
  }
  if (decoded.sigAlg === undefined || !ALLOWED_SIG_ALGS.includes(decoded.sigAlg)) {
    throw requestError('nr05', 'authn-request.signature.algorithm', 'SigAlg is not RSA-SHA256/384/512');
  }
  const document = parseRequestXml(decoded.xml);
  const root = document.documentElement as XmlElement;
  // SPID (§1.3): on HTTP-Redirect the signature is in the query, the XML carries none.
  if (children(root, NS.ds, 'Signature').length > 0) {
    throw requestError('nr04', 'authn-request.signature.not-in-xml', 'a Redirect request carries ds:Signature');
  }
  return { xml: decoded.xml, root, relayState: decoded.relayState, binding: 'redirect', sigAlg: decoded.sigAlg };
}

/** @internal Reads the SignatureMethod of the root's enveloped signature, `undefined` when none. */
export function readXmlSigAlg(root: XmlElement): string | undefined {
  const sig = children(root, NS.ds, 'Signature')[0];
  const info = sig === undefined ? undefined : children(sig, NS.ds, 'SignedInfo')[0];
  const method = info === undefined ? undefined : children(info, NS.ds, 'SignatureMethod')[0];
  return method?.getAttribute('Algorithm') ?? undefined;
}

function decodePost(
  samlRequest: string,
  relayState: string | undefined,
  sp: SpMetadata,
  now: Date,
): DecodedAuthnRequest {
  let xml: string;
  try {
    xml = decodePostBinding(samlRequest);
  } catch (err) {
    throw requestError('nr04', 'authn-request.binding.format', 'SAMLRequest is not base64 XML', err);
  }
  const document = parseRequestXml(xml);
  const root = document.documentElement as XmlElement;
  const sigAlg = readXmlSigAlg(root);
  if (sigAlg === undefined) {
    throw requestError('nr07', 'authn-request.signature.valid', 'the POST request has no enveloped signature');
  }
  if (!ALLOWED_SIG_ALGS.includes(sigAlg)) {
    throw requestError('nr07', 'authn-request.signature.algorithm', 'SignatureMethod is not RSA-SHA256/384/512');
  }
  if (sp.signingCertificates.length === 0) {
    throw requestError('nr07', 'authn-request.signature.valid', 'the SP metadata has no signing certificate');
  }
  let signed: XmlElement;
  try {
    signed = verifyXmlSignature(xml, { element: root, certificates: sp.signingCertificates, now }) as XmlElement;
  } catch (err) {
    throw requestError('nr07', 'authn-request.signature.valid', 'the POST signature is invalid', err);
  }
  return { xml, root: signed, relayState, binding: 'post', sigAlg };
}

/** @internal Undoes the binding and checks the signature against the SP metadata certificates. */
export function decodeAuthnRequestInput(input: AuthnRequestInput, sp: SpMetadata, now: Date): DecodedAuthnRequest {
  return input.binding === 'redirect'
    ? decodeRedirect(input.query, sp, now)
    : decodePost(input.samlRequest, input.relayState, sp, now);
}
