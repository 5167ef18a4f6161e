// The hostile harness's entries for readReportingFlow: hostile values as the source (wrong types, 1–10 MiB
// strings, binary, deep nesting, almost-valid JSON and XML flows: truncated, damaged, look-alike) and
// hostile STREAMS built in the worker: never-ending sources (whitespace, one endless string, endless
// nesting, endless unknown header keys, endless payment lines; as async iterables, iterables, web
// ReadableStreams and node Readables), sources that throw, yield wrong chunk types or split UTF-8 wrongly. A never-ending source
// must end in a typed error from a limit (maxStringLength, maxDepth, maxPayments, maxBytes), never by
// reading on: every stream counts what it handed out and fails the call past STREAM_READ_CAP_BYTES.
import { Readable } from 'node:stream';
import { types } from 'node:util';
import fc from 'fast-check';
import { entry, type HostileEntryPoint } from '../../../test-support/hostile/entry-point.js';
import { hostileOptions } from '../../../test-support/hostile/hostile-accessors.js';
import { hostile, val } from '../../../test-support/hostile/hostile-arbitraries.js';
import type { HostileSpec } from '../../../test-support/hostile/hostile-spec.js';
import { drainFlow, type PagoPaModules, pagoPaOnly } from './hostile-pagopa-live.js';

type M = PagoPaModules;
type E = HostileEntryPoint<M>;

/** What a never-ending stream may hand out before the call is a violation (it should have stopped long before). */
export const STREAM_READ_CAP_BYTES = 48 * 1024 * 1024;
/** Per-call limit of readReportingFlow on a hostile source (a few MiB parsed at most). */
export const FLOW_CALL_LIMIT_MS = 4_000;

const JSON_HEADER =
  '{"status":"PUBLISHED","revision":1,"fdr":"2026-03-0488888888888-0000001","fdrDate":"2026-03-04T10:15:00Z",' +
  '"regulation":"SEPA-1","regulationDate":"2026-03-04","bicCodePouringBank":"UNCRITMMXXX",' +
  '"sender":{"type":"LEGAL_PERSON","id":"SELBIT2B","pspId":"88888888888","pspName":"PSP"},' +
  '"receiver":{"id":"APPBIT2B","organizationId":"77777777777","organizationName":"Comune"},' +
  '"totPayments":2,"sumPayments":30.5,"payments":[';
const JSON_LINE = (i: number) =>
  `{"index":${i},"iuv":"0100000000000000${i % 10}","iur":"IUR${i}","idTransfer":1,"pay":15.25,"payStatus":"EXECUTED","payDate":"2026-03-03T08:00:00Z"}`;
export const FLOW_JSON = `${JSON_HEADER}${JSON_LINE(1)},${JSON_LINE(2)}]}`;

const X = (name: string, value: string) => `<${name}>${value}</${name}>`;
const XML_HEADER =
  '<?xml version="1.0" encoding="UTF-8"?><FlussoRiversamento xmlns="http://www.digitpa.gov.it/schemas/2011/Pagamenti/">' +
  X('versioneOggetto', '1.0') +
  X('identificativoFlusso', '2026-03-0488888888888-0000001') +
  X('dataOraFlusso', '2026-03-04T10:15:00') +
  X('identificativoUnivocoRegolamento', 'SEPA-1') +
  X('dataRegolamento', '2026-03-04') +
  `<istitutoMittente><identificativoUnivocoMittente>${X('tipoIdentificativoUnivoco', 'B')}${X('codiceIdentificativoUnivoco', '88888888888')}</identificativoUnivocoMittente></istitutoMittente>` +
  `<istitutoRicevente><identificativoUnivocoRicevente>${X('tipoIdentificativoUnivoco', 'G')}${X('codiceIdentificativoUnivoco', '77777777777')}</identificativoUnivocoRicevente></istitutoRicevente>` +
  X('numeroTotalePagamenti', '2') +
  X('importoTotalePagamenti', '30.50');
const XML_LINE = (i: number) =>
  `<datiSingoliPagamenti>${X('identificativoUnivocoVersamento', `0100000000000000${i % 10}`)}${X('identificativoUnivocoRiscossione', `IUR${i}`)}${X('indiceDatiSingoloPagamento', '1')}${X('singoloImportoPagato', '15.25')}${X('codiceEsitoSingoloPagamento', '0')}${X('dataEsitoSingoloPagamento', '2026-03-03')}</datiSingoliPagamenti>`;
export const FLOW_XML = `${XML_HEADER}${XML_LINE(1)}${XML_LINE(2)}</FlussoRiversamento>`;
/** Flows with prototype-named keys and elements (a lookup by name must not reach Object.prototype). */
export const PROTO_FLOWS: readonly string[] = [
  FLOW_JSON.replace('{"status"', '{"__proto__":{"fdr":"x"},"constructor":{"prototype":1},"status"'),
  FLOW_JSON.replace('"pspName":"PSP"', '"pspName":"PSP","__proto__":1,"toString":2'),
  FLOW_JSON.replace('"index":1,', '"index":1,"__proto__":{"iuv":"x"},"hasOwnProperty":1,'),
  FLOW_XML.replace('<versioneOggetto>', '<constructor/><versioneOggetto>'),
  '<__proto__><toString/></__proto__>',
];

/** The hostile streams, by name: a head, then a body repeated for ever (or a misbehaving source). */
const ENDLESS: Readonly<Record<string, readonly [string, (i: number) => string]>> = {
  'ws-json': ['{', () => ' '.repeat(65_536)],
  'ws-xml': ['<?xml version="1.0"?><FlussoRiversamento>', () => ' \n'.repeat(32_768)],
  'ws-before': ['', () => ' '.repeat(65_536)],
  'string-json': ['{"fdr":"', () => 'a'.repeat(65_536)],
  'key-json': ['{"', () => 'k'.repeat(65_536)],
  'number-json': ['{"revision":1', () => '0'.repeat(65_536)],
  'text-xml': ['<FlussoRiversamento><identificativoFlusso>', () => 'a'.repeat(65_536)],
  'comment-xml': ['<FlussoRiversamento><!--', () => 'a'.repeat(65_536)],
  'attr-xml': ['<FlussoRiversamento a="', () => 'a'.repeat(65_536)],
  'pi-xml': ['<?xml ', () => 'a'.repeat(65_536)],
  'cdata-xml': ['<FlussoRiversamento><identificativoFlusso><![CDATA[', () => 'a'.repeat(65_536)],
  'nest-json': ['{"sender":', () => '['.repeat(4_096)],
  'nest-xml': ['<FlussoRiversamento>', () => '<a>'.repeat(4_096)],
  'keys-json': ['{', () => '"x":1,'.repeat(8_192)],
  'distinct-keys-json': ['{', (i) => Array.from({ length: 512 }, (_, j) => `"k${i}_${j}":1,`).join('')],
  'distinct-keys-sender-json': [
    '{"sender":{',
    (i) => Array.from({ length: 512 }, (_, j) => `"k${i}_${j}":1,`).join(''),
  ],
  'distinct-keys-line-json': [
    `${JSON_HEADER}{"index":1,`,
    (i) => Array.from({ length: 512 }, (_, j) => `"k${i}_${j}":1,`).join(''),
  ],
  'skipped-array-json': ['{"x":[', () => '1,'.repeat(32_768)],
  'objects-json': ['{', (i) => `"k${i}":{"a":[1,2,{"b":"c"}]},`.repeat(1_024)],
  'elements-xml': ['<FlussoRiversamento>', () => '<x>1</x>'.repeat(8_192)],
  'payments-json': [JSON_HEADER, (i) => `${JSON_LINE(i)},`.repeat(256)],
  'payments-xml': [XML_HEADER, (i) => XML_LINE(i).repeat(256)],
  'header-repeat-xml': [
    XML_HEADER.slice(0, XML_HEADER.indexOf('<istitutoMittente>')),
    () => X('identificativoFlusso', 'x').repeat(4_096),
  ],
};
const BROKEN = [
  'throws-error',
  'throws-string',
  'yields-number',
  'yields-proxy',
  'return-throws',
  'split-utf8',
  'lone-surrogate-chunks',
] as const;
const SHAPES = ['async', 'sync', 'web', 'node'] as const;

/** A recipe of a hostile stream (materialised in the worker by {@link streamOf}). */
const streamSpec: fc.Arbitrary<HostileSpec> = fc
  .tuple(fc.constantFrom(...Object.keys(ENDLESS), ...BROKEN), fc.constantFrom(...SHAPES))
  .map(([kind, shape]) => val({ stream: kind, shape }));

/** A field of a stream recipe, read without running a hostile value's getter or Proxy trap. */
function recipeField(spec: unknown, key: string): unknown {
  if (typeof spec !== 'object' || spec === null || types.isProxy(spec)) return undefined;
  const d = Object.getOwnPropertyDescriptor(spec, key);
  return d && 'value' in d ? d.value : undefined;
}

/** The stream a recipe names; anything else passes through (the fixed sweep's plain hostile values). */
function streamOf(spec: unknown): unknown {
  const kind = recipeField(spec, 'stream');
  if (typeof kind !== 'string') return spec;
  const shape = recipeField(spec, 'shape');
  let handed = 0;
  const count = (piece: string | Uint8Array): string | Uint8Array => {
    handed += typeof piece === 'string' ? piece.length : piece.length;
    if (handed > STREAM_READ_CAP_BYTES) throw new Error(`read ${handed} bytes of a never-ending ${kind} source`);
    return piece;
  };
  const gen = (function* (): Generator<unknown> {
    const endless = ENDLESS[kind];
    if (endless) {
      yield count(endless[0]);
      for (let i = 1; ; i++) yield count(endless[1](i));
    }
    switch (kind) {
      case 'throws-error':
        yield FLOW_JSON.slice(0, 300);
        throw new Error('source failed');
      case 'throws-string':
        yield FLOW_XML.slice(0, 300);
        throw 'a string';
      case 'yields-number':
        yield FLOW_JSON.slice(0, 10);
        yield 42;
        return;
      case 'yields-proxy':
        yield FLOW_JSON.slice(0, 10);
        yield new Proxy(
          {},
          {
            get: () => {
              throw new Error('proxy');
            },
            getPrototypeOf: () => {
              throw new Error('proxy');
            },
          },
        );
        return;
      case 'split-utf8': {
        const bytes = new TextEncoder().encode(FLOW_JSON.replace('"PSP"', '"PSP \u00e8\u{1F600}"'));
        for (let i = 0; i < bytes.length; i += 3) yield bytes.subarray(i, i + 3);
        return;
      }
      case 'lone-surrogate-chunks':
        yield FLOW_JSON.slice(0, 200);
        yield '\uD800';
        yield FLOW_JSON.slice(200);
        return;
    }
  })();
  if (kind === 'return-throws') {
    const it = (function* () {
      yield FLOW_JSON.slice(0, 30);
      yield '][';
    })();
    return {
      [Symbol.asyncIterator]: () => ({
        next: () => Promise.resolve(it.next()),
        return: () => {
          throw new Error('return failed');
        },
      }),
    };
  }
  if (shape === 'sync') return { [Symbol.iterator]: () => gen };
  // A node Readable in object mode: chunks of text or bytes as yielded (a wrong chunk errors the stream).
  if (shape === 'node') return Readable.from(gen, { objectMode: true });
  if (shape === 'web') {
    return new ReadableStream({
      pull(controller) {
        const r = gen.next();
        if (r.done) controller.close();
        else controller.enqueue(typeof r.value === 'string' ? new TextEncoder().encode(r.value) : r.value);
      },
    });
  }
  return (async function* () {
    yield* gen;
  })();
}

/**
 * Options a stream kind is read with when the draw gives none: endless valid lines stop at maxPayments (the
 * default, 1 000 000 lines, is ~140 MB and seconds of parsing), an endless skipped value only at maxBytes.
 */
const KIND_OPTIONS: Readonly<Record<string, object>> = {
  'payments-json': { maxPayments: 2_000 },
  'payments-xml': { maxPayments: 2_000 },
  'skipped-array-json': { maxBytes: 4_000_000 },
};

/** Every stream kind once per run, as an async iterable (the random draws add the other shapes). */
const STREAM_SWEEP: readonly HostileSpec[] = [...Object.keys(ENDLESS), ...BROKEN].map((kind) =>
  val({ stream: kind, shape: 'async' }),
);

const FLOW_OPTIONS: readonly object[] = [
  { format: 'json', maxPayments: 1_000, maxDepth: 16, maxStringLength: 256, maxBytes: 1_000_000 },
  { format: 'xml' },
];

export const FLOW_ENTRY_POINTS: readonly E[] = pagoPaOnly<E>([
  entry<M>({
    name: 'readReportingFlow',
    covers: 'readReportingFlow',
    subject: hostile({ strings: [FLOW_JSON, FLOW_XML, ...PROTO_FLOWS] }),
    fixed: PROTO_FLOWS.map(val),
    args: (s) => fc.oneof(fc.tuple(s), fc.tuple(s, hostileOptions(FLOW_OPTIONS))),
    limitMs: FLOW_CALL_LIMIT_MS,
    call: async (m, [source, o]) => drainFlow(await m.readReportingFlow(source as never, o as never)),
  }),
  entry<M>({
    name: 'readReportingFlow (hostile streams)',
    covers: 'readReportingFlow',
    subject: streamSpec,
    args: (s) =>
      fc.oneof(
        fc.tuple(s),
        fc.tuple(s, fc.constantFrom({ maxPayments: 100 }, { maxBytes: 4_000_000 }, { maxStringLength: 64 }).map(val)),
      ),
    limitMs: FLOW_CALL_LIMIT_MS,
    numRuns: 40,
    fixed: STREAM_SWEEP,
    call: async (m, [spec, o]) => {
      const kind = recipeField(spec, 'stream');
      const own = typeof kind === 'string' ? KIND_OPTIONS[kind] : undefined;
      const options =
        own && (o === undefined || Object.getPrototypeOf(o) === Object.prototype) ? { ...own, ...(o as object) } : o;
      return drainFlow(await m.readReportingFlow(streamOf(spec) as never, options as never));
    },
  }),
]);
