// The citizen's page after login: who they are according to the IdP, and their codice fiscale decoded by
// @civico/core (birth date, sex, birthplace as it was on the birth date).
import { type DecodedFiscalCode, decodeFiscalCode, getForeignState, getMunicipalityByBelfiore } from '@civico/core';
import type { IdpDescriptor, SpidLogin } from '@civico/spid';
import { escapeHtml } from './html.js';
import { renderLayout } from './render-layout.js';

/** Labels of the SPID attributes, in Italian. */
const ATTRIBUTE_LABELS: Readonly<Record<string, string>> = {
  name: 'Nome',
  familyName: 'Cognome',
  fiscalNumber: 'Codice fiscale',
  dateOfBirth: 'Data di nascita',
  placeOfBirth: 'Luogo di nascita',
  countyOfBirth: 'Provincia di nascita',
  gender: 'Sesso',
  email: 'Email',
  digitalAddress: 'Domicilio digitale (PEC)',
  mobilePhone: 'Cellulare',
  address: 'Indirizzo',
  spidCode: 'Codice identificativo SPID',
  ivaCode: 'Partita IVA',
  companyName: 'Ragione sociale',
  companyFiscalNumber: 'Codice fiscale della persona giuridica',
  registeredOffice: 'Sede legale',
  idCard: 'Documento di identità',
  expirationDate: 'Scadenza dell’identità',
};

function decode(fiscalNumber: string | undefined): DecodedFiscalCode | undefined {
  if (fiscalNumber === undefined) return undefined;
  try {
    return decodeFiscalCode(fiscalNumber);
  } catch {
    // Test identities may send a code that does not decode: the page says so instead of failing.
    return undefined;
  }
}

/** The birthplace of a decoded codice fiscale, in words. */
export function formatBirthplace(decoded: DecodedFiscalCode): string {
  const place = decoded.birthplace;
  if (place.kind === 'municipality') return `${place.municipality.name} (${place.municipality.province})`;
  if (place.kind === 'foreign-state') return `${place.state.name} (estero)`;
  return `codice ${place.code} non presente nell’archivio`;
}

/** `placeOfBirth` is a Belfiore code per the SPID rules: named through @civico/core when it is one. */
function describePlace(code: string): string {
  try {
    const place = /^Z\d{3}$/i.test(code) ? getForeignState(code)?.name : getMunicipalityByBelfiore(code)?.name;
    return place === undefined ? code : `${code} (${place})`;
  } catch {
    return code;
  }
}

/** An ISO instant in Italian, Rome time. */
function formatInstant(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString('it-IT', { timeZone: 'Europe/Rome', dateStyle: 'long', timeStyle: 'short' });
}

function row(label: string, value: string | undefined, id?: string): string {
  return `<tr${id === undefined ? '' : ` id="${id}"`}><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value ?? '—')}</td></tr>`;
}

export function renderMePage(options: {
  readonly comune: string;
  readonly login: SpidLogin;
  readonly idp: IdpDescriptor | undefined;
  readonly nonce: string;
}): string {
  const { login } = options;
  const user = login.user;
  const displayName = [user.name, user.familyName].filter(Boolean).join(' ') || 'Cittadino';
  const decoded = decode(user.fiscalNumber);
  const fiscal =
    decoded === undefined
      ? '<p>Il codice fiscale ricevuto non è decodificabile.</p>'
      : '<table aria-label="Codice fiscale decodificato">' +
        row('Codice fiscale', decoded.code, 'cf-code') +
        row('Data di nascita', decoded.birthDate, 'cf-birth-date') +
        row('Sesso', decoded.sex === 'F' ? 'femminile' : 'maschile', 'cf-sex') +
        row('Luogo di nascita', formatBirthplace(decoded), 'cf-birthplace') +
        (decoded.omocodia.level > 0 ? row('Omocodia', 'sì (codice sostitutivo)') : '') +
        '</table>';
  const attributes = Object.entries(user.attributes)
    .map(([name, value]) => row(ATTRIBUTE_LABELS[name] ?? name, name === 'placeOfBirth' ? describePlace(value) : value))
    .join('');
  const body =
    `<section><h2>Ciao, ${escapeHtml(displayName)}</h2>` +
    `<p>Hai effettuato l’accesso con ${escapeHtml(options.idp?.cie === true ? 'CIE' : 'SPID')} tramite ` +
    `<strong>${escapeHtml(options.idp?.name ?? login.idp)}</strong>, livello SpidL${login.level}, ` +
    `il ${escapeHtml(formatInstant(login.authenticatedAt))}.</p></section>` +
    `<section><h2>Il tuo codice fiscale</h2>${fiscal}</section>` +
    `<section><h2>I dati ricevuti dal gestore di identità</h2><table>${attributes}</table></section>` +
    '<section><form method="post" action="/logout"><button type="submit">Esci dal portale</button></form></section>';
  return renderLayout({ comune: options.comune, title: 'La tua area', body, nonce: options.nonce, user: displayName });
}
