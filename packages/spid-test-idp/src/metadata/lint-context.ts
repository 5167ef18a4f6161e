import { NS } from '@civico/saml';
import type { ConformanceCheck } from '../kit/conformance-check.js';
import type { ProfileTraits } from './sp-metadata-profile.js';
import { attr, children, lang, text, type XmlElement } from './xml-dom.js';

/** @internal What the metadata lint rules look at. */
export interface LintContext {
  readonly xml: string;
  readonly root: XmlElement;
  /** The first SPSSODescriptor, `undefined` when none. */
  readonly sso: XmlElement | undefined;
  readonly traits: ProfileTraits;
  readonly production: boolean;
  readonly now: Date;
  readonly entityId: string;
  /** OrganizationName by language (`it` is the one certificate and Company compare to). */
  readonly organizationNames: Readonly<Record<string, string>>;
}

/** @internal A check that passes when `reason` is undefined, else fails (or warns). */
export function rule(
  id: string,
  title: string,
  reason: string | undefined,
  severity: 'fail' | 'warn' = 'fail',
): ConformanceCheck {
  return reason === undefined ? { id, title, outcome: 'pass' } : { id, title, outcome: severity, reason };
}

/** @internal `fail` in production mode, `warn` otherwise (rules the tool only enforces in production). */
export function productionSeverity(ctx: LintContext): 'fail' | 'warn' {
  return ctx.production ? 'fail' : 'warn';
}

/** @internal Direct md: children of an element. */
export function md(el: XmlElement | undefined, localName: string): XmlElement[] {
  return el === undefined ? [] : children(el, NS.md, localName);
}

/** @internal Languages of an element list, sorted. */
export function languages(els: readonly XmlElement[]): string[] {
  return els.map((e) => lang(e) ?? '').sort();
}

/** @internal Whether a URL is https with the default port and no credentials. */
export function isHttpsUrl(value: string | undefined): boolean {
  if (value === undefined) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** @internal Contacts of a `contactType`, optionally restricted to a `spid:entityType`. */
export function contacts(ctx: LintContext, type: string, entityType?: string): XmlElement[] {
  return md(ctx.root, 'ContactPerson').filter(
    (c) =>
      attr(c, 'contactType') === type &&
      (entityType === undefined || c.getAttributeNS(NS.spid, 'entityType') === entityType),
  );
}

/** @internal Children of a contact's single md:Extensions in namespace `ns`, by local name. */
export function extensionValues(contact: XmlElement, ns: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const ext of md(contact, 'Extensions')) {
    for (let n = ext.firstChild; n !== null; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const el = n as XmlElement;
      if (el.namespaceURI !== ns) continue;
      const list = out.get(el.localName ?? '') ?? [];
      list.push(text(el));
      out.set(el.localName ?? '', list);
    }
  }
  return out;
}
