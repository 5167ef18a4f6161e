import { createSelfSignedCertificate, type SigningKey } from '@civico/saml';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { SpidError } from '../src/errors.js';
import { createIdpRegistry } from '../src/registry/create-idp-registry.js';
import { OFFICIAL_SPID_IDPS } from '../src/registry/official-spid-idps.js';
import { parseIdpMetadata } from '../src/registry/parse-idp-metadata.js';
import {
  base64Of,
  getRegistryKeys,
  idpEntity,
  type RegistryKeys,
  signedAggregate,
} from './support/registry-fixtures.js';

let k: RegistryKeys;
let rotation: SigningKey;
beforeAll(async () => {
  k = await getRegistryKeys();
  rotation = await createSelfSignedCertificate({ subject: 'CN=test-only rotation, O=Test, C=IT' });
});

/** One official IdP as the registry publishes it: signed entity, three signing keys during a rotation. */
function officialEntity(entityId: string, name: string): string {
  const extra = [k.idpB, rotation]
    .map(
      (key) =>
        `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${base64Of(key.certificate)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`,
    )
    .join('');
  // The extra keys go in before signing, right after the first KeyDescriptor.
  return idpEntity(entityId, k.idpA, { name }).replace('</md:KeyDescriptor>', `</md:KeyDescriptor>${extra}`);
}

describe('parseIdpMetadata() on a registry-sized aggregate', () => {
  it('verifies and reads the 12 official IdPs with three signing keys each', () => {
    // idpEntity signs each entity; adding keys afterwards breaks only the (ignored) inner signatures.
    const entities = OFFICIAL_SPID_IDPS.map((idp) => officialEntity(idp.entityId, idp.name));
    const xml = signedAggregate(k.agid, entities);
    const idps = parseIdpMetadata(xml, { certificates: [k.agid.certificate] });
    expect(idps.map((i) => [i.entityId, i.name])).toEqual(OFFICIAL_SPID_IDPS.map((i) => [i.entityId, i.name]));
    expect(idps.every((i) => i.certificates.length === 3)).toBe(true);
    expect(Buffer.byteLength(xml)).toBeLessThan(1024 * 1024);
  });
});

describe('createIdpRegistry() with hostile options', () => {
  it('rejects anything with a SpidError only (fast-check)', async () => {
    const source = fc.oneof(
      fc.anything(),
      fc.record({ url: fc.oneof(fc.string(), fc.webUrl(), fc.anything()) }, { requiredKeys: [] }),
      fc.record({ file: fc.anything(), xml: fc.anything(), certificates: fc.anything() }, { requiredKeys: [] }),
    );
    const options = fc.oneof(
      fc.anything(),
      fc.record(
        {
          sources: fc.oneof(fc.array(source, { maxLength: 3 }), fc.anything()),
          list: fc.anything(),
          cacheDir: fc.anything(),
          refreshMs: fc.anything(),
          timeoutMs: fc.anything(),
          allowHttp: fc.anything(),
        },
        { requiredKeys: [] },
      ),
    );
    const failing: typeof globalThis.fetch = async () => Promise.reject(new TypeError('offline'));
    await fc.assert(
      fc.asyncProperty(options, async (o) => {
        const withFetch = typeof o === 'object' && o !== null && !Array.isArray(o) ? { ...o, fetch: failing } : o;
        try {
          const registry = await createIdpRegistry(withFetch as never);
          registry.close();
          expect(Array.isArray(registry.list())).toBe(true);
        } catch (err) {
          expect(SpidError.isInstance(err)).toBe(true);
        }
      }),
      { seed: 20261203, numRuns: 200 },
    );
  });
});
