import { romeWallClock } from '../gpd/model/rome-time.js';
import { formatEuroAmount } from './flow-amount.js';
import { escapeMarkup } from './flow-escape.js';
import type { GpdSandboxFlow } from './flow-types.js';

/** Namespace of FlussoRiversamento 1.0.4 (`elementFormDefault="qualified"`). */
const PAGAMENTI_NS = 'http://www.digitpa.gov.it/schemas/2011/Pagamenti/';

/** FlussoRiversamento `codiceEsitoSingoloPagamento` of each outcome. */
const OUTCOME_CODES: Readonly<Record<string, string>> = {
  EXECUTED: '0',
  REVOKED: '3',
  STAND_IN: '4',
  STAND_IN_NO_RPT: '8',
  NO_RPT: '9',
};

/**
 * Options of {@link renderFlowXml}.
 * @internal
 */
export interface RenderFlowXmlOptions {
  /** Namespace prefix of every element (e.g. `pay_i`); default none (a default namespace). */
  readonly prefix?: string | undefined;
}

/**
 * Renders a flow as the legacy XML `FlussoRiversamento` 1.0.4 document.
 *
 * @remarks
 * Element order of `ctFlussoRiversamento`: versioneOggetto (`1.0`), identificativoFlusso,
 * dataOraFlusso, identificativoUnivocoRegolamento, dataRegolamento, istitutoMittente (type `G`, the
 * PSP id), codiceBicBancaDiRiversamento (when known), istitutoRicevente (type `G`, the creditor),
 * numeroTotalePagamenti, importoTotalePagamenti, then one datiSingoliPagamenti per line (IUV, IUR,
 * indiceDatiSingoloPagamento, singoloImportoPagato, codiceEsitoSingoloPagamento,
 * dataEsitoSingoloPagamento as the Rome calendar date). Amounts are `150.00`. All elements are in
 * the Pagamenti namespace (qualified).
 * @param flow - the flow
 * @param options - namespace prefix
 * @returns the XML text (UTF-8 declaration included)
 * @internal
 */
export function renderFlowXml(flow: GpdSandboxFlow, options: RenderFlowXmlOptions = {}): string {
  const p = options.prefix ? `${options.prefix}:` : '';
  const el = (name: string, value: string): string => `<${p}${name}>${escapeMarkup(value)}</${p}${name}>`;
  const open = (name: string): string => `<${p}${name}>`;
  const close = (name: string): string => `</${p}${name}>`;
  const h = flow.header;
  const xmlns = options.prefix ? `xmlns:${options.prefix}` : 'xmlns';
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<${p}FlussoRiversamento ${xmlns}="${PAGAMENTI_NS}">`,
    el('versioneOggetto', '1.0'),
    el('identificativoFlusso', h.flowId),
    el('dataOraFlusso', h.flowDate),
    el('identificativoUnivocoRegolamento', h.regulationId),
    el('dataRegolamento', h.regulationDate),
    open('istitutoMittente'),
    open('identificativoUnivocoMittente'),
    el('tipoIdentificativoUnivoco', 'G'),
    el('codiceIdentificativoUnivoco', h.pspId),
    close('identificativoUnivocoMittente'),
    el('denominazioneMittente', h.pspName ?? h.pspId),
    close('istitutoMittente'),
    h.bic === undefined ? '' : el('codiceBicBancaDiRiversamento', h.bic),
    open('istitutoRicevente'),
    open('identificativoUnivocoRicevente'),
    el('tipoIdentificativoUnivoco', 'G'),
    el('codiceIdentificativoUnivoco', h.organizationFiscalCode),
    close('identificativoUnivocoRicevente'),
    el('denominazioneRicevente', flow.organizationName),
    close('istitutoRicevente'),
    el('numeroTotalePagamenti', String(h.totalPayments)),
    el('importoTotalePagamenti', formatEuroAmount(h.totalAmountCents)),
  ];
  for (const line of flow.payments) {
    parts.push(
      open('datiSingoliPagamenti') +
        el('identificativoUnivocoVersamento', line.iuv) +
        el('identificativoUnivocoRiscossione', line.iur) +
        el('indiceDatiSingoloPagamento', String(line.idTransfer)) +
        el('singoloImportoPagato', formatEuroAmount(line.amountCents)) +
        el('codiceEsitoSingoloPagamento', OUTCOME_CODES[line.outcome] ?? '0') +
        el('dataEsitoSingoloPagamento', romeWallClock(Date.parse(line.date)).date) +
        close('datiSingoliPagamenti'),
    );
  }
  parts.push(close('FlussoRiversamento'));
  return parts.join('');
}
