import { parseXml, validateSchema } from '@civico/saml';
import { lintAuthnRequest } from '@civico/spid-test-idp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SpidBinding, SpidComparison, SpidLevel, SpidPurpose } from '../src/data/spid-types.js';
import { SpidError } from '../src/errors.js';
import { buildAuthnRequest } from '../src/request/build-authn-request.js';
import { createOutgoingMessage } from '../src/request/create-outgoing-message.js';
import { createRelayState } from '../src/request/create-relay-state.js';
import { getSpMetadata, getTestKeys, IDP, SP_ENTITY_ID, type TestKeys } from './support/request-fixtures.js';

const BINDINGS: readonly SpidBinding[] = ['redirect', 'post'];
const LEVELS: readonly SpidLevel[] = [1, 2, 3];
const COMPARISONS: readonly SpidComparison[] = ['exact', 'minimum', 'better', 'maximum'];
const PURPOSES: readonly (SpidPurpose | undefined)[] = [undefined, 'P', 'LP', 'PG', 'PF', 'PX'];

let keys: TestKeys;
beforeAll(async () => {
  keys = await getTestKeys();
});

function base(overrides: Partial<Parameters<typeof buildAuthnRequest>[0]> = {}) {
  return {
    id: '_a1b2c3d4',
    issueInstant: new Date(),
    destination: IDP.ssoUrl,
    entityId: SP_ENTITY_ID,
    acsIndex: 0,
    attributeConsumingServiceIndex: 0,
    level: 2 as SpidLevel,
    comparison: 'minimum' as SpidComparison,
    cie: false,
    ...overrides,
  };
}

describe('buildAuthnRequest through lintAuthnRequest', () => {
  const rows = BINDINGS.flatMap((binding) =>
    [false, true].flatMap((cie) =>
      LEVELS.flatMap((level) =>
        COMPARISONS.filter((c) => !cie || c === 'exact' || c === 'minimum').flatMap((comparison) =>
          PURPOSES.map((purpose) => ({ binding, cie, level, comparison, purpose })),
        ),
      ),
    ),
  );

  it('covers binding × CIE × level × comparison × purpose (216 combinations)', () => {
    expect(rows).toHaveLength(2 * (3 * 4 + 3 * 2) * 6);
  });

  it('every combination passes every lint check (no fail, no warning)', async () => {
    const sp = getSpMetadata(keys.sp);
    const failures: string[] = [];
    let n = 0;
    for (const row of rows) {
      n += 1;
      const id = `_req${n}`;
      const { binding, ...fields } = row;
      const xml = buildAuthnRequest(
        base({ ...fields, id, attributeConsumingServiceIndex: row.cie ? 1 : 0, acsIndex: n % 2 }),
      );
      const relayState = createRelayState();
      const message = createOutgoingMessage({
        kind: 'SAMLRequest',
        xml,
        id,
        binding,
        location: IDP.ssoUrl,
        relayState,
        key: keys.sp,
      });
      const input =
        message.binding === 'redirect'
          ? { binding: 'redirect' as const, query: message.url.slice(message.url.indexOf('?') + 1) }
          : {
              binding: 'post' as const,
              samlRequest: /name="SAMLRequest" value="([^"]+)"/.exec(message.html)?.[1] ?? '',
              relayState: /name="RelayState" value="([^"]+)"/.exec(message.html)?.[1],
            };
      const checks = await lintAuthnRequest(input, {
        sp,
        idp: { entityId: IDP.entityId, ssoUrls: [IDP.ssoUrl] },
        cie: row.cie,
      });
      for (const c of checks) {
        if (c.outcome !== 'pass') failures.push(`${JSON.stringify(row)} ${c.id}: ${c.outcome} ${c.reason ?? ''}`);
      }
      expect(checks.length).toBeGreaterThan(20);
    }
    expect(failures).toEqual([]);
  });
});

/** The minimal AuthnRequest example of the SPID rules (Redirect binding), without its layout whitespace. */
const SECTION_1_EXAMPLE =
  '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"' +
  ' ID="_7d9e2c41-5b0a-4f3e-9c12-6a8b0e4d2f10" Version="2.0" IssueInstant="2025-02-03T10:15:30.250Z"' +
  ' Destination="https://idp.example.it/sso" ForceAuthn="true" AssertionConsumerServiceIndex="0" AttributeConsumingServiceIndex="0">' +
  '<saml:Issuer Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity" NameQualifier="https://servizi.comune.example.it/spid">https://servizi.comune.example.it/spid</saml:Issuer>' +
  '<samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient"/>' +
  '<samlp:RequestedAuthnContext Comparison="minimum"><saml:AuthnContextClassRef>https://www.spid.gov.it/SpidL2</saml:AuthnContextClassRef></samlp:RequestedAuthnContext>' +
  '</samlp:AuthnRequest>';

describe('buildAuthnRequest', () => {
  it('writes the minimal SPID example exactly', () => {
    const xml = buildAuthnRequest(
      base({
        id: '_7d9e2c41-5b0a-4f3e-9c12-6a8b0e4d2f10',
        issueInstant: new Date('2025-02-03T10:15:30.250Z'),
        destination: 'https://idp.example.it/sso',
      }),
    );
    expect(xml).toBe(SECTION_1_EXAMPLE);
  });

  it.each([
    [1, false, false],
    [2, false, true],
    [3, false, true],
    [1, true, true],
    [2, true, true],
    [3, true, true],
  ] as const)('level %i, CIE %s: ForceAuthn %s; never IsPassive or AllowCreate', async (level, cie, force) => {
    const xml = buildAuthnRequest(base({ level, cie }));
    expect(xml.includes('ForceAuthn="true"')).toBe(force);
    expect(xml).not.toMatch(/IsPassive|AllowCreate|AssertionConsumerServiceURL|ProtocolBinding|Scoping/);
    expect(xml).toMatch(/^<samlp:AuthnRequest /);
    const root = parseXml(xml).documentElement;
    expect(root?.getAttribute('IssueInstant')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    await expect(validateSchema(xml, 'protocol')).resolves.toHaveProperty('documentElement');
  });

  it('puts spid:Purpose in samlp:Extensions, between Issuer and NameIDPolicy', async () => {
    const xml = buildAuthnRequest(base({ purpose: 'LP' }));
    expect(xml).toContain(
      '</saml:Issuer><samlp:Extensions><spid:Purpose xmlns:spid="https://spid.gov.it/saml-extensions">LP</spid:Purpose></samlp:Extensions><samlp:NameIDPolicy',
    );
    await expect(validateSchema(xml, 'protocol')).resolves.toHaveProperty('documentElement');
  });

  it('escapes the entityID and the destination', async () => {
    const xml = buildAuthnRequest(
      base({ entityId: 'https://sp.example.it/spid?a=1&b="2"', destination: "https://idp.example.it/sso?x=1&y='2'" }),
    );
    expect(xml).toContain('NameQualifier="https://sp.example.it/spid?a=1&amp;b=&quot;2&quot;"');
    expect(xml).toContain('Destination="https://idp.example.it/sso?x=1&amp;y=&apos;2&apos;"');
    const root = parseXml(xml).documentElement;
    expect(root?.getAttribute('Destination')).toBe("https://idp.example.it/sso?x=1&y='2'");
    await expect(validateSchema(xml, 'protocol')).resolves.toHaveProperty('documentElement');
  });

  it.each([
    [{ cie: true, comparison: 'better' }, 'comparison'],
    [{ cie: true, comparison: 'maximum' }, 'comparison'],
    [{ id: '1abc' }, 'id'],
    [{ id: '_a b' }, 'id'],
    [{ level: 4 }, 'level'],
    [{ acsIndex: -1 }, 'acsIndex'],
    [{ attributeConsumingServiceIndex: 1.5 }, 'attributeConsumingServiceIndex'],
    [{ destination: 'javascript:alert(1)' }, 'destination'],
    [{ entityId: 'https://sp.example.it/\u0000' }, 'entityId'],
    [{ issueInstant: new Date(Number.NaN) }, 'issueInstant'],
    [{ issueInstant: new Date('+010000-01-01T00:00:00Z') }, 'issueInstant'],
    [{ purpose: 'X' }, 'purpose'],
    [{ isPassive: true }, undefined],
  ])('refuses %j with ERR_SPID_INVALID_CONFIG', (overrides, field) => {
    let caught: unknown;
    try {
      buildAuthnRequest(base(overrides as never));
    } catch (err) {
      caught = err;
    }
    expect(SpidError.isInstance(caught)).toBe(true);
    expect(caught).toMatchObject({ code: 'ERR_SPID_INVALID_CONFIG', field });
  });

  it('lintAuthnRequest fails a request signed with a key the metadata does not hold (the lint is not vacuous)', async () => {
    const xml = buildAuthnRequest(base({ id: '_neg1' }));
    const message = createOutgoingMessage({
      kind: 'SAMLRequest',
      xml,
      id: '_neg1',
      binding: 'redirect',
      location: IDP.ssoUrl,
      relayState: createRelayState(),
      key: keys.attacker,
    });
    const checks = await lintAuthnRequest(
      { binding: 'redirect', query: message.url.slice(message.url.indexOf('?') + 1) },
      { sp: getSpMetadata(keys.sp), idp: { entityId: IDP.entityId, ssoUrls: [IDP.ssoUrl] } },
    );
    expect(checks.filter((c) => c.outcome === 'fail').map((c) => c.id)).toContain('authn-request.signature.valid');
  });
});
