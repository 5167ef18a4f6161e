import { parseOptions, plainObject } from '@civico/core/internal';
import { parseCertificate } from '@civico/saml';
import { z } from 'zod';
import { SpidError } from '../errors.js';
import { isAllowedRegistryUrl } from './fetch-registry-bytes.js';
import type { IdpSkipReason } from './read-idp-entity.js';

/**
 * Where IdP metadata comes from: a URL, a local file or the XML itself. `certificates` (PEM) are the
 * trusted signers of that metadata: AgID's registry certificate for the SPID aggregate (required
 * there); `cie` marks its IdPs as CIE (a local CIE test IdP).
 * @example
 * ```ts
 * import { type IdpMetadataSource, SPID_REGISTRY_URLS } from '@civico/spid';
 * declare const agidCertificate: string; // PEM
 * const sources: IdpMetadataSource[] = [
 *   { url: SPID_REGISTRY_URLS.metadata, certificates: [agidCertificate] },
 *   { file: './idp/local-test-idp.xml', cie: true },
 * ];
 * ```
 * @group Registry
 */
export type IdpMetadataSource = (
  | {
      /** The https URL to download the metadata from (http only on localhost, or with `allowHttp`). */
      readonly url: string;
      /** Not with `url`. */
      readonly file?: never;
      /** Not with `url`. */
      readonly xml?: never;
    }
  | {
      /** The path of a local metadata file. */
      readonly file: string;
      /** Not with `file`. */
      readonly url?: never;
      /** Not with `file`. */
      readonly xml?: never;
    }
  | {
      /** The metadata XML itself. */
      readonly xml: string;
      /** Not with `xml`. */
      readonly url?: never;
      /** Not with `xml`. */
      readonly file?: never;
    }
) & {
  /**
   * PEM certificates of the trusted signers of this metadata: when given, its signature must verify
   * against one of them (required for the AgID aggregate).
   */
  readonly certificates?: readonly string[] | undefined;
  /** Marks every IdP of this source as a CIE identity provider (CIE rules apply). */
  readonly cie?: boolean | undefined;
};

/**
 * Where the registry's JSON list of display names and logos comes from.
 * @example
 * ```ts
 * import { type IdpListSource, SPID_REGISTRY_URLS } from '@civico/spid';
 * const list: IdpListSource = { url: SPID_REGISTRY_URLS.list };
 * ```
 * @group Registry
 */
export type IdpListSource =
  | {
      /** The https URL of the JSON list (e.g. `SPID_REGISTRY_URLS.list`). */
      readonly url: string;
      /** Not with `url`. */
      readonly file?: never;
    }
  | {
      /** The path of a local copy of the JSON list. */
      readonly file: string;
      /** Not with `file`. */
      readonly url?: never;
    };

/**
 * Options of {@link createIdpRegistry}.
 * @example
 * ```ts
 * import type { CreateIdpRegistryOptions } from '@civico/spid';
 * const options: CreateIdpRegistryOptions = {
 *   sources: [{ url: 'http://127.0.0.1:8443/metadata' }], // a local test IdP
 *   refreshMs: 0,
 * };
 * ```
 * @group Registry
 */
export interface CreateIdpRegistryOptions {
  /** The metadata to trust, in priority order: for an entityID found twice, the first source wins. */
  readonly sources: readonly IdpMetadataSource[];
  /** The registry's JSON list (`entity_id`, `organization_name`, `logo_uri`), for names and logos. */
  readonly list?: IdpListSource | undefined;
  /** A directory keeping the last good copy of each URL source (and of the list), for cold starts offline. */
  readonly cacheDir?: string | undefined;
  /** Background refresh period in ms (default 24 h; `0` for none). The timer never keeps Node alive. */
  readonly refreshMs?: number | undefined;
  /** Timeout of one download in ms, body included (default 10 s). */
  readonly timeoutMs?: number | undefined;
  /** Allow `http:` URLs on any host (default: only on localhost, 127.0.0.1 and [::1]). */
  readonly allowHttp?: boolean | undefined;
  /** The `fetch` to download with (default the global one). */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** The clock (default `() => new Date()`). */
  readonly now?: (() => Date) | undefined;
  /** Told about each failed download or refresh; the last good copy stays in use. */
  readonly onError?: ((error: SpidError) => void) | undefined;
  /** Told about each entity left out (see `parseIdpMetadata`), and `duplicate` across sources. */
  readonly onSkip?: ((entityId: string, reason: IdpSkipReason) => void) | undefined;
}

function hostOf(value: string): string | undefined {
  try {
    return new URL(value).hostname;
  } catch {
    return undefined;
  }
}

const fn = <T>() => z.custom<T>((v) => typeof v === 'function');
const path = z.string().min(1).max(4096);
const url = z.string().min(1).max(2048);
const Pem = z
  .string()
  .min(1)
  .refine((pem) => {
    try {
      parseCertificate(pem);
      return true;
    } catch {
      return false;
    }
  }, 'must be a readable PEM certificate');
const trust = { certificates: z.array(Pem).min(1).max(64).optional(), cie: z.boolean().optional() };
const SourceSchema = z.union([
  z.object({ url, ...trust }).strict(),
  z.object({ file: path, ...trust }).strict(),
  z.object({ xml: z.string().min(1), ...trust }).strict(),
]);
const ListSchema = z.union([z.object({ url }).strict(), z.object({ file: path }).strict()]);

const OptionsSchema = plainObject(
  z
    .object({
      sources: z.array(plainObject(SourceSchema)).min(1).max(32),
      list: plainObject(ListSchema).optional(),
      cacheDir: path.optional(),
      refreshMs: z
        .number()
        .int()
        .refine((n) => n === 0 || (n >= 1000 && n <= 2_147_483_647), 'must be 0 or 1000 ms to 24.8 days')
        .default(86_400_000),
      timeoutMs: z.number().int().min(100).max(600_000).default(10_000),
      allowHttp: z.boolean().default(false),
      fetch: fn<typeof globalThis.fetch>().optional(),
      now: fn<() => Date>().optional(),
      onError: fn<(error: SpidError) => void>().optional(),
      onSkip: fn<(entityId: string, reason: IdpSkipReason) => void>().optional(),
    })
    .strict()
    .superRefine((o, ctx) => {
      const check = (value: string | undefined, where: (string | number)[]) => {
        if (value !== undefined && !isAllowedRegistryUrl(value, o.allowHttp)) {
          ctx.addIssue({
            code: 'custom',
            path: where,
            message: 'must be https (http only on localhost, or with allowHttp)',
          });
        }
      };
      o.sources.forEach((s, i) => {
        if (!('url' in s)) return;
        check(s.url, ['sources', i, 'url']);
        // SPID Regole Tecniche, registro.rst: the aggregate is trusted only through AgID's signature.
        if (s.certificates === undefined && hostOf(s.url) === 'registry.spid.gov.it') {
          ctx.addIssue({
            code: 'custom',
            path: ['sources', i, 'certificates'],
            message: "the AgID aggregate needs AgID's registry certificate",
          });
        }
      });
      if (o.list !== undefined && 'url' in o.list) check(o.list.url, ['list', 'url']);
    }),
);

/** The options, checked. @internal */
export type ResolvedIdpRegistryOptions = z.output<typeof OptionsSchema>;

/**
 * Checks {@link CreateIdpRegistryOptions}.
 * @throws {@link SpidError} `ERR_SPID_INVALID_CONFIG` with `field`
 * @internal
 */
export function readIdpRegistryOptions(options: unknown): ResolvedIdpRegistryOptions {
  return parseOptions(OptionsSchema, options, SpidError, 'ERR_SPID_INVALID_CONFIG');
}
