import { parseOptions, plainObject } from '@civico/core/internal';
import { NS, parseXml, SamlError, verifyXmlSignature } from '@civico/saml';
import { z } from 'zod';
import { SpidError } from '../errors.js';
import type { XmlElement as Element } from '../xml-element.js';
import type { IdpDescriptor } from './idp-descriptor.js';
import { type IdpSkipReason, readIdpEntity } from './read-idp-entity.js';
import { readValidUntil } from './read-valid-until.js';
import { MAX_REGISTRY_BYTES, REGISTRY_XML_LIMITS } from './registry-limits.js';

/**
 * Options of {@link parseIdpMetadata}.
 * @example
 * ```ts
 * import type { ParseIdpMetadataOptions } from '@civico/spid';
 * declare const agidCertificate: string; // PEM
 * const options: ParseIdpMetadataOptions = { certificates: [agidCertificate], requireSignature: true };
 * ```
 * @group Registry
 */
export interface ParseIdpMetadataOptions {
  /**
   * Trusted PEM certificates of the metadata signer (AgID's registry certificate for the SPID
   * aggregate). When given, the root element's signature must verify and everything is read from
   * the signed content only.
   */
  readonly certificates?: readonly string[] | undefined;
  /** Refuse the call unless `certificates` are given (a guard for production configuration). */
  readonly requireSignature?: boolean | undefined;
  /** Time for `validUntil` and certificate expiry; default the current time. */
  readonly now?: Date | undefined;
  /** Mark every IdP of this metadata as CIE (a local CIE test IdP); the official CIE entityIDs always are. */
  readonly cie?: boolean | undefined;
  /** Told about every entity left out, and why (an SP entity, no signing certificate, no SSO endpoint, duplicate). */
  readonly onSkip?: ((entityId: string, reason: IdpSkipReason) => void) | undefined;
}

const OptionsSchema = plainObject(
  z
    .object({
      certificates: z.array(z.string().min(1)).min(1).max(64).optional(),
      requireSignature: z.boolean().optional(),
      now: z.date().optional(),
      cie: z.boolean().optional(),
      onSkip: z.custom<(entityId: string, reason: IdpSkipReason) => void>((v) => typeof v === 'function').optional(),
    })
    .strict(),
);

function readOptions(options: unknown) {
  const o = parseOptions(OptionsSchema, options ?? {}, SpidError, 'ERR_SPID_INVALID_CONFIG');
  let now: Date;
  try {
    // A copy: a Date subclass or proxy cannot answer differently later.
    now = new Date(Date.prototype.getTime.call(o.now ?? new Date()));
  } catch (cause) {
    throw new SpidError('ERR_SPID_INVALID_CONFIG', 'now must be a valid Date', { field: 'now', cause });
  }
  if (Number.isNaN(now.getTime())) {
    throw new SpidError('ERR_SPID_INVALID_CONFIG', 'now must be a valid Date', { field: 'now' });
  }
  if (o.requireSignature === true && o.certificates === undefined) {
    throw new SpidError('ERR_SPID_INVALID_CONFIG', 'requireSignature needs the signer certificates', {
      field: 'certificates',
    });
  }
  return { ...o, now };
}

function toText(xml: unknown): string {
  if (typeof xml === 'string') return xml;
  if (ArrayBuffer.isView(xml) && xml instanceof Uint8Array) {
    if (xml.byteLength > MAX_REGISTRY_BYTES) {
      throw new SpidError('ERR_SPID_REGISTRY', 'IdP metadata refused: too large', { reason: 'too-large' });
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(xml);
    } catch {
      throw new SpidError('ERR_SPID_REGISTRY', 'IdP metadata refused: not UTF-8', { reason: 'xml' });
    }
  }
  throw new SpidError('ERR_SPID_INVALID_INPUT', 'xml must be a string or a Uint8Array', { field: 'xml', status: 400 });
}

function fromSaml(err: unknown, what: 'xml' | 'signature'): never {
  if (SamlError.isInstance(err)) {
    const reason = err.code === 'ERR_SAML_XML_TOO_LARGE' ? 'too-large' : what;
    const message = what === 'xml' ? 'not safe, well-formed XML' : 'the signature does not verify';
    throw new SpidError('ERR_SPID_REGISTRY', `IdP metadata refused: ${message}`, { reason, cause: err });
  }
  throw err;
}

/** Every `EntityDescriptor` under `el` with the earliest `validUntil` on its path. */
function collect(el: Element, now: Date, inherited: number | undefined, out: [Element, number | undefined][]): void {
  const own = readValidUntil(el, now);
  const until = own === undefined ? inherited : inherited === undefined ? own : Math.min(own, inherited);
  if (el.localName === 'EntityDescriptor') {
    out.push([el, until]);
    return;
  }
  for (let node = el.firstChild; node; node = node.nextSibling) {
    const child = node as Element;
    if (node.nodeType !== 1 || child.namespaceURI !== NS.md) continue;
    if (child.localName === 'EntityDescriptor' || child.localName === 'EntitiesDescriptor') {
      collect(child, now, until, out);
    }
  }
}

/**
 * Reads the identity providers of SAML metadata: one IdP's `md:EntityDescriptor` or an aggregate
 * `md:EntitiesDescriptor` (the AgID registry).
 *
 * @remarks
 * The XML goes through `parseXml` of `@civico/saml` (no DTD or entities; up to 4 MiB and 100,000
 * elements, enough for the aggregate of every SPID IdP). With `certificates`, the root element's
 * enveloped signature must verify against them (`verifyXmlSignature`) and every value is read from
 * the signed node it returns, never from the document around it. A `validUntil` in the past, on the
 * root or on an entity, or one that is not an `xs:dateTime`, refuses the whole document.
 *
 * Per entity only the `IDPSSODescriptor` is read (SAML metadata §2.4.3): `SingleSignOnService` and
 * `SingleLogoutService` (with `ResponseLocation`) per binding, HTTP-Redirect and HTTP-POST, absolute
 * http(s) `Location`s only; the certificates of every `KeyDescriptor` with `use="signing"` or no `use`
 * that can be read and have not expired (several during a rotation). The certificate in the
 * metadata's own signature is never an IdP key (§7 item 2). The name is the Italian
 * `OrganizationDisplayName`, else another language's, else the entityID. Entities without an
 * `IDPSSODescriptor`, a usable signing certificate or an SSO endpoint, and repeated entityIDs (the
 * first wins), are left out and reported to `onSkip`. The CIE entityIDs (§6.1) get `cie: true`.
 *
 * Without `certificates` the metadata is taken as it is: only for a file you control or metadata
 * fetched over https from the IdP itself.
 *
 * @param xml - the metadata, text or UTF-8 bytes
 * @param options - signer certificates, `now`, `requireSignature`, `cie`, `onSkip`
 * @returns the usable IdPs, in document order, frozen
 * @throws {@link SpidError} `ERR_SPID_REGISTRY` (`reason`: `xml`, `too-large`, `root`, `signature`,
 *   `valid-until`, `expired`), `ERR_SPID_INVALID_INPUT` (`xml` neither text nor bytes),
 *   `ERR_SPID_INVALID_CONFIG` (a bad option, `field` names it; `onSkip` threw).
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { parseIdpMetadata } from '@civico/spid';
 * const agidCertificate = readFileSync('agid-registry.pem', 'utf8');
 * const idps = parseIdpMetadata(readFileSync('spid-entities-idps.xml', 'utf8'), {
 *   certificates: [agidCertificate],
 *   onSkip: (entityId, reason) => console.warn(`skipped ${entityId}: ${reason}`),
 * });
 * ```
 * @group Registry
 */
export function parseIdpMetadata(xml: string | Uint8Array, options?: ParseIdpMetadataOptions): IdpDescriptor[] {
  const o = readOptions(options);
  const text = toText(xml);
  let root: Element;
  try {
    root = parseXml(text, REGISTRY_XML_LIMITS).documentElement as Element;
  } catch (err) {
    fromSaml(err, 'xml');
  }
  if (
    root.namespaceURI !== NS.md ||
    (root.localName !== 'EntityDescriptor' && root.localName !== 'EntitiesDescriptor')
  ) {
    throw new SpidError(
      'ERR_SPID_REGISTRY',
      'IdP metadata refused: the root is not md:EntityDescriptor or md:EntitiesDescriptor',
      {
        reason: 'root',
      },
    );
  }
  if (o.certificates !== undefined) {
    try {
      root = verifyXmlSignature(text, {
        element: root,
        certificates: o.certificates,
        now: o.now,
        limits: REGISTRY_XML_LIMITS,
      });
    } catch (err) {
      fromSaml(err, 'signature');
    }
  }
  const entities: [Element, number | undefined][] = [];
  collect(root, o.now, undefined, entities);
  const idps: IdpDescriptor[] = [];
  const seen = new Set<string>();
  const skip = (entityId: string, reason: IdpSkipReason): void => {
    try {
      o.onSkip?.(entityId, reason);
    } catch (cause) {
      throw new SpidError('ERR_SPID_INVALID_CONFIG', 'onSkip threw', { field: 'onSkip', cause });
    }
  };
  for (const [entity, until] of entities) {
    const read = readIdpEntity(entity, o.now, until);
    if ('skip' in read) skip(read.entityId, read.skip);
    else if (seen.has(read.idp.entityId)) skip(read.idp.entityId, 'duplicate');
    else {
      seen.add(read.idp.entityId);
      idps.push(o.cie === true && read.idp.cie !== true ? Object.freeze({ ...read.idp, cie: true }) : read.idp);
    }
  }
  return idps;
}
