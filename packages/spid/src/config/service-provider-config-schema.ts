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
    name: textField(),
    displayName: textField(),
    url: UrlField,
  }),
);

const AttributeConsumingServiceSchema = plainObject(
  z.strictObject({
    serviceName: textField(255),
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
    entityId: UrlField,
    production: z.boolean().default(false),
    profile: z.enum(SP_PROFILES).default('spid-sp-public'),
    key: plainObject(z.strictObject({ privateKey: PemField, certificate: PemField })),
    acsUrls: z.array(UrlField).min(1).max(64),
    sloUrl: UrlField,
    attributeConsumingServices: z.array(AttributeConsumingServiceSchema).min(1).max(64),
    organization: plainObject(
      z.strictObject({
        name: textField(),
        displayName: textField(),
        url: UrlField,
        en: LocalizedOrganizationSchema.optional(),
      }),
    ),
    contacts: SpContactsSchema,
    defaultLevel: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(2),
    defaultComparison: z.enum(['exact', 'minimum', 'better', 'maximum']).default('minimum'),
    clockSkewMs: z.number().int().min(0).max(300_000).default(90_000),
    requestTtlMs: z.number().int().min(1_000).max(86_400_000).default(900_000),
    idps: z.custom<IdpRegistry | readonly IdpDescriptor[]>(
      isIdpSource,
      'must be an IdpRegistry (list, find) or a non-empty array of IdpDescriptor',
    ),
    store: z.custom<SpidStore>(isSpidStore, 'must be a SpidStore (set, get, take, add)').optional(),
    audit: z
      .union([
        z.literal(false),
        plainObject(
          z.strictObject({
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
    now: z.custom<() => Date>((v) => typeof v === 'function', 'must be a function returning a Date').optional(),
    randomId: z
      .custom<() => string>((v) => typeof v === 'function', 'must be a function returning an XML ID')
      .optional(),
  }),
).superRefine((config, ctx) => {
  for (const issue of inspectProfileRules(config)) {
    ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message });
  }
});

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type ReadonlyDeep<T> = T extends (...args: never[]) => unknown
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
  Omit<Mutable<z.output<typeof ServiceProviderConfigSchema>>, 'now' | 'randomId' | 'key'> & {
    readonly key: SigningKey;
    readonly now: () => Date;
    readonly randomId: () => string;
  }
>;
