import { type Element, XMLSerializer } from '@xmldom/xmldom';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SamlError } from '../src/errors.js';
import { signXml } from '../src/signature/sign-xml.js';
import { verifyXmlSignature } from '../src/signature/verify-xml-signature.js';
import { loadCertificate, loadKey, readFixture } from './support/keys.js';

const NOW = new Date('2026-06-01T10:01:00Z');
const IDP = [loadCertificate('idp')];
const key = loadKey('idp');
const SIGNED = signXml(signXml(readFixture('response-unsigned.xml'), { key, id: '_assertion-1' }), {
  key,
  id: '_resp-1',
});
const serialize = (el: Element) => new XMLSerializer().serializeToString(el);
const BASELINE = {
  _resp: serialize(verifyXmlSignature(SIGNED, { id: '_resp-1', certificates: IDP, now: NOW })),
  _assertion: serialize(verifyXmlSignature(SIGNED, { id: '_assertion-1', certificates: IDP, now: NOW })),
};
const ASSERTION_START = SIGNED.indexOf('<saml:Assertion');
const ASSERTION_END = SIGNED.indexOf('</saml:Assertion>') + '</saml:Assertion>'.length;

function flip(text: string, index: number, bit: number): string {
  return text.slice(0, index) + String.fromCharCode(text.charCodeAt(index) ^ (1 << bit)) + text.slice(index + 1);
}

/** 'refused' (a SamlError), 'same' (the same signed content), or what else happened. */
function judge(xml: string, id: string, baseline: string): 'refused' | 'same' | string {
  try {
    const out = serialize(verifyXmlSignature(xml, { id, certificates: IDP, now: NOW }));
    return out === baseline ? 'same' : `DIFFERENT CONTENT: ${out.slice(0, 200)}`;
  } catch (err) {
    return SamlError.isInstance(err) ? 'refused' : `foreign error: ${String(err)}`;
  }
}

describe('verifyXmlSignature() under single-byte corruption', () => {
  it('never accepts a one-byte change of a signed Response with different content (anywhere in the document)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.nat(SIGNED.length - 1), fc.integer({ min: 0, max: 7 }), (index, bit) => {
        const xml = flip(SIGNED, index, bit);
        const r = judge(xml, '_resp-1', BASELINE._resp);
        const a = judge(xml, '_assertion-1', BASELINE._assertion);
        seen.add(r).add(a);
        expect([r, a].every((v) => v === 'refused' || v === 'same')).toBe(true);
      }),
      { seed: 20261203, numRuns: 300 },
    );
    expect(seen.has('refused')).toBe(true);
  });

  it('never accepts a one-byte change inside the signed Assertion with different content', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: ASSERTION_START, max: ASSERTION_END - 1 }),
        fc.integer({ min: 0, max: 7 }),
        (index, bit) => {
          const verdict = judge(flip(SIGNED, index, bit), '_assertion-1', BASELINE._assertion);
          expect(['refused', 'same']).toContain(verdict);
        },
      ),
      { seed: 9, numRuns: 300 },
    );
  });
});
