import { describe, expect, it } from 'vitest';
import { SP_PROFILES } from '../src/data/spid-types.js';
import { readServiceProviderConfig, ServiceProviderConfigSchema, SpidError } from '../src/index.js';
import { thrownBy } from './support/config-errors.js';
import { makeSpConfig, SP_TEST_KEY } from './support/sp-config.js';

describe('readServiceProviderConfig()', () => {
  it.each(SP_PROFILES)('accepts the makeSpConfig configuration of %s', (profile) => {
    const config = readServiceProviderConfig(makeSpConfig(profile));
    expect(config.profile).toBe(profile);
    expect(ServiceProviderConfigSchema.safeParse(makeSpConfig(profile)).success).toBe(true);
  });

  it('fills in the defaults', () => {
    const { production, profile, defaultLevel, defaultComparison, clockSkewMs, requestTtlMs, audit, ...rest } =
      makeSpConfig();
    expect([production, profile, defaultLevel, defaultComparison, clockSkewMs, requestTtlMs]).toEqual([
      false,
      'spid-sp-public',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    const config = readServiceProviderConfig({ ...rest });
    expect(config).toMatchObject({
      production: false,
      profile: 'spid-sp-public',
      defaultLevel: 2,
      defaultComparison: 'minimum',
      clockSkewMs: 90_000,
      requestTtlMs: 900_000,
      audit: { file: 'spid-audit.jsonl' },
      store: undefined,
    });
    expect(audit).toBe(false);
    expect(config.now()).toBeInstanceOf(Date);
    expect(config.randomId()).toMatch(/^_[0-9a-f-]{36}$/);
    expect(config.randomId()).not.toBe(config.randomId());
  });

  it('keeps the given objects and functions, and freezes the data it returns', () => {
    const now = () => new Date('2026-06-01T00:00:00Z');
    const randomId = () => '_fixed';
    const store = {
      set: async () => undefined,
      get: async () => undefined,
      take: async () => undefined,
      add: async () => true,
    };
    const audit = { write: async () => undefined };
    const input = makeSpConfig('spid-sp-public', { now, randomId, store, audit });
    const config = readServiceProviderConfig(input);
    expect(config.now).toBe(now);
    expect(config.randomId).toBe(randomId);
    expect(config.store).toBe(store);
    expect(config.audit).toBe(audit);
    expect(config.idps).toBe(input.idps);
    expect(config.key).toEqual(SP_TEST_KEY);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.contacts.other)).toBe(true);
    expect(Object.isFrozen(config.acsUrls)).toBe(true);
    expect(Object.isFrozen(input.acsUrls)).toBe(false);
  });

  it('accepts an IdpRegistry and a parsed JSON object', () => {
    const registry = { list: () => [], find: () => undefined };
    expect(readServiceProviderConfig(makeSpConfig('spid-sp-public', { idps: registry })).idps).toBe(registry);
    const json: unknown = JSON.parse(JSON.stringify(makeSpConfig('cie-sp-private')));
    expect(readServiceProviderConfig(json).contacts.administrative?.municipality).toBe('H501');
  });

  it('throws SpidError ERR_SPID_INVALID_CONFIG for a non-object', () => {
    for (const input of [undefined, null, 'config', 42, [], new Map()]) {
      const err = thrownBy(() => readServiceProviderConfig(input));
      expect(SpidError.isInstance(err) && err.code).toBe('ERR_SPID_INVALID_CONFIG');
    }
  });
});
