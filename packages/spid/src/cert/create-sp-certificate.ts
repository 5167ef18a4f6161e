import { isValidVatNumber } from '@civico/core';
import { parseOptions, plainObject } from '@civico/core/internal';
import { createSelfSignedCertificate, type SigningKey } from '@civico/saml';
import { z } from 'zod';
import { SpidError } from '../errors.js';
import { type SpCertificateKind, spPolicyOf } from './sp-certificate-kind.js';

// A subject value: no control characters and no surrounding spaces (the DN writer trims them away).
const dnValue = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((v) => !/\p{Cc}/u.test(v) && v.trim() === v, 'must have no control characters or surrounding spaces');

const CreateSpCertificateOptionsSchema = plainObject(
  z
    .object({
      kind: z.enum(['public', 'private', 'aggregator']),
      entityId: z.url({ protocol: /^https?$/ }).max(1024),
      organizationName: dnValue(256),
      displayName: dnValue(256),
      locality: dnValue(128),
      ipaCode: z
        .string()
        .regex(/^\S{1,16}$/, 'must be an IPA code (1–16 characters, no spaces)')
        .optional(),
      vatNumber: z
        .string()
        .refine((v) => /^\d{11}$/.test(v) && isValidVatNumber(v), 'must be a valid partita IVA (11 digits)')
        .optional(),
      fiscalCode: z
        .string()
        .regex(/^[A-Z0-9]{16}$/, 'must be 16 uppercase letters and digits')
        .optional(),
      keyBits: z.union([z.literal(2048), z.literal(3072), z.literal(4096)]).optional(),
      days: z.number().int().positive().max(36_500).optional(),
      notBefore: z
        .date()
        .refine((d) => !Number.isNaN(d.getTime()), 'must be a valid date')
        .optional(),
    })
    .strict()
    .superRefine((o, ctx) => {
      if (o.kind === 'public') {
        if (o.ipaCode === undefined)
          ctx.addIssue({ code: 'custom', path: ['ipaCode'], message: 'is required for a public SP' });
        for (const field of ['vatNumber', 'fiscalCode'] as const) {
          if (o[field] !== undefined)
            ctx.addIssue({ code: 'custom', path: [field], message: 'is only for private SPs and aggregators' });
        }
        return;
      }
      if (o.ipaCode !== undefined)
        ctx.addIssue({ code: 'custom', path: ['ipaCode'], message: 'is only for public SPs' });
      if ((o.vatNumber === undefined) === (o.fiscalCode === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: ['vatNumber'],
          message: 'exactly one of vatNumber and fiscalCode is required',
        });
      }
    }),
);

/**
 * Options of {@link createSpCertificate}.
 *
 * @example
 * ```ts
 * import type { CreateSpCertificateOptions } from '@civico/spid';
 * const vendor: CreateSpCertificateOptions = {
 *   kind: 'aggregator',
 *   entityId: 'https://spid.software.example.it/pub-ag-full/c_h501',
 *   organizationName: 'Comune di Roma',
 *   displayName: 'Comune di Roma',
 *   vatNumber: '12345678903',
 *   locality: 'Milano',
 * };
 * ```
 * @group Certificates
 */
export interface CreateSpCertificateOptions {
  /** `public` (an administration), `private`, or `aggregator` (a vendor of Avviso 19 v4; see {@link createSpCertificate}). */
  readonly kind: SpCertificateKind;
  /** The SP entityID, written as `uri` (2.5.4.83). */
  readonly entityId: string;
  /** The metadata's `OrganizationName` (`it`), with its diacritics: written as `organizationName` (UTF8String). */
  readonly organizationName: string;
  /** The metadata's `OrganizationDisplayName` (`it`): written as `commonName`. */
  readonly displayName: string;
  /** The full city name, e.g. `Forlì`: written as `localityName`. */
  readonly locality: string;
  /** Public SPs: the IPA code, written as `organizationIdentifier` `PA:IT-<ipaCode>`. */
  readonly ipaCode?: string | undefined;
  /** Private SPs and aggregators: the partita IVA, written as `VATIT-<vatNumber>` (or give `fiscalCode`). */
  readonly vatNumber?: string | undefined;
  /** Private SPs and aggregators without a partita IVA: the codice fiscale, written as `CF:IT-<fiscalCode>`. */
  readonly fiscalCode?: string | undefined;
  /** RSA modulus size: 3072 (default, advised by AgID), 2048 or 4096. */
  readonly keyBits?: 2048 | 3072 | 4096 | undefined;
  /** Validity in days (default 730). */
  readonly days?: number | undefined;
  /** Start of validity (default: now). */
  readonly notBefore?: Date | undefined;
}

/** RFC 4514 escaping of a DN value for `createSelfSignedCertificate`'s subject string. */
function escapeDnValue(value: string): string {
  const escaped = value.replace(/[\\,+"<>;]/g, (c) => `\\${c}`);
  return escaped.startsWith('#') ? `\\${escaped}` : escaped;
}

/**
 * Creates an RSA key and a self-signed SP certificate following Avviso SPID n. 29 v3.
 *
 * @remarks
 * Subject: `C=IT`, `localityName`, `organizationName` (UTF8String, diacritics kept),
 * `organizationIdentifier` (`PA:IT-<IPA code>`, `VATIT-<partita IVA>` or `CF:IT-<codice fiscale>`),
 * `commonName` = display name and `uri` (2.5.4.83) = entityID; no personal-name attribute.
 * Extensions: basicConstraints `CA:FALSE` (not critical), subjectKeyIdentifier, keyUsage critical with
 * only digitalSignature and nonRepudiation, certificatePolicies (not critical) AgIDroot `1.3.76.16`,
 * agIDcert `1.3.76.16.6` and cert_SP_Pub `1.3.76.16.4.2.1` (public) or cert_SP_Priv `1.3.76.16.4.3.1`.
 * Signed with SHA-256; RSA 3072 bits unless `keyBits` says otherwise. Built on `createSelfSignedCertificate`
 * of `@civico/saml`.
 *
 * Public SPs may use a self-signed certificate (Avviso 28/2020). Private SPs need one issued by the AgID
 * PKI (Avviso 23): use this one for tests and the AgID validator's test environment only.
 *
 * Aggregators (`kind: 'aggregator'`, Avviso 19 v4) are private subjects signing for the public bodies
 * they aggregate: the certificate carries the private policy cert_SP_Priv and the vendor's own
 * `vatNumber` (or `fiscalCode`), while `organizationName`, `displayName` and `entityId` are those of
 * the metadata being signed (the conformance tool compares them with its `Organization` and entityID).
 * AgID's community generator also knows aggregator-specific policies (e.g. `1.3.76.16.4.2.2`
 * cert_AggFull_Pub), which the conformance tool does not check; they are not written here.
 *
 * This function reads the clock (default `notBefore`) and the system random source.
 *
 * @param options - kind, entityID, names, identifier, locality, key size, validity
 * @returns a PKCS#8 PEM private key and the PEM certificate
 * @throws {@link SpidError} `ERR_SPID_INVALID_CONFIG` (with `field`) when an option is invalid or
 *   missing for the kind (`ipaCode` for public SPs; exactly one of `vatNumber`, `fiscalCode` otherwise).
 * @example
 * ```ts
 * import { createSpCertificate } from '@civico/spid';
 * const key = await createSpCertificate({
 *   kind: 'public',
 *   entityId: 'https://servizi.comune.forli.fc.it/spid',
 *   organizationName: 'Comune di Forlì',
 *   displayName: 'Comune di Forlì',
 *   ipaCode: 'c_d704',
 *   locality: 'Forlì',
 * });
 * // key.certificate: PEM; key.privateKey: PKCS#8 PEM
 * ```
 * @group Certificates
 */
export async function createSpCertificate(options: CreateSpCertificateOptions): Promise<SigningKey> {
  const o = parseOptions(CreateSpCertificateOptionsSchema, options, SpidError, 'ERR_SPID_INVALID_CONFIG');
  const organizationIdentifier =
    o.kind === 'public'
      ? `PA:IT-${o.ipaCode}`
      : o.vatNumber !== undefined
        ? `VATIT-${o.vatNumber}`
        : `CF:IT-${o.fiscalCode}`;
  const subject = [
    'C=IT',
    `L=${escapeDnValue(o.locality)}`,
    `O=${escapeDnValue(o.organizationName)}`,
    `organizationIdentifier=${escapeDnValue(organizationIdentifier)}`,
    `CN=${escapeDnValue(o.displayName)}`,
    `uri=${escapeDnValue(o.entityId)}`,
  ].join(', ');
  try {
    return await createSelfSignedCertificate({
      subject,
      keyBits: o.keyBits ?? 3072,
      days: o.days ?? 730,
      ...(o.notBefore === undefined ? {} : { notBefore: o.notBefore }),
      spid: { policy: spPolicyOf(o.kind) },
    });
  } catch (err) {
    // The options were checked above; what is left (days past year 9999) is still a configuration error.
    const field = typeof err === 'object' && err !== null && 'field' in err ? String(err.field) : undefined;
    throw new SpidError('ERR_SPID_INVALID_CONFIG', 'The certificate could not be created from these options', {
      cause: err,
      field: field === 'subject' ? undefined : field,
    });
  }
}
