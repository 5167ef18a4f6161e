import { NS, type SigningKey } from '@civico/saml';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { SpidError } from '../src/errors.js';
import { parseIdpMetadata } from '../src/registry/parse-idp-metadata.js';
import { CIE_IDP_ENTITY_IDS } from '../src/registry/registry-urls.js';
import {
  aggregate,
  base64Of,
  getRegistryKeys,
  idpEntity,
  type RegistryKeys,
  signedAggregate,
} from './support/registry-fixtures.js';

let k: RegistryKeys;
beforeAll(async () => {
  k = await getRegistryKeys();
});

const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';

/** A hand-written entity, for the shapes buildIdpMetadata does not make. */
function rawEntity(
  entityId: string,
  parts: { keys?: string; sso?: string; slo?: string; org?: string; attrs?: string },
): string {
  return (
    `<md:EntityDescriptor xmlns:md="${NS.md}" xmlns:ds="${NS.ds}" entityID="${entityId}"${parts.attrs ?? ''}>` +
    `<md:IDPSSODescriptor protocolSupportEnumeration="${NS.samlp}">${parts.keys ?? ''}${parts.slo ?? ''}${parts.sso ?? ''}</md:IDPSSODescriptor>` +
    `${parts.org ?? ''}</md:EntityDescriptor>`
  );
}
const keyDescriptor = (key: SigningKey, use?: string): string =>
  `<md:KeyDescriptor${use === undefined ? '' : ` use="${use}"`}><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${base64Of(key.certificate)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
const sso = (binding: string, url: string): string =>
  `<md:SingleSignOnService Binding="${binding}" Location="${url}"/>`;

function registryError(fn: () => unknown): SpidError {
  try {
    fn();
  } catch (err) {
    expect(SpidError.isInstance(err)).toBe(true);
    return err as SpidError;
  }
  throw new Error('expected a SpidError');
}

describe('parseIdpMetadata()', () => {
  it('reads one IdP EntityDescriptor: endpoints per binding, signing certificate, display name', () => {
    const xml = idpEntity('https://idp.example.it', k.idpA, { name: 'Esempio IdP' });
    const [idp, ...rest] = parseIdpMetadata(xml);
    expect(rest).toEqual([]);
    expect(idp).toMatchObject({
      entityId: 'https://idp.example.it',
      name: 'Esempio IdP',
      sso: { redirect: { url: 'https://idp.example.it/sso' }, post: { url: 'https://idp.example.it/sso' } },
      slo: { redirect: { url: 'https://idp.example.it/slo' }, post: { url: 'https://idp.example.it/slo' } },
    });
    expect(idp?.certificates.map(base64Of)).toEqual([base64Of(k.idpA.certificate)]);
    expect(idp?.cie).toBeUndefined();
    expect(Object.isFrozen(idp)).toBe(true);
  });

  it('reads a signed aggregate verified against the registry certificate, never taking its signing certificate', () => {
    const xml = signedAggregate(k.agid, [
      idpEntity('https://a.example.it', k.idpA),
      idpEntity('https://b.example.it', k.idpB),
    ]);
    const idps = parseIdpMetadata(xml, { certificates: [k.agid.certificate] });
    expect(idps.map((i) => i.entityId)).toEqual(['https://a.example.it', 'https://b.example.it']);
    expect(idps[0]?.certificates.map(base64Of)).toEqual([base64Of(k.idpA.certificate)]);
    expect(idps[1]?.certificates.map(base64Of)).toEqual([base64Of(k.idpB.certificate)]);
    const all = idps.flatMap((i) => i.certificates.map(base64Of));
    expect(all).not.toContain(base64Of(k.agid.certificate));
  });

  it('refuses an aggregate whose IdP certificate was swapped after signing', () => {
    const xml = signedAggregate(k.agid, [idpEntity('https://a.example.it', k.idpA)]);
    const tampered = xml.replace(base64Of(k.idpA.certificate), base64Of(k.other.certificate));
    expect(tampered).not.toBe(xml);
    const err = registryError(() => parseIdpMetadata(tampered, { certificates: [k.agid.certificate] }));
    expect(err.code).toBe('ERR_SPID_REGISTRY');
    expect(err.reason).toBe('signature');
  });

  it('refuses an aggregate with an entity added after signing', () => {
    const xml = signedAggregate(k.agid, [idpEntity('https://a.example.it', k.idpA)]);
    const added = xml.replace(
      '</md:EntitiesDescriptor>',
      `${idpEntity('https://evil.example', k.other)}</md:EntitiesDescriptor>`,
    );
    expect(registryError(() => parseIdpMetadata(added, { certificates: [k.agid.certificate] })).reason).toBe(
      'signature',
    );
  });

  it('refuses unsigned metadata and metadata signed by another key when certificates are given', () => {
    const unsigned = aggregate([idpEntity('https://a.example.it', k.idpA)]);
    expect(registryError(() => parseIdpMetadata(unsigned, { certificates: [k.agid.certificate] })).code).toBe(
      'ERR_SPID_REGISTRY',
    );
    const foreign = signedAggregate(k.other, [idpEntity('https://a.example.it', k.idpA)]);
    expect(registryError(() => parseIdpMetadata(foreign, { certificates: [k.agid.certificate] })).reason).toBe(
      'signature',
    );
  });

  it('refuses requireSignature without certificates', () => {
    const err = registryError(() =>
      parseIdpMetadata(idpEntity('https://a.example.it', k.idpA), { requireSignature: true }),
    );
    expect(err.code).toBe('ERR_SPID_INVALID_CONFIG');
    expect(err.field).toBe('certificates');
  });

  it('refuses a validUntil in the past, on the root or on an entity, and an unreadable one', () => {
    const past = signedAggregate(k.agid, [idpEntity('https://a.example.it', k.idpA)], {
      validUntil: '2025-05-31T23:59:59Z',
    });
    expect(registryError(() => parseIdpMetadata(past, { certificates: [k.agid.certificate] })).reason).toBe('expired');
    const now = new Date('2026-06-01T00:00:00Z');
    const entity = rawEntity('https://a.example.it', {
      keys: keyDescriptor(k.idpA, 'signing'),
      sso: sso(POST, 'https://a.example.it/sso'),
      attrs: ' validUntil="2026-01-01T00:00:00.123456Z"',
    });
    expect(registryError(() => parseIdpMetadata(aggregate([entity]), { now })).reason).toBe('expired');
    const bad = aggregate([idpEntity('https://a.example.it', k.idpA)], { validUntil: '2026-02-30T00:00:00Z' });
    expect(registryError(() => parseIdpMetadata(bad, { now })).reason).toBe('valid-until');
  });

  it('keeps the earliest future validUntil on each IdP', () => {
    const entity = rawEntity('https://a.example.it', {
      keys: keyDescriptor(k.idpA),
      sso: sso(REDIRECT, 'https://a.example.it/sso'),
      attrs: ' validUntil="2030-01-01T01:00:00+01:00"',
    });
    const [idp] = parseIdpMetadata(aggregate([entity], { validUntil: '2031-01-01T00:00:00Z' }), {
      now: new Date('2026-06-01T00:00:00Z'),
    });
    expect(idp?.validUntil).toBe('2030-01-01T00:00:00.000Z');
  });

  it('takes signing and use-less KeyDescriptors (rotation), never encryption ones', () => {
    const entity = rawEntity('https://a.example.it', {
      keys: keyDescriptor(k.other, 'encryption') + keyDescriptor(k.idpA, 'signing') + keyDescriptor(k.idpB),
      sso: sso(REDIRECT, 'https://a.example.it/sso'),
    });
    const [idp] = parseIdpMetadata(entity);
    expect(idp?.certificates.map(base64Of)).toEqual([base64Of(k.idpA.certificate), base64Of(k.idpB.certificate)]);
    expect(idp?.sso).toEqual({ redirect: { url: 'https://a.example.it/sso' } });
    expect(idp?.slo).toEqual({});
  });

  it('reads ResponseLocation of SingleLogoutService and ignores unknown bindings and bad URLs', () => {
    const entity = rawEntity('https://a.example.it', {
      keys: keyDescriptor(k.idpA),
      slo: `<md:SingleLogoutService Binding="${REDIRECT}" Location="https://a.example.it/slo" ResponseLocation="https://a.example.it/slo-back"/>`,
      sso:
        sso('urn:oasis:names:tc:SAML:2.0:bindings:SOAP', 'https://a.example.it/soap') +
        sso(POST, 'javascript:alert(1)') +
        sso(POST, 'https://a.example.it/post'),
    });
    const [idp] = parseIdpMetadata(entity);
    expect(idp?.slo).toEqual({
      redirect: { url: 'https://a.example.it/slo', responseUrl: 'https://a.example.it/slo-back' },
    });
    expect(idp?.sso).toEqual({ post: { url: 'https://a.example.it/post' } });
  });

  it('skips entities without a usable signing certificate or SSO endpoint, SP entities and duplicates, reporting them', () => {
    const skipped: [string, string][] = [];
    const sp = `<md:EntityDescriptor xmlns:md="${NS.md}" entityID="https://sp.example.it"><md:SPSSODescriptor protocolSupportEnumeration="${NS.samlp}"/></md:EntityDescriptor>`;
    const encOnly = rawEntity('https://enc.example.it', {
      keys: keyDescriptor(k.idpA, 'encryption'),
      sso: sso(POST, 'https://enc.example.it/sso'),
    });
    const broken = rawEntity('https://broken.example.it', {
      keys: '<md:KeyDescriptor><ds:KeyInfo><ds:X509Data><ds:X509Certificate>AAAA</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>',
      sso: sso(POST, 'https://broken.example.it/sso'),
    });
    const noSso = rawEntity('https://nosso.example.it', { keys: keyDescriptor(k.idpA) });
    const ok = idpEntity('https://a.example.it', k.idpA);
    const dup = rawEntity('https://a.example.it', {
      keys: keyDescriptor(k.other),
      sso: sso(POST, 'https://x.example/sso'),
    });
    const idps = parseIdpMetadata(aggregate([sp, encOnly, broken, noSso, ok, dup]), {
      onSkip: (id, reason) => skipped.push([id, reason]),
    });
    expect(idps.map((i) => i.entityId)).toEqual(['https://a.example.it']);
    expect(idps[0]?.certificates.map(base64Of)).toEqual([base64Of(k.idpA.certificate)]);
    expect(skipped).toEqual([
      ['https://sp.example.it', 'no-idp-descriptor'],
      ['https://enc.example.it', 'no-signing-certificate'],
      ['https://broken.example.it', 'no-signing-certificate'],
      ['https://nosso.example.it', 'no-sso-endpoint'],
      ['https://a.example.it', 'duplicate'],
    ]);
  });

  it('drops certificates that have expired at now', () => {
    const entity = rawEntity('https://a.example.it', {
      keys: keyDescriptor(k.idpA),
      sso: sso(POST, 'https://a.example.it/sso'),
    });
    const skipped: string[] = [];
    const idps = parseIdpMetadata(entity, { now: new Date('2200-01-01T00:00:00Z'), onSkip: (_, r) => skipped.push(r) });
    expect(idps).toEqual([]);
    expect(skipped).toEqual(['no-signing-certificate']);
  });

  it('names the IdP from the Italian OrganizationDisplayName, else another language, else the entityID', () => {
    const org = (names: string) => `<md:Organization>${names}</md:Organization>`;
    const dn = (lang: string, text: string) =>
      `<md:OrganizationDisplayName xml:lang="${lang}">${text}</md:OrganizationDisplayName>`;
    const base = { keys: keyDescriptor(k.idpA), sso: sso(POST, 'https://a.example.it/sso') };
    const read = (o: string) => parseIdpMetadata(rawEntity('https://a.example.it', { ...base, org: o }))[0]?.name;
    expect(read(org(dn('en', 'Example') + dn('it', ' Esempio  SpA ')))).toBe('Esempio SpA');
    expect(read(org(dn('en', 'Example')))).toBe('Example');
    expect(read('')).toBe('https://a.example.it');
  });

  it('marks the CIE entityIDs of the CIE manuale tecnico, and every entity with the cie option', () => {
    const cieId = CIE_IDP_ENTITY_IDS[0] as string;
    const [cie] = parseIdpMetadata(idpEntity(cieId, k.idpA, { cie: true }));
    expect(cie?.cie).toBe(true);
    const [local] = parseIdpMetadata(idpEntity('http://127.0.0.1:9999', k.idpA), { cie: true });
    expect(local?.cie).toBe(true);
  });

  it('refuses roots other than EntityDescriptor and EntitiesDescriptor', () => {
    expect(registryError(() => parseIdpMetadata(`<md:SPSSODescriptor xmlns:md="${NS.md}"/>`)).reason).toBe('root');
    expect(registryError(() => parseIdpMetadata('<EntitiesDescriptor/>')).reason).toBe('root');
  });

  it('reads UTF-8 bytes and refuses bytes that are not UTF-8', () => {
    const xml = idpEntity('https://a.example.it', k.idpA);
    expect(parseIdpMetadata(new TextEncoder().encode(xml))).toHaveLength(1);
    expect(registryError(() => parseIdpMetadata(new Uint8Array([0x3c, 0xff, 0xfe, 0x00]))).reason).toBe('xml');
  });
});

describe('parseIdpMetadata() with hostile input', () => {
  it('refuses huge, deeply nested, DTD and binary documents with ERR_SPID_REGISTRY', () => {
    const huge = aggregate([`<!--${'x'.repeat(5 * 1024 * 1024)}-->`]);
    expect(registryError(() => parseIdpMetadata(huge)).reason).toBe('too-large');
    expect(registryError(() => parseIdpMetadata(new Uint8Array(5 * 1024 * 1024))).reason).toBe('too-large');
    const deep = `<md:EntitiesDescriptor xmlns:md="${NS.md}">${'<md:EntitiesDescriptor>'.repeat(300)}${'</md:EntitiesDescriptor>'.repeat(300)}</md:EntitiesDescriptor>`;
    expect(registryError(() => parseIdpMetadata(deep)).code).toBe('ERR_SPID_REGISTRY');
    const dtd = `<!DOCTYPE x [<!ENTITY e "e">]><md:EntityDescriptor xmlns:md="${NS.md}" entityID="&e;"/>`;
    expect(registryError(() => parseIdpMetadata(dtd)).reason).toBe('xml');
    expect(registryError(() => parseIdpMetadata(new Uint8Array([0, 1, 2, 3, 255]))).code).toBe('ERR_SPID_REGISTRY');
  });

  it('refuses wrong types with ERR_SPID_INVALID_INPUT and bad options with ERR_SPID_INVALID_CONFIG', () => {
    for (const v of [undefined, null, 42, {}, [], Symbol('x'), new ArrayBuffer(4)]) {
      expect(registryError(() => parseIdpMetadata(v as unknown as string)).code).toBe('ERR_SPID_INVALID_INPUT');
    }
    const xml = idpEntity('https://a.example.it', k.idpA);
    const bad: unknown[] = [
      42,
      { certificates: 'pem' },
      { certificates: [] },
      { now: new Date(Number.NaN) },
      { now: '2026-01-01' },
      { onSkip: 1 },
      { unknown: true },
      new Proxy(
        {},
        {
          get: () => {
            throw new Error('trap');
          },
        },
      ),
    ];
    for (const options of bad) {
      expect(registryError(() => parseIdpMetadata(xml, options as never)).code).toBe('ERR_SPID_INVALID_CONFIG');
    }
    const err = registryError(() => parseIdpMetadata(xml, { certificates: ['not a pem'] }));
    expect(err.code).toBe('ERR_SPID_REGISTRY');
    const throwing = registryError(() =>
      parseIdpMetadata(aggregate(['<md:EntityDescriptor entityID="x"/>'.replace('<md:', `<md:`)]), {
        onSkip: () => {
          throw new Error('boom');
        },
      }),
    );
    expect(throwing.code).toBe('ERR_SPID_INVALID_CONFIG');
  });

  it('only returns IdP lists or throws SpidError, for any input (fast-check)', () => {
    const valid = () => idpEntity('https://a.example.it', k.idpA);
    const xml = valid();
    const mutated = fc
      .tuple(fc.nat({ max: xml.length - 1 }), fc.nat({ max: 40 }), fc.string({ maxLength: 8 }))
      .map(([at, del, ins]) => xml.slice(0, at) + ins + xml.slice(at + del));
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), mutated), (input) => {
        try {
          const out = parseIdpMetadata(input as string, { certificates: [k.idpA.certificate] });
          expect(Array.isArray(out)).toBe(true);
        } catch (err) {
          expect(SpidError.isInstance(err)).toBe(true);
        }
      }),
      { seed: 20261203, numRuns: 150 },
    );
  });
});
