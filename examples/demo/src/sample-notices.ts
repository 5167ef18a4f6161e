// The sample notices of the demo: one per layout variant of the official pagoPA notice.
import { readFileSync } from 'node:fs';
import { createIuvGenerator } from '@civico/core';
import type { NoticeInput, RenderNoticeOptions } from '@civico/pagopa';

// A comune issues notice numbers from its own database counter: the generator turns sequence n into
// an IUV that cannot collide with any other (segregation code 01, year + 9-digit sequence).
const iuv = createIuvGenerator({ segregationCode: '01', scheme: 'year-sequence' });
const number = (sequence: number) => iuv.fromSequence(sequence, { year: 2026 }).noticeNumber;

/** The demo comune: its fiscal code, name, contacts, CBILL code and crest. */
export const DEMO_CREDITOR = {
  fiscalCode: '01199250158',
  name: 'Comune di Esempio',
  sector: 'Servizio Tributi',
  info: {
    address: 'Piazza del Municipio 1, 20121 Esempio (MI)',
    phone: '02 1234567',
    website: 'www.comune.esempio.it',
  },
  cbill: 'AB123',
  // The comune's crest: PNG, JPEG or SVG bytes.
  logo: readFileSync(new URL('../assets/logo.svg', import.meta.url)),
};

const creditor = DEMO_CREDITOR;

// Synthetic citizen: the classic textbook codice fiscale.
const debtor = {
  fiscalCode: 'RSSMRA85T10A562S',
  name: 'Mario Rossi',
  address: { street: 'Via Roma', buildingNumber: '10', postalCode: '20121', city: 'Esempio', province: 'MI' },
};

const postal = { account: '123456', authorization: 'AUT. DB/SSIC/E 12345 DEL 01/01/2026' };

const single: NoticeInput = {
  subject: 'TARI 2026 - tassa sui rifiuti, rata unica',
  creditor,
  debtor,
  payment: { kind: 'single', noticeNumber: number(1), amountCents: 23_450, dueDate: '2026-12-31' },
};

// Instalment notices say how many instalments there are; only the single payment is a "rata unica".
const instalmentSubject = (count: number) => `TARI 2026 - tassa sui rifiuti, in ${count} rate`;

const instalments = [
  { noticeNumber: number(3), amountCents: 11_725, dueDate: '2026-06-30' },
  { noticeNumber: number(4), amountCents: 11_725, dueDate: '2026-12-31' },
];

/** One notice per variant, with the file name the demo writes it under. */
export const SAMPLE_NOTICES: ReadonlyArray<{ name: string; notice: NoticeInput; options?: RenderNoticeOptions }> = [
  { name: 'single', notice: single },
  { name: 'single-poste', notice: { ...single, creditor: { ...creditor, postal } } },
  {
    name: 'instalments-2',
    notice: { ...single, subject: instalmentSubject(2), payment: { kind: 'instalments', instalments } },
  },
  {
    name: 'instalments-3',
    notice: {
      ...single,
      subject: instalmentSubject(3),
      payment: {
        kind: 'instalments',
        instalments: [
          { noticeNumber: number(5), amountCents: 7_817, dueDate: '2026-04-30' },
          { noticeNumber: number(6), amountCents: 7_817, dueDate: '2026-08-31' },
          { noticeNumber: number(7), amountCents: 7_816, dueDate: '2026-12-31' },
        ],
      },
    },
    options: { instalmentsPerRow: 3 },
  },
  {
    name: 'instalments-single-option',
    notice: {
      ...single,
      subject: `${instalmentSubject(2)} o in unica soluzione`,
      payment: { kind: 'instalments', instalments, singleOption: { noticeNumber: number(2), amountCents: 23_450 } },
    },
  },
  {
    name: 'instalments-poste',
    notice: {
      ...single,
      subject: `${instalmentSubject(2)} o in unica soluzione`,
      creditor: { ...creditor, postal },
      payment: { kind: 'instalments', instalments, singleOption: { noticeNumber: number(2), amountCents: 23_450 } },
    },
  },
];

/** The single-payment sample, which the IO part of the demo sends as a payment message. */
export const SAMPLE_NOTICE = single;
