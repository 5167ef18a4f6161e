import { PagoPaError } from '../errors.js';
import type { FlowLineSource } from './flow-types.js';
import { formatInstant } from './format-instant.js';
import type { GpdStore, SandboxPosition, SandboxTransfer } from './gpd-store-types.js';
import { parsePayInput } from './pay-input.js';
import { splitPaidAmount } from './pay-split.js';
import { type PaymentsState, receiptKey } from './pay-state.js';
import { buildReceiptXml } from './receipts-xml.js';
import type { GpdSandboxReceipt } from './sandbox-extension.js';

/**
 * PSP id of a sandbox payment that names none (its name is `PSP <id>`); the flows it ends up in
 * are named `<YYYY-MM-DD>88888888888-<progressive>`.
 * @example
 * ```ts
 * import { GPD_SANDBOX_DEFAULT_PSP_ID } from '@civico/pagopa/sandbox';
 * const todaysFirstFlow = `2026-03-04${GPD_SANDBOX_DEFAULT_PSP_ID}-0000001`;
 * ```
 * @group Sandbox
 */
export const GPD_SANDBOX_DEFAULT_PSP_ID = '88888888888';

/**
 * What {@link payOption} works on.
 * @internal
 */
export interface PayContext {
  /** Receipts, flows, counters. */
  readonly state: PaymentsState;
  /** The debt positions. */
  readonly store: GpdStore;
  /** The sandbox clock. */
  readonly now: () => Date;
}

/** Name of the beneficiary of a transfer. */
function beneficiaryName(p: SandboxPosition, t: SandboxTransfer): string {
  if (t.companyName) return t.companyName;
  return t.organizationFiscalCode === p.organizationFiscalCode ? p.companyName : `Ente ${t.organizationFiscalCode}`;
}

/**
 * Pays an option of a debt position as a PSP would: marks it paid in the store, issues the receipt
 * (`paSendRTV2Request` XML) and queues its transfers for the reporting flows.
 *
 * @remarks
 * The option is found by creditor + NAV or IUV. Only options of VALID or PARTIALLY_PAID positions
 * that are still PO_UNPAID are payable (the full option only while nothing is paid). An amount other
 * than the option's (sandbox only) moves the difference onto the creditor's first transfer. Receipt
 * ids are `<YYYYMMDD><sequence of 10 digits>`, unique within the sandbox.
 * @param ctx - state, store, clock
 * @param input - a `GpdSandboxPayInput`, unchecked
 * @returns the receipt
 * @throws PagoPaError `ERR_PAGOPA_INVALID_FISCAL_CODE`, `_INVALID_NOTICE_NUMBER`, `_INVALID_AMOUNT`,
 *   `_INVALID_DATE`, `_INVALID_CONFIG` (bad input, `field`; `status` 400); `ERR_PAGOPA_API_NOT_FOUND`
 *   (no such option, 404); `ERR_PAGOPA_INVALID_TRANSITION` rule `already-paid` or `not-payable` (409).
 * @internal
 */
export function payOption(ctx: PayContext, input: unknown): GpdSandboxReceipt {
  const checked = parsePayInput(input);
  if (!checked.ok) {
    throw new PagoPaError(checked.code, `The payment's ${checked.field} is not valid`, {
      field: checked.field,
      status: 400,
    });
  }
  const v = checked.value;
  const org = v.organizationFiscalCode;
  const ref = v.nav !== undefined ? { nav: v.nav } : { iuv: v.iuv };
  const found = ctx.store.findOption(org, ref);
  if (!found) {
    throw new PagoPaError('ERR_PAGOPA_API_NOT_FOUND', 'No payment option with that notice number', {
      status: 404,
      rule: 'not-found',
      outcome: 'rejected',
    });
  }
  const amountCents = v.amountCents ?? found.option.amount;
  const transferAmounts = splitPaidAmount(found.option, amountCents);
  if (!transferAmounts) {
    throw new PagoPaError('ERR_PAGOPA_INVALID_AMOUNT', 'The amount would leave a transfer without money', {
      field: 'amountCents',
      status: 400,
    });
  }
  const paidAt = v.paidAt !== undefined ? new Date(v.paidAt) : ctx.now();
  const paidAtText = formatInstant(paidAt);
  const pspId = v.pspId ?? GPD_SANDBOX_DEFAULT_PSP_ID;
  const pspName = `PSP ${pspId}`;
  const seq = ctx.state.receiptSeq + 1;
  const receiptId = `${paidAtText.slice(0, 10).replaceAll('-', '')}${String(seq).padStart(10, '0')}`;
  const marked = ctx.store.markPaid(org, ref, {
    paymentDate: paidAtText,
    idReceipt: receiptId,
    pspCompany: pspName,
    paymentMethod: 'CP',
  });
  if (!marked.ok) {
    if (marked.reason === 'not-found') {
      throw new PagoPaError('ERR_PAGOPA_API_NOT_FOUND', 'No payment option with that notice number', {
        status: 404,
        rule: 'not-found',
        outcome: 'rejected',
      });
    }
    throw new PagoPaError('ERR_PAGOPA_INVALID_TRANSITION', 'The payment option is not payable', {
      status: 409,
      rule: marked.reason,
      outcome: 'rejected',
    });
  }
  ctx.state.receiptSeq = seq;
  const { position, option } = marked;
  const receipt: GpdSandboxReceipt = {
    receiptId,
    iuv: option.iuv,
    nav: option.nav,
    amountCents,
    pspId,
    paidAt: paidAtText,
  };
  const lines: FlowLineSource[] = option.transfer.map((t, i) => ({
    organizationFiscalCode: t.organizationFiscalCode,
    organizationName: beneficiaryName(position, t),
    positionOrganizationFiscalCode: org,
    pspId,
    pspName,
    iban: t.iban,
    iuv: option.iuv,
    iur: receiptId,
    idTransfer: Number(t.idTransfer),
    amountCents: transferAmounts[i] ?? t.amount,
    paidAt: paidAtText,
  }));
  const xml = buildReceiptXml({ position, option, receiptId, pspId, pspName, paidAt, amountCents, transferAmounts });
  ctx.state.receipts.set(receiptKey(org, option.iuv), {
    receipt,
    organizationFiscalCode: org,
    iupd: position.iupd,
    debtorFiscalCode: position.fiscalCode,
    xml,
    lines,
    reported: new Set(),
  });
  return receipt;
}
