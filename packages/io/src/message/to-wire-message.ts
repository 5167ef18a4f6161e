import type { Message } from './message-input.js';

/**
 * The `NewMessage` body of `POST /messages`, as the IO spec names it.
 * @internal
 */
export interface WireNewMessage {
  readonly fiscal_code: string;
  readonly feature_level_type?: 'STANDARD' | 'ADVANCED';
  readonly content: {
    readonly subject: string;
    readonly markdown: string;
    readonly due_date?: string;
    readonly require_secure_channels?: boolean;
    readonly payment_data?: {
      readonly amount: number;
      readonly notice_number: string;
      readonly invalid_after_due_date?: boolean;
      readonly payee?: { readonly fiscal_code: string };
    };
  };
}

/**
 * Maps a validated message to IO's wire format (snake_case, due date in UTC).
 * @param message - a message from `parseMessage`
 * @internal
 */
export function toWireMessage(message: Message): WireNewMessage {
  const p = message.payment;
  const dueDate = message.dueDate instanceof Date ? message.dueDate.toISOString() : message.dueDate;
  return {
    fiscal_code: message.fiscalCode,
    ...(message.featureLevel ? { feature_level_type: message.featureLevel } : {}),
    content: {
      subject: message.subject,
      markdown: message.markdown,
      ...(dueDate !== undefined ? { due_date: dueDate } : {}),
      ...(message.requireSecureChannels !== undefined
        ? { require_secure_channels: message.requireSecureChannels }
        : {}),
      ...(p
        ? {
            payment_data: {
              amount: p.amountCents,
              notice_number: p.noticeNumber,
              ...(p.invalidAfterDueDate !== undefined ? { invalid_after_due_date: p.invalidAfterDueDate } : {}),
              ...(p.payeeFiscalCode !== undefined ? { payee: { fiscal_code: p.payeeFiscalCode } } : {}),
            },
          }
        : {}),
    },
  };
}
