import { NS, parseXml, SamlError, validateSchema, verifyXmlSignature } from '@civico/saml';
import { describe, expect, it } from 'vitest';
import { CIE_TEST_USERS } from '../src/data/test-users.js';
import { buildConformanceResponse } from '../src/response/build-conformance-response.js';
import { buildResponse } from '../src/response/build-response.js';
import { diffXml } from './cases-diff.js';
import { fixedOptions, loadKey, NOW } from './cases-fixtures.js';

const idp = loadKey('idp');
const attacker = loadKey('attacker');
const RID = '_id0001';
const AID = '_id0002';
const trust = (cert: string) => ({ certificates: [cert], now: NOW });
const craft = (id: Parameters<typeof buildConformanceResponse>[0]) =>
  buildConformanceResponse(id, { ...fixedOptions(), attackerKey: attacker });

type El = NonNullable<ReturnType<typeof parseXml>['documentElement']>;

/** Every Response or Assertion that carries its own ds:Signature, serialized on its own. */
function signedNodes(xml: string): { id: string; xml: string }[] {
  const out: { id: string; xml: string }[] = [];
  const doc = parseXml(xml);
  for (const ns of [NS.samlp, NS.saml]) {
    for (const el of Array.from(doc.getElementsByTagNameNS(ns, ns === NS.samlp ? 'Response' : 'Assertion'))) {
      const e = el as unknown as El;
      let signed = false;
      for (let n = e.firstChild; n !== null; n = n.nextSibling) {
        if (n.nodeType === 1 && (n as El).localName === 'Signature' && (n as El).namespaceURI === NS.ds) signed = true;
      }
      if (signed) out.push({ id: e.getAttribute('ID') ?? '', xml: e.toString() });
    }
  }
  return out;
}

describe('buildResponse() output is real SAML', () => {
  it('validates against the protocol schema (success, error, CIE)', async () => {
    await expect(validateSchema(buildResponse(fixedOptions()), 'protocol')).resolves.toHaveProperty('documentElement');
    await expect(
      validateSchema(buildResponse(fixedOptions({ status: { code: 'nr20' } })), 'protocol'),
    ).resolves.toHaveProperty('documentElement');
    const cie = buildResponse(fixedOptions({ cie: true, user: CIE_TEST_USERS[0] }));
    await expect(validateSchema(cie, 'protocol')).resolves.toHaveProperty('documentElement');
  });

  it('has an Assertion and a Response signature that verify with the IdP certificate only', () => {
    const xml = buildResponse(fixedOptions());
    expect(verifyXmlSignature(xml, { id: AID, ...trust(idp.certificate) }).getAttribute('ID')).toBe(AID);
    expect(verifyXmlSignature(xml, { id: RID, ...trust(idp.certificate) }).getAttribute('ID')).toBe(RID);
    expect(() => verifyXmlSignature(xml, { id: AID, ...trust(attacker.certificate) })).toThrow(SamlError);
  });
});

describe('buildConformanceResponse() signatures', () => {
  it('signs after mutating: the altered Assertion of 47, 62, 97 still verifies with the IdP key', () => {
    for (const id of ['47', '62', '97', '18', '110'] as const) {
      const signed = verifyXmlSignature(craft(id), { id: AID, ...trust(idp.certificate) });
      expect(signed.getAttribute('ID')).toBe(AID);
    }
  });

  it('case 4 is signed by the attacker while KeyInfo shows the IdP certificate', () => {
    const xml = craft('4');
    const certs = Array.from(parseXml(xml).getElementsByTagNameNS(NS.ds, 'X509Certificate')).map((c) => c.textContent);
    const idpBase64 = idp.certificate.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, '');
    expect(certs).toEqual([idpBase64, idpBase64]);
    for (const id of [AID, RID]) {
      expect(() => verifyXmlSignature(xml, { id, ...trust(idp.certificate) })).toThrow(SamlError);
      expect(verifyXmlSignature(xml, { id, ...trust(attacker.certificate) }).getAttribute('ID')).toBe(id);
    }
  });

  it('case 5 signs both with the attacker key, case 100 only the Assertion', () => {
    const five = craft('5');
    for (const id of [AID, RID]) {
      expect(() => verifyXmlSignature(five, { id, ...trust(idp.certificate) })).toThrow(SamlError);
      expect(verifyXmlSignature(five, { id, ...trust(attacker.certificate) }).getAttribute('ID')).toBe(id);
    }
    const hundred = craft('100');
    expect(() => verifyXmlSignature(hundred, { id: AID, ...trust(idp.certificate) })).toThrow(SamlError);
    expect(verifyXmlSignature(hundred, { id: AID, ...trust(attacker.certificate) }).getAttribute('ID')).toBe(AID);
    expect(verifyXmlSignature(hundred, { id: RID, ...trust(idp.certificate) }).getAttribute('ID')).toBe(RID);
  });

  it.each(['xsw1', 'xsw2', 'xsw3', 'xsw4', 'xsw5', 'xsw6', 'xsw7', 'xsw8'] as const)(
    '%s moves or copies genuine IdP signatures: no signature is computed after wrapping',
    (id) => {
      const values = (xml: string) =>
        Array.from(parseXml(xml).getElementsByTagNameNS(NS.ds, 'SignatureValue')).map((v) => v.textContent);
      const genuine = new Set(values(buildResponse(fixedOptions())));
      const crafted = values(craft(id));
      expect(crafted.length).toBeGreaterThan(0);
      for (const v of crafted) expect(genuine.has(v)).toBe(true);
    },
  );

  it.each(['xsw1', 'xsw2', 'xsw3', 'xsw4', 'xsw7'] as const)(
    '%s keeps the signed node unaltered: on its own it equals the baseline one and verifies',
    (id) => {
      const genuine = signedNodes(buildResponse(fixedOptions()));
      const found = signedNodes(craft(id)).filter((n) => genuine.some((g) => g.id === n.id));
      expect(found.length).toBeGreaterThan(0);
      for (const node of found) {
        const original = genuine.find((g) => g.id === node.id)?.xml ?? '';
        expect(diffXml(original, node.xml)).toEqual([]);
        expect(verifyXmlSignature(node.xml, { id: node.id, ...trust(idp.certificate) }).getAttribute('ID')).toBe(
          node.id,
        );
      }
    },
  );

  it('xslt: the Response reference carries an XSLT transform, which verification refuses', () => {
    const xml = craft('xslt');
    expect(xml).toContain('Algorithm="http://www.w3.org/TR/1999/REC-xslt-19991116"');
    expect(() => verifyXmlSignature(xml, { id: RID, ...trust(idp.certificate) })).toThrow(SamlError);
    expect(verifyXmlSignature(xml, { id: AID, ...trust(idp.certificate) }).getAttribute('ID')).toBe(AID);
  });

  it('user-error cases 104-108 and 111 are unsigned and schema-valid', async () => {
    for (const id of ['104', '105', '106', '107', '108', '111'] as const) {
      const xml = craft(id);
      expect(xml).not.toContain('Signature');
      await validateSchema(xml, 'protocol');
    }
  });
});
