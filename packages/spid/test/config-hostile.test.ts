import { NS, parseXml } from '@civico/saml';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSpMetadata, readServiceProviderConfig, SpidError } from '../src/index.js';
import { expectConfigError, thrownBy } from './support/config-errors.js';
import { makeSpConfig } from './support/sp-config.js';

const SEED = 20261203;

/** Either a resolved config or ERR_SPID_INVALID_CONFIG: never another throwable. */
function settles(input: unknown): boolean {
  const err = thrownBy(() => readServiceProviderConfig(input));
  return err === undefined || (SpidError.isInstance(err) && err.code === 'ERR_SPID_INVALID_CONFIG');
}

describe('readServiceProviderConfig() on hostile input', () => {
  const base = makeSpConfig('spid-sp-private') as Record<string, unknown>;

  it('never throws anything but ERR_SPID_INVALID_CONFIG when any field is replaced by anything', () => {
    const keys = Object.keys(base);
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        fc.anything({ withBigInt: true, withDate: true, withMap: true }),
        (key, value) => {
          expect(settles({ ...base, [key]: value })).toBe(true);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('never throws anything but ERR_SPID_INVALID_CONFIG for arbitrary contact and organization text', () => {
    const contacts = base.contacts as Record<string, Record<string, unknown>>;
    fc.assert(
      fc.property(
        fc.constantFrom('email', 'phone', 'vatNumber', 'fiscalCode', 'company'),
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.string({ unit: 'binary', maxLength: 300 }),
        (field, text, name) => {
          const other = { ...contacts.other, [field]: text };
          const organization = { ...(base.organization as object), name };
          expect(settles({ ...base, contacts: { ...contacts, other }, organization })).toBe(true);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('refuses huge strings and arrays quickly', () => {
    const start = performance.now();
    expectConfigError({ ...base, entityId: `https://sp.example.it/${'a'.repeat(10_000_000)}` }, 'entityId');
    expectConfigError(
      { ...base, organization: { ...(base.organization as object), name: 'x'.repeat(1_000_000) } },
      'organization.name',
    );
    expectConfigError(
      { ...base, acsUrls: Array.from({ length: 100_000 }, () => 'https://sp.example.it/acs') },
      'acsUrls',
    );
    expectConfigError({ ...base, key: { privateKey: 'x'.repeat(5_000_000), certificate: 'y' } }, 'key.privateKey');
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  it('turns a throwing getter or Proxy into ERR_SPID_INVALID_CONFIG', () => {
    const trap = (): never => {
      throw new TypeError('trap');
    };
    const getter = Object.defineProperty({ ...base }, 'entityId', { get: trap, enumerable: true });
    expectConfigError(getter, undefined);
    const proxy = new Proxy({ ...base }, { get: trap, ownKeys: trap, getOwnPropertyDescriptor: trap });
    expect(settles(proxy)).toBe(true);
    const nested = { ...base, contacts: new Proxy({}, { ownKeys: trap, get: trap }) };
    expect(settles(nested)).toBe(true);
    const idps = new Proxy([], { get: trap });
    expectConfigError({ ...base, idps }, 'idps');
    const store = new Proxy({}, { get: trap });
    expectConfigError({ ...base, store }, 'store');
  });

  it('refuses class instances, arrays and typed arrays where objects are expected', () => {
    expectConfigError({ ...base, organization: new Map() }, 'organization');
    expectConfigError({ ...base, key: new Uint8Array(1_000_000) }, 'key');
    expectConfigError({ ...base, contacts: [] }, 'contacts');
    expectConfigError(new Uint8Array(10), undefined);
  });

  it('accepts a null-prototype object (a parsed configuration)', () => {
    const bare = Object.assign(Object.create(null) as object, makeSpConfig('spid-sp-public'));
    expect(readServiceProviderConfig(bare).profile).toBe('spid-sp-public');
  });
});

describe('buildSpMetadata() on hostile input', () => {
  it('validates its argument again: a hand-made object cannot inject markup', () => {
    const config = readServiceProviderConfig(makeSpConfig('spid-sp-public'));
    const forged = { ...config, entityId: 'https://sp.example.it/"><x/>' };
    const err = thrownBy(() => buildSpMetadata(forged));
    expect(SpidError.isInstance(err) && [err.code, err.field]).toEqual(['ERR_SPID_INVALID_CONFIG', 'entityId']);
    expect(SpidError.isInstance(thrownBy(() => buildSpMetadata(null as never)))).toBe(true);
  });

  it('escapes markup characters of configured text', () => {
    const config = readServiceProviderConfig(
      makeSpConfig('spid-sp-public', {
        organization: { name: 'Comune "A" & <B>', displayName: "D'Amico", url: 'https://sp.example.it/?a=1&b=2' },
      }),
    );
    const doc = parseXml(buildSpMetadata(config));
    const text = (name: string) => doc.getElementsByTagNameNS(NS.md, name).item(0)?.textContent;
    expect([text('OrganizationName'), text('OrganizationDisplayName'), text('OrganizationURL')]).toEqual([
      'Comune "A" & <B>',
      "D'Amico",
      'https://sp.example.it/?a=1&b=2',
    ]);
    expect(doc.getElementsByTagName('B').length).toBe(0);
  });
});
