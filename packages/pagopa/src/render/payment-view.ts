import type { Notice } from '../notice/notice.js';
import type { PaymentCodes } from './draw-codes.js';
import { formatCents, formatDate, groupNoticeNumber } from './format.js';

/** @internal One payable option (the single payment or one instalment), formatted for print. */
export interface PaymentView extends PaymentCodes {
  /** 1-based instalment number, `undefined` for the single payment. */
  readonly instalment: number | undefined;
  /** `1.500,00`. */
  readonly amountText: string;
  /** `dd/mm/yyyy`, `undefined` without a due date. */
  readonly dueText: string | undefined;
  /** Notice number in groups of 4. */
  readonly noticeText: string;
}

function view(
  notice: Notice,
  option: { noticeNumber: string; amountCents: number; dueDate?: string | undefined },
  instalment: number | undefined,
): PaymentView {
  return {
    noticeNumber: option.noticeNumber,
    ecFiscalCode: notice.creditor.fiscalCode,
    amountCents: option.amountCents,
    instalment,
    amountText: formatCents(option.amountCents),
    dueText: option.dueDate === undefined ? undefined : formatDate(option.dueDate),
    noticeText: groupNoticeNumber(option.noticeNumber),
  };
}

/** @internal The single-payment option of a notice, if any. */
export function singleView(notice: Notice): PaymentView | undefined {
  const { payment } = notice;
  if (payment.kind === 'single') return view(notice, payment, undefined);
  return payment.singleOption ? view(notice, payment.singleOption, undefined) : undefined;
}

/** @internal The instalments of a notice (empty for a single payment). */
export function instalmentViews(notice: Notice): PaymentView[] {
  const { payment } = notice;
  if (payment.kind === 'single') return [];
  return payment.instalments.map((instalment, i) => view(notice, instalment, i + 1));
}

/** @internal "Rata unica entro il …" / "Rata 2 entro …" labels of the band titles. */
export function optionTitle(option: PaymentView, withIl: boolean): string {
  const name = option.instalment === undefined ? 'Rata unica' : `Rata ${option.instalment}`;
  if (option.dueText === undefined) return name;
  return `${name} entro${withIl ? ' il' : ''} ${option.dueText}`;
}
