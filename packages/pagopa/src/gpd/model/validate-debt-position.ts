import { frozenArray, parseOptions, plainObject, safeParseInput } from '@civico/core/internal';
import { z } from 'zod';
import { PagoPaError } from '../../errors.js';
import type { DebtPositionInput } from '../debt-position.js';
import { checkDateFormats, checkDateOrder } from './check-dates.js';
import { checkFiscalCodes, checkIuvAndNav, checkOptionsSet } from './check-identifiers.js';
import { checkTransfers } from './check-transfers.js';
import { type CheckedDebtPosition, DebtPositionInputShape } from './debt-position-schema.js';
import { invalidDebtPosition } from './invalid-debt-position.js';

/**
 * Options of {@link validateDebtPosition}.
 * @group Debt positions
 */
export interface ValidateDebtPositionOptions {
  /** The creditor's fiscal code, 11 digits (a wrong check digit is accepted, e.g. `77777777777`). */
  readonly organizationFiscalCode: string;
  /** Segregation codes (2 digits each) the IUVs may start with; any when absent. */
  readonly segregationCodes?: readonly string[] | undefined;
  /** `create` (default) also requires a future `validityDate`; `update` does not. */
  readonly operation?: 'create' | 'update' | undefined;
  /** The current instant for the date rules (default: the system clock). */
  readonly now?: Date | undefined;
}

const OptionsSchema = plainObject(
  z.strictObject({
    organizationFiscalCode: z.string().regex(/^\d{11}$/, { message: 'must have 11 digits' }),
    segregationCodes: frozenArray(z.string().regex(/^\d{2}$/, { message: 'must have 2 digits' }), {
      min: 1,
    }).optional(),
    operation: z.enum(['create', 'update']).optional(),
    now: z
      .date()
      .refine((d) => !Number.isNaN(d.getTime()), { message: 'must be a valid Date' })
      .optional(),
  }),
);

/** @internal The checked options. */
export type CheckedValidateOptions = z.output<typeof OptionsSchema>;

function shapeField(issue: z.core.$ZodIssue): string | undefined {
  const path = issue.path.map(String);
  // An unknown key is reported on its parent: name the key itself.
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  return path.length > 0 ? path.join('.') : undefined;
}

/**
 * Runs every rule and returns the zod copy of the input (getters read once).
 * @internal
 */
export function checkDebtPosition(input: unknown, options: ValidateDebtPositionOptions): CheckedDebtPosition {
  const config = parseOptions(OptionsSchema, options, PagoPaError, 'ERR_PAGOPA_INVALID_CONFIG');
  const parsed = safeParseInput(DebtPositionInputShape, input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    invalidDebtPosition(
      'shape',
      issue ? shapeField(issue) : undefined,
      issue?.message ?? 'invalid value',
      parsed.error,
    );
  }
  const position = parsed.data;
  checkFiscalCodes(position);
  checkDateFormats(position);
  checkIuvAndNav(position, config.segregationCodes);
  checkTransfers(position);
  checkOptionsSet(position);
  // Edge default: the clock is read only when the caller gives no `now`.
  checkDateOrder(position, config.operation ?? 'create', (config.now ?? new Date()).getTime());
  return position;
}

/**
 * Checks a debt position the way GPD does before sending it.
 *
 * @remarks
 * Mirrors the platform's validation (pagoPA GPD 5.4) so that a position is refused locally, with the
 * offending `field` (a dotted path such as `paymentOptions.0.transfers.1.iban`) and a machine-readable
 * `rule`, instead of as a 400 from GPD. Rules, in the order they are checked:
 *
 * - `shape`: missing or unknown fields, wrong types, the length limits of gpd.json (texts ≤ 140,
 *   `iupd` ≤ 35, ≤ 10 metadata pairs, 1–100 payment options, integer cents ≥ 1);
 * - `fiscal-code`: the debtor's 16-character codice fiscale (upper case) or 11 digits; transfers'
 *   creditor codes 11 digits (check digit not enforced);
 * - `date-offset`: a date-time without `Z` or offset (`dueDate` may also be a calendar date;
 *   `validityDate` and `retentionDate` are date-times; a value that is no date at all is `shape`);
 * - `segregation-code`: 17-digit IUV, starting with one of `segregationCodes` when given;
 * - `notice-number`: a given `nav` equals `3` + IUV;
 * - `transfer-count`: 1–5 transfers, `idTransfer` 1–5 and unique;
 * - `transfer-account`: an IBAN (checked by `@civico/core`) or a digital stamp, not both; a postal
 *   IBAN only with an IBAN;
 * - `taxonomy`: `^[6789]/\d{7}(IM|TS|SP|SA|AP)/$` or the bare `\d{7}(IM|TS|SP|SA|AP)`;
 * - `transfer-sum`: the transfers add up to the option's amount;
 * - `duplicate-iuv`: no IUV or notice number twice; `instalments`: at most one option with
 *   `isPartialPayment: false`;
 * - `date-order`: on create `validityDate` in the future; `dueDate` not before `validityDate` (or
 *   now); `retentionDate` not before `dueDate`. A calendar-date `dueDate` means 23:59:59 in Rome.
 *
 * Messages name the field and the rule, never the value. GPD also checks that each IBAN is registered
 * for the creditor: only the platform can.
 *
 * @param input - the candidate {@link DebtPositionInput} (anything is accepted and checked)
 * @param options - the creditor, allowed segregation codes, `create` or `update`, the current instant
 * @returns nothing: `input` is a valid {@link DebtPositionInput} when it returns
 * @throws {@link PagoPaError} `ERR_PAGOPA_INVALID_DEBT_POSITION` with `rule` and `field`;
 *   `ERR_PAGOPA_INVALID_CONFIG` (with `field`) for bad `options`.
 * @example
 * ```ts
 * import { type DebtPositionInput, PagoPaError, validateDebtPosition } from '@civico/pagopa';
 * const position: DebtPositionInput = {
 *   iupd: '01199250158-0001',
 *   debtor: { type: 'F', fiscalCode: 'RSSMRA80A01H501U', fullName: 'Mario Rossi' },
 *   companyName: 'Comune di Milano',
 *   switchToExpired: false,
 *   paymentOptions: [{
 *     iuv: '12345678901234545', amountCents: 15000, description: 'TARI 2026', dueDate: '2026-12-31',
 *     isPartialPayment: false,
 *     transfers: [{ idTransfer: 1, amountCents: 15000, remittanceInformation: 'TARI 2026',
 *       category: '9/0101101IM/', iban: 'IT60X0542811101000000123456' }],
 *   }],
 * };
 * try {
 *   validateDebtPosition(position, { organizationFiscalCode: '01199250158', now: new Date('2026-06-01T00:00:00Z') });
 * } catch (err) {
 *   if (PagoPaError.isInstance(err)) console.error(err.rule, err.field);
 * }
 * ```
 * @group Debt positions
 */
export function validateDebtPosition(input: unknown, options: ValidateDebtPositionOptions): void {
  checkDebtPosition(input, options);
}
