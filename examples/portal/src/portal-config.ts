// The portal's configuration file: which comune it is, which SP profile it runs as, how its certificate
// is made, and whether it starts the local test IdPs. The `sp` object is handed to @civico/spid as it is
// (its own schema checks it, with field paths); the portal only fills in what depends on where it runs.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const CertificateSchema = z
  .object({
    /** `public` (IPA code), `private` (VAT number or fiscal code) or `aggregator`. */
    kind: z.enum(['public', 'private', 'aggregator']),
    ipaCode: z.string().min(1).optional(),
    vatNumber: z.string().min(1).optional(),
    fiscalCode: z.string().min(1).optional(),
    /** The certificate's `L` (locality). */
    locality: z.string().min(1),
    /** RSA key size (default 3072, as AgID advises). */
    keyBits: z.union([z.literal(2048), z.literal(3072), z.literal(4096)]).optional(),
  })
  .strict();

export const PortalConfigFileSchema = z
  .object({
    $comment: z.string().optional(),
    /** What the pages show. */
    comune: z.object({ name: z.string().min(1), motto: z.string().optional() }).strict(),
    /** Start the local test IdPs (SPID and CIE flavour) and trust them: for development only. */
    testIdp: z
      .object({ spid: z.boolean().default(true), cie: z.boolean().default(false) })
      .strict()
      .optional(),
    /** How the SP certificate is generated at first start (Avviso 29 v3). */
    certificate: CertificateSchema,
    /**
     * The Service Provider configuration of @civico/spid without `key`, `idps`, `store` and `audit` (the
     * portal provides them). `entityId`, `acsUrls` and `sloUrl` default to the portal's public URL.
     */
    sp: z.record(z.string(), z.unknown()),
  })
  .strict();

export type PortalConfigFile = z.output<typeof PortalConfigFileSchema>;

/** Thrown when the portal's configuration file cannot be read: the message names the file and the field. */
export class PortalConfigError extends Error {
  override readonly name = 'PortalConfigError';
}

/** Reads and checks a portal configuration file. */
export async function readPortalConfigFile(file: string): Promise<PortalConfigFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new PortalConfigError(`cannot read the portal configuration ${file}`, { cause: err });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new PortalConfigError(`${file} is not valid JSON`, { cause: err });
  }
  const parsed = PortalConfigFileSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new PortalConfigError(`${file}: ${first?.path.join('.') || '(root)'} ${first?.message ?? 'is invalid'}`);
  }
  return parsed.data;
}

/** Replaces `{baseUrl}` in the strings of a JSON value. */
function fillBaseUrl(value: unknown, base: string): unknown {
  if (typeof value === 'string') return value.replaceAll('{baseUrl}', base);
  if (Array.isArray(value)) return value.map((v) => fillBaseUrl(v, base));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillBaseUrl(v, base)]));
  }
  return value;
}

/**
 * The SP configuration as the portal serves it: `{baseUrl}` in any string is the portal's public URL;
 * the router is mounted at `/spid`, so the ACS defaults to `<base>/spid/acs` and Single Logout to
 * `<base>/spid/slo`; the entityID defaults to the base URL.
 */
export function resolveSpEndpoints(sp: Readonly<Record<string, unknown>>, baseUrl: string): Record<string, unknown> {
  const base = baseUrl.replace(/\/+$/, '');
  const filled = fillBaseUrl(sp, base) as Record<string, unknown>;
  return {
    ...filled,
    entityId: filled.entityId ?? base,
    acsUrls: filled.acsUrls ?? [`${base}/spid/acs`],
    sloUrl: filled.sloUrl ?? `${base}/spid/slo`,
  };
}
