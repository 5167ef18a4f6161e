import { parseXml } from '@civico/saml';
import type { SpidFormInput } from './service-provider.js';

/** Largest field decoded for the audit trail (the validator has its own, smaller cap). */
const MAX_FIELD = 4 * 1024 * 1024;

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
 * What the audit trail records of a received `SAMLResponse`: its XML (decoded from base64 as
 * received, `''` when it cannot be) and, unverified, its `ID`, `InResponseTo` and `Issuer` (they only
 * label the record).
 * @internal
 */
export function readReceivedXml(form: unknown): {
  readonly xml: string;
  readonly id: string | undefined;
  readonly inResponseTo: string | undefined;
  readonly issuer: string | undefined;
} {
  const empty = { xml: '', id: undefined, inResponseTo: undefined, issuer: undefined };
  if (typeof form !== 'object' || form === null) return empty;
  const field = readFormField(form as SpidFormInput, 'SAMLResponse');
  if (field === undefined || field.length > MAX_FIELD) return empty;
  const xml = Buffer.from(field.replace(/\s+/g, ''), 'base64').toString('utf8');
  try {
    const root = parseXml(xml).documentElement;
    if (root === null) return { ...empty, xml };
    let issuer: string | undefined;
    for (let node = root.firstChild; node !== null; node = node.nextSibling) {
      if (node.nodeType === 1 && (node as typeof root).localName === 'Issuer') {
        issuer = node.textContent?.trim();
        break;
      }
    }
    const attr = (name: string): string | undefined => root.getAttribute(name) ?? undefined;
    return { xml, id: attr('ID'), inResponseTo: attr('InResponseTo'), issuer };
  } catch {
    return { ...empty, xml };
  }
}
