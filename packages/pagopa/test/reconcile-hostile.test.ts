import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PagoPaError, type ReportedPayment, type ReportingFlow, reconcile } from '../src/index.js';
import { CREDITOR, flow, iuvOf, line, option, position, transfer } from './reconcile-fixtures.js';

const A = iuvOf(1);
const POSITIONS = [position('P1', [option(A, [transfer(1, 100)])])];

async function failure(run: () => Promise<unknown>): Promise<PagoPaError> {
  try {
    await run();
  } catch (err) {
    if (PagoPaError.isInstance(err)) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

/** Untyped calls, as JavaScript callers or decoded JSON would make them. */
const call = reconcile as (flows: unknown, positions: unknown, options?: unknown) => ReturnType<typeof reconcile>;

describe('reconcile() on bad options and positions', () => {
  it.each([
    ['null options', null, undefined],
    ['an unknown option', { organisationFiscalCode: CREDITOR }, undefined],
    ['a creditor that is not 11 digits', { organizationFiscalCode: '7777777777X' }, 'organizationFiscalCode'],
    ['options as an array', [], undefined],
  ])('rejects %s with ERR_PAGOPA_INVALID_CONFIG', async (_name, options, field) => {
    const err = await failure(() => call([], POSITIONS, options));
    expect(err.code).toBe('ERR_PAGOPA_INVALID_CONFIG');
    if (field !== undefined) expect(err.field).toBe(field);
  });

  const bad = (patch: (p: Record<string, unknown>) => void) => {
    const p = structuredClone(POSITIONS[0]) as unknown as Record<string, unknown>;
    patch(p);
    return [p];
  };
  const opt = (p: Record<string, unknown>) =>
    (p.paymentOptions as Record<string, unknown>[])[0] as Record<string, unknown>;
  const tr = (p: Record<string, unknown>) =>
    (opt(p).transfers as Record<string, unknown>[])[0] as Record<string, unknown>;
  it.each([
    ['positions that are not iterable', 42, 'positions'],
    ['positions given as a string', 'P1', 'positions'],
    ['a position that is not an object', [7], 'positions.0'],
    ['a missing iupd', bad((p) => delete p.iupd), 'positions.0.iupd'],
    ['an unknown status', bad((p) => (p.status = 'PAYED')), 'positions.0.status'],
    [
      'a creditor code of 10 digits',
      bad((p) => (p.organizationFiscalCode = '7777777777')),
      'positions.0.organizationFiscalCode',
    ],
    ['no payment options', bad((p) => (p.paymentOptions = [])), 'positions.0.paymentOptions'],
    ['an IUV with a space', bad((p) => (opt(p).iuv = '01 000000000000001')), 'positions.0.paymentOptions.0.iuv'],
    [
      'a missing isPartialPayment',
      bad((p) => delete opt(p).isPartialPayment),
      'positions.0.paymentOptions.0.isPartialPayment',
    ],
    ['six transfers', bad((p) => (opt(p).transfers = Array(6).fill(tr(p)))), 'positions.0.paymentOptions.0.transfers'],
    ['a transfer index 6', bad((p) => (tr(p).idTransfer = 6)), 'positions.0.paymentOptions.0.transfers.0.idTransfer'],
    [
      'a transfer index as a string',
      bad((p) => (tr(p).idTransfer = '1')),
      'positions.0.paymentOptions.0.transfers.0.idTransfer',
    ],
    ['fractional cents', bad((p) => (tr(p).amountCents = 1.5)), 'positions.0.paymentOptions.0.transfers.0.amountCents'],
    ['negative cents', bad((p) => (tr(p).amountCents = -1)), 'positions.0.paymentOptions.0.transfers.0.amountCents'],
    [
      'a repeated transfer index',
      bad((p) => (opt(p).transfers = [tr(p), tr(p)])),
      'positions.0.paymentOptions.0.transfers.1.idTransfer',
    ],
    ['an IUV in two positions', [...POSITIONS, ...POSITIONS], 'positions.1.paymentOptions.0.iuv'],
  ])('rejects %s with ERR_PAGOPA_INVALID_CONFIG and the field', async (_name, positions, field) => {
    const err = await failure(() => call([], positions));
    expect(err.code).toBe('ERR_PAGOPA_INVALID_CONFIG');
    expect(err.field).toBe(field);
  });

  it('asks for options.organizationFiscalCode when positions without a creditor name beneficiaries', async () => {
    const { organizationFiscalCode: _o, ...noCreditor } = position('P1', [option(A, [transfer(1, 100, CREDITOR)])]);
    const err = await failure(() => call([], [noCreditor]));
    expect([err.code, err.field, err.rule]).toEqual([
      'ERR_PAGOPA_INVALID_CONFIG',
      'options.organizationFiscalCode',
      'creditor',
    ]);
  });

  it('turns a throwing getter, Proxy trap or iterator into the typed error, with the cause', async () => {
    const getter = {
      ...POSITIONS[0],
      get iupd(): string {
        throw new Error('boom');
      },
    };
    const trap = new Proxy(POSITIONS[0] as object, {
      get: () => {
        throw new Error('trap');
      },
    });
    function* throwing() {
      yield POSITIONS[0];
      throw new Error('source failed');
    }
    for (const positions of [[getter], [trap], throwing()]) {
      const err = await failure(() => call([], positions));
      expect(err.code).toBe('ERR_PAGOPA_INVALID_CONFIG');
      expect(err.cause).toBeInstanceOf(Error);
    }
  });

  it('names the element whose read throws in an array Proxy', async () => {
    const options = new Proxy([POSITIONS[0]?.paymentOptions[0]], {
      get: (target, key) => {
        if (key === '0') throw new Error('trap');
        return Reflect.get(target, key);
      },
    });
    const err = await failure(() => call([], [{ ...POSITIONS[0], paymentOptions: options }]));
    expect([err.code, err.field]).toEqual(['ERR_PAGOPA_INVALID_CONFIG', 'positions.0.paymentOptions.0']);
  });

  it('never echoes a value in the message', async () => {
    const secret = 'RSSMRA80A01H501U-with-a-very-long-tail-over-35';
    const err = await failure(() =>
      call(
        [],
        bad((p) => (p.iupd = secret)),
      ),
    );
    expect(err.message).not.toContain('RSSMRA');
  });
});

describe('reconcile() on bad flows', () => {
  const good = line(A, 100);
  it.each<[string, Record<string, unknown>, string]>([
    ['a missing IUV', { iuv: undefined }, 'iuv'],
    ['an IUV of 36 characters', { iuv: '1'.repeat(36) }, 'iuv'],
    ['an empty IUR', { iur: '' }, 'iur'],
    ['a transfer index 0', { idTransfer: 0 }, 'idTransfer'],
    ['amounts in euros', { amountCents: 1.25 }, 'amountCents'],
    ['a negative amount', { amountCents: -100 }, 'amountCents'],
    ['an amount over 999,999,999.99 euros', { amountCents: 100_000_000_000 }, 'amountCents'],
    ['an amount as a string', { amountCents: '100' }, 'amountCents'],
    ['an unknown outcome', { outcome: 'PAID' }, 'outcome'],
    ['no flow id', { flowId: '' }, 'flowId'],
    ['a negative index', { index: -1 }, 'index'],
    ['no date', { date: undefined }, 'date'],
  ])('rejects a line with %s as ERR_PAGOPA_INVALID_REPORTING_FLOW naming the field', async (_name, patch, key) => {
    const err = await failure(() => call([flow('F1', [good, { ...good, ...patch }])], POSITIONS));
    expect([err.code, err.field, err.rule]).toEqual([
      'ERR_PAGOPA_INVALID_REPORTING_FLOW',
      `flows.0.payments.1.${key}`,
      'shape',
    ]);
  });

  it.each([
    ['flows that are not iterable', 5, 'flows'],
    ['flows given as a string', 'F1', 'flows'],
    ['a flow that is not an object', [null], 'flows.0'],
    ['a flow without header', [{ payments: [] }], 'flows.0'],
    ['payments that are not iterable', [{ header: {}, payments: 3 }], 'flows.0.payments'],
    ['a line that is not an object', [{ header: {}, payments: ['x'] }], 'flows.0.payments.0'],
  ])('rejects %s with ERR_PAGOPA_INVALID_REPORTING_FLOW', async (_name, flows, field) => {
    const err = await failure(() => call(flows, POSITIONS));
    expect([err.code, err.field]).toEqual(['ERR_PAGOPA_INVALID_REPORTING_FLOW', field]);
  });

  it("passes a flow iterator's PagoPaError through and wraps anything else, keeping the cause", async () => {
    const declared = new PagoPaError('ERR_PAGOPA_INVALID_REPORTING_FLOW', 'totals differ', { rule: 'totals' });
    async function* lines(err: unknown) {
      yield line(A, 100);
      throw err;
    }
    expect(await failure(() => reconcile([flow('F1', lines(declared))], POSITIONS))).toBe(declared);
    const wrapped = await failure(() => reconcile([flow('F1', lines(new RangeError('socket')))], POSITIONS));
    expect([wrapped.code, wrapped.field]).toEqual(['ERR_PAGOPA_INVALID_REPORTING_FLOW', 'flows.0.payments']);
    expect(wrapped.cause).toBeInstanceOf(RangeError);
  });

  it('closes the flow (its iterator) when a line is malformed, and reads no further', async () => {
    let closed = false;
    let read = 0;
    const payments: AsyncIterable<ReportedPayment> = {
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          read++;
          return { done: false, value: read === 2 ? ({ iuv: A } as ReportedPayment) : line(A, 1, { iur: `R${read}` }) };
        },
        return: async () => {
          closed = true;
          return { done: true, value: undefined };
        },
      }),
    };
    const err = await failure(() => reconcile([flow('F1', payments)], POSITIONS));
    expect([err.code, closed, read]).toEqual(['ERR_PAGOPA_INVALID_REPORTING_FLOW', true, 2]);
  });

  it('refuses sums that leave the exact integer range', async () => {
    function* huge() {
      for (let i = 0; i < 100_000; i++) yield line(A, 99_999_999_999, { iur: `R${i}`, index: i });
    }
    const err = await failure(() => reconcile([flow('F1', huge())], POSITIONS));
    expect([err.code, err.rule]).toEqual(['ERR_PAGOPA_INVALID_REPORTING_FLOW', 'amount-overflow']);
  });

  it('never throws anything but a PagoPaError, whatever it is given', async () => {
    const flowish = fc.oneof(fc.anything(), fc.array(fc.record({ header: fc.anything(), payments: fc.anything() })));
    await fc.assert(
      fc.asyncProperty(flowish, fc.anything(), fc.anything(), async (flows, positions, options) => {
        try {
          await call(flows, positions, options);
        } catch (err) {
          expect(PagoPaError.isInstance(err)).toBe(true);
        }
      }),
      { seed: 4242, numRuns: 300 },
    );
  });

  it('accepts an empty run: no flows, no positions', async () => {
    const report = await reconcile([] as ReportingFlow[], []);
    expect(report.totals).toEqual({ reportedCents: 0, revokedCents: 0, flows: 0, lines: 0 });
  });
});
