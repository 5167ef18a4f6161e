import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREDITOR, NOW, option, position } from '../../../test/gpd-model-fixtures.js';
import { PagoPaError } from '../../errors.js';
import { debtPositionFromWire } from './debt-position-from-wire.js';
import { debtPositionToWire } from './debt-position-to-wire.js';
import { debtPositionsPageFromWire } from './debt-positions-page-from-wire.js';
import { validateDebtPosition } from './validate-debt-position.js';

const options = { organizationFiscalCode: CREDITOR, now: NOW };

/** Runs `f` and tells whether it returned or threw a PagoPaError (anything else fails the test). */
function typed(f: () => unknown): boolean {
  try {
    f();
    return true;
  } catch (err) {
    if (!PagoPaError.isInstance(err)) throw err;
    return false;
  }
}

/** A valid position with one member replaced by an arbitrary value. */
const mutated = fc
  .tuple(
    fc.constantFrom(
      ['iupd'],
      ['debtor'],
      ['debtor', 'fiscalCode'],
      ['paymentOptions'],
      ['paymentOptions', 0, 'dueDate'],
      ['paymentOptions', 0, 'transfers'],
      ['paymentOptions', 0, 'transfers', 0, 'iban'],
      ['paymentOptions', 0, 'transfers', 0, 'stamp'],
    ),
    fc.anything(),
  )
  .map(([path, value]) => {
    const root = JSON.parse(JSON.stringify(position())) as Record<string | number, unknown>;
    let at = root;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    at[path[path.length - 1] as string] = value;
    return root;
  });

describe('GPD model on hostile input', () => {
  it('validateDebtPosition and debtPositionToWire only ever throw PagoPaError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), mutated), (input) => {
        const ok = typed(() => validateDebtPosition(input, options));
        expect(typed(() => debtPositionToWire(input as never, options))).toBe(ok);
      }),
      { seed: 1_104, numRuns: 400 },
    );
  });

  it('debtPositionFromWire and debtPositionsPageFromWire only ever throw PagoPaError', () => {
    fc.assert(
      fc.property(fc.anything(), (body) => {
        typed(() => debtPositionFromWire(body, CREDITOR));
        typed(() => debtPositionsPageFromWire(body, CREDITOR));
        expect(typed(() => debtPositionsPageFromWire({ payment_position_list: [body], page_info: {} }, CREDITOR))).toBe(
          false,
        );
      }),
      { seed: 1_105, numRuns: 300 },
    );
  });

  it('refuses a 1 MiB description, 10,000 transfers or options and deep nesting with a typed error', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = { deep };
    const inputs = [
      position({ paymentOptions: [option({ description: 'x'.repeat(1 << 20) })] }),
      position({
        paymentOptions: [option({ transfers: Array.from({ length: 10_000 }, () => option().transfers[0]) as never })],
      }),
      { ...position(), debtor: deep },
      position({ paymentOptions: Array.from({ length: 10_000 }, () => option()) }),
    ];
    for (const input of inputs) expect(typed(() => validateDebtPosition(input, options))).toBe(false);
  });
});
