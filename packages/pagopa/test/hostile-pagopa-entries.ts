// The hostile harness's table for @civico/pagopa: one entry per public function, schema method and error-class
// guard of src/index.ts AND src/sandbox/index.ts (the platform clients and their methods, the reading of
// reporting flows and the sandbox are in hostile-pagopa-{platform,flow,sandbox}-entries.ts). It runs in the
// test (arbitraries) and in the worker (calls); see test-support/hostile/. hostile-entry-points.test.ts fails
// on an export of either entry point with no entry here and no reason in PAGOPA_EXCLUDED.
import fc from 'fast-check';
import { functionEntry, schemaEntries } from '../../../test-support/hostile/entry-helpers.js';
import { entry, type HostileEntryPoint, isBoolean } from '../../../test-support/hostile/entry-point.js';
import { hostile } from '../../../test-support/hostile/hostile-arbitraries.js';
import { hostileLogo } from '../../../test-support/hostile/hostile-logos.js';
import type { HostileSpec } from '../../../test-support/hostile/hostile-spec.js';
import type * as PagoPa from '../src/index.js';
import { FLOW_ENTRY_POINTS } from './hostile-pagopa-flow-entries.js';
import type { PagoPaModules } from './hostile-pagopa-live.js';
import { PLATFORM_ENTRY_POINTS } from './hostile-pagopa-platform-entries.js';
import { SANDBOX_ENTRY_POINTS, SANDBOX_EXCLUDED } from './hostile-pagopa-sandbox-entries.js';
import { SINGLE, SINGLE_POSTE, THREE_RATES } from './notice-fixtures.js';

type M = PagoPaModules;
type E = HostileEntryPoint<M>;
type Arb = fc.Arbitrary<HostileSpec>;

export const NOTICE_NUMBERS = ['312345678901234545', '012345678901234542', '301202500000004228'];
export const IUVS = ['12345678901234545', '01202500000004228', 'RF23567483937849450550'];
export const EC = '01199250158';
export const QR = 'PAGOPA|002|312345678901234545|01199250158|150000';
export const POSTE_DM = `codfase=NBPA;183123456789012345451200000012345610000015000038961P101199250158RSSMRA80A01H501UMARIO ROSSI${' '.repeat(29)}TARI 2025${' '.repeat(113)}A`;
export const POSTAL_ACCOUNTS = ['123456', '000012345678'];
export const NOTICES: readonly object[] = [SINGLE, SINGLE_POSTE, THREE_RATES];
export const RENDER_OPTIONS: readonly object[] = [
  { truncate: true, creationDate: new Date('2025-01-01') },
  { instalmentsPerRow: 2, compress: false },
];

/** Documented limit of one notice render (PDF, fonts, codes; the first call also loads pdfkit): 4 s. */
export const RENDER_NOTICE_LIMIT_MS = 4_000;
/**
 * Event-loop stall cap while rendering a notice with a hostile logo. The logo rule is "no stall over 100 ms";
 * the cap is 2.5× that because this suite runs on a 2-core machine shared by several test processes, where
 * a 100 ms slice of CPU work can be stretched by preemption. The measured maximum is printed by the suite.
 */
export const LOGO_STALL_CAP_MS = 250;
/** Random runs of the render entry points (each call renders a PDF). */
export const RENDER_RUNS = 6;

export const notice = hostile({ objects: NOTICES });
export const renderOptions = hostile({ objects: RENDER_OPTIONS });

/** `Schema.parse` and `Schema.safeParse` entries (shared helper). */
export const schema = (
  name: keyof M & `${string}Schema`,
  strings: readonly string[],
  objects: readonly object[] = [],
) => schemaEntries<M>(name, strings, objects);

/** One exported function's entry (shared helper). */
export const fn = (name: keyof M & string, subject: Arb, options: Parameters<typeof functionEntry<M>>[2] = {}) =>
  functionEntry<M>(name, subject, options);

/** Arguments of the hostile-logo entry: a valid notice whose creditor logo is the hostile subject. */
export const inLogo = (logo: Arb): fc.Arbitrary<readonly HostileSpec[]> =>
  fc
    .tuple(fc.constantFrom(...NOTICES), logo)
    .map(([target, value]): readonly HostileSpec[] => [
      { k: 'at', target: { k: 'value', v: target }, path: ['creditor', 'logo'], value },
    ]);

/** Every entry point of @civico/pagopa's two entry points. */
export const PAGOPA_ENTRY_POINTS: readonly E[] = [
  entry({
    name: 'PagoPaError.isInstance',
    covers: 'PagoPaError',
    subject: hostile(),
    kind: 'total',
    call: (m, [v]) => m.PagoPaError.isInstance(v),
    check: isBoolean,
  }),
  fn('encodeQrCode', hostile({ strings: [QR, 'x'] })),
  fn('parsePosteDataMatrixPayload', hostile({ strings: [POSTE_DM] })),
  ...schema('PosteDataMatrixPayloadSchema', [POSTE_DM]),
  ...schema('QrPayloadSchema', [QR]),
  fn(
    'bitMatrixToSvgPath',
    hostile({
      objects: [
        { width: 2, height: 2, modules: new Uint8Array([1, 0, 0, 1]) },
        { width: 1e9, height: 1e9, modules: new Uint8Array(4) },
      ],
    }),
    {
      second: hostile({ objects: [{ moduleSize: 2, x: 1, y: 1 }] }),
    },
  ),
  fn('buildCheckoutLink', hostile({ objects: [{ noticeNumber: NOTICE_NUMBERS[0], ecFiscalCode: EC }] })),
  fn(
    'buildPosteDataMatrixPayload',
    hostile({
      objects: [
        {
          noticeNumber: NOTICE_NUMBERS[0],
          postalAccount: '123456',
          amountCents: 150000,
          ecFiscalCode: EC,
          debtorFiscalCode: 'RSSMRA80A01H501U',
          debtorName: 'Mario Rossi',
          subject: 'TARI 2025',
        },
      ],
    }),
  ),
  fn(
    'buildQrPayload',
    hostile({ objects: [{ noticeNumber: NOTICE_NUMBERS[0], ecFiscalCode: EC, amountCents: 150000 }] }),
  ),
  fn('createNoticeSchema', hostile({ objects: [{ truncate: true }, { truncate: false }] })),
  entry({
    name: 'createNoticeSchema({ truncate: true }).safeParse',
    covers: 'createNoticeSchema',
    subject: notice,
    kind: 'total',
    call: (m, [v]) => m.createNoticeSchema({ truncate: true }).safeParse(v),
  }),
  fn('detectLogoFormat', fc.oneof(hostileLogo, hostile())),
  fn('encodeDataMatrix', hostile({ strings: [POSTE_DM, 'hello'] }), {
    second: hostile({ objects: [{ size: '26x26' }, { size: 144 }] }),
  }),
  fn('isValidPostalAccount', hostile({ strings: POSTAL_ACCOUNTS }), { total: true }),
  fn('inspectPostalAccount', hostile({ strings: POSTAL_ACCOUNTS }), { total: true }),
  fn('parseNotice', notice, { second: hostile({ objects: [{ truncate: true }] }) }),
  fn('parsePostalAccount', hostile({ strings: POSTAL_ACCOUNTS })),
  fn('parseQrPayload', hostile({ strings: [QR] })),
  ...schema('NoticeSchema', [], NOTICES),
  ...schema('PostalAccountSchema', POSTAL_ACCOUNTS),
  ...schema('RenderNoticeOptionsSchema', [], RENDER_OPTIONS),
  fn('renderNotice', notice, {
    second: renderOptions,
    extra: { limitMs: RENDER_NOTICE_LIMIT_MS, numRuns: RENDER_RUNS },
  }),
  entry({
    name: 'renderNotice (hostile logo)',
    covers: 'renderNotice',
    subject: hostileLogo,
    args: inLogo,
    limitMs: RENDER_NOTICE_LIMIT_MS,
    stallCapMs: LOGO_STALL_CAP_MS,
    numRuns: 12,
    call: (m, [n]) => m.renderNotice(n as PagoPa.NoticeInput),
  }),
  fn('renderNoticeStream', notice, {
    second: renderOptions,
    extra: { limitMs: RENDER_NOTICE_LIMIT_MS, numRuns: RENDER_RUNS },
  }),
  entry({
    name: 'renderNotices',
    covers: 'renderNotices',
    subject: hostile({
      objects: [
        [
          { ref: 'a', notice: SINGLE },
          { ref: 'b', notice: THREE_RATES },
        ],
      ],
    }),
    args: (s) => fc.tuple(s, hostile({ objects: [{ mode: 'separate' }, { mode: 'combined', truncate: true }] })),
    limitMs: 2 * RENDER_NOTICE_LIMIT_MS,
    numRuns: RENDER_RUNS,
    call: async (m, [source, options]) => {
      // Drain it here: a failed job in `separate` mode must be yielded with a typed error, not thrown.
      let n = 0;
      for await (const o of m.renderNotices(source as PagoPa.NoticeJobSource, options as { mode: 'separate' })) {
        const out = o as { ok?: boolean; error?: unknown };
        if (out.ok === false && !m.PagoPaError.isInstance(out.error)) throw out.error;
        n++;
      }
      return n;
    },
  }),
  ...PLATFORM_ENTRY_POINTS,
  ...FLOW_ENTRY_POINTS,
  ...SANDBOX_ENTRY_POINTS,
];

/** Exports of the main entry that are not entry points for input, with the reason. */
export const PAGOPA_EXCLUDED: Readonly<Record<string, string>> = {
  MIN_NOTICE_DUE_DATE: 'constant',
  MAX_NOTICE_DUE_DATE: 'constant',
  LOGO_LIMITS: 'constant',
  MAX_NOTICE_AMOUNT_CENTS: 'constant',
  MAX_NOTICE_INSTALMENTS: 'constant',
  MAX_POSTAL_AMOUNT_CENTS: 'constant',
  NOTICE_TEXT_LIMITS: 'constant',
  PAGOPA_ERROR_CODES: 'constant (frozen list of codes)',
  DEBT_POSITION_STATUSES: 'constant',
  DEBT_POSITION_TRANSITIONS: 'constant',
  TERMINAL_DEBT_POSITION_STATUSES: 'constant',
  PAGOPA_HOSTS: 'constant',
  PAGOPA_SERVICE_PATHS: 'constant',
  REPORTING_FLOW_READ_LIMITS: 'constant (frozen defaults)',
  ...SANDBOX_EXCLUDED,
};
