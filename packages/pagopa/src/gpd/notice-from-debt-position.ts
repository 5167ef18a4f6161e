import { readFields } from '@civico/core/internal';
import { PagoPaError } from '../errors.js';
import type {
  Notice,
  NoticeAddress,
  NoticeCreditor,
  NoticeDebtor,
  NoticeInstalment,
  NoticePaymentOption,
} from '../notice/notice.js';
import { NOTICE_TEXT_LIMITS } from '../notice/notice-limits.js';
import { parseNotice } from '../notice/parse-notice.js';
import type { DebtPosition, DebtPositionInput } from './debt-position.js';
import { romeCalendarDate } from './notice-from-debt-position-dates.js';

/**
 * Options of {@link noticeFromDebtPosition}.
 * @group Notice
 */
export interface NoticeFromDebtPositionOptions {
  /**
   * Object of the payment (`AVVISO.OGGETTO`, ≤ 90 characters). Default: the description of the
   * option paying the whole amount; required when the position has only instalments.
   */
  readonly subject?: string | undefined;
}

interface OptionSnapshot {
  readonly iuv: unknown;
  readonly nav: unknown;
  readonly amountCents: unknown;
  readonly description: unknown;
  readonly dueDate: unknown;
  readonly isPartialPayment: unknown;
  readonly index: number;
}

const invalid = (field: string, rule: string, message: string): PagoPaError =>
  new PagoPaError('ERR_PAGOPA_INVALID_DEBT_POSITION', `Invalid ${field}: ${message}`, { field, rule });

/** GPD's bound on a position's payment options (gpd.json `paymentOption` maxItems). */
const MAX_OPTIONS = 100;

/** `value[index]`, where a getter or Proxy trap that throws is a typed shape error, not its own. */
function elementOf(value: readonly unknown[], index: number): unknown {
  try {
    return value[index];
  } catch (cause) {
    const field = `paymentOptions.${index}`;
    throw new PagoPaError('ERR_PAGOPA_INVALID_DEBT_POSITION', `Invalid ${field}: cannot be read`, {
      cause,
      field,
      rule: 'shape',
    });
  }
}

function readOptions(value: unknown): OptionSnapshot[] {
  let length: unknown;
  try {
    length = Array.isArray(value) ? value.length : undefined;
  } catch {
    length = undefined;
  }
  if (typeof length !== 'number' || length === 0) {
    throw invalid('paymentOptions', 'shape', 'must be a non-empty array');
  }
  if (length > MAX_OPTIONS) throw invalid('paymentOptions', 'shape', `must have at most ${MAX_OPTIONS} options`);
  return Array.from({ length }, (_, index) => {
    const option = elementOf(value as unknown[], index);
    const o = readFields(
      option,
      ['iuv', 'nav', 'amountCents', 'description', 'dueDate', 'isPartialPayment'],
      PagoPaError,
      'ERR_PAGOPA_INVALID_DEBT_POSITION',
      { path: `paymentOptions.${index}` },
    );
    return { ...o, index } as OptionSnapshot;
  });
}

function paymentOf(option: OptionSnapshot): NoticePaymentOption & { dueDate: string } {
  const field = `paymentOptions.${option.index}`;
  // GPD v1: the NAV of a position is '3' + IUV unless the creditor gave its own.
  const nav = option.nav ?? (typeof option.iuv === 'string' ? `3${option.iuv}` : undefined);
  if (typeof nav !== 'string') throw invalid(`${field}.iuv`, 'shape', 'must be a 17-digit string');
  return {
    noticeNumber: nav,
    amountCents: option.amountCents as number,
    dueDate: romeCalendarDate(option.dueDate, `${field}.dueDate`),
  };
}

function debtorOf(value: unknown): NoticeDebtor {
  if (value === undefined)
    throw invalid(
      'debtor',
      'shape',
      'is required (get and list answers omit it: use the position createPosition or updatePosition returned, or the input)',
    );
  const d = readFields(
    value,
    ['fiscalCode', 'fullName', 'streetName', 'civicNumber', 'postalCode', 'city', 'province', 'country'],
    PagoPaError,
    'ERR_PAGOPA_INVALID_DEBT_POSITION',
    { path: 'debtor' },
  );
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const street = text(d.streetName);
  let address: NoticeAddress | undefined;
  if (street !== undefined) {
    const postal = text(d.postalCode);
    const province = text(d.province);
    const country = text(d.country)?.toUpperCase();
    // The notice prints an Italian address (5-digit CAP, 2-letter province): anything else goes with the city.
    const italianCap = postal !== undefined && /^\d{5}$/.test(postal);
    const italianProvince = province !== undefined && /^[A-Za-z]{2}$/.test(province) && (country ?? 'IT') === 'IT';
    const cityParts = [
      italianCap ? undefined : postal,
      text(d.city),
      italianProvince ? undefined : province,
      country !== undefined && country !== 'IT' ? country : undefined,
    ].filter((p) => p !== undefined);
    address = {
      street,
      buildingNumber: text(d.civicNumber),
      postalCode: italianCap ? postal : undefined,
      city: cityParts.length > 0 ? cityParts.join(' ') : undefined,
      province: italianProvince ? province : undefined,
    };
  }
  return { fiscalCode: d.fiscalCode as string, name: d.fullName as string, address };
}

function subjectOf(given: unknown, full: OptionSnapshot | undefined): string {
  if (given !== undefined) return given as string;
  if (full === undefined) {
    throw new PagoPaError(
      'ERR_PAGOPA_INVALID_NOTICE',
      'Invalid subject: required when no option pays the whole amount',
      {
        field: 'subject',
      },
    );
  }
  const description = full.description;
  if (typeof description === 'string' && Array.from(description.trim()).length > NOTICE_TEXT_LIMITS.subject) {
    throw new PagoPaError(
      'ERR_PAGOPA_TEXT_TOO_LONG',
      `Invalid paymentOptions.${full.index}.description: over ${NOTICE_TEXT_LIMITS.subject} characters for the notice subject; pass options.subject`,
      { field: `paymentOptions.${full.index}.description` },
    );
  }
  return description as string;
}

function paymentPlan(options: readonly OptionSnapshot[]): {
  notice: Notice['payment'];
  full: OptionSnapshot | undefined;
} {
  if (options.length === 1) {
    const only = options[0] as OptionSnapshot;
    return { notice: { kind: 'single', ...paymentOf(only) }, full: only };
  }
  const fulls = options.filter((o) => o.isPartialPayment === false);
  if (fulls.length > 1) throw invalid('paymentOptions', 'instalments', 'at most one option may pay the whole amount');
  const parts = options.filter((o) => o.isPartialPayment !== false);
  if (parts.length < 2) throw invalid('paymentOptions', 'instalments', 'a notice needs 2 or more instalments');
  // Printed in due-date order (stable: equal dates keep the position's order).
  const instalments: NoticeInstalment[] = parts.map(paymentOf).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const full = fulls[0];
  return { notice: { kind: 'instalments', instalments, singleOption: full ? paymentOf(full) : undefined }, full };
}

/**
 * Builds the payment notice (avviso di pagamento) of a debt position, ready for {@link renderNotice}.
 *
 * @remarks
 * One option gives a single-payment notice; several give an instalment notice whose "Rata unica" is the
 * option with `isPartialPayment: false`, if any, and whose instalments are the others in due-date order.
 * Each notice number is the option's `nav`, by default `3` + IUV. Due dates become calendar dates in
 * Europe/Rome (a date-time `2024-12-31T23:30:00Z` is due on `2025-01-01`). The debtor comes from
 * `position.debtor`; a non-Italian postal code, province or country is printed with the city. The subject
 * defaults to the description of the full-payment option. When `position` is a stored
 * {@link DebtPosition}, `creditor.fiscalCode` must be its `organizationFiscalCode` (the QR code pays that
 * creditor). The result is checked and normalised with {@link parseNotice}. Option statuses are not
 * looked at: a notice can be printed again after a payment.
 * @param position - a debt position as sent to GPD or as read back
 * @param creditor - the creditor as printed (name, sector, logo, CBILL, postal account)
 * @param options - {@link NoticeFromDebtPositionOptions}
 * @returns the normalised {@link Notice}
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_DEBT_POSITION` (`rule: 'shape'`: no options or no
 * `debtor`, e.g. a position from a list answer; `rule: 'instalments'`: two full-payment options, or one
 * instalment only); `ERR_PAGOPA_TEXT_TOO_LONG` when the default subject exceeds 90 characters;
 * `ERR_PAGOPA_INVALID_NOTICE` (`field: 'subject'`) when there is no full-payment option and no
 * `options.subject`; `ERR_PAGOPA_INVALID_FISCAL_CODE` (`field: 'creditor.fiscalCode'`, `rule:
 * 'creditor-mismatch'`); `ERR_PAGOPA_INVALID_DATE` for a due date in neither form; any code of
 * {@link parseNotice} for what the notice cannot carry; `ERR_PAGOPA_INVALID_CONFIG` when `options` cannot be read.
 * @example
 * ```ts
 * import { noticeFromDebtPosition, renderNotice, type DebtPositionInput } from '@civico/pagopa';
 * declare const position: DebtPositionInput;
 * const notice = noticeFromDebtPosition(position, { fiscalCode: '01199250158', name: 'Comune di Test' });
 * const pdf: Uint8Array = await renderNotice(notice);
 * ```
 * @group Notice
 */
export function noticeFromDebtPosition(
  position: DebtPosition | DebtPositionInput,
  creditor: NoticeCreditor,
  options: NoticeFromDebtPositionOptions = {},
): Notice {
  const { subject } = readFields(options, ['subject'], PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG', { path: 'options' });
  const p = readFields(
    position,
    ['debtor', 'paymentOptions', 'organizationFiscalCode'],
    PagoPaError,
    'ERR_PAGOPA_INVALID_DEBT_POSITION',
  );
  const c = readFields(creditor, ['fiscalCode'], PagoPaError, 'ERR_PAGOPA_INVALID_NOTICE', { path: 'creditor' });
  if (
    typeof p.organizationFiscalCode === 'string' &&
    typeof c.fiscalCode === 'string' &&
    c.fiscalCode.trim() !== p.organizationFiscalCode
  ) {
    throw new PagoPaError(
      'ERR_PAGOPA_INVALID_FISCAL_CODE',
      "Invalid creditor.fiscalCode: differs from the position's organizationFiscalCode",
      { field: 'creditor.fiscalCode', rule: 'creditor-mismatch' },
    );
  }
  const plan = paymentPlan(readOptions(p.paymentOptions));
  const notice: Notice = {
    subject: subjectOf(subject, plan.full),
    creditor,
    debtor: debtorOf(p.debtor),
    payment: plan.notice,
  };
  return parseNotice(notice);
}
