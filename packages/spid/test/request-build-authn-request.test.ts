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
