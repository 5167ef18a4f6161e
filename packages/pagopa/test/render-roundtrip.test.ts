import { describe, expect, it } from 'vitest';
import { parseNotice } from '../src/index.js';
import { renderNotice } from '../src/render/render-notice.js';
import { MAX_FIELDS, optionsOf, VARIANTS } from './notice-fixtures.js';
import { decodeDataMatrices, decodeQrCodes, pageCount, pdfText, pdfToolsAvailable, writePdf } from './pdf-tools.js';

const tools = pdfToolsAvailable();

const euro = (cents: number) =>
  `${String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${String(cents % 100).padStart(2, '0')}`;
const date = (iso: string) => iso.split('-').reverse().join('/');
const grouped = (nav: string) => nav.replace(/(\d{4})(?=\d)/g, '$1 ');

describe.runIf(tools)('renderNotice() round trip', () => {
  for (const variant of [...VARIANTS, { name: 'max-length fields', notice: MAX_FIELDS, options: {} }]) {
    it(`${variant.name}: QR and Data Matrix decode back to the input, text has every label and value`, async () => {
      const notice = parseNotice(variant.notice);
      const pdf = writePdf(await renderNotice(variant.notice, variant.options));
      try {
        const options = optionsOf(notice);
        const fiscal = notice.creditor.fiscalCode;
        const expectedQr = options.map((o) => `PAGOPA|002|${o.noticeNumber}|${fiscal}|${o.amountCents}`).sort();
        expect(decodeQrCodes(pdf)).toEqual(expectedQr);

        const matrices = decodeDataMatrices(pdf);
        if (notice.creditor.postal) {
          expect(matrices).toHaveLength(options.length);
          matrices.forEach((payload, i) => {
            const option = options[i];
            expect(payload).toHaveLength(256);
            expect(payload.slice(15, 33)).toBe(option?.noticeNumber);
            expect(payload.slice(35, 47)).toBe(notice.creditor.postal?.account);
            expect(payload.slice(49, 59)).toBe(String(option?.amountCents).padStart(10, '0'));
            expect(payload.slice(66, 77)).toBe(fiscal);
            expect(payload.slice(77, 93).trim()).toBe(notice.debtor.fiscalCode);
          });
        } else {
          expect(matrices).toEqual([]);
        }

        const text = pdfText(pdf);
        const labels = [
          'AVVISO DI PAGAMENTO',
          'ENTE CREDITORE',
          'DESTINATARIO',
          'QUANTO E QUANDO PAGARE?',
          'DOVE PAGARE?',
          "PAGA CON L'APP IO",
          'PAGA SUL TERRITORIO',
          'Importo',
          'Cod. Avviso',
          'Cod. Fiscale Ente',
          'Cod. CBILL',
          'Ente creditore',
          'Oggetto del pagamento',
          'codice QR',
          'pagopa.gov.it',
        ];
        for (const label of labels) expect(text).toContain(label);
        for (const value of [notice.subject, notice.creditor.name, notice.debtor.name, fiscal, 'CBI1234']) {
          expect(text).toContain(value);
        }
        for (const option of options) {
          expect(text).toContain(grouped(option.noticeNumber));
          expect(text).toContain(euro(option.amountCents));
          if (option.dueDate) expect(text).toContain(date(option.dueDate));
        }
        if (notice.payment.kind === 'single') {
          expect(text).toContain('DATI PER IL PAGAMENTO');
          expect(text).toMatch(/Rata unica entro il \d\d\/\d\d\/\d{4}/);
        } else {
          notice.payment.instalments.forEach((_, i) => {
            expect(text).toContain(`Rata ${i + 1}`);
          });
          expect(text).toContain(`in ${notice.payment.instalments.length} rate`);
        }
        if (notice.creditor.postal) {
          for (const label of [
            'BOLLETTINO POSTALE PA',
            'sul C/C n.',
            'Intestato a',
            'Oggetto pagamento',
            'Tipo',
            'Cod. Fiscale Ente Creditore',
            notice.creditor.postal.account,
          ]) {
            expect(text).toContain(label);
          }
        }
        expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
      } finally {
        pdf.dispose();
      }
    }, 60_000);
  }
});
