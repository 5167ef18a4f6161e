import { type Document, type Element, XMLSerializer } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { SamlError } from '../src/errors.js';
import { signXml } from '../src/signature/sign-xml.js';
import { verifyXmlSignature } from '../src/signature/verify-xml-signature.js';
import { parseXml } from '../src/xml/parse-xml.js';
import { loadCertificate, loadKey, readFixture } from './support/keys.js';

// The eight classic XML Signature Wrapping shapes of spid-sp-test response_wraps.py (cases xsw1..xsw8), built
// from genuinely IdP-signed documents, with the attacker's certificate in KeyInfo as the conformance
// tool does. For each: what a naive reader would verify (the element it then reads) must be refused,
// and verifying the ID the signature references either fails or returns the ORIGINAL signed content.

const SAMLP = 'urn:oasis:names:tc:SAML:2.0:protocol';
const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const NOW = new Date('2026-06-01T10:01:00Z');
const IDP = [loadCertificate('idp')];
const idp = loadKey('idp');
const RESPONSE = readFixture('response-unsigned.xml');
const RESPONSE_SIGNED = signXml(RESPONSE, { key: idp, id: '_resp-1' });
const ASSERTION_SIGNED = signXml(RESPONSE, { key: idp, id: '_assertion-1' });

const b64 = (pem: string) => pem.replace(/-----[^-]+-----|\s/g, '');

function kids(el: Element, ns: string, local: string): Element[] {
  return Array.from(el.childNodes).filter(
    (n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === local,
  );
}
function first(el: Element, ns: string, local: string): Element {
  const found = kids(el, ns, local)[0];
  if (found === undefined) throw new Error(`fixture: no ${local}`);
  return found;
}
function unsign(el: Element): Element {
  for (const sig of kids(el, DS, 'Signature')) el.removeChild(sig);
  return el;
}
function makeEvil(el: Element, id?: string): Element {
  if (id !== undefined) el.setAttribute('ID', id);
  const nameId = el.getElementsByTagNameNS(SAML, 'NameID').item(0);
  if (nameId?.firstChild) nameId.firstChild.nodeValue = 'admin';
  return el;
}

/** An evil outer Response: re-IDed, and its Assertion re-IDed too (else duplicate IDs alone refuse it). */
function makeEvilResponse(response: Element): Element {
  makeEvil(first(response, SAML, 'Assertion'), '_evil-a');
  return makeEvil(response, '_evil-resp');
}

interface Built {
  readonly xml: string;
  /** The element a naive reader would verify and then read. */
  readonly naive: (doc: Document) => Element;
}

function build(signed: string, mutate: (doc: Document, response: Element) => void, naive: Built['naive']): Built {
  const doc = parseXml(signed);
  mutate(doc, doc.documentElement as Element);
  const xml = new XMLSerializer()
    .serializeToString(doc)
    .replace(b64(loadCertificate('idp')), b64(loadCertificate('attacker')));
  return { xml, naive };
}

const rootOf = (doc: Document) => doc.documentElement as Element;
const firstAssertionChild = (doc: Document) => first(rootOf(doc), SAML, 'Assertion');
const firstAssertionAnywhere = (doc: Document) => doc.getElementsByTagNameNS(SAML, 'Assertion').item(0) as Element;

/** Outcome: an error code, or the NameID read from the returned (signed) node. */
interface Expectation {
  readonly naive: string;
  readonly referenced: string;
  readonly referencedId: string;
}

const CASES: Record<string, [() => Built, Expectation]> = {
  xsw1: [
    // Signed original Response (unsigned copy) hidden in the Response Signature; outer re-IDed, evil.
    () =>
      build(
        RESPONSE_SIGNED,
        (_doc, response) => {
          const copy = unsign(response.cloneNode(true) as Element);
          makeEvilResponse(response);
          first(response, DS, 'Signature').appendChild(copy);
        },
        rootOf,
      ),
    { naive: 'ERR_SAML_SIGNATURE_WRAPPING', referenced: 'ERR_SAML_SIGNATURE_MISSING', referencedId: '_resp-1' },
  ],
  xsw2: [
    // Copy of the original Response nested in a re-IDed evil outer Response, before its Signature.
    () =>
      build(
        RESPONSE_SIGNED,
        (_doc, response) => {
          const copy = unsign(response.cloneNode(true) as Element);
          makeEvilResponse(response);
          response.insertBefore(copy, first(response, DS, 'Signature'));
        },
        rootOf,
      ),
    { naive: 'ERR_SAML_SIGNATURE_WRAPPING', referenced: 'ERR_SAML_SIGNATURE_MISSING', referencedId: '_resp-1' },
  ],
  'xsw2 (the nested copy keeps the signature)': [
    () =>
      build(
        RESPONSE_SIGNED,
        (_doc, response) => {
          const copy = response.cloneNode(true) as Element;
          makeEvilResponse(unsign(response));
          response.appendChild(copy);
        },
        rootOf,
      ),
    { naive: 'ERR_SAML_SIGNATURE_MISSING', referenced: 'user.test', referencedId: '_resp-1' },
  ],
  xsw3: [
    // Unsigned evil Assertion (new ID) before the signed one.
    () =>
      build(
        ASSERTION_SIGNED,
        (_doc, response) => {
          const signed = first(response, SAML, 'Assertion');
          response.insertBefore(makeEvil(unsign(signed.cloneNode(true) as Element), '_evil-a'), signed);
        },
        firstAssertionChild,
      ),
    { naive: 'ERR_SAML_SIGNATURE_MISSING', referenced: 'user.test', referencedId: '_assertion-1' },
  ],
  xsw4: [
    // The signed Assertion wrapped inside an unsigned evil copy.
    () =>
      build(
        ASSERTION_SIGNED,
        (_doc, response) => {
          const signed = first(response, SAML, 'Assertion');
          const evil = makeEvil(unsign(signed.cloneNode(true) as Element), '_evil-a');
          response.replaceChild(evil, signed);
          evil.appendChild(signed);
        },
        firstAssertionChild,
      ),
    { naive: 'ERR_SAML_SIGNATURE_MISSING', referenced: 'user.test', referencedId: '_assertion-1' },
  ],
  xsw5: [
    // Signed Assertion re-IDed and altered; an unsigned copy of the original holds the referenced ID.
    () =>
      build(
        ASSERTION_SIGNED,
        (_doc, response) => {
          const signed = first(response, SAML, 'Assertion');
          const copy = unsign(signed.cloneNode(true) as Element);
          makeEvil(signed, '_evil-a');
          response.appendChild(copy);
        },
        firstAssertionChild,
      ),
    { naive: 'ERR_SAML_SIGNATURE_WRAPPING', referenced: 'ERR_SAML_SIGNATURE_MISSING', referencedId: '_assertion-1' },
  ],
  xsw6: [
    // As xsw5, with the copy inside the evil Assertion's Signature.
    () =>
      build(
        ASSERTION_SIGNED,
        (_doc, response) => {
          const signed = first(response, SAML, 'Assertion');
          const copy = unsign(signed.cloneNode(true) as Element);
          makeEvil(signed, '_evil-a');
          first(signed, DS, 'Signature').appendChild(copy);
        },
        firstAssertionChild,
      ),
    { naive: 'ERR_SAML_SIGNATURE_WRAPPING', referenced: 'ERR_SAML_SIGNATURE_MISSING', referencedId: '_assertion-1' },
  ],
  xsw7: [
    // Unsigned evil copy (same ID) in a samlp:Extensions of the Response.
    () =>
      build(
        ASSERTION_SIGNED,
        (doc, response) => {
          const signed = first(response, SAML, 'Assertion');
          const ext = doc.createElementNS(SAMLP, 'samlp:Extensions');
          ext.appendChild(makeEvil(unsign(signed.cloneNode(true) as Element)));
          response.insertBefore(ext, first(response, SAMLP, 'Status'));
        },
        firstAssertionAnywhere,
      ),
    { naive: 'ERR_SAML_SIGNATURE_WRAPPING', referenced: 'ERR_SAML_SIGNATURE_WRAPPING', referencedId: '_assertion-1' },
  ],
  'xsw7 (the copy in Extensions has a new ID)': [
    () =>
      build(
        ASSERTION_SIGNED,
        (doc, response) => {
          const signed = first(response, SAML, 'Assertion');
          const ext = doc.createElementNS(SAMLP, 'samlp:Extensions');
          ext.appendChild(makeEvil(unsign(signed.cloneNode(true) as Element), '_evil-a'));
          response.insertBefore(ext, first(response, SAMLP, 'Status'));
        },
        firstAssertionAnywhere,
      ),
    { naive: 'ERR_SAML_SIGNATURE_MISSING', referenced: 'user.test', referencedId: '_assertion-1' },
  ],
  xsw8: [
    // Evil (re-IDed) signed Assertion; the unsigned original in a ds:Object of its Signature.
    () =>
      build(
        ASSERTION_SIGNED,
        (doc, response) => {
          const signed = first(response, SAML, 'Assertion');
          const copy = unsign(signed.cloneNode(true) as Element);
          makeEvil(signed, '_evil-a');
          const object = doc.createElementNS(DS, 'ds:Object');
          object.appendChild(copy);
          first(signed, DS, 'Signature').appendChild(object);
        },
        firstAssertionChild,
      ),
    { naive: 'ERR_SAML_SIGNATURE_WRAPPING', referenced: 'ERR_SAML_SIGNATURE_MISSING', referencedId: '_assertion-1' },
  ],
  'xsw8 (evil and original share the ID)': [
    () =>
      build(
        ASSERTION_SIGNED,
        (doc, response) => {
          const signed = first(response, SAML, 'Assertion');
          const copy = unsign(signed.cloneNode(true) as Element);
          makeEvil(signed);
          const object = doc.createElementNS(DS, 'ds:Object');
          object.appendChild(copy);
          first(signed, DS, 'Signature').appendChild(object);
        },
        firstAssertionChild,
      ),
    { naive: 'ERR_SAML_SIGNATURE_WRAPPING', referenced: 'ERR_SAML_SIGNATURE_WRAPPING', referencedId: '_assertion-1' },
  ],
};

function outcome(fn: () => Element): string {
  try {
    const el = fn();
    return el.getElementsByTagNameNS(SAML, 'NameID').item(0)?.textContent ?? '(no NameID)';
  } catch (err) {
    return SamlError.isInstance(err) ? err.code : `foreign: ${String(err)}`;
  }
}

describe('verifyXmlSignature() against signature wrapping (XSW)', () => {
  it.each(Object.entries(CASES))(
    '%s: the naive element is refused, the referenced one is refused or the original',
    (_name, [make, expected]) => {
      const { xml, naive } = make();
      const doc = parseXml(xml);
      const naiveElement = naive(doc);
      expect(outcome(() => verifyXmlSignature(doc, { element: naiveElement, certificates: IDP, now: NOW }))).toBe(
        expected.naive,
      );
      expect(outcome(() => verifyXmlSignature(xml, { element: naiveElement, certificates: IDP, now: NOW }))).toBe(
        expected.naive,
      );
      const referenced = outcome(() =>
        verifyXmlSignature(xml, { id: expected.referencedId, certificates: IDP, now: NOW }),
      );
      expect(referenced).toBe(expected.referenced);
      // Never the attacker's content.
      expect(referenced).not.toBe('admin');
    },
  );

  it('the unaltered documents verify (the cases above fail because of the wrapping, not the fixture)', () => {
    const swap = (x: string) => x.replace(b64(loadCertificate('idp')), b64(loadCertificate('attacker')));
    expect(
      outcome(() => verifyXmlSignature(swap(RESPONSE_SIGNED), { id: '_resp-1', certificates: IDP, now: NOW })),
    ).toBe('user.test');
    expect(
      outcome(() => verifyXmlSignature(swap(ASSERTION_SIGNED), { id: '_assertion-1', certificates: IDP, now: NOW })),
    ).toBe('user.test');
  });
});
