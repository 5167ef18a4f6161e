import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readServiceProviderConfig } from '../src/index.js';
import { expectConfigError } from './support/config-errors.js';
import { makeSpConfig, SP_TEST_KEY } from './support/sp-config.js';

const pkcs8 = (type: 'rsa' | 'ec', options: object): string =>
  generateKeyPairSync(type as 'rsa', options as { modulusLength: number }).privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  }) as string;

describe('readServiceProviderConfig() URL rules', () => {
  it('refuses an entityId that is not an absolute http(s) URL (field entityId)', () => {
    for (const entityId of ['sp.example.it', 'ftp://sp.example.it/x', 'https://', 'javascript:alert(1)']) {
      expectConfigError(makeSpConfig('spid-sp-public', { entityId }), 'entityId');
    }
  });

  it('refuses look-alike Unicode, spaces, control characters, credentials and fragments in URLs', () => {
    expectConfigError(
      makeSpConfig('spid-sp-public', { entityId: 'https://sp.comune-tеst.example.it/spid' }),
      'entityId',
    );
    expectConfigError(makeSpConfig('spid-sp-public', { entityId: 'https://sp.example.it/\u202espid' }), 'entityId');
    expectConfigError(makeSpConfig('spid-sp-public', { sloUrl: 'https://sp.example.it/slo\r\nX: y' }), 'sloUrl');
    expectConfigError(makeSpConfig('spid-sp-public', { sloUrl: 'https://sp.example.it/s lo' }), 'sloUrl');
    expectConfigError(makeSpConfig('spid-sp-public', { acsUrls: ['https://a:b@sp.example.it/acs'] }), 'acsUrls.0');
    expectConfigError(makeSpConfig('spid-sp-public', { acsUrls: ['https://sp.example.it/acs#x'] }), 'acsUrls.0');
    expectConfigError(
      makeSpConfig('spid-sp-public', {
        organization: { name: 'Comune', displayName: 'Comune', url: 'https://ｅxample.it/' },
      }),
      'organization.url',
    );
  });

  it('refuses an entityId longer than 1024 characters', () => {
    expectConfigError(
      makeSpConfig('spid-sp-public', { entityId: `https://sp.example.it/${'a'.repeat(1024)}` }),
      'entityId',
    );
  });

  it('accepts http and ports outside production, and refuses them in production', () => {
    const local = makeSpConfig('spid-sp-public', { baseUrl: 'http://127.0.0.1:4321' });
    expect(readServiceProviderConfig(local).entityId).toBe('http://127.0.0.1:4321/spid');
    expectConfigError({ ...local, production: true }, 'entityId');
    const port = makeSpConfig('spid-sp-public', { production: true, entityId: 'https://sp.example.it:8443/spid' });
    expectConfigError(port, 'entityId');
    const acs = makeSpConfig('spid-sp-public', {
      production: true,
      acsUrls: ['https://sp.example.it/acs', 'http://sp.example.it/acs2'],
    });
    expectConfigError(acs, 'acsUrls.1');
    expectConfigError(
      makeSpConfig('spid-sp-public', { production: true, sloUrl: 'http://sp.example.it/slo' }),
      'sloUrl',
    );
  });

  it('requires the activity code as a path segment of an aggregator entityId, without query', () => {
    expectConfigError(makeSpConfig('spid-sp-ag-public-full', { entityId: 'https://sp.example.it/c_h501' }), 'entityId');
    expectConfigError(
      makeSpConfig('spid-sp-ag-public-full', { entityId: 'https://sp.example.it/pub-ag-lite/c_h501' }),
      'entityId',
    );
    expectConfigError(
      makeSpConfig('spid-sp-op-public-lite', { entityId: 'https://sp.example.it/pub-op-lite/x?ente=c_h501' }),
      'entityId',
    );
    expect(
      readServiceProviderConfig(
        makeSpConfig('spid-sp-op-public-lite', { entityId: 'https://sp.example.it/pub-op-lite' }),
      ),
    ).toBeDefined();
  });

  it('requires at least one ACS URL', () => {
    expectConfigError(makeSpConfig('spid-sp-public', { acsUrls: [] }), 'acsUrls');
  });
});

describe('readServiceProviderConfig() key rules', () => {
  it('refuses a private key that is not PEM (field key.privateKey)', () => {
    expectConfigError(
      makeSpConfig('spid-sp-public', { key: { ...SP_TEST_KEY, privateKey: 'secret' } }),
      'key.privateKey',
    );
    const broken = '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n';
    expectConfigError(
      makeSpConfig('spid-sp-public', { key: { ...SP_TEST_KEY, privateKey: broken } }),
      'key.privateKey',
    );
  });

  it('refuses an RSA key under 2048 bits and a non-RSA key', () => {
    const small = pkcs8('rsa', { modulusLength: 1024 });
    expectConfigError(makeSpConfig('spid-sp-public', { key: { ...SP_TEST_KEY, privateKey: small } }), 'key.privateKey');
    const ec = pkcs8('ec', { namedCurve: 'P-256' });
    expectConfigError(makeSpConfig('spid-sp-public', { key: { ...SP_TEST_KEY, privateKey: ec } }), 'key.privateKey');
  });

  it('refuses a certificate that does not hold the public key (field key.certificate)', () => {
    const other = pkcs8('rsa', { modulusLength: 2048 });
    expectConfigError(
      makeSpConfig('spid-sp-public', { key: { ...SP_TEST_KEY, privateKey: other } }),
      'key.certificate',
    );
    const garbage = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
    expectConfigError(
      makeSpConfig('spid-sp-public', { key: { ...SP_TEST_KEY, certificate: garbage } }),
      'key.certificate',
    );
  });

  it('refuses a key without certificate and an unknown key field', () => {
    expectConfigError(
      makeSpConfig('spid-sp-public', { key: { privateKey: SP_TEST_KEY.privateKey } as never }),
      'key.certificate',
    );
    expectConfigError(
      makeSpConfig('spid-sp-public', { key: { ...SP_TEST_KEY, passphrase: 'x' } as never }),
      'key.passphrase',
    );
  });
});

describe('readServiceProviderConfig() attribute rules', () => {
  const services = (attributes: string[]) => [{ serviceName: 'Servizi', attributes }] as never;

  it('refuses an attribute that is not a SPID attribute', () => {
    expectConfigError(
      makeSpConfig('spid-sp-public', { attributeConsumingServices: services(['name', 'nome']) }),
      'attributeConsumingServices.0.attributes.1',
    );
  });

  it('refuses a repeated attribute at its position', () => {
    expectConfigError(
      makeSpConfig('spid-sp-public', { attributeConsumingServices: services(['name', 'email', 'name']) }),
      'attributeConsumingServices.0.attributes.2',
    );
  });

  it('refuses an empty set and an empty service list', () => {
    expectConfigError(
      makeSpConfig('spid-sp-public', { attributeConsumingServices: services([]) }),
      'attributeConsumingServices.0.attributes',
    );
    expectConfigError(makeSpConfig('spid-sp-public', { attributeConsumingServices: [] }), 'attributeConsumingServices');
  });

  it('refuses for CIE any attribute but name, familyName, dateOfBirth, fiscalNumber', () => {
    expectConfigError(
      makeSpConfig('cie-sp-public', { attributeConsumingServices: services(['fiscalNumber', 'spidCode']) }),
      'attributeConsumingServices.0.attributes.1',
    );
    expect(
      readServiceProviderConfig(
        makeSpConfig('cie-sp-public', { attributeConsumingServices: services(['fiscalNumber']) }),
      ),
    ).toBeDefined();
  });

  it('refuses a blank, over-long or control-character service name', () => {
    for (const serviceName of ['  ', 'x'.repeat(256), 'Servizi\u0000', 'Servizi\u2028online']) {
      expectConfigError(
        makeSpConfig('spid-sp-public', { attributeConsumingServices: [{ serviceName, attributes: ['name'] }] }),
        'attributeConsumingServices.0.serviceName',
      );
    }
  });
});

describe('readServiceProviderConfig() option rules', () => {
  it('refuses an unknown profile, level and comparison', () => {
    expectConfigError(makeSpConfig('spid-sp-public', { profile: 'spid-sp-other' as never }), 'profile');
    expectConfigError(makeSpConfig('spid-sp-public', { defaultLevel: 4 as never }), 'defaultLevel');
    expectConfigError(makeSpConfig('spid-sp-public', { defaultComparison: 'less' as never }), 'defaultComparison');
    expectConfigError(makeSpConfig('cie-sp-public', { defaultComparison: 'better' }), 'defaultComparison');
    expect(
      readServiceProviderConfig(makeSpConfig('cie-sp-private', { defaultComparison: 'exact' })).defaultComparison,
    ).toBe('exact');
  });

  it('bounds clockSkewMs to 0..300 000 and requestTtlMs to 1 s..24 h, integers', () => {
    expectConfigError(makeSpConfig('spid-sp-public', { clockSkewMs: 300_001 }), 'clockSkewMs');
    expectConfigError(makeSpConfig('spid-sp-public', { clockSkewMs: -1 }), 'clockSkewMs');
    expectConfigError(makeSpConfig('spid-sp-public', { clockSkewMs: Number.NaN }), 'clockSkewMs');
    expectConfigError(makeSpConfig('spid-sp-public', { requestTtlMs: 1.5 }), 'requestTtlMs');
    expectConfigError(makeSpConfig('spid-sp-public', { requestTtlMs: Number.POSITIVE_INFINITY }), 'requestTtlMs');
    expect(readServiceProviderConfig(makeSpConfig('spid-sp-public', { clockSkewMs: 300_000 })).clockSkewMs).toBe(
      300_000,
    );
  });

  it('refuses idps that are neither a registry nor a non-empty descriptor array', () => {
    for (const idps of [[], {}, 'https://registry.spid.gov.it', [{ entityId: 'x' }], { list: [] }]) {
      expectConfigError(makeSpConfig('spid-sp-public', { idps: idps as never }), 'idps');
    }
  });

  it('refuses a store, audit sink, now or randomId of the wrong shape', () => {
    expectConfigError(makeSpConfig('spid-sp-public', { store: { get: () => undefined } as never }), 'store');
    expectConfigError(makeSpConfig('spid-sp-public', { audit: true as never }), 'audit');
    expectConfigError(makeSpConfig('spid-sp-public', { audit: { file: '' } }), 'audit.file');
    expectConfigError(makeSpConfig('spid-sp-public', { now: new Date() as never }), 'now');
    expectConfigError(makeSpConfig('spid-sp-public', { randomId: 'id' as never }), 'randomId');
  });

  it('names an unknown top-level option, and never echoes a strange key', () => {
    expectConfigError({ ...makeSpConfig(), entityID: 'https://sp.example.it' }, 'entityID');
    expectConfigError({ ...makeSpConfig(), 'a\nb': 1 }, '(unknown key)');
  });
});
