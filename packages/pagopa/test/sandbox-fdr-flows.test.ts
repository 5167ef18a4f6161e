import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import {
  flowLineToJson,
  flowToHeaderJson,
  flowToSummaryJson,
  pageOf,
  renderFlowJson,
} from '../src/sandbox/fdr-json.js';
import { buildReportingFlows } from '../src/sandbox/flow-build.js';
import type { FlowLineSource } from '../src/sandbox/flow-types.js';
import { renderFlowXml } from '../src/sandbox/flow-xml.js';
import { ORG, OTHER_ORG } from './sandbox-pay-fixtures.js';

const IBAN_A = 'IT60X0542811101000000123456';
const IBAN_B = 'IT02A0301503200000003517230';

function line(over: Partial<FlowLineSource>): FlowLineSource {
  return {
    organizationFiscalCode: ORG,
    organizationName: 'Comune di Prova',
    positionOrganizationFiscalCode: ORG,
    pspId: '88888888888',
    pspName: 'PSP 88888888888',
    iban: IBAN_A,
    iuv: '01000000000000001',
    iur: 'R1',
    idTransfer: 1,
    amountCents: 1000,
    paidAt: '2026-03-01T10:00:00Z',
    ...over,
  };
}

function counter() {
  const seen = new Map<string, number>();
  return (day: string, psp: string): number => {
    const n = (seen.get(`${day}/${psp}`) ?? 0) + 1;
    seen.set(`${day}/${psp}`, n);
    return n;
  };
}

const sources = [
  line({ iuv: '01000000000000002', iur: 'R2', amountCents: 2550, paidAt: '2026-03-01T11:00:00Z' }),
  line({ iuv: '01000000000000001', iur: 'R1', amountCents: 15000 }),
  line({ iuv: '01000000000000001', iur: 'R1', idTransfer: 2, amountCents: 1, iban: IBAN_B }),
  line({ pspId: 'BCITITMM', pspName: 'Banca', iuv: '01000000000000003', iur: 'R3' }),
  line({
    organizationFiscalCode: OTHER_ORG,
    organizationName: 'Regione',
    iuv: '01000000000000001',
    iur: 'R1',
    idTransfer: 3,
    amountCents: 700,
  }),
];
const flowDate = new Date('2026-03-03T23:30:00Z'); // 4 March in Rome
const flows = buildReportingFlows(sources, { flowDate, nextProgressive: counter() });

describe('buildReportingFlows()', () => {
  it('makes one flow per PSP, receiving creditor and IBAN', () => {
    const keys = flows.map((f) => `${f.header.pspId}/${f.header.organizationFiscalCode}/${f.iban}`);
    expect(keys).toEqual([
      `88888888888/${OTHER_ORG}/${IBAN_A}`,
      `88888888888/${ORG}/${IBAN_B}`,
      `88888888888/${ORG}/${IBAN_A}`,
      `BCITITMM/${ORG}/${IBAN_A}`,
    ]);
    expect(flows.flatMap((f) => f.payments)).toHaveLength(sources.length);
  });

  it('names flows <Rome date><pspId>-<7-digit progressive per PSP and day>', () => {
    expect(flows.map((f) => f.header.flowId)).toEqual([
      '2026-03-0488888888888-0000001',
      '2026-03-0488888888888-0000002',
      '2026-03-0488888888888-0000003',
      '2026-03-04BCITITMM-0000001',
    ]);
    for (const f of flows) expect(f.header.flowId.length).toBeLessThanOrEqual(35);
    expect(flows[0]?.header.regulationDate).toBe('2026-03-04');
    expect(flows[0]?.header.regulationId).toBe('SCT20260304888888888880000001');
    expect(flows[0]?.header.flowDate).toBe('2026-03-03T23:30:00Z');
  });

  it('declares totals equal to its lines, indexed from 1 in payment order', () => {
    const f = flows[2];
    expect(f?.payments.map((p) => [p.index, p.iuv, p.amountCents])).toEqual([
      [1, '01000000000000001', 15000],
      [2, '01000000000000002', 2550],
    ]);
    expect(f?.header.totalPayments).toBe(2);
    expect(f?.header.totalAmountCents).toBe(17550);
    expect(f?.payments.every((p) => p.flowId === f.header.flowId && p.outcome === 'EXECUTED')).toBe(true);
  });

  it('reports digital stamps in a flow of their own, without an IBAN', () => {
    const stamp = line({ iban: undefined, idTransfer: 2, amountCents: 1600 });
    const out = buildReportingFlows([line({}), stamp], { flowDate, nextProgressive: counter() });
    expect(out.map((f) => [f.iban, f.header.totalAmountCents])).toEqual([
      [undefined, 1600],
      [IBAN_A, 1000],
    ]);
  });

  it('makes no flow from nothing', () => {
    expect(buildReportingFlows([], { flowDate, nextProgressive: counter() })).toEqual([]);
  });
});

describe('renderFlowJson()', () => {
  const f = flows[2];
  if (!f) throw new Error('fixture');
  const doc = JSON.parse(renderFlowJson(f)) as Record<string, unknown>;

  it('is the getSinglePublishedFlow object with its payments last', () => {
    expect(Object.keys(doc).at(-1)).toBe('payments');
    expect(doc).toMatchObject({
      status: 'PUBLISHED',
      fdr: f.header.flowId,
      revision: 1,
      fdrDate: '2026-03-03T23:30:00Z',
      regulation: f.header.regulationId,
      regulationDate: '2026-03-04',
      sender: { type: 'LEGAL_PERSON', pspId: '88888888888', pspName: 'PSP 88888888888' },
      receiver: { organizationId: ORG, organizationName: 'Comune di Prova' },
      totPayments: 2,
      sumPayments: 175.5,
    });
  });

  it('writes payments as FdR Payment objects with decimal euros', () => {
    expect(doc.payments).toEqual([
      {
        index: 1,
        iuv: '01000000000000001',
        iur: 'R1',
        idTransfer: 1,
        pay: 150,
        payStatus: 'EXECUTED',
        payDate: '2026-03-01T10:00:00Z',
      },
      {
        index: 2,
        iuv: '01000000000000002',
        iur: 'R2',
        idTransfer: 1,
        pay: 25.5,
        payStatus: 'EXECUTED',
        payDate: '2026-03-01T11:00:00Z',
      },
    ]);
    expect(flowLineToJson(f.payments[0] as (typeof f.payments)[0]).pay).toBe(150);
    expect(flowToHeaderJson(f).computedSumPayments).toBe(175.5);
  });

  it('lists a flow as a FlowByPSP', () => {
    expect(flowToSummaryJson(f)).toEqual({
      fdr: f.header.flowId,
      pspId: '88888888888',
      revision: 1,
      published: f.publishedAt,
      flowDate: f.header.flowDate,
    });
  });
});

describe('pageOf()', () => {
  const items = [1, 2, 3, 4, 5];

  it('pages from 1 with the total count and number of pages', () => {
    expect(pageOf(items, 2, 2, (n) => n * 10)).toEqual({
      metadata: { pageSize: 2, pageNumber: 2, totPage: 3 },
      count: 5,
      data: [30, 40],
    });
    expect(pageOf(items, 4, 2, (n) => n).data).toEqual([]);
    expect(pageOf([], 1, 10, (n) => n).metadata.totPage).toBe(0);
  });
});

/** Local names under the root, in order, with the namespace of each; throws when not well-formed. */
function walk(xml: string): { path: string; uri: string; prefix: string; text: string }[] {
  const out: { path: string; uri: string; prefix: string; text: string }[] = [];
  const stack: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (t) => {
    stack.push(t.local);
    out.push({ path: stack.join('/'), uri: t.uri, prefix: t.prefix, text: '' });
  });
  parser.on('text', (t) => {
    const last = out.at(-1);
    if (last) last.text += t;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return out;
}

describe('renderFlowXml()', () => {
  const f = flows[2];
  if (!f) throw new Error('fixture');
  const els = walk(renderFlowXml(f));
  const text = (path: string) => els.find((e) => e.path === path)?.text;

  it('follows the ctFlussoRiversamento sequence, every element in the Pagamenti namespace', () => {
    const top = els.filter((e) => /^FlussoRiversamento\/[^/]+$/.test(e.path)).map((e) => e.path.split('/')[1]);
    expect(top).toEqual([
      'versioneOggetto',
      'identificativoFlusso',
      'dataOraFlusso',
      'identificativoUnivocoRegolamento',
      'dataRegolamento',
      'istitutoMittente',
      'istitutoRicevente',
      'numeroTotalePagamenti',
      'importoTotalePagamenti',
      'datiSingoliPagamenti',
      'datiSingoliPagamenti',
    ]);
    expect(els.every((e) => e.uri === 'http://www.digitpa.gov.it/schemas/2011/Pagamenti/' && e.prefix === '')).toBe(
      true,
    );
    const line = els.filter((e) => /^FlussoRiversamento\/datiSingoliPagamenti\/[^/]+$/.test(e.path)).slice(0, 6);
    expect(line.map((e) => e.path.split('/')[2])).toEqual([
      'identificativoUnivocoVersamento',
      'identificativoUnivocoRiscossione',
      'indiceDatiSingoloPagamento',
      'singoloImportoPagato',
      'codiceEsitoSingoloPagamento',
      'dataEsitoSingoloPagamento',
    ]);
  });

  it('carries the header and the lines with amounts as 150.00 and payment dates as Rome days', () => {
    expect(text('FlussoRiversamento/versioneOggetto')).toBe('1.0');
    expect(text('FlussoRiversamento/identificativoFlusso')).toBe(f.header.flowId);
    expect(text('FlussoRiversamento/importoTotalePagamenti')).toBe('175.50');
    expect(text('FlussoRiversamento/numeroTotalePagamenti')).toBe('2');
    expect(text('FlussoRiversamento/istitutoMittente/identificativoUnivocoMittente/codiceIdentificativoUnivoco')).toBe(
      '88888888888',
    );
    expect(
      text('FlussoRiversamento/istitutoRicevente/identificativoUnivocoRicevente/codiceIdentificativoUnivoco'),
    ).toBe(ORG);
    expect(text('FlussoRiversamento/datiSingoliPagamenti/singoloImportoPagato')).toBe('150.00');
    expect(text('FlussoRiversamento/datiSingoliPagamenti/codiceEsitoSingoloPagamento')).toBe('0');
    expect(text('FlussoRiversamento/datiSingoliPagamenti/dataEsitoSingoloPagamento')).toBe('2026-03-01');
  });

  it('can put every element under a namespace prefix', () => {
    const prefixed = walk(renderFlowXml(f, { prefix: 'pay_i' }));
    expect(prefixed.every((e) => e.prefix === 'pay_i' && e.uri.endsWith('/Pagamenti/'))).toBe(true);
    expect(prefixed.map((e) => e.path)).toEqual(els.map((e) => e.path));
  });
});
