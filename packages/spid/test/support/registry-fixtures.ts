// Keys and metadata for the registry tests: a test "AgID" key signing aggregates, IdP keys, and
// aggregates built from buildIdpMetadata of @civico/spid-test-idp. All keys are generated, test-only.
import { createSelfSignedCertificate, NS, type SigningKey, signXml } from '@civico/saml';
import { buildIdpMetadata } from '@civico/spid-test-idp';

export interface RegistryKeys {
  readonly agid: SigningKey;
  readonly idpA: SigningKey;
  readonly idpB: SigningKey;
  readonly other: SigningKey;
}

let keys: Promise<RegistryKeys> | undefined;

/** The test keys, generated once per test file. */
export function getRegistryKeys(): Promise<RegistryKeys> {
  keys ??= (async () => {
    const [agid, idpA, idpB, other] = await Promise.all([
      createSelfSignedCertificate({ subject: 'CN=test-only AgID registry, O=Test, C=IT' }),
      createSelfSignedCertificate({ subject: 'CN=test-only IdP A, O=Test, C=IT' }),
      createSelfSignedCertificate({ subject: 'CN=test-only IdP B, O=Test, C=IT' }),
      createSelfSignedCertificate({ subject: 'CN=test-only other, O=Test, C=IT' }),
    ]);
    return { agid, idpA, idpB, other };
  })();
  return keys;
}

/** One IdP's signed EntityDescriptor (unique ID per entity, so an aggregate has no duplicate IDs). */
export function idpEntity(entityId: string, key: SigningKey, extra: { name?: string; cie?: boolean } = {}): string {
  const base = entityId.replace(/\/+$/, '');
  return buildIdpMetadata({
    entityId,
    ssoUrl: `${base}/sso`,
    sloUrl: `${base}/slo`,
    key,
    id: `_md_${Buffer.from(entityId).toString('hex').slice(0, 40)}`,
    ...(extra.name === undefined ? {} : { organizationName: extra.name }),
    ...(extra.cie === undefined ? {} : { cie: extra.cie }),
  });
}

/** An unsigned `md:EntitiesDescriptor` holding the given EntityDescriptors. */
export function aggregate(entities: readonly string[], options: { validUntil?: string; id?: string } = {}): string {
  const until = options.validUntil === undefined ? '' : ` validUntil="${options.validUntil}"`;
  return (
    `<md:EntitiesDescriptor xmlns:md="${NS.md}" ID="${options.id ?? '_aggregate'}" Name="test-registry"${until}>` +
    entities.join('') +
    '</md:EntitiesDescriptor>'
  );
}

/** The aggregate signed with the test AgID key, as the registry publishes it. */
export function signedAggregate(
  agid: SigningKey,
  entities: readonly string[],
  options: { validUntil?: string } = {},
): string {
  return signXml(aggregate(entities, options), { key: agid, id: '_aggregate', placement: 'first-child' });
}

/** The base64 body of a PEM certificate, as it appears in ds:X509Certificate. */
export function base64Of(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}
