// Test and benchmark fixtures: reporting flows of N payments written as a stream of text chunks, in the
// FdR organization API JSON (getSinglePublishedFlow response + `payments`, fdr_organization.json) and in the
// legacy FlussoRiversamento 1.0.4 XML (pagopa-api xsd-common/FlussoRiversamento_1_0_4.xsd). Nothing is
// held in memory but the current chunk, so 1M-payment flows cost no more than 10-payment ones.
// Every line is a pure function of its position `i` (0-based), so a benchmark can build the matching
// debt positions with `fixtureIuv(i)` / `fixtureAmountCents(i)` without reading the flow back.
import type { ReportedPaymentOutcome } from '../src/fdr/reporting-flow.js';

/** The pagoPA namespace of FlussoRiversamento. */
export const FLUSSO_NAMESPACE = 'http://www.digitpa.gov.it/schemas/2011/Pagamenti/';

const XML_OUTCOME: Readonly<Record<ReportedPaymentOutcome, string>> = {
  EXECUTED: '0',
  REVOKED: '3',
  STAND_IN: '4',
  STAND_IN_NO_RPT: '8',
  NO_RPT: '9',
};

/** Options of the fixture generators; every line-level option is a function of the 0-based position. */
export interface FlowFixtureOptions {
  readonly flowId?: string;
  readonly flowDate?: string;
  readonly pspId?: string;
  readonly pspName?: string;
  readonly organizationFiscalCode?: string;
  readonly regulationId?: string;
  readonly regulationDate?: string;
  readonly bic?: string;
  readonly revision?: number;
  readonly iuv?: (i: number) => string;
  readonly iur?: (i: number) => string;
  readonly idTransfer?: (i: number) => number;
  readonly amountCents?: (i: number) => number;
  readonly outcome?: (i: number) => ReportedPaymentOutcome;
  /** JSON: a date-time; XML: a date. Defaults differ per format. */
  readonly payDate?: (i: number) => string;
  /** Declared totals, to build flows whose totals lie (default: the true count and sum). */
  readonly declaredTotalPayments?: number;
  readonly declaredTotalAmountCents?: number;
  /** XML only: namespace prefix (`''` = default namespace, the default is `pay_i`); `null` = no namespace. */
  readonly prefix?: string | null;
  /** Payments per yielded chunk (default 500). */
  readonly chunkPayments?: number;
  /** JSON only: indentation (default none). */
  readonly pretty?: boolean;
}

/** IUV of the fixture line `i`: 17 digits, segregation code `01`. */
export function fixtureIuv(i: number): string {
  return `01${String(i).padStart(15, '0')}`;
}

/** IUR of the fixture line `i`. */
export function fixtureIur(i: number): string {
  return `IUR${String(i).padStart(12, '0')}`;
}

/** Amount of the fixture line `i`, in cents: 10.00 to 1009.99 euros, deterministic. */
export function fixtureAmountCents(i: number): number {
  return 1000 + ((i * 7919) % 100_000);
}

/** Euros with two decimals, by integer arithmetic (`1230` → `12.30`). */
export function centsToDecimal(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

interface Resolved {
  readonly flowId: string;
  readonly flowDate: string;
  readonly pspId: string;
  readonly pspName: string;
  readonly org: string;
  readonly regulationId: string;
  readonly regulationDate: string;
  readonly bic: string;
  readonly revision: number;
  readonly iuv: (i: number) => string;
  readonly iur: (i: number) => string;
  readonly idTransfer: (i: number) => number;
  readonly amountCents: (i: number) => number;
  readonly outcome: (i: number) => ReportedPaymentOutcome;
  readonly chunk: number;
  readonly totalPayments: number;
  readonly totalCents: number;
}

function resolve(n: number, o: FlowFixtureOptions): Resolved {
  const amountCents = o.amountCents ?? fixtureAmountCents;
  let sum = 0;
  if (o.declaredTotalAmountCents === undefined) for (let i = 0; i < n; i++) sum += amountCents(i);
  const pspId = o.pspId ?? '88888888888';
  return {
    flowId: o.flowId ?? `2026-03-04${pspId}-0000001`,
    flowDate: o.flowDate ?? '2026-03-04T10:15:00',
    pspId,
    pspName: o.pspName ?? 'PSP Fixture',
    org: o.organizationFiscalCode ?? '77777777777',
    regulationId: o.regulationId ?? 'SEPA-FIXTURE-0001',
    regulationDate: o.regulationDate ?? '2026-03-04',
    bic: o.bic ?? 'UNCRITMMXXX',
    revision: o.revision ?? 1,
    iuv: o.iuv ?? fixtureIuv,
    iur: o.iur ?? fixtureIur,
    idTransfer: o.idTransfer ?? (() => 1),
    amountCents,
    outcome: o.outcome ?? (() => 'EXECUTED'),
    chunk: Math.max(1, o.chunkPayments ?? 500),
    totalPayments: o.declaredTotalPayments ?? n,
    totalCents: o.declaredTotalAmountCents ?? sum,
  };
}

/**
 * A flow of `n` payments as the FdR organization API JSON (header fields first, then `payments`), yielded
 * in chunks of `chunkPayments` lines.
 */
export async function* generateFlowJson(n: number, options: FlowFixtureOptions = {}): AsyncGenerator<string> {
  const r = resolve(n, options);
  const payDate = options.payDate ?? ((i: number) => `2026-03-03T${String(8 + (i % 10)).padStart(2, '0')}:00:00Z`);
  const nl = options.pretty ? '\n  ' : '';
  const sum = centsToDecimal(r.totalCents);
  yield `{${nl}"status":"PUBLISHED",${nl}"revision":${r.revision},${nl}"created":"2026-03-04T09:00:00Z",` +
    `${nl}"updated":"2026-03-04T10:15:00Z",${nl}"fdr":${JSON.stringify(r.flowId)},${nl}"fdrDate":"${r.flowDate}Z",` +
    `${nl}"regulation":${JSON.stringify(r.regulationId)},${nl}"regulationDate":"${r.regulationDate}",` +
    `${nl}"bicCodePouringBank":${JSON.stringify(r.bic)},${nl}"sender":{"type":"LEGAL_PERSON","id":"SELBIT2B",` +
    `"pspId":${JSON.stringify(r.pspId)},"pspName":${JSON.stringify(r.pspName)},"pspBrokerId":"70000000001",` +
    `"channelId":"80000000001"},${nl}"receiver":{"id":"APPBIT2B","organizationId":${JSON.stringify(r.org)},` +
    `"organizationName":"Comune di Prova"},${nl}"published":"2026-03-04T10:20:00Z",` +
    `${nl}"computedTotPayments":${r.totalPayments},${nl}"computedSumPayments":${sum},` +
    `${nl}"totPayments":${r.totalPayments},${nl}"sumPayments":${sum},${nl}"payments":[`;
  let out = '';
  for (let i = 0; i < n; i++) {
    out +=
      `${i === 0 ? '' : ','}${nl}{"index":${i + 1},"iuv":${JSON.stringify(r.iuv(i))},"iur":${JSON.stringify(r.iur(i))},` +
      `"idTransfer":${r.idTransfer(i)},"pay":${centsToDecimal(r.amountCents(i))},"payStatus":"${r.outcome(i)}",` +
      `"payDate":"${payDate(i)}"}`;
    if ((i + 1) % r.chunk === 0) {
      yield out;
      out = '';
    }
  }
  yield `${out}${options.pretty ? '\n' : ''}]}${options.pretty ? '\n' : ''}`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A flow of `n` payments as FlussoRiversamento 1.0.4 XML (XSD element order), yielded in chunks of
 * `chunkPayments` lines. `prefix` picks the namespace prefix (`pay_i` by default, `''` for a default
 * namespace, `null` for none).
 */
export async function* generateFlowXml(n: number, options: FlowFixtureOptions = {}): AsyncGenerator<string> {
  const r = resolve(n, options);
  const payDate = options.payDate ?? (() => '2026-03-03');
  const prefix = options.prefix === undefined ? 'pay_i' : options.prefix;
  const p = prefix ? `${prefix}:` : '';
  const xmlns = prefix === null ? '' : ` xmlns${prefix ? `:${prefix}` : ''}="${FLUSSO_NAMESPACE}"`;
  const el = (name: string, value: string) => `<${p}${name}>${escapeXml(value)}</${p}${name}>`;
  yield '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<${p}FlussoRiversamento${xmlns}>\n` +
    `${el('versioneOggetto', '1.0')}\n${el('identificativoFlusso', r.flowId)}\n` +
    `${el('dataOraFlusso', r.flowDate)}\n${el('identificativoUnivocoRegolamento', r.regulationId)}\n` +
    `${el('dataRegolamento', r.regulationDate)}\n` +
    `<${p}istitutoMittente><${p}identificativoUnivocoMittente>${el('tipoIdentificativoUnivoco', 'B')}` +
    `${el('codiceIdentificativoUnivoco', r.pspId)}</${p}identificativoUnivocoMittente>` +
    `${el('denominazioneMittente', r.pspName)}</${p}istitutoMittente>\n` +
    `${el('codiceBicBancaDiRiversamento', r.bic)}\n` +
    `<${p}istitutoRicevente><${p}identificativoUnivocoRicevente>${el('tipoIdentificativoUnivoco', 'G')}` +
    `${el('codiceIdentificativoUnivoco', r.org)}</${p}identificativoUnivocoRicevente>` +
    `${el('denominazioneRicevente', 'Comune di Prova')}</${p}istitutoRicevente>\n` +
    `${el('numeroTotalePagamenti', String(r.totalPayments))}\n` +
    `${el('importoTotalePagamenti', centsToDecimal(r.totalCents))}\n`;
  let out = '';
  for (let i = 0; i < n; i++) {
    out +=
      `<${p}datiSingoliPagamenti>${el('identificativoUnivocoVersamento', r.iuv(i))}` +
      `${el('identificativoUnivocoRiscossione', r.iur(i))}${el('indiceDatiSingoloPagamento', String(r.idTransfer(i)))}` +
      `${el('singoloImportoPagato', centsToDecimal(r.amountCents(i)))}` +
      `${el('codiceEsitoSingoloPagamento', XML_OUTCOME[r.outcome(i)])}` +
      `${el('dataEsitoSingoloPagamento', payDate(i))}</${p}datiSingoliPagamenti>\n`;
    if ((i + 1) % r.chunk === 0) {
      yield out;
      out = '';
    }
  }
  yield `${out}</${p}FlussoRiversamento>\n`;
}

/** Joins a generated flow into one string (small flows only). */
export async function flowText(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}
