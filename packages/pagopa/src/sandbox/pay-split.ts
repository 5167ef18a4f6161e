import type { SandboxPaymentOption } from './gpd-store-types.js';

/**
 * Spreads a paid amount over the transfers of an option: each transfer gets its own amount, and
 * the difference between the amount paid and the option's amount goes to the first transfer of the
 * position's creditor (the first transfer if none is).
 *
 * @remarks
 * A payment of another amount than the option's only happens in the sandbox, to produce the
 * `overpaid` and `partial` cases of reconciliation. Every transfer must keep at least 1 cent.
 * @param option - the option paid
 * @param amountCents - the amount paid
 * @returns the cents credited to each transfer (order of `option.transfer`), or `undefined` when
 *   the amount would leave a transfer under 1 cent
 * @internal
 */
export function splitPaidAmount(option: SandboxPaymentOption, amountCents: number): number[] | undefined {
  const amounts = option.transfer.map((t) => t.amount);
  const own = option.transfer.findIndex((t) => t.organizationFiscalCode === option.organizationFiscalCode);
  const target = Math.max(own, 0);
  const sum = amounts.reduce((a, b) => a + b, 0);
  const adjusted = (amounts[target] ?? 0) + (amountCents - sum);
  if (amounts.length === 0 || adjusted < 1) return undefined;
  amounts[target] = adjusted;
  return amounts;
}
