import { parseXml } from '@civico/saml';
import type { SpidFormInput } from './service-provider.js';

/** Largest field decoded for the audit trail (the validator has its own, smaller cap). */
const MAX_FIELD = 4 * 1024 * 1024;
/** Longest `ID`, `InResponseTo` or `Issuer` kept as a label of an audit record. */
const MAX_LABEL = 1024;

/**
 * A field of a form given as a record or `URLSearchParams`; `undefined` when absent or not a string.
 * @internal
 */
export function readFormField(form: SpidFormInput, name: string): string | undefined {
  try {
    const value = form instanceof URLSearchParams ? form.get(name) : form[name];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the audit trail records of a received message: its XML (decoded as received, `''` when it
 * cannot be), the decoded bytes (for the excerpt and hash of a refused one) and, unverified, its `ID`,
 * `InResponseTo` and `Issuer` (they only label the record).
 * @internal
 */
export interface ReceivedXml {
  readonly xml: string;
  readonly bytes: Buffer | undefined;
  readonly id: string | undefined;
  readonly inResponseTo: string | undefined;
  readonly issuer: string | undefined;
}

/**
 * Labels decoded message bytes for the audit trail: the XML text and, unverified, the root's `ID`,
 * `InResponseTo` and first `Issuer` child (`undefined` after a parse failure or over 1,024 characters).
 * @internal
 */
export function readReceivedBytes(bytes: Buffer | undefined): ReceivedXml {
  const empty = { xml: '', bytes: undefined, id: undefined, inResponseTo: undefined, issuer: undefined };
  if (bytes === undefined) return empty;
  const xml = bytes.toString('utf8');
  const base = { ...empty, xml, bytes };
  try {
    const root = parseXml(xml).documentElement;
    if (root === null) return base;
    let issuer: string | undefined;
    for (let node = root.firstChild; node !== null; node = node.nextSibling) {
      if (node.nodeType === 1 && (node as typeof root).localName === 'Issuer') {
        issuer = node.textContent?.trim();
        break;
      }
    }
    // Unverified labels from anyone: a long one is dropped, so it cannot grow the audit log either.
    const label = (value: string | null | undefined): string | undefined =>
      typeof value === 'string' && value.length <= MAX_LABEL ? value : undefined;
    return {
      ...base,
      id: label(root.getAttribute('ID')),
      inResponseTo: label(root.getAttribute('InResponseTo')),
      issuer: label(issuer),
    };
  } catch {
    return base;
  }
}

/**
 * {@link readReceivedBytes} of the `SAMLResponse` field of a posted form (base64 as received; a field
 * over 4 MiB is not decoded).
 * @internal
 */
export function readReceivedXml(form: unknown): ReceivedXml {
  if (typeof form !== 'object' || form === null) return readReceivedBytes(undefined);
  const field = readFormField(form as SpidFormInput, 'SAMLResponse');
  if (field === undefined || field.length > MAX_FIELD) return readReceivedBytes(undefined);
  return readReceivedBytes(Buffer.from(field.replace(/\s+/g, ''), 'base64'));
}

/**
 * The decoded text of an accepted Response's `SAMLResponse` field, for the audit trail (the validator
 * has already read and checked it: no parse here).
 * @internal
 */
export function readReceivedText(form: SpidFormInput): string {
  const field = readFormField(form, 'SAMLResponse');
  if (field === undefined || field.length > MAX_FIELD) return '';
  return Buffer.from(field.replace(/\s+/g, ''), 'base64').toString('utf8');
}
