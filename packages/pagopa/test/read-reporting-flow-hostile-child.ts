// Child process of read-reporting-flow-hostile.test.ts (run with a heap cap): reads hostile flows that are
// generated as they are read (endless or huge, never held whole) and prints one JSON line per case: how
// the read ended, in how long, and the peak RSS. A crash or an out-of-memory shows as a missing line.
import { PagoPaError } from '../src/errors.js';
import { type ReadReportingFlowOptions, readReportingFlow } from '../src/fdr/read/read-reporting-flow.js';
import type { ReportingFlowSource } from '../src/fdr/read/source-text.js';
import { flowText, generateFlowJson, generateFlowXml } from './reporting-flow-fixtures.js';

/** Input fed before a case counts as "no limit hit": 512 MiB. */
const GIVE_UP_BYTES = 512 * 1024 * 1024;

async function* endless(head: string, unit: string, tail = ''): AsyncGenerator<string> {
  yield head;
  const block = unit.repeat(Math.max(1, Math.floor(65_536 / unit.length)));
  for (let fed = 0; fed < GIVE_UP_BYTES; fed += block.length) yield block;
  yield tail;
}

async function* cut(source: AsyncIterable<string>, keep: number): AsyncGenerator<string> {
  let kept = 0;
  for await (const chunk of source) {
    if (kept + chunk.length >= keep) {
      yield chunk.slice(0, keep - kept);
      return;
    }
    kept += chunk.length;
    yield chunk;
  }
}

function bytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = 2463534242;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const jsonLine =
  '{"index":1,"iuv":"01000000000000001","iur":"IUR1","idTransfer":1,"pay":1.00,"payStatus":"EXECUTED","payDate":"2026-03-03"},';
const xmlLine =
  '<datiSingoliPagamenti><identificativoUnivocoVersamento>01000000000000001</identificativoUnivocoVersamento>' +
  '<identificativoUnivocoRiscossione>IUR1</identificativoUnivocoRiscossione><singoloImportoPagato>1.00</singoloImportoPagato>' +
  '<codiceEsitoSingoloPagamento>0</codiceEsitoSingoloPagamento><dataEsitoSingoloPagamento>2026-03-03</dataEsitoSingoloPagamento></datiSingoliPagamenti>';

async function xmlHead(): Promise<string> {
  const text = await flowText(generateFlowXml(1, { prefix: null, declaredTotalPayments: 10 }));
  return text.slice(0, text.indexOf('<datiSingoliPagamenti>'));
}
async function jsonHead(): Promise<string> {
  const text = await flowText(generateFlowJson(0, { declaredTotalPayments: 10 }));
  return text.slice(0, text.indexOf('"payments":[') + '"payments":['.length);
}

type Case = () => Promise<{ source: ReportingFlowSource; options?: ReadReportingFlowOptions }>;

export const CASES: Readonly<Record<string, Case>> = {
  'json-deep-arrays': async () => ({ source: endless('{"x":', '[') }),
  'json-deep-objects': async () => ({ source: endless('{"x":', '{"a":') }),
  'json-huge-string': async () => ({ source: endless('{"fdr":"', 'a') }),
  'json-huge-key': async () => ({ source: endless('{"', 'k') }),
  'json-huge-number': async () => ({ source: endless('{"totPayments":', '7') }),
  'json-endless-blanks': async () => ({ source: endless('{"fdr":', ' ') }),
  'json-endless-unknown-array': async () => ({
    source: endless('{"x":[', '1,'),
    options: { maxBytes: 8 * 1024 * 1024 },
  }),
  'json-endless-lines': async () => ({
    source: endless(await jsonHead(), jsonLine),
    options: { maxPayments: 20_000 },
  }),
  'xml-huge-text': async () => ({ source: endless('<FlussoRiversamento><versioneOggetto>', 'a') }),
  'xml-huge-tag-name': async () => ({ source: endless('<', 'a') }),
  'xml-huge-attribute': async () => ({ source: endless('<FlussoRiversamento a="', 'v') }),
  'xml-huge-doctype': async () => ({ source: endless('<!DOCTYPE x [', '<!ENTITY a "b">') }),
  'xml-endless-comment': async () => ({ source: endless('<FlussoRiversamento><!--', '-a') }),
  'xml-nested-elements': async () => ({ source: endless('<FlussoRiversamento>', '<istitutoMittente>') }),
  'xml-billion-laughs': async () => ({
    source:
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
      Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') +
      ']><FlussoRiversamento><versioneOggetto>&lol9;</versioneOggetto></FlussoRiversamento>',
  }),
  'xml-endless-lines': async () => ({ source: endless(await xmlHead(), xmlLine), options: { maxPayments: 20_000 } }),
  'binary-20mb': async () => ({ source: [bytes(20 * 1024 * 1024)] }),
  'json-truncated-stream': async () => ({ source: cut(generateFlowJson(10_000), 600_000) }),
  'xml-truncated-stream': async () => ({ source: cut(generateFlowXml(10_000), 1_500_000) }),
};

async function run(name: string): Promise<void> {
  const make = CASES[name];
  if (!make) throw new Error(`unknown case ${name}`);
  const { source, options } = await make();
  const started = performance.now();
  let lines = 0;
  let outcome: Record<string, unknown>;
  try {
    const flow = await readReportingFlow(source, options);
    for await (const _ of flow.payments) lines += 1;
    outcome = { outcome: 'resolved' };
  } catch (err) {
    outcome = PagoPaError.isInstance(err)
      ? { outcome: 'rejected', code: err.code, rule: err.rule, field: err.field }
      : { outcome: 'foreign', error: String(err) };
  }
  const elapsedMs = Math.round(performance.now() - started);
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ name, ...outcome, lines, elapsedMs, peakRssMb })}\n`);
}

for (const name of process.argv.slice(2)) await run(name);
