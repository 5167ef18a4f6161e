import type { DebtPositionStatus } from '../gpd/lifecycle.js';
import { GpdPositionRequestSchema } from './gpd-position-schema.js';
import type { SandboxPaymentOption, SandboxPosition, SandboxTransfer } from './gpd-store-types.js';

const TAXONOMY = /^(?:[6789]\/\d{7}(?:IM|TS|SP|SA|AP)\/|\d{7}(?:IM|TS|SP|SA|AP))$/;
const DEBTOR_CODE = /^(?:[A-Z0-9]{16}|\d{11})$/;
const ORG_CODE = /^\d{11}$/;

/** What {@link buildSandboxPosition} needs besides the body. @internal */
export interface PositionContext {
  /** Creditor from the path. */
  readonly org: string;
  /** IUPD from the path (update), if any. */
  readonly iupd?: string | undefined;
  /** Clock. */
  readonly now: Date;
  /** Create (validity date must be in the future) or update. */
  readonly operation: 'create' | 'update';
  /** Status to give the new content. */
  readonly status: DebtPositionStatus;
  /** Kept from the stored position on update. */
  readonly insertedDate?: string | undefined;
  /** Kept from the stored position on update. */
  readonly publishDate?: string | undefined;
}

/** Result of {@link buildSandboxPosition}. @internal */
export type PositionBuild =
  | { readonly ok: true; readonly position: SandboxPosition }
  | { readonly ok: false; readonly detail: string };

const fail = (detail: string): PositionBuild => ({ ok: false, detail });

function shapeDetail(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  const path = first ? first.path.map(String).join('.') : '';
  return `Invalid request body: ${path || '(root)'} ${first?.message ?? 'is invalid'}`;
}

/**
 * Checks a create/update body as GPD does (model, amounts congruence, transfers, dates, taxonomy,
 * fiscal codes) and builds the position to store. Messages name fields, never values.
 * @param body - the parsed JSON body
 * @param ctx - creditor, clock, status, dates kept on update
 * @returns the position, or the 400 detail
 * @internal
 */
export function buildSandboxPosition(body: unknown, ctx: PositionContext): PositionBuild {
  const parsed = GpdPositionRequestSchema.safeParse(body);
  if (!parsed.success) return fail(shapeDetail(parsed.error.issues));
  const p = parsed.data;
  if (ctx.iupd !== undefined && p.iupd !== ctx.iupd) return fail('Invalid request body: iupd differs from the path');
  if (!DEBTOR_CODE.test(p.fiscalCode)) return fail('Invalid request body: fiscalCode is not a fiscal code');
  const options = p.paymentOption ?? [];
  if (options.length === 0) return fail('Invalid request body: paymentOption must hold at least one option');
  if (options.filter((o) => !o.isPartialPayment).length > 1) {
    return fail('Invalid request body: at most one payment option may have isPartialPayment false');
  }
  const now = ctx.now.getTime();
  const at = ctx.now.toISOString();
  const validity = p.validityDate === undefined ? undefined : Date.parse(p.validityDate);
  if (validity !== undefined && validity <= now && ctx.operation === 'create') {
    return fail('Dates congruence error: validity date must be in the future');
  }
  const built: SandboxPaymentOption[] = [];
  for (const [i, o] of options.entries()) {
    const where = `paymentOption.${i}`;
    if (!/^\d{17}$/.test(o.iuv)) return fail(`Invalid request body: ${where}.iuv must be 17 digits`);
    if (o.nav !== undefined && !/^\d{18}$/.test(o.nav))
      return fail(`Invalid request body: ${where}.nav must be 18 digits`);
    const due = Date.parse(o.dueDate);
    if (due < (validity ?? now)) {
      return fail(`Dates congruence error: ${where}.dueDate must not precede the validity date or now`);
    }
    if (o.retentionDate !== undefined && Date.parse(o.retentionDate) < due) {
      return fail(`Dates congruence error: ${where}.retentionDate must not precede the due date`);
    }
    const transfers = o.transfer ?? [];
    if (transfers.length < 1 || transfers.length > 5) {
      return fail(`Invalid request body: ${where}.transfer must hold 1 to 5 transfers`);
    }
    if (new Set(transfers.map((t) => t.idTransfer)).size !== transfers.length) {
      return fail(`Invalid request body: ${where}.transfer has a repeated idTransfer`);
    }
    if (transfers.reduce((s, t) => s + t.amount, 0) !== o.amount) {
      return fail(`Amounts congruence error: ${where}.amount differs from the sum of its transfers`);
    }
    const out: SandboxTransfer[] = [];
    for (const [j, t] of transfers.entries()) {
      const tw = `${where}.transfer.${j}`;
      if (!TAXONOMY.test(t.category)) return fail(`Invalid request body: ${tw}.category is not a taxonomy code`);
      if (t.organizationFiscalCode !== undefined && !ORG_CODE.test(t.organizationFiscalCode)) {
        return fail(`Invalid request body: ${tw}.organizationFiscalCode must be 11 digits`);
      }
      const hasIban = t.iban !== undefined;
      if (hasIban === (t.stamp !== undefined)) return fail(`Invalid request body: ${tw} needs an iban or a stamp`);
      if (t.postalIban !== undefined && t.postalIban !== '' && !hasIban) {
        return fail(`Invalid request body: ${tw}.postalIban is allowed only with an iban`);
      }
      if (t.stamp !== undefined && t.stamp.stampType !== '01') {
        return fail(`Invalid request body: ${tw}.stamp.stampType must be 01`);
      }
      out.push({
        idTransfer: t.idTransfer,
        amount: t.amount,
        organizationFiscalCode: t.organizationFiscalCode ?? ctx.org,
        remittanceInformation: t.remittanceInformation,
        category: t.category,
        ...(t.iban !== undefined ? { iban: t.iban } : {}),
        ...(t.postalIban !== undefined && t.postalIban !== '' ? { postalIban: t.postalIban } : {}),
        ...(t.stamp !== undefined ? { stamp: t.stamp } : {}),
        ...(t.companyName !== undefined ? { companyName: t.companyName } : {}),
        transferMetadata: t.transferMetadata ?? [],
        status: 'T_UNREPORTED',
        insertedDate: at,
        lastUpdatedDate: at,
      });
    }
    built.push({
      nav: o.nav ?? `3${o.iuv}`,
      iuv: o.iuv,
      organizationFiscalCode: ctx.org,
      amount: o.amount,
      description: o.description,
      isPartialPayment: o.isPartialPayment,
      dueDate: o.dueDate,
      ...(o.retentionDate !== undefined ? { retentionDate: o.retentionDate } : {}),
      fee: o.fee ?? 0,
      notificationFee: 0,
      insertedDate: at,
      status: 'PO_UNPAID',
      lastUpdatedDate: at,
      paymentOptionMetadata: o.paymentOptionMetadata ?? [],
      transfer: out,
    });
  }
  const { paymentOption: _ignored, payStandIn, ...rest } = p;
  return {
    ok: true,
    position: {
      ...rest,
      organizationFiscalCode: ctx.org,
      payStandIn: payStandIn ?? true,
      status: ctx.status,
      insertedDate: ctx.insertedDate ?? at,
      ...(ctx.publishDate !== undefined ? { publishDate: ctx.publishDate } : {}),
      lastUpdatedDate: at,
      paymentOption: built,
    },
  };
}
