// FlussoRiversamento 1.0.4 (pagopa-api xsd-common/FlussoRiversamento_1_0_4.xsd): element sequences,
// required elements (minOccurs 1) and the simple types of the leaves.
import type { ReportedPayment, ReportedPaymentOutcome, ReportingFlowHeader } from '../reporting-flow.js';
import { flowError } from './flow-error.js';
import { amountCents, calendarDate, dateTime, flowId, integer, required, text, XML_OUTCOMES } from './flow-values.js';

/** The pagoPA namespace of FlussoRiversamento. */
export const FLUSSO_NS = 'http://www.digitpa.gov.it/schemas/2011/Pagamenti/';

/** Totals element names, for `field` in `totals` errors. */
export const XML_TOTALS = { count: 'numeroTotalePagamenti', sum: 'importoTotalePagamenti' } as const;

/** Children of each complex element, in XSD sequence order. */
export const SEQUENCES: Readonly<Record<string, readonly string[]>> = {
  FlussoRiversamento: [
    'versioneOggetto',
    'identificativoFlusso',
    'dataOraFlusso',
    'identificativoUnivocoRegolamento',
    'dataRegolamento',
    'istitutoMittente',
    'codiceBicBancaDiRiversamento',
    'istitutoRicevente',
    'numeroTotalePagamenti',
    'importoTotalePagamenti',
    'datiSingoliPagamenti',
  ],
  istitutoMittente: ['identificativoUnivocoMittente', 'denominazioneMittente'],
  identificativoUnivocoMittente: ['tipoIdentificativoUnivoco', 'codiceIdentificativoUnivoco'],
  istitutoRicevente: ['identificativoUnivocoRicevente', 'denominazioneRicevente'],
  identificativoUnivocoRicevente: ['tipoIdentificativoUnivoco', 'codiceIdentificativoUnivoco'],
  datiSingoliPagamenti: [
    'identificativoUnivocoVersamento',
    'identificativoUnivocoRiscossione',
    'indiceDatiSingoloPagamento',
    'singoloImportoPagato',
    'codiceEsitoSingoloPagamento',
    'dataEsitoSingoloPagamento',
  ],
};

/** Optional children (minOccurs 0); every other child in a sequence is required. */
const OPTIONAL: ReadonlySet<string> = new Set([
  'denominazioneMittente',
  'codiceBicBancaDiRiversamento',
  'denominazioneRicevente',
  'indiceDatiSingoloPagamento',
]);

/** Bit mask of the required children of a complex element. */
export function requiredMask(name: string): number {
  let mask = 0;
  (SEQUENCES[name] ?? []).forEach((child, i) => {
    if (!OPTIONAL.has(child)) mask |= 1 << i;
  });
  return mask;
}

/** The first required child missing from `seen`, if any. */
export function missingChild(name: string, seen: number): string | undefined {
  const children = SEQUENCES[name] ?? [];
  return children.find((child, i) => !OPTIONAL.has(child) && (seen & (1 << i)) === 0);
}

/** The header fields read so far. */
export type XmlHeaderDraft = { -readonly [K in keyof ReportingFlowHeader]?: ReportingFlowHeader[K] };

/** The fields of one `datiSingoliPagamenti` read so far. */
export interface XmlPaymentDraft {
  iuv?: string;
  iur?: string;
  idTransfer?: number;
  amountCents?: number;
  outcome?: ReportedPaymentOutcome;
  date?: string;
}

/** Stores one header leaf; `path` is its dotted path under the root. */
export function assignXmlHeader(d: XmlHeaderDraft, path: string, value: string): void {
  switch (path) {
    case 'versioneOggetto':
      text(value, path, 16);
      return;
    case 'identificativoFlusso':
      d.flowId = flowId(value, path);
      return;
    case 'dataOraFlusso':
      d.flowDate = dateTime(value, path);
      return;
    case 'identificativoUnivocoRegolamento':
      d.regulationId = text(value, path, 35);
      return;
    case 'dataRegolamento':
      d.regulationDate = calendarDate(value, path, true);
      return;
    case 'codiceBicBancaDiRiversamento':
      d.bic = text(value, path, 35);
      return;
    case 'istitutoMittente.identificativoUnivocoMittente.tipoIdentificativoUnivoco':
      if (!/^[GAB]$/.test(value)) throw flowError('shape', path, `${path} must be G, A or B`);
      return;
    case 'istitutoMittente.identificativoUnivocoMittente.codiceIdentificativoUnivoco':
      d.pspId = text(value, path, 35);
      return;
    case 'istitutoMittente.denominazioneMittente':
      d.pspName = text(value, path, 70);
      return;
    case 'istitutoRicevente.identificativoUnivocoRicevente.tipoIdentificativoUnivoco':
      if (value !== 'G') throw flowError('shape', path, `${path} must be G`);
      return;
    case 'istitutoRicevente.identificativoUnivocoRicevente.codiceIdentificativoUnivoco':
      d.organizationFiscalCode = text(value, path, 35);
      return;
    case 'istitutoRicevente.denominazioneRicevente':
      text(value, path, 140);
      return;
    case 'numeroTotalePagamenti':
      d.totalPayments = integer(value, path, 1, 999_999_999_999_999);
      return;
    case 'importoTotalePagamenti':
      d.totalAmountCents = amountCents(value, path);
      return;
  }
}

/** The complete header (every required element was checked present by the reader). */
export function finishXmlHeader(d: XmlHeaderDraft): ReportingFlowHeader {
  return {
    flowId: required(d.flowId, 'identificativoFlusso'),
    flowDate: required(d.flowDate, 'dataOraFlusso'),
    pspId: required(d.pspId, 'istitutoMittente'),
    pspName: d.pspName,
    revision: 1,
    regulationId: required(d.regulationId, 'identificativoUnivocoRegolamento'),
    regulationDate: required(d.regulationDate, 'dataRegolamento'),
    bic: d.bic,
    organizationFiscalCode: required(d.organizationFiscalCode, 'istitutoRicevente'),
    totalPayments: required(d.totalPayments, 'numeroTotalePagamenti'),
    totalAmountCents: required(d.totalAmountCents, 'importoTotalePagamenti'),
  };
}

/** Stores one leaf of a `datiSingoliPagamenti`; `field` is `datiSingoliPagamenti.<i>.<name>`. */
export function assignXmlPayment(d: XmlPaymentDraft, name: string, field: string, value: string): void {
  switch (name) {
    case 'identificativoUnivocoVersamento':
      d.iuv = text(value, field, 35);
      return;
    case 'identificativoUnivocoRiscossione':
      d.iur = text(value, field, 35);
      return;
    case 'indiceDatiSingoloPagamento':
      d.idTransfer = integer(value, field, 1, 5);
      return;
    case 'singoloImportoPagato':
      d.amountCents = amountCents(value, field, true);
      return;
    case 'codiceEsitoSingoloPagamento': {
      const outcome = Object.hasOwn(XML_OUTCOMES, value) ? XML_OUTCOMES[value] : undefined;
      if (!outcome) throw flowError('shape', field, `${field} must be 0, 3, 4, 8 or 9`);
      d.outcome = outcome;
      return;
    }
    case 'dataEsitoSingoloPagamento':
      d.date = calendarDate(value, field, true);
      return;
  }
}

/** The line; a missing `indiceDatiSingoloPagamento` (minOccurs 0) means transfer 1. */
export function finishXmlPayment(d: XmlPaymentDraft, flow: string, index: number, prefix: string): ReportedPayment {
  return {
    flowId: flow,
    index,
    iuv: required(d.iuv, `${prefix}.identificativoUnivocoVersamento`),
    iur: required(d.iur, `${prefix}.identificativoUnivocoRiscossione`),
    idTransfer: d.idTransfer ?? 1,
    amountCents: required(d.amountCents, `${prefix}.singoloImportoPagato`),
    outcome: required(d.outcome, `${prefix}.codiceEsitoSingoloPagamento`),
    date: required(d.date, `${prefix}.dataEsitoSingoloPagamento`),
  };
}
