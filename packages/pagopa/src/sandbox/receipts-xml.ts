import { romeWallClock } from '../gpd/model/rome-time.js';
import { formatEuroAmount } from './flow-amount.js';
import { escapeMarkup } from './flow-escape.js';
import { formatInstant } from './format-instant.js';
import type { SandboxMetadata, SandboxPaymentOption, SandboxPosition, SandboxTransfer } from './gpd-store-types.js';

/** Namespace of the paForNode messages (pagoPA SANP, `paForNode.xsd` targetNamespace). */
const PA_FOR_NODE_NS = 'http://pagopa-api.pagopa.gov.it/pa/paForNode.xsd';

/**
 * What {@link buildReceiptXml} needs: the paid option, its position and the payment.
 * @internal
 */
export interface ReceiptXmlInput {
  /** The position (snapshot after the payment). */
  readonly position: SandboxPosition;
  /** The paid option. */
  readonly option: SandboxPaymentOption;
  /** Receipt id (IUR). */
  readonly receiptId: string;
  /** PSP id. */
  readonly pspId: string;
  /** PSP name, 3–70 characters. */
  readonly pspName: string;
  /** When it was paid. */
  readonly paidAt: Date;
  /** Amount paid, cents. */
  readonly amountCents: number;
  /** Amount credited to each transfer, cents, in the order of `option.transfer`. */
  readonly transferAmounts: readonly number[];
  /** Payment method (default `CP`). */
  readonly paymentMethod?: string | undefined;
}

/** One `<name>text</name>` element, or nothing when the value is absent or empty. */
function el(name: string, value: string | undefined): string {
  return value === undefined || value === '' ? '' : `<${name}>${escapeMarkup(value)}</${name}>`;
}

/** `ctMetadata`: 1–15 `mapEntry`, omitted when empty. */
function metadataXml(entries: readonly SandboxMetadata[]): string {
  if (entries.length === 0) return '';
  const items = entries.slice(0, 15).map((m) => `<mapEntry>${el('key', m.key)}${el('value', m.value)}</mapEntry>`);
  return `<metadata>${items.join('')}</metadata>`;
}

/** `ctSubject` of the debtor, from the flattened position. */
function debtorXml(p: SandboxPosition): string {
  return (
    '<debtor><uniqueIdentifier>' +
    el('entityUniqueIdentifierType', p.type) +
    el('entityUniqueIdentifierValue', p.fiscalCode) +
    '</uniqueIdentifier>' +
    el('fullName', p.fullName) +
    el('streetName', p.streetName) +
    el('civicNumber', p.civicNumber) +
    el('postalCode', p.postalCode) +
    el('city', p.city) +
    el('stateProvinceRegion', p.province) +
    el('country', p.country) +
    el('e-mail', p.email) +
    '</debtor>'
  );
}

/** `ctTransferPAReceiptV2`: IBAN, or the stamp as `MBDAttachment` (base64 of a stand-in document). */
function transferXml(t: SandboxTransfer, amountCents: number): string {
  const account =
    t.iban !== undefined
      ? el('IBAN', t.iban)
      : el(
          'MBDAttachment',
          Buffer.from(
            `<marcaDaBollo><hash>${escapeMarkup(t.stamp?.hashDocument ?? '')}</hash></marcaDaBollo>`,
          ).toString('base64'),
        );
  return (
    '<transfer>' +
    el('idTransfer', t.idTransfer) +
    el('transferAmount', formatEuroAmount(amountCents)) +
    el('fiscalCodePA', t.organizationFiscalCode) +
    el('companyName', t.companyName) +
    account +
    el('remittanceInformation', t.remittanceInformation) +
    el('transferCategory', t.category) +
    metadataXml(t.transferMetadata) +
    '</transfer>'
  );
}

/**
 * Builds the receipt of a sandbox payment as the platform stores it: a `paSendRTV2Request` whose
 * `receipt` is a `ctReceiptV2`.
 *
 * @remarks
 * paForNode has no `elementFormDefault`: only the root element is qualified (`pafn:`), the children
 * are unqualified. Amounts are decimal euros with two decimals (`150.00`); `paymentDateTime` is the
 * UTC instant, `applicationDate`/`transferDate` the Rome calendar date of the payment. The station
 * is `<creditor>_01`, the broker the creditor itself, the channel `<pspId>_01`.
 * @param input - position, option and payment
 * @returns the XML text (UTF-8 declaration included)
 * @internal
 */
export function buildReceiptXml(input: ReceiptXmlInput): string {
  const { position: p, option: o } = input;
  const org = p.organizationFiscalCode;
  const day = romeWallClock(input.paidAt.getTime()).date;
  const transfers = o.transfer.map((t, i) => transferXml(t, input.transferAmounts[i] ?? t.amount)).join('');
  const receipt =
    '<receipt>' +
    el('receiptId', input.receiptId) +
    el('noticeNumber', o.nav) +
    el('fiscalCode', org) +
    el('outcome', 'OK') +
    el('creditorReferenceId', o.iuv) +
    el('paymentAmount', formatEuroAmount(input.amountCents)) +
    el('description', o.description) +
    el('companyName', p.companyName) +
    el('officeName', p.officeName) +
    debtorXml(p) +
    `<transferList>${transfers}</transferList>` +
    el('idPSP', input.pspId) +
    el('PSPCompanyName', input.pspName) +
    el('idChannel', `${input.pspId}_01`) +
    el('channelDescription', 'app') +
    el('paymentMethod', input.paymentMethod ?? 'CP') +
    el('fee', formatEuroAmount(0)) +
    el('paymentDateTime', formatInstant(input.paidAt)) +
    el('applicationDate', day) +
    el('transferDate', day) +
    metadataXml(o.paymentOptionMetadata) +
    '</receipt>';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<pafn:paSendRTV2Request xmlns:pafn="${PA_FOR_NODE_NS}">` +
    el('idPA', org) +
    el('idBrokerPA', org) +
    el('idStation', `${org}_01`) +
    receipt +
    '</pafn:paSendRTV2Request>'
  );
}
