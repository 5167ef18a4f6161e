import { readFileSync } from 'node:fs';
import type { Notice, NoticeInput } from '../src/notice/notice.js';

const fixture = (name: string): Uint8Array => readFileSync(new URL(`./fixtures/notice/${name}`, import.meta.url));

/** Synthetic logos (test-only). */
export const LOGOS = { svg: fixture('logo.svg'), png: fixture('logo.png'), jpeg: fixture('logo.jpg') };

const creditor = {
  fiscalCode: '01199250158',
  name: 'Comune di Test',
  sector: 'Settore Tributi',
  info: { address: 'Piazza del Municipio 1, 00100 Roma', phone: '06 1234567', website: 'www.comune.test.it' },
  cbill: 'CBI1234',
  logo: LOGOS.svg,
};

const postal = { account: '123456', authorization: 'AUT. DB/SSIC/E 12345 DEL 01/01/2024' };

const debtor = {
  fiscalCode: 'RSSMRA80A01H501U',
  name: 'Mario Rossi',
  address: { street: 'Via Nazionale', buildingNumber: '1', postalCode: '00100', city: 'Roma', province: 'RM' },
};

/** ft_01-like single payment. */
export const SINGLE: NoticeInput = {
  subject: 'TARI 2025 rata unica',
  creditor,
  debtor,
  payment: { kind: 'single', noticeNumber: '312345678901234545', amountCents: 150000, dueDate: '2025-12-31' },
};

/** ft_03-like: single payment with the Poste slip. */
export const SINGLE_POSTE: NoticeInput = { ...SINGLE, creditor: { ...creditor, postal } };

const rates = [
  { noticeNumber: '301000000000000144', amountCents: 160000, dueDate: '2025-06-30' },
  { noticeNumber: '300000000000000104', amountCents: 140000, dueDate: '2025-12-31' },
  { noticeNumber: '347000000000004265', amountCents: 100000, dueDate: '2026-06-30' },
];

/** Two instalments, no single option. */
export const TWO_RATES: NoticeInput = {
  ...SINGLE,
  subject: 'TARI 2025',
  payment: { kind: 'instalments', instalments: rates.slice(0, 2) },
};

/** Three instalments, 3 per row. */
export const THREE_RATES: NoticeInput = {
  ...SINGLE,
  subject: 'TARI 2025',
  payment: { kind: 'instalments', instalments: rates },
};

/** ft_09-like: two instalments or the full amount. */
export const RATES_WITH_SINGLE: NoticeInput = {
  ...TWO_RATES,
  payment: {
    kind: 'instalments',
    instalments: rates.slice(0, 2),
    singleOption: { noticeNumber: '312345678901234545', amountCents: 300000, dueDate: '2025-06-30' },
  },
};

/** ft_13-like: instalments, single option and Poste slips. */
export const RATES_POSTE: NoticeInput = { ...RATES_WITH_SINGLE, creditor: { ...creditor, postal } };

/** Every layout variant, named as the PNGs in docs/notices/. */
export const VARIANTS = [
  { name: 'single', notice: SINGLE, options: {} },
  { name: 'single-poste', notice: SINGLE_POSTE, options: {} },
  { name: 'instalments-2', notice: TWO_RATES, options: {} },
  { name: 'instalments-3', notice: THREE_RATES, options: { instalmentsPerRow: 3 } },
  { name: 'instalments-single-option', notice: RATES_WITH_SINGLE, options: {} },
  { name: 'instalments-poste', notice: RATES_POSTE, options: {} },
] as const;

/** Every payable option of a notice, in print order: the single payment first, then the instalments. */
export function optionsOf(notice: Notice) {
  const p = notice.payment;
  if (p.kind === 'single') return [p];
  return [...(p.singleOption ? [p.singleOption] : []), ...p.instalments];
}

const repeat = (word: string, length: number) => `${word} `.repeat(length).slice(0, length).trimEnd();

/** ft_21-like: every text at (or near) its limit and the largest amount. */
export const MAX_FIELDS: NoticeInput = {
  ...SINGLE,
  subject: repeat('Avviso di pagamento', 90),
  creditor: {
    ...creditor,
    name: repeat('Comune di test', 100),
    sector: repeat('Settore', 50),
    info: { address: repeat('Info', 60), website: 'www.comune-di-test.it' },
  },
  debtor: {
    ...debtor,
    name: repeat('Mario Rossi', 70),
    address: {
      street: repeat('Via Romaaaaa', 110),
      buildingNumber: '1',
      postalCode: '00100',
      city: 'Roma',
      province: 'RM',
    },
  },
  payment: { kind: 'single', noticeNumber: '312345678901234545', amountCents: 99_999_999_999, dueDate: '2024-12-31' },
};
