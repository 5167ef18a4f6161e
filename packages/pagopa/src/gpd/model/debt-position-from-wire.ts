import { iuvToNoticeNumber } from '@civico/core';
import { safeParseInput } from '@civico/core/internal';
import type { z } from 'zod';
import { PagoPaError } from '../../errors.js';
import type { Debtor, DebtPosition, StoredPaymentOption, StoredTransfer } from '../debt-position.js';
import { defined } from './defined.js';
import {
  type PaymentOptionResponseSchema,
  PositionResponseSchema,
  type TransferResponseSchema,
} from './gpd-wire-response.js';
import { DATE_TIME_LOCAL, romeWallClock, withRomeOffset } from './rome-time.js';

type PositionWire = z.output<typeof PositionResponseSchema>;
type OptionWire = z.output<typeof PaymentOptionResponseSchema>;
type TransferWire = z.output<typeof TransferResponseSchema>;

/** A date-time from an answer, with an offset (a local one is read as Rome time). */
function instant(value: string): string;
function instant(value: string | undefined): string | undefined;
function instant(value: string | undefined): string | undefined {
  return value !== undefined && DATE_TIME_LOCAL.test(value) ? withRomeOffset(value) : value;
}

/** pagoPA 5.6: a due date at 23:59:59 Rome time is the calendar date civico sent; else the date-time. */
function dueDateFromWire(value: string): string {
  const withOffset = instant(value);
  const ms = Date.parse(withOffset);
  const wall = romeWallClock(ms);
  return wall.time === '23:59:59' ? wall.date : withOffset;
}

function metadataFromWire(m: readonly { key: string; value: string }[] | undefined) {
  return m?.map(({ key, value }) => ({ key, value }));
}

function transferFromWire(t: TransferWire): StoredTransfer {
  return defined<StoredTransfer>({
    idTransfer: Number(t.idTransfer) as StoredTransfer['idTransfer'],
    amountCents: t.amount,
    remittanceInformation: t.remittanceInformation,
    category: t.category,
    organizationFiscalCode: t.organizationFiscalCode,
    iban: t.iban,
    postalIban: t.postalIban,
    stamp: t.stamp && {
      hashDocument: t.stamp.hashDocument,
      stampType: '01',
      provincialResidence: t.stamp.provincialResidence,
    },
    companyName: t.companyName,
    metadata: metadataFromWire(t.transferMetadata),
    status: t.status,
  });
}

/** @internal Maps one payment option of an answer. */
export function optionFromWire(o: OptionWire): StoredPaymentOption {
  return defined<StoredPaymentOption>({
    iuv: o.iuv,
    nav: o.nav ?? iuvToNoticeNumber(o.iuv),
    amountCents: o.amount,
    description: o.description,
    dueDate: dueDateFromWire(o.dueDate),
    retentionDate: instant(o.retentionDate),
    isPartialPayment: o.isPartialPayment,
    feeCents: o.fee,
    notificationFeeCents: o.notificationFee,
    status: o.status,
    paymentDate: instant(o.paymentDate),
    reportingDate: instant(o.reportingDate),
    idReceipt: o.idReceipt,
    idFlowReporting: o.idFlowReporting,
    pspCompany: o.pspCompany,
    transfers: (o.transfer ?? []).map(transferFromWire),
    metadata: metadataFromWire(o.paymentOptionMetadata),
  });
}

function debtorFromWire(p: PositionWire): Debtor | undefined {
  // The get and list answers (PaymentPositionModelBaseResponse) carry no debtor.
  if (p.type === undefined || p.fiscalCode === undefined || p.fullName === undefined) return undefined;
  return defined<Debtor>({
    type: p.type,
    fiscalCode: p.fiscalCode,
    fullName: p.fullName,
    streetName: p.streetName,
    civicNumber: p.civicNumber,
    postalCode: p.postalCode,
    city: p.city,
    province: p.province,
    region: p.region,
    country: p.country,
    email: p.email,
    phone: p.phone,
  });
}

/** @internal Maps a checked position of an answer. */
export function positionFromWire(p: PositionWire, organizationFiscalCode: string): DebtPosition {
  return defined<DebtPosition>({
    organizationFiscalCode: p.organizationFiscalCode ?? organizationFiscalCode,
    iupd: p.iupd,
    debtor: debtorFromWire(p),
    companyName: p.companyName,
    officeName: p.officeName,
    validityDate: instant(p.validityDate),
    // Absent from PaymentPositionModelBaseResponse (get and list): left absent, not guessed.
    switchToExpired: p.switchToExpired,
    payStandIn: p.payStandIn,
    status: p.status,
    paymentDate: instant(p.paymentDate),
    insertedDate: instant(p.insertedDate),
    publishDate: instant(p.publishDate),
    lastUpdatedDate: instant(p.lastUpdatedDate),
    paymentOptions: (p.paymentOption ?? []).map(optionFromWire),
  });
}

/**
 * Throws `ERR_PAGOPA_API_UNEXPECTED_RESPONSE` for a zod failure, naming the path only.
 * @internal
 */
export function unexpectedResponse(error: z.ZodError): never {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  throw new PagoPaError(
    'ERR_PAGOPA_API_UNEXPECTED_RESPONSE',
    `GPD answered with an unexpected body${field ? ` (${field})` : ''}: ${issue?.message ?? 'invalid value'}`,
    { field, cause: error },
  );
}

/**
 * Reads a GPD v1 position answer (create, update, get, publish, invalidate) into a {@link DebtPosition}.
 *
 * @remarks
 * Unknown extra members are ignored; what civico reads must be there with the right type. `null`
 * counts as absent. A due date at 23:59:59 Europe/Rome becomes the calendar date; other date-times
 * are kept (a date-time without offset is read as Rome time and given its offset). Cents, names and
 * `idTransfer` are mapped back to the domain (`transfer` → `transfers`, …). The get answer has no
 * debtor and no `switchToExpired`: `debtor` and `switchToExpired` are then absent.
 *
 * @param body - the parsed JSON body
 * @param organizationFiscalCode - the creditor, used when the answer does not name it
 * @returns the position
 * @throws {@link PagoPaError} `ERR_PAGOPA_API_UNEXPECTED_RESPONSE` (with `field`)
 * @internal
 */
export function debtPositionFromWire(body: unknown, organizationFiscalCode: string): DebtPosition {
  const parsed = safeParseInput(PositionResponseSchema, body);
  if (!parsed.success) unexpectedResponse(parsed.error);
  return positionFromWire(parsed.data, organizationFiscalCode);
}
