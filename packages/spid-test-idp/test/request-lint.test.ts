import { createSign } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  type AuthnRequestInput,
  type AuthnRequestOptions,
  type ConformanceCheck,
  lintAuthnRequest,
  parseSpMetadata,
} from '../src/index.js';
import {
  ATTACKER_KEY,
  buildAuthnRequestXml,
  buildPostFields,
  buildRedirectQuery,
  buildSpMetadataXml,
  EXAMPLE_INSTANT,
  TEST_IDP,
  TEST_SP_KEY,
} from './support/sp-fixtures.js';

const SP = parseSpMetadata(buildSpMetadataXml());
const OPTIONS: AuthnRequestOptions = { sp: SP, idp: TEST_IDP, now: EXAMPLE_INSTANT };
const BINDINGS = ['redirect', 'post'] as const;

function input(binding: 'redirect' | 'post', xml: string, relayState?: string | null): AuthnRequestInput {
  return binding === 'redirect'
    ? { binding, query: buildRedirectQuery(xml, relayState === undefined ? {} : { relayState }) }
    : buildPostFields(xml, relayState === undefined ? {} : { relayState });
}

function byId(checks: readonly ConformanceCheck[]): Record<string, ConformanceCheck['outcome']> {
  return Object.fromEntries(checks.map((c) => [c.id, c.outcome]));
}

const notPassed = (checks: readonly ConformanceCheck[]) => checks.filter((c) => c.outcome !== 'pass').map((c) => c.id);

describe('lintAuthnRequest()', () => {
  it.each(BINDINGS)('passes every check on the §1 example over %s', async (binding) => {
    const checks = await lintAuthnRequest(input(binding, buildAuthnRequestXml()), OPTIONS);
    expect(notPassed(checks)).toEqual([]);
    const ids = checks.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'authn-request.binding.format',
        'authn-request.signature.algorithm',
        'authn-request.signature.valid',
        'authn-request.xml.leading-whitespace',
        'authn-request.schema',
        'authn-request.issuer.name-qualifier',
        'authn-request.relay-state.present',
        'authn-request.relay-state.opaque',
      ]),
    );
  });

  it.each(BINDINGS)('fails a missing RelayState over %s', async (binding) => {
    const checks = await lintAuthnRequest(input(binding, buildAuthnRequestXml(), null), OPTIONS);
    expect(notPassed(checks)).toEqual(['authn-request.relay-state.present']);
  });

  it.each(BINDINGS)('fails a readable RelayState (containing "http") over %s', async (binding) => {
    const checks = await lintAuthnRequest(
      input(binding, buildAuthnRequestXml(), 'https://sp.example.it/home'),
      OPTIONS,
    );
    expect(notPassed(checks)).toEqual(['authn-request.relay-state.opaque']);
  });

  it('warns on whitespace before the root element', async () => {
    const checks = await lintAuthnRequest(input('redirect', `\n  ${buildAuthnRequestXml()}`), OPTIONS);
    expect(checks.filter((c) => c.outcome !== 'pass')).toEqual([
      expect.objectContaining({ id: 'authn-request.xml.leading-whitespace', outcome: 'warn' }),
    ]);
  });

  it('fails an XSD-invalid request (NameIDPolicy before Issuer)', async () => {
    const xml = buildAuthnRequestXml({
      edit: (x) => x.replace(/(<saml:Issuer[\s\S]*?<\/saml:Issuer>)(\s*)(<samlp:NameIDPolicy[^>]*\/>)/, '$3$2$1'),
    });
    const checks = await lintAuthnRequest(input('redirect', xml), OPTIONS);
    expect(notPassed(checks)).toEqual(['authn-request.schema']);
  });

  it('fails an RSA-SHA1 Redirect and still reports the other rules', async () => {
    const xml = buildAuthnRequestXml({ edit: (x) => x.replace('Version="2.0"', 'Version="1.0"') });
    const enc = encodeURIComponent;
    const signed = `SAMLRequest=${enc(deflateRawSync(Buffer.from(xml)).toString('base64'))}&RelayState=abc&SigAlg=${enc('http://www.w3.org/2000/09/xmldsig#rsa-sha1')}`;
    const signature = createSign('RSA-SHA1').update(signed).sign(TEST_SP_KEY.privateKey, 'base64');
    const checks = await lintAuthnRequest(
      { binding: 'redirect', query: `${signed}&Signature=${enc(signature)}` },
      OPTIONS,
    );
    expect(notPassed(checks)).toEqual([
      'authn-request.signature.algorithm',
      'authn-request.signature.valid',
      'authn-request.version',
    ]);
    expect(checks.find((c) => c.id === 'authn-request.version')?.reason).toContain('nr09');
  });

  it('fails an unsigned Redirect on its signature parameters', async () => {
    const checks = await lintAuthnRequest(
      { binding: 'redirect', query: buildRedirectQuery(buildAuthnRequestXml(), { key: null }) },
      OPTIONS,
    );
    expect(byId(checks)).toMatchObject({
      'authn-request.binding.format': 'pass',
      'authn-request.binding.signature-parameters': 'fail',
      'authn-request.signature.algorithm': 'fail',
      'authn-request.signature.valid': 'fail',
      'authn-request.version': 'pass',
    });
  });

  it('fails POST requests signed by another key or changed after signing', async () => {
    for (const fields of [
      buildPostFields(buildAuthnRequestXml(), { key: ATTACKER_KEY }),
      buildPostFields(buildAuthnRequestXml(), { afterSign: (x) => x.replace('SpidL2', 'SpidL1') }),
      buildPostFields(buildAuthnRequestXml(), { key: null }),
    ]) {
      const checks = await lintAuthnRequest(fields, OPTIONS);
      expect(byId(checks)['authn-request.signature.valid']).toBe('fail');
      expect(checks.find((c) => c.id === 'authn-request.signature.valid')?.reason).toContain('nr07');
    }
  });

  it('stops at authn-request.xml.safe when the request is not XML', async () => {
    const checks = await lintAuthnRequest(
      { binding: 'post', samlRequest: Buffer.from('<a><b></a>').toString('base64'), relayState: 'x' },
      OPTIONS,
    );
    expect(checks.at(-1)).toMatchObject({ id: 'authn-request.xml.safe', outcome: 'fail' });
  });

  it('stops at authn-request.binding.format when there is no SAMLRequest', async () => {
    const checks = await lintAuthnRequest({ binding: 'redirect', query: 'RelayState=x' }, OPTIONS);
    expect(byId(checks)['authn-request.binding.format']).toBe('fail');
    expect(checks.some((c) => c.id === 'authn-request.version')).toBe(false);
  });

  it.each([
    [
      'authn-request.is-passive',
      (x: string) => x.replace('ForceAuthn="true"', 'ForceAuthn="true" IsPassive="true"'),
      'nr15',
    ],
    [
      'authn-request.acs',
      (x: string) => x.replace('AssertionConsumerServiceIndex="0"', 'AssertionConsumerServiceIndex="9"'),
      'nr16',
    ],
    [
      'authn-request.name-id-policy.allow-create',
      (x: string) => x.replace('transient"', 'transient" AllowCreate="true"'),
      'nr17',
    ],
    [
      'authn-request.attribute-consuming-service-index',
      (x: string) => x.replace(' AttributeConsumingServiceIndex="0"', ''),
      'nr18',
    ],
    ['authn-request.force-authn', (x: string) => x.replace(' ForceAuthn="true"', ''), 'nr12'],
  ] as const)('fails %s alone, naming %s', async (id, edit, code) => {
    for (const binding of BINDINGS) {
      const checks = await lintAuthnRequest(input(binding, buildAuthnRequestXml({ edit })), OPTIONS);
      expect(notPassed(checks)).toEqual([id]);
      expect(checks.find((c) => c.id === id)?.reason).toContain(code);
    }
  });

  it('applies the CIE rules with cie: true', async () => {
    const xml = buildAuthnRequestXml({ comparison: 'maximum' });
    const spid = await lintAuthnRequest(input('redirect', xml), OPTIONS);
    const cie = await lintAuthnRequest(input('redirect', xml), { ...OPTIONS, cie: true });
    expect(notPassed(spid)).toEqual([]);
    expect(notPassed(cie)).toEqual(['authn-request.requested-authn-context.comparison']);
  });
});

describe('lintAuthnRequest() on hostile arguments (hostile-input harness regression)', () => {
  it('refuses options behind a throwing Proxy with ERR_SPID_TEST_IDP_INVALID_CONFIG', async () => {
    const sp = parseSpMetadata(buildSpMetadataXml());
    const input = { binding: 'redirect', query: buildRedirectQuery(buildAuthnRequestXml()) } as const;
    const proxy = new Proxy(function hostile() {}, {
      get() {
        throw new TypeError('trap');
      },
    });
    await expect(lintAuthnRequest(input, proxy as never)).rejects.toMatchObject({
      code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG',
    });
    await expect(lintAuthnRequest(proxy as never, { sp, idp: TEST_IDP })).rejects.toMatchObject({
      code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG',
    });
  });
});

describe('lintAuthnRequest() with options.sp of the wrong shape (hostile-input harness regression)', () => {
  it('refuses sp.acs that is not an array with ERR_SPID_TEST_IDP_INVALID_CONFIG, not a TypeError in a rule', async () => {
    const sp = parseSpMetadata(buildSpMetadataXml());
    const input = { binding: 'redirect', query: buildRedirectQuery(buildAuthnRequestXml()) } as const;
    for (const bad of [
      { ...sp, acs: 0n },
      { ...sp, attributeConsumingServices: 'x' },
      { ...sp, acs: [null] },
    ]) {
      await expect(
        lintAuthnRequest(input, { sp: bad as never, idp: TEST_IDP, now: EXAMPLE_INSTANT }),
      ).rejects.toMatchObject({ code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG', field: 'sp' });
    }
  });
});
