import { describe, expect, it } from 'vitest';
import { CONFORMANCE_CASES } from '../src/data/conformance-cases.js';
import { CIE_TEST_USERS } from '../src/data/test-users.js';
import { buildConformanceResponse } from '../src/response/build-conformance-response.js';
import { buildResponse } from '../src/response/build-response.js';
import { diffXml } from './cases-diff.js';
import { fixedOptions, loadKey, REQUEST } from './cases-fixtures.js';

const attackerKey = loadKey('attacker');

describe('buildConformanceResponse() on other requests', () => {
  it('builds every case for an L1 request without requested attributes', () => {
    const options = () => fixedOptions({ request: { ...REQUEST, level: 1, requestedAttributes: [] } });
    const baseline = buildResponse(options());
    expect(baseline).not.toContain('AttributeStatement');
    expect(baseline).toContain('SessionIndex="_id0004"');
    for (const c of CONFORMANCE_CASES) {
      const crafted = buildConformanceResponse(c.id, { ...options(), attackerKey });
      expect(crafted.length).toBeGreaterThan(300);
    }
    const crafted = (id: '94' | '98' | '99' | '103') => buildConformanceResponse(id, { ...options(), attackerKey });
    expect(diffXml(baseline, crafted('94'))).toEqual([]);
    expect(diffXml(baseline, crafted('98'))).toEqual(['+ Response/Assertion/AttributeStatement']);
    expect(crafted('99')).toContain(
      '<saml:AttributeStatement><saml:Attribute Name="spidCode"/></saml:AttributeStatement>',
    );
    expect(crafted('103')).toContain('Name="spidCode"');
  });

  it('builds the Issuer and attribute cases in the CIE flavour, where case 31 equals the baseline', () => {
    const options = () => fixedOptions({ cie: true, user: CIE_TEST_USERS[0] });
    const baseline = buildResponse(options());
    for (const id of ['1', '27', '70', '71', '72', '98', '99', '103', '104'] as const) {
      expect(buildConformanceResponse(id, { ...options(), attackerKey })).toContain('<samlp:Response');
    }
    expect(diffXml(baseline, buildConformanceResponse('31', { ...options(), attackerKey }))).toEqual([]);
    expect(diffXml(baseline, buildConformanceResponse('30', { ...options(), attackerKey }))).toEqual([
      '+ Response/Issuer@Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"',
    ]);
  });
});

describe('buildConformanceResponse() on hostile options (hostile-input harness regression)', () => {
  it('refuses a throwing getter or Proxy with ERR_SPID_TEST_IDP_INVALID_CONFIG', () => {
    const trap = () => {
      throw new TypeError('trap');
    };
    const proxy = new Proxy(function hostile() {}, { get: trap, has: trap, getPrototypeOf: trap, ownKeys: trap });
    const withGetter = Object.defineProperty({ ...fixedOptions() }, 'attackerKey', { get: trap });
    for (const [id, options] of [
      ['4', withGetter],
      ['1', proxy],
      ['1', { ...fixedOptions(), user: proxy }],
    ] as const) {
      expect(() => buildConformanceResponse(id as never, options as never)).toThrow(
        expect.objectContaining({ code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG' }),
      );
    }
  });
});

describe('buildConformanceResponse() with options that are not an object (hostile-input harness regression)', () => {
  it('refuses a 4 MB string at once with ERR_SPID_TEST_IDP_INVALID_CONFIG (it was spread into an object: out of memory)', () => {
    const start = performance.now();
    expect(() => buildConformanceResponse('8' as never, '{'.repeat(4_000_000) as never)).toThrow(
      expect.objectContaining({ code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG', field: 'options' }),
    );
    expect(performance.now() - start).toBeLessThan(500);
  });
});
