import { plainObject } from '@civico/core/internal';
import type { SigningKey } from '@civico/saml';
import { z } from 'zod';
import type { AuditSink } from '../audit/audit-sink.js';
import { SPID_ATTRIBUTE_NAMES } from '../data/spid-attributes.js';
import { SP_PROFILES } from '../data/spid-types.js';
import type { IdpDescriptor, IdpRegistry } from '../registry/idp-descriptor.js';
import type { SpidStore } from '../store/spid-store.js';
import { PemField, textField, UrlField } from './config-fields.js';
import { SpContactsSchema } from './contact-schemas.js';
import { inspectProfileRules } from './inspect-profile-rules.js';
import { isAuditSink, isIdpSource, isSpidStore } from './structural-checks.js';

const LocalizedOrganizationSchema = plainObject(
  z.strictObject({
    /** `OrganizationName xml:lang="en"`: the English legal name. */
    name: textField(),
    /** `OrganizationDisplayName xml:lang="en"`: the English name shown by the IdPs. */
    displayName: textField(),
    /** `OrganizationURL xml:lang="en"`: the English home page. */
    url: UrlField,
  }),
);

const AttributeConsumingServiceSchema = plainObject(
  z.strictObject({
    /** `md:ServiceName xml:lang="it"` of the service (CIE also accepts a `urn:uuid:…`). */
    serviceName: textField(255),
    /** The `RequestedAttribute` names, no repeats (CIE: 1–4 of name, familyName, dateOfBirth, fiscalNumber). */
    attributes: z.array(z.enum(SPID_ATTRIBUTE_NAMES)).min(1).max(SPID_ATTRIBUTE_NAMES.length),
  }),
);

/**
 * The zod schema of {@link ServiceProviderConfig}, the configuration of a SPID/CIE Service Provider
 * (`createServiceProvider`).
 *
 * @remarks
 * Strict objects (an unknown key is refused), then the rules that span fields, each reported at its
 * own path: the contacts each profile needs (public `contacts.other.ipaCode`; private VAT number or
 * fiscal code and `contacts.billing`; aggregators and operators `contacts.aggregator` and the activity
 * code as a path segment of an entityID without query; CIE `contacts.administrative`), the CIE
 * attributes (1–4 of `name`, `familyName`, `dateOfBirth`, `fiscalNumber`), no repeated attribute,
 * `company` equal to `organization.name`, https and no custom port in production, and the key (RSA of
 * 2048 bits or more, certificate matching the private key). URLs must be printable ASCII (an IDN host
 * in its `xn--` form), so a look-alike Unicode host cannot slip in. Use {@link readServiceProviderConfig}
 * to get the error as a `SpidError`.
 *
 * @example
 * ```ts
 * import { ServiceProviderConfigSchema } from '@civico/spid';
 * declare const input: unknown;
 * const result = ServiceProviderConfigSchema.safeParse(input);
 * if (!result.success) console.error(result.error.issues[0]?.path.join('.'));
 * ```
 * @group Config
 */
export const ServiceProviderConfigSchema = plainObject(
  z.strictObject({
    /** The SP's entityID, also the Issuer of its requests (https and no custom port in production). */
    entityId: UrlField,
    /** Production checks: https URLs without a custom port and an Avviso 29 v3 certificate (default `false`). */
    production: z.boolean().default(false),
    /** The metadata profile (public, private, aggregator, operator or CIE SP; default `spid-sp-public`). */
    profile: z.enum(SP_PROFILES).default('spid-sp-public'),
    /** The SP's signing key: RSA of 2048 bits or more, with the certificate that matches it. */
    key: plainObject(
      z.strictObject({
        /** The private key, PEM. */
        privateKey: PemField,
        /** The SP certificate, PEM (published in the metadata `KeyDescriptor`). */
        certificate: PemField,
      }),
    ),
    /** The `AssertionConsumerService` URLs (HTTP-POST); the index is the position, 0 the default. */
    acsUrls: z.array(UrlField).min(1).max(64),
    /** The `SingleLogoutService` URL, for both HTTP-Redirect and HTTP-POST. */
    sloUrl: UrlField,
    /** The `AttributeConsumingService` entries; the index is the position. */
    attributeConsumingServices: z.array(AttributeConsumingServiceSchema).min(1).max(64),
    /** `md:Organization`: the SP, or the aggregated body for aggregator and operator profiles. */
    organization: plainObject(
      z.strictObject({
        /** `OrganizationName`: the full legal name, as in the certificate's `organizationName`. */
        name: textField(),
        /** `OrganizationDisplayName`: the name the IdPs show, as in the certificate's `commonName`. */
        displayName: textField(),
        /** `OrganizationURL`: the SP's home page. */
        url: UrlField,
        /** The English names and URL (`xml:lang="en"`), when the SP publishes them. */
        en: LocalizedOrganizationSchema.optional(),
      }),
    ),
    /** The `md:ContactPerson` entries; which ones are needed depends on `profile`. */
    contacts: SpContactsSchema,
    /** The SPID level requested when `createLoginRequest` names none (default 2). */
    defaultLevel: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(2),
    /** The `Comparison` used when `createLoginRequest` names none (default `minimum`; CIE: exact or minimum). */
    defaultComparison: z.enum(['exact', 'minimum', 'better', 'maximum']).default('minimum'),
    /** Tolerated clock difference with the IdPs, in ms (default 90 000, at most 300 000). */
    clockSkewMs: z.number().int().min(0).max(300_000).default(90_000),
    /** How long a login or logout request waits for its answer, in ms (default 900 000). */
    requestTtlMs: z.number().int().min(1_000).max(86_400_000).default(900_000),
    /** The trusted identity providers: an `IdpRegistry` (e.g. from `createIdpRegistry`) or a list of descriptors. */
    idps: z.custom<IdpRegistry | readonly IdpDescriptor[]>(
      isIdpSource,
      'must be an IdpRegistry (list, find) or a non-empty array of IdpDescriptor',
    ),
    /** Where pending requests and seen Assertion IDs are kept (default an in-memory store: one process only). */
    store: z.custom<SpidStore>(isSpidStore, 'must be a SpidStore (set, get, take, add)').optional(),
    /** The audit log: a sink, a JSON Lines file, or `false` for none (default `{ file: 'spid-audit.jsonl' }`). */
    audit: z
      .union([
        z.literal(false),
        plainObject(
          z.strictObject({
            /** The JSON Lines file to append records to (mode 0600; relative to the current directory). */
            file: z
              .string()
              .min(1)
              .max(4096)
              .refine((f) => !f.includes('\u0000'), 'must be a file path'),
          }),
        ),
        z.custom<AuditSink>(isAuditSink, 'must be an AuditSink (write), { file } or false'),
      ])
      .default({ file: 'spid-audit.jsonl' }),
    /** The clock (default the system clock). */
    now: z.custom<() => Date>((v) => typeof v === 'function', 'must be a function returning a Date').optional(),
    /** The source of SAML message IDs (default `_` and a random UUID). */
    randomId: z
      .custom<() => string>((v) => typeof v === 'function', 'must be a function returning an XML ID')
      .optional(),
  }),
).superRefine((config, ctx) => {
  for (const issue of inspectProfileRules(config)) {
    ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message });
  }
});

/**
 * `T` with every property and array read-only, at every depth; functions are kept as they are. The
 * shape of {@link ServiceProviderConfig} (so a configuration written `as const` is accepted) and of
 * {@link ResolvedServiceProviderConfig}.
 *
 * @example
 * ```ts
 * import type { ReadonlyDeep } from '@civico/spid';
 * const acs: ReadonlyDeep<{ urls: string[] }> = { urls: ['https://servizi.comune.example.it/spid/acs'] };
 * // acs.urls.push('…') does not compile: the array is read-only.
 * ```
 * @group Config
 */
export type ReadonlyDeep<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer U)[]
    ? readonly ReadonlyDeep<U>[]
    : T extends object
      ? { readonly [K in keyof T]: ReadonlyDeep<T[K]> }
      : T;

/**
 * The configuration of a SPID/CIE Service Provider, as passed to `createServiceProvider` (validated by
 * {@link ServiceProviderConfigSchema}; defaults: `production` false, `profile` `spid-sp-public`,
 * `defaultLevel` 2, `defaultComparison` `minimum`, `clockSkewMs` 90 000, `requestTtlMs` 900 000,
 * `audit` `{ file: 'spid-audit.jsonl' }`).
 *
 * @example
 * ```ts
 * import type { ServiceProviderConfig } from '@civico/spid';
 * declare const key: { privateKey: string; certificate: string };
 * declare const idps: ServiceProviderConfig['idps']; // an IdP registry, or IdpDescriptor[]
 * const config: ServiceProviderConfig = {
 *   entityId: 'https://servizi.comune.example.it/spid',
 *   profile: 'spid-sp-public',
 *   key,
 *   acsUrls: ['https://servizi.comune.example.it/spid/acs'],
 *   sloUrl: 'https://servizi.comune.example.it/spid/slo',
 *   attributeConsumingServices: [{ serviceName: 'Servizi online', attributes: ['fiscalNumber', 'name', 'familyName'] }],
 *   organization: { name: 'Comune di Esempio', displayName: 'Comune di Esempio', url: 'https://www.comune.example.it' },
 *   contacts: { other: { ipaCode: 'c_h501', email: 'spid@comune.example.it' } },
 *   idps,
 * };
 * ```
 * @group Config
 */
export type ServiceProviderConfig = ReadonlyDeep<z.input<typeof ServiceProviderConfigSchema>>;

/**
 * A validated {@link ServiceProviderConfig} with every default filled in (`now` is the system clock,
 * `randomId` a `_`-prefixed UUID; `store` stays `undefined` when not given, for the caller's default).
 *
 * @example
 * ```ts
 * import { readServiceProviderConfig, type ResolvedServiceProviderConfig } from '@civico/spid';
 * declare const input: unknown;
 * const config: ResolvedServiceProviderConfig = readServiceProviderConfig(input);
 * console.log(config.profile, config.defaultLevel);
 * ```
 * @group Config
 */
export type ResolvedServiceProviderConfig = ReadonlyDeep<
  Omit<z.output<typeof ServiceProviderConfigSchema>, 'now' | 'randomId' | 'key'> & {
    /** The SP's signing key (private key and matching certificate, PEM). */
    readonly key: SigningKey;
    /** The clock (the system clock unless configured). */
    readonly now: () => Date;
    /** The source of SAML message IDs (`_` and a random UUID unless configured). */
    readonly randomId: () => string;
  }
>;
