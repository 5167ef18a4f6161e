import { iuvToNoticeNumber } from '@civico/core';
import type { DebtPositionInput } from '../debt-position.js';
import type { CheckedDebtPosition } from './debt-position-schema.js';
import { defined } from './defined.js';
import type { GpdPaymentOptionWire, GpdPositionWire, GpdTransferWire } from './gpd-wire.js';
import { isCalendarDate, romeEndOfDay } from './rome-time.js';
import { normalizeTaxonomy } from './taxonomy.js';
import { checkDebtPosition, type ValidateDebtPositionOptions } from './validate-debt-position.js';

type CheckedOption = CheckedDebtPosition['paymentOptions'][number];
type CheckedTransfer = CheckedOption['transfers'][number];

function metadataToWire(metadata: readonly { key: string; value: string }[] | undefined) {
  return metadata?.map(({ key, value }) => ({ key, value }));
}

function transferToWire(t: CheckedTransfer): GpdTransferWire {
  return defined<GpdTransferWire>({
    idTransfer: String(t.idTransfer) as GpdTransferWire['idTransfer'],
    amount: t.amountCents,
    organizationFiscalCode: t.organizationFiscalCode,
    remittanceInformation: t.remittanceInformation,
    // Checked by the taxonomy rule, so never undefined here.
    category: normalizeTaxonomy(t.category) ?? t.category,
    iban: t.iban,
    postalIban: t.postalIban,
    stamp: t.stamp && { ...t.stamp },
    companyName: t.companyName,
    transferMetadata: metadataToWire(t.metadata),
  });
}

function optionToWire(o: CheckedOption): GpdPaymentOptionWire {
  return defined<GpdPaymentOptionWire>({
    // GPD defaults the NAV to '3' + IUV; sending it keeps both sides explicit.
    nav: o.nav ?? iuvToNoticeNumber(o.iuv),
    iuv: o.iuv,
    amount: o.amountCents,
    description: o.description,
    isPartialPayment: o.isPartialPayment,
    // pagoPA 5.6: a calendar date is sent as 23:59:59 in Rome with that day's offset.
    dueDate: isCalendarDate(o.dueDate) ? romeEndOfDay(o.dueDate) : o.dueDate,
    retentionDate: o.retentionDate,
    fee: o.feeCents,
    transfer: o.transfers.map(transferToWire),
    paymentOptionMetadata: metadataToWire(o.metadata),
  });
}

/**
 * Validates a debt position and builds the GPD v1 create/update body.
 *
 * @remarks
 * Runs every rule of {@link validateDebtPosition}, then maps civico names to the wire: the debtor is
 * flattened, `paymentOptions` → `paymentOption`, `transfers` → `transfer`, cents → `amount`/`fee`,
 * `metadata` → `paymentOptionMetadata`/`transferMetadata`, `idTransfer` → string, taxonomy codes to
 * the full `9/…/` form, calendar due dates to 23:59:59 Europe/Rome with offset, `nav` = `3` + IUV
 * when absent.
 *
 * @param input - the position
 * @param options - as for {@link validateDebtPosition}
 * @returns the request body
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_DEBT_POSITION` (with `rule`, `field`) or
 *   `ERR_PAGOPA_INVALID_CONFIG`
 * @internal
 */
export function debtPositionToWire(input: DebtPositionInput, options: ValidateDebtPositionOptions): GpdPositionWire {
  const p = checkDebtPosition(input, options);
  const d = p.debtor;
  return defined<GpdPositionWire>({
    iupd: p.iupd,
    type: d.type,
    payStandIn: p.payStandIn,
    fiscalCode: d.fiscalCode,
    fullName: d.fullName,
    streetName: d.streetName,
    civicNumber: d.civicNumber,
    postalCode: d.postalCode,
    city: d.city,
    province: d.province,
    region: d.region,
    country: d.country,
    email: d.email,
    phone: d.phone,
    switchToExpired: p.switchToExpired,
    companyName: p.companyName,
    officeName: p.officeName,
    validityDate: p.validityDate,
    paymentOption: p.paymentOptions.map(optionToWire),
  });
}
