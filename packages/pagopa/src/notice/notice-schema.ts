import { plainObject, readFields, upperAscii } from '@civico/core/internal';
import { z } from 'zod';
import { PagoPaError } from '../errors.js';
import { checkLogo } from '../logo/check-logo.js';
import { isUint8Array } from '../logo/is-uint8-array.js';
import type { Notice, NoticeCreditorInfo, NoticeInput } from './notice.js';
import { AmountCentsSchema, DueDateSchema, type FieldOptions, textField } from './notice-fields.js';
import {
  DebtorFiscalCodeFieldSchema,
  EcFiscalCodeFieldSchema,
  NoticeNumberFieldSchema,
  PostalAccountFieldSchema,
} from './notice-identifiers.js';
import {
  NOTICE_TEXT_LIMITS as L,
  MAX_NOTICE_AMOUNT_CENTS,
  MAX_NOTICE_INSTALMENTS,
  MAX_POSTAL_AMOUNT_CENTS,
} from './notice-limits.js';

const INFO_SEPARATOR = ' · ';

function creditorSchema(o: FieldOptions) {
  return plainObject(
    z
      .object({
        fiscalCode: EcFiscalCodeFieldSchema,
        name: textField(L.creditorName, o),
        sector: textField(L.creditorSector, o).optional(),
        info: plainObject(
          z
            .object({
              address: textField(L.creditorInfo, o).optional(),
              phone: textField(L.creditorInfo, o).optional(),
              email: textField(L.creditorInfo, o).optional(),
              pec: textField(L.creditorInfo, o).optional(),
              website: textField(L.creditorInfo, o).optional(),
            })
            .strict(),
        ).optional(),
        logo: z
          .custom<Uint8Array>(isUint8Array, 'must be the bytes of a PNG, JPEG or SVG image')
          .superRefine((bytes, ctx) => {
            // Every logo is checked here, before pdfkit or svg-to-pdfkit sees a byte of it.
            const check = checkLogo(bytes);
            if (!check.ok) ctx.addIssue({ code: 'custom', message: check.reason });
          })
          .optional(),
        cbill: z
          .string()
          // Length first: upper-casing a megabyte string before refusing it took hundreds of milliseconds.
          .max(16, 'must be 1 to 16 letters or digits')
          .transform(upperAscii)
          .refine((value) => /^[A-Z0-9]{1,16}$/.test(value), 'must be 1 to 16 letters or digits')
          .optional(),
        postal: plainObject(
          z
            .object({
              account: PostalAccountFieldSchema,
              holder: textField(L.postalHolder, o).optional(),
              authorization: textField(L.postalAuthorization, o).optional(),
            })
            .strict(),
        ).optional(),
      })
      .strict()
      .superRefine((creditor, ctx) => {
        const info = joinCreditorInfo(creditor.info);
        if (!o.truncate && info !== undefined && Array.from(info).length > L.creditorInfo) {
          ctx.addIssue({ code: 'custom', path: ['info'], message: `must be at most ${L.creditorInfo} characters` });
        }
        if (
          creditor.postal &&
          creditor.postal.holder === undefined &&
          Array.from(creditor.name).length > L.postalHolder
        ) {
          ctx.addIssue({
            code: 'custom',
            path: ['postal', 'holder'],
            message: `is required when the name exceeds ${L.postalHolder} characters`,
          });
        }
      }),
  );
}

/** @internal Joins the creditor's info items as printed (`ENTE.INFO`). */
export function joinCreditorInfo(info: NoticeCreditorInfo | undefined): string | undefined {
  if (!info) return undefined;
  const items = [info.address, info.phone, info.email, info.pec, info.website].filter((v) => v !== undefined);
  return items.length > 0 ? items.join(INFO_SEPARATOR) : undefined;
}

function debtorSchema(o: FieldOptions) {
  return plainObject(
    z
      .object({
        fiscalCode: DebtorFiscalCodeFieldSchema.optional(),
        name: textField(L.debtorName, o),
        address: plainObject(
          z
            .object({
              street: textField(L.debtorAddress, o),
              buildingNumber: textField(20, o).optional(),
              postalCode: z
                .string()
                .refine((value) => /^\d{5}$/.test(value), 'must be a 5-digit CAP')
                .optional(),
              city: textField(L.debtorAddress, o).optional(),
              province: z
                .string()
                .max(2, 'must be a 2-letter province code')
                .transform(upperAscii)
                .refine((value) => /^[A-Z]{2}$/.test(value), 'must be a 2-letter province code')
                .optional(),
            })
            .strict(),
        ).optional(),
      })
      .strict()
      .superRefine((debtor, ctx) => {
        const a = debtor.address;
        if (!o.truncate && a) {
          const length = [a.street, a.buildingNumber, a.postalCode, a.city, a.province].join(' ').length;
          if (length > L.debtorAddress) {
            ctx.addIssue({
              code: 'custom',
              path: ['address'],
              message: `must be at most ${L.debtorAddress} characters`,
            });
          }
        }
      }),
  );
}

const PaymentOptionSchema = z
  .object({
    noticeNumber: NoticeNumberFieldSchema,
    amountCents: AmountCentsSchema,
    dueDate: DueDateSchema.optional(),
  })
  .strict();

const InstalmentSchema = z
  .object({ noticeNumber: NoticeNumberFieldSchema, amountCents: AmountCentsSchema, dueDate: DueDateSchema })
  .strict();

const PaymentSchema = z.discriminatedUnion('kind', [
  PaymentOptionSchema.extend({ kind: z.literal('single') }).strict(),
  z
    .object({
      kind: z.literal('instalments'),
      instalments: z
        .array(plainObject(InstalmentSchema))
        .min(2, 'must list at least 2 instalments')
        .max(MAX_NOTICE_INSTALMENTS, `must list at most ${MAX_NOTICE_INSTALMENTS} instalments`),
      singleOption: plainObject(PaymentOptionSchema).optional(),
    })
    .strict()
    .superRefine((payment, ctx) => {
      const total = payment.instalments.reduce((sum, i) => sum + i.amountCents, 0);
      if (total > MAX_NOTICE_AMOUNT_CENTS) {
        ctx.addIssue({ code: 'custom', path: ['instalments'], message: 'total must be at most 999.999.999,99 €' });
      }
      const seen = new Set<string>(payment.singleOption ? [payment.singleOption.noticeNumber] : []);
      payment.instalments.forEach((instalment, index) => {
        if (seen.has(instalment.noticeNumber)) {
          ctx.addIssue({
            code: 'custom',
            path: ['instalments', index, 'noticeNumber'],
            message: 'must differ from every other notice number of the notice',
          });
        }
        seen.add(instalment.noticeNumber);
      });
    }),
]);

/**
 * The zod type of {@link NoticeSchema}: parses a {@link NoticeInput} into a normalised {@link Notice}.
 * @group Schemas
 */
export type NoticeZodSchema = z.ZodType<Notice, NoticeInput>;

/**
 * Builds the notice schema; with `truncate: true` over-long texts are shortened instead of rejected.
 * @param options - `truncate`: shorten texts over {@link NOTICE_TEXT_LIMITS} with an ellipsis
 * @returns a zod schema whose output is a {@link Notice}
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_CONFIG` (`field: 'options.truncate'`) when `options` cannot be
 *   read (a getter or Proxy that throws).
 * @example
 * ```ts
 * import { createNoticeSchema } from '@civico/pagopa';
 * const LenientNoticeSchema = createNoticeSchema({ truncate: true });
 * ```
 * @group Schemas
 */
export function createNoticeSchema(options: { readonly truncate?: boolean | undefined } = {}): NoticeZodSchema {
  const { truncate } = readFields(options, ['truncate'], PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG', { path: 'options' });
  const o: FieldOptions = { truncate: truncate === true };
  return plainObject(
    z
      .object({
        subject: textField(L.subject, o),
        creditor: creditorSchema(o),
        debtor: debtorSchema(o),
        payment: PaymentSchema,
      })
      .strict()
      .superRefine((notice, ctx) => {
        // Poste Data Matrix: the amount field has 10 digits (≤ 99.999.999,99 €).
        if (!notice.creditor.postal) return;
        const p = notice.payment;
        const options: [(string | number)[], number][] = [];
        if (p.kind === 'single') options.push([['payment', 'amountCents'], p.amountCents]);
        else {
          if (p.singleOption) options.push([['payment', 'singleOption', 'amountCents'], p.singleOption.amountCents]);
          p.instalments.forEach((r, i) => {
            options.push([['payment', 'instalments', i, 'amountCents'], r.amountCents]);
          });
        }
        for (const [path, cents] of options) {
          if (cents > MAX_POSTAL_AMOUNT_CENTS) {
            ctx.addIssue({ code: 'custom', path, message: 'must be at most 99.999.999,99 € on a Poste slip' });
          }
        }
      }),
  );
}

/**
 * Schema of a payment notice (avviso di pagamento): creditor, debtor, subject and either a single payment
 * or instalments with an optional single-payment option.
 *
 * @remarks
 * Amounts are integer cents (1 to 999.999.999,99 €); notice numbers are 18 digits with aux digit 0–3
 * (spaces allowed); fiscal codes, postal account, CAP and dates are checked; texts are trimmed, single-line and
 * within {@link NOTICE_TEXT_LIMITS}. Use {@link parseNotice} to get a typed {@link PagoPaError} instead of a `ZodError`.
 * @group Schemas
 */
export const NoticeSchema: NoticeZodSchema = createNoticeSchema();
