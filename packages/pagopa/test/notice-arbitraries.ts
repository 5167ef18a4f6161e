// fast-check generators of valid notices and of single-field corruptions (test-only, synthetic data).
import fc from 'fast-check';
import type { NoticeInput } from '../src/notice/notice.js';

const WORDS = [
  'Comune',
  'di',
  'Sant’Angelo',
  'Città',
  'Tributi',
  'TARI',
  'canone',
  'mensa',
  'scolastica',
  'Perù',
  'sosta',
  'àèéìòù',
  'ICI',
  'servizio',
  'acqua',
  '2025',
  'N.',
  'Via',
  'D’Annunzio',
  'Cortina',
  "l'Aquila",
];
const text = (maxWords: number) =>
  fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: maxWords }).map((w) => w.join(' '));
const nav = fc.stringMatching(/^3\d{17}$/);
const isoDate = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** A valid notice: single payment or 2–4 instalments (with or without the single option), Poste or not. */
export const validNotice: fc.Arbitrary<NoticeInput> = fc
  .record({
    subject: text(8),
    name: text(5),
    debtorName: text(4),
    cbill: fc.option(fc.stringMatching(/^[A-Z0-9]{5}$/), { nil: undefined }),
    postal: fc.boolean(),
    account: fc.stringMatching(/^[1-9]\d{0,11}$/),
    navs: fc.uniqueArray(nav, { minLength: 5, maxLength: 5 }),
    amounts: fc.array(fc.integer({ min: 1, max: 9_999_999_999 }), { minLength: 5, maxLength: 5 }),
    dates: fc.array(isoDate, { minLength: 5, maxLength: 5 }),
    count: fc.integer({ min: 0, max: 4 }),
    single: fc.boolean(),
  })
  .map((r) => {
    const option = (i: number) => ({
      noticeNumber: r.navs[i] ?? '',
      amountCents: r.amounts[i] ?? 1,
      dueDate: r.dates[i] ?? '',
    });
    const payment: NoticeInput['payment'] =
      r.count < 2
        ? { kind: 'single', ...option(0) }
        : {
            kind: 'instalments',
            instalments: Array.from({ length: r.count }, (_, i) => option(i + 1)),
            ...(r.single ? { singleOption: option(0) } : {}),
          };
    return {
      subject: r.subject,
      creditor: {
        fiscalCode: '01199250158',
        name: r.name,
        ...(r.cbill === undefined ? {} : { cbill: r.cbill }),
        ...(r.postal ? { postal: { account: r.account } } : {}),
      },
      debtor: { fiscalCode: 'RSSMRA80A01H501U', name: r.debtorName },
      payment,
    };
  });

type Mutation = readonly [field: string, apply: (n: NoticeInput) => NoticeInput];
const withPayment = (n: NoticeInput, patch: Record<string, unknown>): NoticeInput =>
  ({ ...n, payment: { ...n.payment, ...patch } }) as NoticeInput;

/** One corrupted field and the error field path it must produce. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc
    .oneof(
      fc.double({ noInteger: true, noNaN: true }),
      fc.integer({ max: 0 }),
      fc.maxSafeNat().filter((v) => v >= 100_000_000_000),
    )
    .map(
      (amountCents): Mutation => [
        'payment.amountCents',
        (n) =>
          withPayment(
            { ...n, payment: { kind: 'single', noticeNumber: '312345678901234545', amountCents: 1 } },
            { amountCents },
          ),
      ],
    ),
  fc
    .oneof(fc.stringMatching(/^[4-9]\d{17}$/), fc.stringMatching(/^\d{0,17}$/), fc.stringMatching(/^3\d{16}[a-z]$/))
    .map(
      (noticeNumber): Mutation => [
        'payment.noticeNumber',
        (n) =>
          withPayment(
            { ...n, payment: { kind: 'single', noticeNumber: '312345678901234545', amountCents: 1 } },
            { noticeNumber },
          ),
      ],
    ),
  fc
    .stringMatching(/^\d{1,10}$/)
    .map((fiscalCode): Mutation => ['creditor.fiscalCode', (n) => ({ ...n, creditor: { ...n.creditor, fiscalCode } })]),
  fc
    .stringMatching(/^[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[0-9]$/)
    .map((fiscalCode): Mutation => ['debtor.fiscalCode', (n) => ({ ...n, debtor: { ...n.debtor, fiscalCode } })]),
  fc
    .oneof(fc.stringMatching(/^\d{13,20}$/), fc.stringMatching(/^\d{3}[A-Z]\d{3}$/), fc.constant('000'))
    .map(
      (account): Mutation => [
        'creditor.postal.account',
        (n) => ({ ...n, creditor: { ...n.creditor, postal: { account } } }),
      ],
    ),
  fc.integer({ min: 91, max: 300 }).map((len): Mutation => ['subject', (n) => ({ ...n, subject: 'a'.repeat(len) })]),
  fc
    .integer({ min: 71, max: 300 })
    .map((len): Mutation => ['debtor.name', (n) => ({ ...n, debtor: { ...n.debtor, name: 'b'.repeat(len) } })]),
);
