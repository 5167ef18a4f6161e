import { readFields } from '@civico/core/internal';
import { NS, parseXml } from '@civico/saml';
import { SpidTestIdpError } from '../errors.js';
import type { ConformanceCheck } from '../kit/conformance-check.js';
import { lintAggregator } from './lint-aggregator.js';
import { lintCie } from './lint-cie.js';
import { lintSpidContacts } from './lint-contacts.js';
import { type LintContext, md, rule } from './lint-context.js';
import { lintSchema } from './lint-schema.js';
import { lintSignature } from './lint-signature.js';
import { lintStructure } from './lint-structure.js';
import { getProfileTraits, SP_METADATA_PROFILES, type SpMetadataProfile } from './sp-metadata-profile.js';
import { attr, lang, text, type XmlDocument, type XmlElement } from './xml-dom.js';

/**
 * Options of {@link lintSpMetadata}.
 * @group Metadata
 */
export interface LintSpMetadataOptions {
  /** The profile to check against (one of {@link SP_METADATA_PROFILES}). */
  readonly profile: SpMetadataProfile;
  /**
   * Production mode, as the official tool's: HTTPS and port rules fail instead of warning, the
   * certificate subject must match the metadata (§4.4), `__aggrsint` placeholders fail.
   */
  readonly production?: boolean | undefined;
  /** The URL the metadata was fetched from: when given, an entityID that differs gives a warning (as the tool). */
  readonly metadataUrl?: string | undefined;
  /** The instant certificates are checked at (default: the system clock). */
  readonly now?: Date | undefined;
}

function byLang(org: XmlElement | undefined, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const el of md(org, name)) out[lang(el) ?? ''] = text(el);
  return out;
}

/**
 * Checks SP metadata against the rules of the official AgID conformance tool for one profile.
 *
 * @remarks
 * Covers §2 of the SPID reference: structure (entityID, SPSSODescriptor flags, signing key, SLO, transient
 * NameIDFormat, HTTP-POST ACS with default index 0, SPID attribute sets, Organization in `it`), the
 * `other` contact per public/private SP and the `fpa:` billing contact of private SPs, aggregator and
 * operator contacts with `spid:entityType` and the activity code in the entityID (Avviso 19 v4), the
 * enveloped signature verified with the metadata's own certificate (RSA ≥ 2048, no SHA-1, not expired)
 * and XSD validation (`saml-schema-metadata-2.0`, the Avviso 29 or aggregated SPID schema,
 * `spid-invoicing` for private SPs; the CIE schema for `cie-*`). CIE profiles follow §6.1. Each rule is one
 * {@link ConformanceCheck} with a stable `id` (e.g. `metadata.entity-id.https`); rules the tool enforces
 * only in production warn otherwise. Metadata that is not safe XML or not an `md:EntityDescriptor`
 * gives the single failing check `metadata.xml`.
 *
 * @param xml - the SP metadata
 * @param options - the profile, production mode and clock
 * @returns every check, in a stable order
 * @throws {@link SpidTestIdpError} `ERR_SPID_TEST_IDP_INVALID_CONFIG` when `options.profile` is unknown or `options.now` is not a valid Date.
 * @example
 * ```ts
 * import { lintSpMetadata } from '@civico/spid-test-idp';
 * declare const xml: string;
 * const checks = await lintSpMetadata(xml, { profile: 'spid-sp-public' });
 * const failed = checks.filter((c) => c.outcome === 'fail');
 * ```
 * @group Metadata
 */
export async function lintSpMetadata(xml: string, options: LintSpMetadataOptions): Promise<ConformanceCheck[]> {
  // Read once: a throwing getter or Proxy fails with INVALID_CONFIG.
  const o = readFields(
    options,
    ['profile', 'production', 'metadataUrl', 'now'],
    SpidTestIdpError,
    'ERR_SPID_TEST_IDP_INVALID_CONFIG',
  ) as Partial<LintSpMetadataOptions>;
  const profile = o.profile;
  let validNow = o.now === undefined;
  try {
    validNow ||= o.now instanceof Date && !Number.isNaN(o.now.getTime());
  } catch {
    // a Proxy whose getPrototypeOf trap throws: not a Date
  }
  if (!validNow) {
    throw new SpidTestIdpError('ERR_SPID_TEST_IDP_INVALID_CONFIG', 'options.now must be a valid Date', {
      field: 'now',
    });
  }
  if (!(SP_METADATA_PROFILES as readonly unknown[]).includes(profile)) {
    throw new SpidTestIdpError('ERR_SPID_TEST_IDP_INVALID_CONFIG', 'options.profile is not a known profile', {
      field: 'profile',
    });
  }
  if (typeof xml !== 'string') {
    return [
      rule('metadata.xml', 'The metadata is safe XML with an md:EntityDescriptor root', 'the metadata is not a string'),
    ];
  }
  let document: XmlDocument;
  try {
    document = parseXml(xml);
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'error';
    return [
      rule(
        'metadata.xml',
        'The metadata is safe XML with an md:EntityDescriptor root',
        `not safe, well-formed XML (${code})`,
      ),
    ];
  }
  const root = document.documentElement as XmlElement;
  if (root.namespaceURI !== NS.md || root.localName !== 'EntityDescriptor') {
    return [
      rule(
        'metadata.xml',
        'The metadata is safe XML with an md:EntityDescriptor root',
        'the root is not md:EntityDescriptor',
      ),
    ];
  }
  const org = md(root, 'Organization')[0];
  const ctx: LintContext = {
    xml,
    root,
    sso: md(root, 'SPSSODescriptor')[0],
    traits: getProfileTraits(profile as SpMetadataProfile),
    production: o.production === true,
    now: o.now ?? new Date(),
    entityId: attr(root, 'entityID') ?? '',
    organizationNames: byLang(org, 'OrganizationName'),
  };
  const checks: ConformanceCheck[] = [
    rule('metadata.xml', 'The metadata is safe XML with an md:EntityDescriptor root', undefined),
  ];
  checks.push(...lintStructure(ctx));
  if (typeof o.metadataUrl === 'string') {
    checks.push(
      rule(
        'metadata.entity-id.metadata-url',
        'entityID equals the URL the metadata is published at',
        ctx.entityId === o.metadataUrl ? undefined : 'entityID differs from the metadata URL',
        'warn',
      ),
    );
  }
  if (ctx.traits.cie) checks.push(...lintCie(ctx));
  else if (ctx.traits.activity !== undefined) checks.push(...lintAggregator(ctx));
  else checks.push(...lintSpidContacts(ctx));
  checks.push(...lintSignature(ctx, byLang(org, 'OrganizationDisplayName').it ?? ''));
  checks.push(...(await lintSchema(ctx)));
  return checks;
}
