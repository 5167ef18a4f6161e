import { describe, expect, it } from 'vitest';
import { createGpdStore, type SandboxPaymentOption, type SandboxPosition } from '../src/sandbox/index.js';
import { iuvOf, ORG } from './sandbox-fixtures.js';

const AT = '2026-01-15T10:00:00.000Z';

function option(n: number, isPartialPayment: boolean, amount = 100): SandboxPaymentOption {
  return {
    nav: `3${iuvOf(n)}`,
    iuv: iuvOf(n),
    organizationFiscalCode: ORG,
    amount,
    description: 'd',
    isPartialPayment,
    dueDate: '2026-03-31T23:59:59+02:00',
    fee: 0,
    notificationFee: 0,
    insertedDate: AT,
    status: 'PO_UNPAID',
    lastUpdatedDate: AT,
    paymentOptionMetadata: [],
    transfer: ['1', '2'].map((idTransfer) => ({
      idTransfer,
      amount: amount / 2,
      organizationFiscalCode: ORG,
      remittanceInformation: 'r',
      category: '9/0101101IM/',
      iban: 'IT60X0542811101000000123456',
      transferMetadata: [],
      status: 'T_UNREPORTED' as const,
      insertedDate: AT,
      lastUpdatedDate: AT,
    })),
  };
}

function position(
  iupd: string,
  options: SandboxPaymentOption[],
  extra: Partial<SandboxPosition> = {},
): SandboxPosition {
  return {
    iupd,
    organizationFiscalCode: ORG,
    type: 'F',
    fiscalCode: 'RSSMRA80A01H501U',
    fullName: 'Mario Rossi',
    companyName: 'Comune',
    switchToExpired: true,
    payStandIn: true,
    status: 'VALID',
    insertedDate: AT,
    lastUpdatedDate: AT,
    paymentOption: options,
    ...extra,
  };
}

const paid = { paymentDate: '2026-01-20T10:00:00Z', idReceipt: 'R1', pspCompany: 'PSP' };

describe('createGpdStore', () => {
  it('pays instalments: PARTIALLY_PAID then PAID; the full option is no longer payable; reporting gives REPORTED', () => {
    let now = new Date(AT);
    const store = createGpdStore({ now: () => now });
    expect(store.insert(position('P', [option(1, false, 200), option(2, true), option(3, true)]))).toBeUndefined();
    const first = store.markPaid(ORG, { nav: `3${iuvOf(2)}` }, paid);
    expect(first).toMatchObject({
      ok: true,
      position: { status: 'PARTIALLY_PAID' },
      option: { status: 'PO_PAID', idReceipt: 'R1', pspCompany: 'PSP' },
    });
    expect(store.markPaid(ORG, { iuv: iuvOf(2) }, paid)).toEqual({ ok: false, reason: 'already-paid' });
    expect(store.markPaid(ORG, { iuv: iuvOf(1) }, paid)).toEqual({ ok: false, reason: 'not-payable' });
    expect(store.markPaid(ORG, { iuv: iuvOf(99) }, paid)).toEqual({ ok: false, reason: 'not-found' });
    expect(store.markPaid(ORG, { iuv: iuvOf(3) }, paid)).toMatchObject({
      ok: true,
      position: { status: 'PAID', paymentDate: paid.paymentDate },
    });
    expect(store.markReported(ORG, iuvOf(1), { idFlowReporting: 'F', reportingDate: AT })).toEqual({
      ok: false,
      reason: 'not-paid',
    });
    expect(store.markReported(ORG, iuvOf(2), { idFlowReporting: 'F', reportingDate: AT, idTransfers: ['9'] })).toEqual({
      ok: false,
      reason: 'unknown-transfer',
    });
    const partial = store.markReported(ORG, iuvOf(2), { idFlowReporting: 'F', reportingDate: AT, idTransfers: ['1'] });
    expect(partial).toMatchObject({
      ok: true,
      option: { status: 'PO_PARTIALLY_REPORTED', transfer: [{ status: 'T_REPORTED' }, { status: 'T_UNREPORTED' }] },
    });
    store.markReported(ORG, iuvOf(2), { idFlowReporting: 'F', reportingDate: AT });
    expect(store.get(ORG, 'P')?.status).toBe('PAID');
    expect(store.markReported(ORG, iuvOf(3), { idFlowReporting: 'F', reportingDate: AT })).toMatchObject({
      position: { status: 'REPORTED' },
    });
    // Paid positions never expire.
    now = new Date('2027-01-01T00:00:00Z');
    expect(store.get(ORG, 'P')?.status).toBe('REPORTED');
  });

  it('expires lazily, remembers terminal IUPDs and keeps their IUVs', () => {
    let now = new Date(AT);
    const store = createGpdStore({ now: () => now });
    store.insert(position('X', [option(10, false)]));
    now = new Date('2026-04-01T00:00:00+02:00');
    expect(store.findOption(ORG, { iuv: iuvOf(10) })?.position.status).toBe('EXPIRED');
    expect(store.isTerminalIupd(ORG, 'X')).toBe(true);
    expect(store.markPaid(ORG, { iuv: iuvOf(10) }, paid)).toEqual({ ok: false, reason: 'not-payable' });
    store.remove(ORG, 'X');
    expect(store.insert(position('X', [option(11, false)]))).toBe('terminal-iupd');
    expect(store.insert(position('Y', [option(11, false), option(11, true)]))).toBe('iuv');
  });

  it('returns snapshots, replaces with re-indexing and stays bounded', () => {
    const store = createGpdStore({ maxPositions: 2, now: () => new Date(AT) });
    store.insert(position('A', [option(20, false)]));
    const snapshot = store.get(ORG, 'A') as { status: string };
    snapshot.status = 'PAID';
    expect(store.get(ORG, 'A')?.status).toBe('VALID');
    expect(store.replace(position('A', [option(21, false)]))).toBeUndefined();
    expect(store.findOption(ORG, { iuv: iuvOf(20) })).toBeUndefined();
    expect(store.findOption(ORG, { nav: `3${iuvOf(21)}` })?.position.iupd).toBe('A');
    expect(store.insert(position('B', [option(22, false)]))).toBeUndefined();
    expect(store.insert(position('C', [option(23, false)]))).toBe('full');
    expect(store.list(ORG).map((p) => p.iupd)).toEqual(['A', 'B']);
    store.clear();
    expect(store.size()).toBe(0);
  });
});
