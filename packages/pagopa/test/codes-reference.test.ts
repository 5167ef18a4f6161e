import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildPosteDataMatrixPayload,
  buildQrPayload,
  parsePosteDataMatrixPayload,
  parseQrPayload,
} from '../src/index.js';

// Payloads decoded from pagoPA's reference notice renders (pagopa/pagopa-print-payment-notice-service,
// integration-test/src/resources/scenario_ft_*.pdf). Their notice numbers start with the
// dummy aux digit 4, which is not a pagoPA notice number: patched to 3 where a parse must succeed.
interface Fixture {
  readonly qr: Readonly<Record<string, readonly string[]>>;
  readonly posteDataMatrix: Readonly<Record<string, readonly string[]>>;
}
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/codes/reference-render-payloads.json', import.meta.url), 'utf8'),
) as Fixture;
const qrPayloads = Object.values(fixture.qr).flat();
const dmPayloads = Object.values(fixture.posteDataMatrix).flat();
const patchQr = (payload: string): string => payload.replace('|002|4', '|002|3');
const patchDm = (payload: string): string => `${payload.slice(0, 15)}3${payload.slice(16)}`;

describe('parseQrPayload() on pagoPA reference renders', () => {
  it.each(qrPayloads)('rejects the aux-4 dummy notice number of %s', (payload) => {
    expect(() => parseQrPayload(payload)).toThrow(
      expect.objectContaining({ code: 'ERR_PAGOPA_INVALID_QR_PAYLOAD', field: 'noticeNumber' }) as Error,
    );
  });

  it.each(qrPayloads)('reads %s once patched to aux 3, and rebuilds it identically', (payload) => {
    const patched = patchQr(payload);
    const parsed = parseQrPayload(patched);
    expect(String(parsed.amountCents)).toBe(patched.split('|')[4]);
    expect(buildQrPayload(parsed)).toBe(patched);
  });

  it('warns that the 11-digit amount of ft_21 exceeds what the IO app accepts', () => {
    const parsed = parseQrPayload(patchQr(fixture.qr['scenario_ft_21-1']?.[0] ?? ''));
    expect(parsed.amountCents).toBe(99_999_999_999);
    expect(parsed.warnings.map((w) => w.code)).toContain('AMOUNT_OVER_TEN_DIGITS');
  });
});

describe('parsePosteDataMatrixPayload() on pagoPA reference renders', () => {
  it('decodes ft_13 page 2, rate 2, to the fields of the 256-character Poste layout', () => {
    const text = dmPayloads[0] ?? '';
    expect(text).toHaveLength(256);
    const parsed = parsePosteDataMatrixPayload(patchDm(text));
    expect(parsed).toMatchObject({
      noticeNumber: '370000008800999073',
      postalAccount: '000000123456',
      amountCents: 140000,
      ecFiscalCode: '99999000013',
      debtorFiscalCode: 'FFFCST83A15L113V',
      debtorName: 'Mario Rossi',
      subject: 'Avviso Pagamento di TEST',
    });
  });

  it.each(dmPayloads)('builds the same layout as pagoPA for %s (free text upper-cased)', (payload) => {
    const patched = patchDm(payload);
    const parsed = parsePosteDataMatrixPayload(patched);
    const rebuilt = buildPosteDataMatrixPayload(parsed);
    expect(rebuilt.slice(0, 93)).toBe(patched.slice(0, 93));
    expect(rebuilt.slice(93)).toBe(patched.slice(93).toUpperCase());
  });
});
