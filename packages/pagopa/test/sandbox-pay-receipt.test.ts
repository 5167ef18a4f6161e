import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { centsToEuroNumber, formatEuroAmount } from '../src/sandbox/flow-amount.js';
import { splitPaidAmount } from '../src/sandbox/pay-split.js';
import { buildReceiptXml } from '../src/sandbox/receipts-xml.js';
import { ORG, OTHER_ORG, option, position, textOf, transfer } from './sandbox-pay-fixtures.js';

/** Element names (with prefix) in document order, and the namespace of each; throws when not well-formed. */
function elements(xml: string): { name: string; uri: string; path: string }[] {
  const out: { name: string; uri: string; path: string }[] = [];
  const stack: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (t) => {
    stack.push(t.local);
    out.push({ name: t.name, uri: t.uri, path: stack.join('/') });
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return out;
}

describe('formatEuroAmount()', () => {
  it('writes cents as euros with exactly two decimals', () => {
    expect(formatEuroAmount(15000)).toBe('150.00');
    expect(formatEuroAmount(5)).toBe('0.05');
    expect(formatEuroAmount(0)).toBe('0.00');
    expect(formatEuroAmount(99_999_999_999)).toBe('999999999.99');
  });

  it('refuses non-integers, negatives and amounts over 999999999.99', () => {
    for (const bad of [1.5, -1, 100_000_000_000, Number.NaN]) expect(() => formatEuroAmount(bad)).toThrow(RangeError);
  });

  it('round-trips through the decimal text and the JSON number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (cents) => {
        const text = formatEuroAmount(cents);
        expect(text).toMatch(/^\d+\.\d{2}$/);
        expect(Number(text.replace('.', ''))).toBe(cents);
        expect(Math.round(centsToEuroNumber(cents) * 100)).toBe(cents);
        expect(String(centsToEuroNumber(cents))).toMatch(/^\d+(\.\d{1,2})?$/);
      }),
      { seed: 11, numRuns: 2000 },
    );
  });
});

describe('splitPaidAmount()', () => {
  const o = option('01000000000000123', [transfer(1, 1000, { organizationFiscalCode: OTHER_ORG }), transfer(2, 500)]);

  it("keeps each transfer's amount when the option's amount is paid", () => {
    expect(splitPaidAmount(o, 1500)).toEqual([1000, 500]);
  });

  it("moves a difference onto the creditor's own transfer", () => {
    expect(splitPaidAmount(o, 1700)).toEqual([1000, 700]);
    expect(splitPaidAmount(o, 1100)).toEqual([1000, 100]);
  });

  it('refuses an amount that would leave a transfer under one cent', () => {
    expect(splitPaidAmount(o, 1000)).toBeUndefined();
  });
});

describe('buildReceiptXml()', () => {
  const o = option('01000000000000123', [
    transfer(1, 15000),
    transfer(2, 1600, {
      organizationFiscalCode: OTHER_ORG,
      iban: undefined,
      stamp: { hashDocument: 'aGFzaA==', stampType: '01', provincialResidence: 'RM' },
      companyName: 'Agenzia <Entrate>',
    }),
  ]);
  const p = position('IUPD-1', [o]);
  const xml = buildReceiptXml({
    position: p,
    option: o,
    receiptId: '202603010000000001',
    pspId: 'ABI03069',
    pspName: 'PSP ABI03069',
    paidAt: new Date('2026-03-01T23:30:00Z'),
    amountCents: 16600,
    transferAmounts: [15000, 1600],
  });

  it('is a paSendRTV2Request whose only qualified element is the root', () => {
    const els = elements(xml);
    expect(els[0]).toEqual({
      name: 'pafn:paSendRTV2Request',
      uri: 'http://pagopa-api.pagopa.gov.it/pa/paForNode.xsd',
      path: 'paSendRTV2Request',
    });
    expect(els.slice(1).every((e) => e.uri === '' && !e.name.includes(':'))).toBe(true);
  });

  it('lists the ctReceiptV2 fields in the order of the XSD sequence', () => {
    const receipt = elements(xml)
      .filter((e) => /^paSendRTV2Request\/receipt\/[^/]+$/.test(e.path))
      .map((e) => e.name);
    expect(receipt).toEqual([
      'receiptId',
      'noticeNumber',
      'fiscalCode',
      'outcome',
      'creditorReferenceId',
      'paymentAmount',
      'description',
      'companyName',
      'officeName',
      'debtor',
      'transferList',
      'idPSP',
      'PSPCompanyName',
      'idChannel',
      'channelDescription',
      'paymentMethod',
      'fee',
      'paymentDateTime',
      'applicationDate',
      'transferDate',
    ]);
  });

  it('writes amounts as decimal euros and the identifiers of the option', () => {
    expect(textOf(xml, 'paymentAmount')).toBe('166.00');
    expect(textOf(xml, 'transferAmount')).toBe('150.00');
    expect(textOf(xml, 'noticeNumber')).toBe('301000000000000123');
    expect(textOf(xml, 'creditorReferenceId')).toBe('01000000000000123');
    expect(textOf(xml, 'fiscalCode')).toBe(ORG);
    expect(textOf(xml, 'receiptId')).toBe('202603010000000001');
    expect(textOf(xml, 'idPSP')).toBe('ABI03069');
    expect(textOf(xml, 'outcome')).toBe('OK');
  });

  it('dates the payment by its UTC instant and its Rome calendar day', () => {
    expect(textOf(xml, 'paymentDateTime')).toBe('2026-03-01T23:30:00Z');
    expect(textOf(xml, 'applicationDate')).toBe('2026-03-02');
  });

  it('carries an IBAN or a stamp attachment per transfer, and escapes text', () => {
    expect(textOf(xml, 'IBAN')).toBe('IT60X0542811101000000123456');
    expect(textOf(xml, 'MBDAttachment')).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(xml).toContain('<description>TARI 2026 &lt;rata&gt; &amp; &quot;saldo&quot;</description>');
    expect(xml).toContain('<companyName>Agenzia &lt;Entrate&gt;</companyName>');
  });

  it('describes the debtor as a ctSubject', () => {
    expect(textOf(xml, 'entityUniqueIdentifierType')).toBe('F');
    expect(textOf(xml, 'entityUniqueIdentifierValue')).toBe('RSSMRA85T10A562S');
    expect(textOf(xml, 'stateProvinceRegion')).toBe('RM');
    expect(textOf(xml, 'e-mail')).toBe('mario.rossi@example.org');
  });
});
