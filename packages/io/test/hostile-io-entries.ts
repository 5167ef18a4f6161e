// The hostile harness's table for @civico/io: one entry per public function, client method, schema method and
// error-class guard of src/index.ts. Client calls go to the real IO sandbox and to a hostile local server
// (test-support/hostile/hostile-server.ts). It runs in the test (arbitraries) and in the worker (calls).
import fc from 'fast-check';
import { functionEntry, schemaEntries } from '../../../test-support/hostile/entry-helpers.js';
import { entry, type HostileEntryPoint, isBoolean, withSecond } from '../../../test-support/hostile/entry-point.js';
import { hostile, val } from '../../../test-support/hostile/hostile-arbitraries.js';
import { HOSTILE_SERVER_MODES } from '../../../test-support/hostile/hostile-server.js';
import type { HostileSpec } from '../../../test-support/hostile/hostile-spec.js';
import type * as Io from '../src/index.js';

type M = typeof Io;
type E = HostileEntryPoint<M>;
type Arb = fc.Arbitrary<HostileSpec>;

export const FC = 'RSSMRA85T10A562S';
export const MESSAGE = {
  fiscalCode: FC,
  subject: 'Carta di identità in scadenza',
  markdown: 'La tua carta di identità scade tra 30 giorni. Prenota un appuntamento presso gli uffici comunali.',
};
export const PAYMENT_MESSAGE = {
  ...MESSAGE,
  payment: { noticeNumber: '312345678901234545', amountCents: 150000, invalidAfterDueDate: false },
  dueDate: '2025-12-31',
};
export const NOTICE = {
  subject: 'TARI 2025 rata unica',
  creditor: { fiscalCode: '01199250158', name: 'Comune di Test' },
  debtor: { fiscalCode: 'RSSMRA80A01H501U', name: 'Mario Rossi' },
  payment: { kind: 'single', noticeNumber: '312345678901234545', amountCents: 150000, dueDate: '2025-12-31' },
};
export const TEMPLATE = {
  subject: 'Avviso TARI {{anno}} disponibile',
  markdown: `Gentile {{nome}}, ${MESSAGE.markdown}`,
};
export const CTA = {
  it: { cta_1: { text: 'Prenota', action: 'iohandledlink://https://www.comune.example.it/prenota' } },
};
export const MARKDOWN = `---\nit:\n  cta_1:\n    text: "Prenota"\n    action: "iohandledlink://https://x.it"\n---\n# Titolo\n\n${MESSAGE.markdown} [link](https://x.it) **bold**`;
export const CSV = ['codice_fiscale;nome;anno\r\n', `${FC};"Mario; ""R""";2025\r\n`];
export const RECIPIENTS = [{ row: 2, fiscalCode: FC, fields: { nome: 'Mario', anno: '2025' } }];
export const BULK_OPTIONS = { template: TEMPLATE, campaign: 'hostile', dryRun: true };

/** Client timeout used against the hostile server; the client entry points' limit is this plus slack. */
export const HOSTILE_CLIENT_TIMEOUT_MS = 1_000;
/** Per-call limit of client methods: the 1 s client timeout plus 2 s for the loaded machine. */
export const CLIENT_CALL_LIMIT_MS = 3_000;
/** Per-call limit of the streaming CSV and bulk entry points on inputs up to 10 MiB. */
export const STREAM_CALL_LIMIT_MS = 1_000;

/** Where a client call goes: the real sandbox or one hostile server mode. */
export const target: Arb = fc.constantFrom('sandbox', ...HOSTILE_SERVER_MODES).map(val);

export function clientFor(m: M, where: unknown, ctx: { context: Readonly<Record<string, string>> }): Io.IoClient {
  const baseUrl = where === 'sandbox' ? ctx.context.sandboxUrl : `${ctx.context.hostileUrl}/${String(where)}/api/v1`;
  return m.createIoClient({
    apiKey: 'sandbox-key',
    baseUrl: baseUrl ?? '',
    timeoutMs: HOSTILE_CLIENT_TIMEOUT_MS,
    retry: { maxRetries: 0, baseDelayMs: 0 },
    rateLimit: { requestsPerSecond: 10_000 },
  });
}

/** `Schema.parse` and `Schema.safeParse` entries (shared helper). */
export const schema = (
  name: keyof M & `${string}Schema`,
  strings: readonly string[],
  objects: readonly object[] = [],
) => schemaEntries<M>(name, strings, objects);

/** One exported function's entry (shared helper). */
export const fn = (name: keyof M & string, subject: Arb, options: Parameters<typeof functionEntry<M>>[2] = {}) =>
  functionEntry<M>(name, subject, options);

/** A client method: arguments are [target, subject, second?]. */
export function method(
  name: 'getProfile' | 'sendMessage' | 'getMessageStatus' | 'getSubscriptionsFeed' | 'uploadOrganizationLogo',
  subject: Arb,
  second?: Arb,
): E {
  return entry({
    name: `createIoClient().${name}`,
    covers: 'createIoClient',
    subject,
    args: (s) => (second ? fc.tuple(target, s, second) : fc.tuple(target, s)),
    limitMs: CLIENT_CALL_LIMIT_MS,
    numRuns: 15,
    call: (m, [where, a, b], ctx) => {
      const client = clientFor(m, where, ctx) as unknown as Record<string, (...x: unknown[]) => unknown>;
      return client[name]?.(a, b);
    },
  });
}

/** Arrays become async iterables (of hostile items) for the streaming entry points. */
export function asyncSource(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return (async function* () {
    yield* value;
  })();
}

/** Every entry point of @civico/io's main export. */
export const IO_ENTRY_POINTS: readonly E[] = [
  entry({
    name: 'IoError.isInstance',
    covers: 'IoError',
    subject: hostile(),
    kind: 'total',
    call: (m, [v]) => m.IoError.isInstance(v),
    check: isBoolean,
  }),
  fn('createIoClient', hostile({ objects: [{ apiKey: 'k', baseUrl: 'http://127.0.0.1:1/api/v1', timeoutMs: 10 }] })),
  method('getProfile', hostile({ strings: [FC] })),
  method('getSubscriptionsFeed', hostile({ strings: ['2025-01-31'] })),
  method(
    'uploadOrganizationLogo',
    hostile({ strings: ['01199250158'] }),
    hostile({ objects: [new Uint8Array([0x89, 0x50, 0x4e, 0x47])] }),
  ),
  fn('createRateLimiter', hostile({ objects: [{ requestsPerSecond: 5 }] })),
  entry({
    name: 'createRateLimiter().pause',
    covers: 'createRateLimiter',
    subject: hostile(),
    call: (m, [ms]) => m.createRateLimiter().pause(ms as number),
  }),
  entry({
    name: 'readRecipientsCsv',
    covers: 'readRecipientsCsv',
    subject: hostile({ strings: ['/dev/null', '/dev/zero', '/nonexistent/recipients.csv'], objects: [CSV] }),
    args: withSecond(hostile({ objects: [{ delimiter: ';', columns: { fiscalCode: 'codice_fiscale' } }] })),
    limitMs: STREAM_CALL_LIMIT_MS,
    call: (m, [source, options]) => m.readRecipientsCsv(asyncSource(source) as string, options as never),
  }),
  ...schema('FeatureLevelSchema', ['STANDARD', 'ADVANCED']),
  ...schema('IoClientOptionsSchema', [], [{ apiKey: 'k', baseUrl: 'http://127.0.0.1:1/api/v1' }]),
  ...schema('RateLimiterOptionsSchema', [], [{ requestsPerSecond: 5 }]),
  ...schema('RecipientFiscalCodeSchema', [FC]),
  ...schema('SendBulkOptionsSchema', [], [BULK_OPTIONS]),
  fn('buildCtaFrontMatter', hostile({ objects: [CTA] })),
  fn('buildPaymentMessage', hostile({ objects: [NOTICE] }), {
    second: hostile({ objects: [{ fiscalCode: 'RSSMRA80A01H501U', instalment: 1, invalidAfterDueDate: true }] }),
  }),
  fn('compileTemplate', hostile({ objects: [TEMPLATE] })),
  entry({
    name: 'compileTemplate().render',
    covers: 'compileTemplate',
    subject: hostile({ objects: [{ nome: 'Mario', anno: '2025' }] }),
    call: (m, [values]) => m.compileTemplate(TEMPLATE).render(values as Record<string, string>),
  }),
  method('sendMessage', hostile({ objects: [MESSAGE, PAYMENT_MESSAGE] })),
  method('getMessageStatus', hostile({ objects: [{ fiscalCode: FC, messageId: '01HZX3Q0Y2R5V8K9M4N6P7T1W2' }] })),
  entry({
    name: 'createRateLimiter().acquire',
    covers: 'createRateLimiter',
    subject: hostile(),
    call: (m, [signal]) => m.createRateLimiter({ requestsPerSecond: 1000 }).acquire(signal as AbortSignal),
  }),
  fn('endOfDayInRome', hostile({ strings: ['2025-12-31', '2025-03-30', '2025-10-26'] })),
  fn('isValidMessage', hostile({ objects: [MESSAGE, PAYMENT_MESSAGE] }), { total: true }),
  fn('parseMessage', hostile({ objects: [MESSAGE, PAYMENT_MESSAGE] })),
  fn('lintIoMarkdown', hostile({ strings: [MARKDOWN, MESSAGE.markdown] })),
  entry({
    name: 'sendBulk',
    covers: 'sendBulk',
    subject: hostile({ objects: [RECIPIENTS] }),
    args: (s) =>
      fc.oneof(
        fc.tuple(s, fc.constant(val(BULK_OPTIONS))),
        fc.tuple(fc.constant(val(RECIPIENTS)), hostile({ objects: [BULK_OPTIONS] })),
      ),
    limitMs: CLIENT_CALL_LIMIT_MS,
    numRuns: 12,
    call: (m, [recipients, options], ctx) =>
      m.sendBulk(clientFor(m, 'sandbox', ctx), asyncSource(recipients) as never, options as never),
  }),
  entry({
    name: 'runBulk',
    covers: 'runBulk',
    subject: hostile({ objects: [RECIPIENTS] }),
    args: (s) =>
      fc.oneof(
        fc.tuple(s, fc.constant(val(BULK_OPTIONS))),
        fc.tuple(fc.constant(val(RECIPIENTS)), hostile({ objects: [BULK_OPTIONS] })),
      ),
    limitMs: CLIENT_CALL_LIMIT_MS,
    numRuns: 12,
    call: (m, [recipients, options], ctx) =>
      m.runBulk(clientFor(m, 'sandbox', ctx), asyncSource(recipients) as never, options as never),
  }),
  ...schema('CtaFrontMatterSchema', [], [CTA]),
  ...schema('DueDateSchema', ['2025-12-31', '2025-12-31T23:59:59.999Z']),
  ...schema('MessageInputSchema', [], [MESSAGE, PAYMENT_MESSAGE]),
  ...schema('PaymentDataSchema', [], [PAYMENT_MESSAGE.payment]),
];

/** Exports of the main entry that are not entry points for input, with the reason. */
export const IO_EXCLUDED: Readonly<Record<string, string>> = {
  BULK_STATES: 'constant',
  CSV_LIMITS: 'constant',
  DEFAULT_IO_BASE_URL: 'constant',
  DEFAULT_REQUESTS_PER_SECOND: 'constant',
  IO_ERROR_CODES: 'constant (frozen list of codes)',
  IO_MARKDOWN_MAX_DELIMITERS: 'constant',
  IO_MARKDOWN_MAX_NESTING: 'constant',
  IO_MARKDOWN_MAX_OPEN_LINKS: 'constant',
  MESSAGE_LIMITS: 'constant',
};
