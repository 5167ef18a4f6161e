import { NS } from '@civico/saml';
import type { ConformanceCheck } from '../kit/conformance-check.js';
import { contacts, extensionValues, type LintContext, md, rule } from './lint-context.js';
import { text, type XmlElement } from './xml-dom.js';

const VAT = /^[A-Z]{2}[A-Za-z0-9]{2,28}$/;
const PHONE = /^\+\d{6,20}$/;
const PLACEHOLDER = '__aggrsint';

function one(values: Map<string, string[]>, name: string): string | undefined {
  const list = values.get(name);
  return list?.length === 1 ? list[0] : undefined;
}

/** @internal The checks of a contact that stands for the SP (`other`, or the aggregated body). */
export function lintHolderContact(
  ctx: LintContext,
  contact: XmlElement,
  prefix: string,
  options: { readonly companyRequired: boolean; readonly emailRequired: boolean },
): ConformanceCheck[] {
  const ext = extensionValues(contact, NS.spid);
  const company = md(contact, 'Company')[0];
  const emails = md(contact, 'EmailAddress').map((e) => text(e));
  const phones = md(contact, 'TelephoneNumber').map((e) => text(e));
  const orgName = ctx.organizationNames.it;
  const checks = [
    rule(
      `${prefix}.extensions`,
      'The contact has one md:Extensions',
      md(contact, 'Extensions').length === 1 ? undefined : 'not exactly one md:Extensions',
    ),
    rule(
      `${prefix}.email`,
      options.emailRequired ? 'One non-empty EmailAddress' : 'EmailAddress, if any, is one and non-empty',
      (options.emailRequired ? emails.length === 1 : emails.length <= 1) && emails.every((e) => e !== '')
        ? undefined
        : 'EmailAddress is missing, repeated or empty',
    ),
    rule(
      `${prefix}.telephone`,
      'TelephoneNumber, if any, has the international prefix and no spaces',
      phones.every((p) => PHONE.test(p)) ? undefined : 'TelephoneNumber is not +<digits>',
    ),
    rule(
      `${prefix}.company`,
      options.companyRequired ? 'Company equals OrganizationName' : 'Company, if any, equals OrganizationName',
      company === undefined
        ? options.companyRequired
          ? 'Company is missing'
          : undefined
        : text(company) === orgName
          ? undefined
          : 'Company differs from OrganizationName',
    ),
  ];
  const ipa = one(ext, 'IPACode');
  const vat = one(ext, 'VATNumber');
  const fiscal = one(ext, 'FiscalCode');
  const placeholder = ctx.production && [ipa, vat, fiscal].includes(PLACEHOLDER);
  if (ctx.traits.public) {
    checks.push(
      rule(
        `${prefix}.ipa-code`,
        'spid:IPACode is present (once, non-empty)',
        ipa === undefined || ipa === '' || placeholder
          ? 'spid:IPACode is missing, repeated, empty or a placeholder'
          : undefined,
      ),
      rule(
        `${prefix}.public`,
        'spid:Public is present and empty, spid:Private absent',
        one(ext, 'Public') === '' && !ext.has('Private')
          ? undefined
          : 'spid:Public missing or not empty, or spid:Private present',
      ),
    );
  } else {
    checks.push(
      rule(
        `${prefix}.no-ipa-code`,
        'spid:IPACode is absent',
        ext.has('IPACode') ? 'a private SP carries spid:IPACode' : undefined,
      ),
      rule(
        `${prefix}.vat-or-fiscal-code`,
        'spid:VATNumber (ISO prefix, no spaces) and/or spid:FiscalCode',
        (vat === undefined && (fiscal ?? '') === '') || (vat !== undefined && !VAT.test(vat)) || placeholder
          ? 'no valid spid:VATNumber and no spid:FiscalCode'
          : undefined,
      ),
      rule(
        `${prefix}.private`,
        'spid:Private is present and empty, spid:Public absent',
        one(ext, 'Private') === '' && !ext.has('Public')
          ? undefined
          : 'spid:Private missing or not empty, or spid:Public present',
      ),
    );
  }
  return checks;
}

function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el === undefined
    ? undefined
    : ((el.getElementsByTagNameNS(NS.fpa, name).item(0) ?? undefined) as XmlElement | undefined);
}

function filled(el: XmlElement | undefined, name: string): boolean {
  const found = child(el, name);
  return found !== undefined && text(found) !== '';
}

/** @internal §2.2: the billing contact of private SPs (fpa:CessionarioCommittente). */
export function lintBillingContact(ctx: LintContext): ConformanceCheck[] {
  const billing = contacts(ctx, 'billing');
  const contact = billing[0];
  const ext = md(contact, 'Extensions')[0];
  const cc =
    ext === undefined
      ? undefined
      : ((ext.getElementsByTagNameNS(NS.fpa, 'CessionarioCommittente').item(0) ?? undefined) as XmlElement | undefined);
  const dati = child(cc, 'DatiAnagrafici');
  const sede = child(cc, 'Sede');
  const idIva = child(dati, 'IdFiscaleIVA');
  const anagrafica = child(dati, 'Anagrafica');
  let reason: string | undefined;
  if (cc === undefined) reason = 'fpa:CessionarioCommittente is missing';
  else if (!((filled(idIva, 'IdPaese') && filled(idIva, 'IdCodice')) || filled(dati, 'CodiceFiscale'))) {
    reason = 'fpa:DatiAnagrafici has no IdFiscaleIVA (IdPaese + IdCodice) nor CodiceFiscale';
  } else if (!(filled(anagrafica, 'Denominazione') || (filled(anagrafica, 'Nome') && filled(anagrafica, 'Cognome')))) {
    reason = 'fpa:Anagrafica has no Denominazione nor Nome + Cognome';
  } else if (!['Indirizzo', 'CAP', 'Comune', 'Nazione'].every((n) => filled(sede, n))) {
    reason = 'fpa:Sede lacks Indirizzo, CAP, Comune or Nazione';
  }
  const terzo = child(cc, 'TerzoIntermediarioSoggettoEmittente');
  const emails = md(contact, 'EmailAddress').map((e) => text(e));
  return [
    rule(
      'metadata.contact.billing.present',
      'One ContactPerson contactType="billing" (private SP)',
      billing.length === 1 ? undefined : 'not exactly one billing contact',
    ),
    rule(
      'metadata.contact.billing.cessionario',
      'Billing md:Extensions holds a complete fpa:CessionarioCommittente',
      reason,
    ),
    rule(
      'metadata.contact.billing.email',
      'Billing contact has one non-empty EmailAddress',
      emails.length === 1 && emails[0] !== '' ? undefined : 'billing EmailAddress missing, repeated or empty',
    ),
    rule(
      'metadata.contact.billing.terzo-intermediario',
      'fpa:TerzoIntermediarioSoggettoEmittente, if any, is not empty',
      terzo !== undefined && text(terzo) === '' && terzo.firstChild === null
        ? 'TerzoIntermediarioSoggettoEmittente is empty'
        : undefined,
    ),
  ];
}

/** @internal §2.2 for public and private SPs (not aggregators, not CIE). */
export function lintSpidContacts(ctx: LintContext): ConformanceCheck[] {
  const all = md(ctx.root, 'ContactPerson');
  const others = contacts(ctx, 'other');
  const checks: ConformanceCheck[] = [
    rule(
      'metadata.contact-person.count',
      'One or two ContactPerson',
      all.length >= 1 && all.length <= 2 ? undefined : 'not one or two ContactPerson',
    ),
    rule(
      'metadata.contact.other.present',
      'One ContactPerson contactType="other"',
      others.length === 1 ? undefined : 'not exactly one "other" contact',
    ),
  ];
  if (others[0] !== undefined) {
    checks.push(
      ...lintHolderContact(ctx, others[0], 'metadata.contact.other', { companyRequired: false, emailRequired: true }),
    );
  }
  if (!ctx.traits.public) checks.push(...lintBillingContact(ctx));
  return checks;
}
