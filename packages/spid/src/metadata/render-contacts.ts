import type { ResolvedServiceProviderConfig } from '../config/service-provider-config-schema.js';
import type { SpProfileTraits } from '../config/sp-profile-traits.js';
import { encodeXmlText, renderElement } from './xml-text.js';

type Contacts = ResolvedServiceProviderConfig['contacts'];
type Billing = NonNullable<Contacts['billing']>;

interface ContactParts {
  readonly type: string;
  readonly entityType?: 'spid:aggregator' | 'spid:aggregated' | undefined;
  readonly extensions: string | undefined;
  readonly company: string | undefined;
  readonly email: string;
  readonly phone: string | undefined;
}

// md:ContactType order: Extensions, Company, EmailAddress, TelephoneNumber.
function renderContact(parts: ContactParts): string {
  const entityType = parts.entityType === undefined ? '' : ` spid:entityType="${parts.entityType}"`;
  return [
    `  <md:ContactPerson contactType="${parts.type}"${entityType}>`,
    parts.extensions === undefined ? '' : `    <md:Extensions>${parts.extensions}</md:Extensions>`,
    parts.company === undefined ? '' : `    ${renderElement('md:Company', parts.company)}`,
    `    ${renderElement('md:EmailAddress', parts.email)}`,
    parts.phone === undefined ? '' : `    ${renderElement('md:TelephoneNumber', parts.phone)}`,
    '  </md:ContactPerson>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

// spid.xsd ContactPersonSPExtensionType order: IPACode, VATNumber, FiscalCode, then the kind element.
function spidCodes(holder: {
  ipaCode?: string | undefined;
  vatNumber?: string | undefined;
  fiscalCode?: string | undefined;
}): string {
  return (
    renderElement('spid:IPACode', holder.ipaCode) +
    renderElement('spid:VATNumber', holder.vatNumber) +
    renderElement('spid:FiscalCode', holder.fiscalCode)
  );
}

// spid-invoicing.xsd: DatiAnagrafici (IdFiscaleIVA?, CodiceFiscale?, Anagrafica), Sede.
function renderCessionario(billing: Billing): string {
  const vat =
    billing.vatNumber === undefined
      ? ''
      : `<fpa:IdFiscaleIVA>${renderElement('fpa:IdPaese', billing.vatNumber.slice(0, 2))}${renderElement('fpa:IdCodice', billing.vatNumber.slice(2))}</fpa:IdFiscaleIVA>`;
  const anagrafica =
    billing.name !== undefined
      ? renderElement('fpa:Denominazione', billing.name)
      : renderElement('fpa:Nome', billing.firstName) + renderElement('fpa:Cognome', billing.lastName);
  const a = billing.address;
  const sede =
    renderElement('fpa:Indirizzo', a.street) +
    renderElement('fpa:NumeroCivico', a.number) +
    renderElement('fpa:CAP', a.postalCode) +
    renderElement('fpa:Comune', a.municipality) +
    renderElement('fpa:Provincia', a.province) +
    renderElement('fpa:Nazione', a.country);
  return `<fpa:CessionarioCommittente><fpa:DatiAnagrafici>${vat}${renderElement('fpa:CodiceFiscale', billing.fiscalCode)}<fpa:Anagrafica>${anagrafica}</fpa:Anagrafica></fpa:DatiAnagrafici><fpa:Sede>${sede}</fpa:Sede></fpa:CessionarioCommittente>`;
}

function invoicedName(billing: Billing): string {
  return billing.name ?? `${billing.firstName ?? ''} ${billing.lastName ?? ''}`.trim();
}

/**
 * @internal The SPID contacts (Avviso 29 v3 §2.2, Avviso 19 v4 §2.3): `other` for public/private SPs,
 * aggregator + aggregated for the Avviso 19 profiles, and the `fpa:` billing contact of private SPs.
 */
export function renderSpidContacts(config: ResolvedServiceProviderConfig, traits: SpProfileTraits): string {
  const { other, billing, aggregator } = config.contacts;
  if (other === undefined) return '';
  const kind = traits.public ? '<spid:Public/>' : '<spid:Private/>';
  const out: string[] = [];
  const aggregated = traits.activity !== undefined;
  if (traits.activity !== undefined && aggregator !== undefined) {
    out.push(
      renderContact({
        type: 'other',
        entityType: 'spid:aggregator',
        extensions: `${spidCodes(aggregator)}<spid:${traits.activity.element}/>`,
        company: aggregator.company,
        email: aggregator.email,
        phone: aggregator.phone,
      }),
    );
  }
  out.push(
    renderContact({
      type: 'other',
      entityType: aggregated ? 'spid:aggregated' : undefined,
      extensions: `${spidCodes(other)}${kind}`,
      // Avviso 19 v4: the aggregated contact's Company is required and equals OrganizationName.
      company: aggregated ? (other.company ?? config.organization.name) : other.company,
      email: other.email,
      phone: other.phone,
    }),
  );
  if (!traits.public && billing !== undefined) {
    out.push(
      renderContact({
        type: 'billing',
        entityType: aggregated ? 'spid:aggregated' : undefined,
        extensions: renderCessionario(billing),
        // The aggregated schema requires Company on every contact: the invoiced subject by default.
        company: aggregated ? (billing.company ?? invoicedName(billing)) : billing.company,
        email: billing.email,
        phone: billing.phone,
      }),
    );
  }
  return out.join('\n');
}

/** @internal The CIE contacts (CIE technical manual): administrative (the SP) and the optional technical partner. */
export function renderCieContacts(config: ResolvedServiceProviderConfig, traits: SpProfileTraits): string {
  const { administrative: admin, technical } = config.contacts;
  if (admin === undefined) return '';
  const adminExtensions =
    (traits.public ? '<cie:Public/>' : '<cie:Private/>') +
    renderElement('cie:IPACode', admin.ipaCode) +
    renderElement('cie:IPACategory', admin.ipaCategory) +
    renderElement('cie:VATNumber', admin.vatNumber) +
    renderElement('cie:FiscalCode', admin.fiscalCode) +
    renderElement('cie:NACE2Code', admin.nace2Code) +
    renderElement('cie:Municipality', admin.municipality) +
    renderElement('cie:Province', admin.province) +
    renderElement('cie:Country', admin.country);
  const out = [
    renderContact({
      type: 'administrative',
      extensions: adminExtensions,
      company: admin.company ?? config.organization.name,
      email: admin.email,
      phone: admin.phone,
    }),
  ];
  if (technical !== undefined) {
    const codes =
      renderElement('cie:VATNumber', technical.vatNumber) +
      renderElement('cie:FiscalCode', technical.fiscalCode) +
      renderElement('cie:NACE2Code', technical.nace2Code) +
      renderElement('cie:Municipality', technical.municipality) +
      renderElement('cie:Province', technical.province) +
      renderElement('cie:Country', technical.country);
    out.push(
      renderContact({
        type: 'technical',
        // cie.xsd: the extensions hold at least two cie: elements, so only with a code beside cie:Private.
        extensions: codes === '' ? undefined : `<cie:Private/>${codes}`,
        company: technical.company,
        email: technical.email,
        phone: technical.phone,
      }),
    );
  }
  return out.join('\n');
}

/** @internal The `md:Organization` (it, and en when given; the same languages for the three elements). */
export function renderOrganization(config: ResolvedServiceProviderConfig): string {
  const { organization: org } = config;
  const langs: readonly (readonly [string, { name: string; displayName: string; url: string }])[] =
    org.en === undefined
      ? [['it', org]]
      : [
          ['it', org],
          ['en', org.en],
        ];
  const lines = ['  <md:Organization>'];
  for (const [element, key] of [
    ['OrganizationName', 'name'],
    ['OrganizationDisplayName', 'displayName'],
    ['OrganizationURL', 'url'],
  ] as const) {
    for (const [lang, values] of langs) {
      lines.push(`    <md:${element} xml:lang="${lang}">${encodeXmlText(values[key])}</md:${element}>`);
    }
  }
  lines.push('  </md:Organization>');
  return lines.join('\n');
}
