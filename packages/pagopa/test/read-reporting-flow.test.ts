// readReportingFlow: both formats, every namespace form, every source type, the pull-based contract.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PagoPaError, readReportingFlow } from '../src/index.js';
import { readOnce } from './read-reporting-flow-helpers.js';
import {
  FLUSSO_NAMESPACE,
  fixtureAmountCents,
  fixtureIuv,
  flowText,
  generateFlowJson,
  generateFlowXml,
} from './reporting-flow-fixtures.js';

const OUTCOMES = ['EXECUTED', 'REVOKED', 'STAND_IN', 'STAND_IN_NO_RPT', 'NO_RPT'] as const;
const options = { outcome: (i: number) => OUTCOMES[i % 5] ?? 'EXECUTED', idTransfer: (i: number) => (i % 5) + 1 };

const HEADER = {
  flowId: '2026-03-0488888888888-0000001',
  pspId: '88888888888',
  pspName: 'PSP Fixture',
  revision: 1,
  regulationId: 'SEPA-FIXTURE-0001',
  regulationDate: '2026-03-04',
  bic: 'UNCRITMMXXX',
  organizationFiscalCode: '77777777777',
  totalPayments: 7,
  totalAmountCents: [0, 1, 2, 3, 4, 5, 6].reduce((sum, i) => sum + fixtureAmountCents(i), 0),
};

describe('readReportingFlow: formats', () => {
  it('reads the FdR JSON flow: header first, then every line with exact cents and its outcome', async () => {
    const out = await readOnce(generateFlowJson(7, { ...options, chunkPayments: 2 }));
    expect(out.error).toBeUndefined();
    expect(out.header).toEqual({ ...HEADER, flowDate: '2026-03-04T10:15:00Z' });
    expect(out.payments).toHaveLength(7);
    expect(out.payments[6]).toEqual({
      flowId: HEADER.flowId,
      index: 7,
      iuv: fixtureIuv(6),
      iur: 'IUR000000000006',
      idTransfer: 2,
      amountCents: fixtureAmountCents(6),
      outcome: 'REVOKED',
      date: '2026-03-03T14:00:00Z',
    });
    expect(out.payments.map((p) => p.outcome)).toEqual([...OUTCOMES, 'EXECUTED', 'REVOKED']);
  });

  it('reads FlussoRiversamento XML the same way (codes 0/3/4/8/9, date, index from 1)', async () => {
    const out = await readOnce(generateFlowXml(7, { ...options, chunkPayments: 3 }));
    expect(out.error).toBeUndefined();
    expect(out.header).toEqual({ ...HEADER, flowDate: '2026-03-04T10:15:00' });
    expect(out.payments.map((p) => p.outcome)).toEqual([...OUTCOMES, 'EXECUTED', 'REVOKED']);
    expect(out.payments[6]).toMatchObject({
      index: 7,
      idTransfer: 2,
      amountCents: fixtureAmountCents(6),
      date: '2026-03-03',
    });
  });

  it('reads XML with the pay_i prefix, another prefix, a default namespace and no namespace alike', async () => {
    const reference = await readOnce(generateFlowXml(4));
    for (const prefix of ['', null, 'ns2']) {
      expect(await readOnce(generateFlowXml(4, { prefix }))).toEqual(reference);
    }
    expect(reference.payments).toHaveLength(4);
  });

  it('refuses an element in another namespace', async () => {
    const xml = (await flowText(generateFlowXml(1))).replace(
      '<pay_i:dataOraFlusso>',
      '<x:dataOraFlusso xmlns:x="urn:other">',
    );
    const out = await readOnce(xml.replace('</pay_i:dataOraFlusso>', '</x:dataOraFlusso>'));
    expect(out.error).toEqual({ code: 'ERR_PAGOPA_INVALID_REPORTING_FLOW', rule: 'shape', field: 'dataOraFlusso' });
  });

  it('takes a missing indiceDatiSingoloPagamento (minOccurs 0) as transfer 1, and text around values trimmed', async () => {
    const xml = (await flowText(generateFlowXml(1, { idTransfer: () => 3, prefix: null })))
      .replace('<indiceDatiSingoloPagamento>3</indiceDatiSingoloPagamento>', '')
      .replace('<singoloImportoPagato>', '<singoloImportoPagato>\n  ');
    const out = await readOnce(xml);
    expect(out.payments[0]).toMatchObject({ idTransfer: 1, amountCents: fixtureAmountCents(0) });
  });

  it('ignores JSON fields it does not read (nested too) and a pretty layout', async () => {
    const json = (await flowText(generateFlowJson(2, { pretty: true }))).replace(
      '"status":"PUBLISHED"',
      '"status":"PUBLISHED","extra":{"a":[1,{"b":null}],"c":true}',
    );
    const out = await readOnce(json);
    expect(out.error).toBeUndefined();
    expect(out.payments).toHaveLength(2);
  });

  it('reads a JSON flow without a payments array as a flow of no lines', async () => {
    const out = await readOnce(
      '{"fdr":"F-1","fdrDate":"2026-03-04T10:00:00Z","regulation":"R","regulationDate":"2026-03-04",' +
        '"sender":{"pspId":"P"},"receiver":{"organizationId":"77777777777"},"totPayments":0,"sumPayments":0}',
    );
    expect(out).toEqual({
      header: expect.objectContaining({ flowId: 'F-1', totalPayments: 0, revision: 1 }),
      payments: [],
    });
  });

  it('detects the format after a BOM and blanks, and obeys options.format', async () => {
    const json = await flowText(generateFlowJson(1));
    expect((await readOnce(`\uFEFF \n${json}`)).payments).toHaveLength(1);
    expect((await readOnce(json, { format: 'xml' })).error?.rule).toBe('syntax');
    expect((await readOnce('hello')).error).toMatchObject({ rule: 'format', field: 'source' });
  });
});

describe('readReportingFlow: sources', () => {
  it('gives the same flow from text, bytes, (async) iterables, a Node Readable and a web ReadableStream', async () => {
    const text = await flowText(generateFlowXml(50, { pspName: 'Società di Pagamento €' }));
    const bytes = new TextEncoder().encode(text);
    const pieces = (size: number) =>
      Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
    const reference = await readOnce(text);
    expect(reference.header?.pspName).toBe('Società di Pagamento €');
    const sources = [
      bytes,
      pieces(7),
      (async function* () {
        yield* pieces(1000);
      })(),
      Readable.from(pieces(333)),
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const piece of pieces(4096)) controller.enqueue(piece);
          controller.close();
        },
      }),
      generateFlowXml(50, { pspName: 'Società di Pagamento €', chunkPayments: 7 }),
    ];
    for (const source of sources) expect(await readOnce(source)).toEqual(reference);
  });

  it('refuses a source of the wrong type or yielding something else than text or bytes', async () => {
    expect((await readOnce(42 as never)).error).toMatchObject({ rule: 'source', field: 'source' });
    expect((await readOnce([{}] as never)).error).toMatchObject({ rule: 'source', field: 'source' });
  });

  it('lets a civico error of the source (an API call of a client) pass through unchanged', async () => {
    const apiError = new PagoPaError('ERR_PAGOPA_API_SERVER_ERROR', 'Server error', { outcome: 'unknown' });
    const source = (async function* () {
      yield* generateFlowJson(10, { chunkPayments: 2 });
      throw apiError;
    })();
    const out = await readOnce(source);
    expect(out.payments).toHaveLength(10);
    expect(out.error).toMatchObject({ code: 'ERR_PAGOPA_API_SERVER_ERROR' });
    await expect(readReportingFlow('{}', null as never)).rejects.toMatchObject({ code: 'ERR_PAGOPA_INVALID_CONFIG' });
  });

  it('wraps a failing source as rule source, keeping the cause', async () => {
    const boom = new Error('disk on fire');
    const source = (async function* () {
      yield '<FlussoRiversamento>';
      throw boom;
    })();
    await expect(readReportingFlow(source)).rejects.toMatchObject({ rule: 'source', cause: boom });
  });
});

describe('readReportingFlow: pulling', () => {
  function counted(n: number, perChunk: number, declared = n) {
    const state = { pulled: 0, released: false };
    const source = (async function* () {
      try {
        for await (const chunk of generateFlowJson(n, { chunkPayments: perChunk, declaredTotalPayments: declared })) {
          state.pulled += 1;
          yield chunk;
        }
      } finally {
        state.released = true;
      }
    })();
    return { state, source };
  }

  it('resolves with the header before reading the lines, then pulls only as lines are consumed', async () => {
    const { state, source } = counted(10_000, 100);
    const flow = await readReportingFlow(source);
    expect(flow.header.totalPayments).toBe(10_000);
    expect(state.pulled).toBe(1);
    let seen = 0;
    for await (const _ of flow.payments) {
      seen += 1;
      if (seen === 150) break;
    }
    expect(state.pulled).toBeLessThanOrEqual(3);
    expect(state.released).toBe(true);
  });

  it('releases the source on an error and on a web stream break', async () => {
    const { state, source } = counted(10, 2, 3);
    const flow = await readReportingFlow(source, { maxPayments: 5 });
    await expect(async () => {
      for await (const _ of flow.payments);
    }).rejects.toMatchObject({ rule: 'max-payments' });
    expect(state.released).toBe(true);
    let cancelled = false;
    let first = true;
    const stream = new ReadableStream<string>({
      pull(controller) {
        controller.enqueue(first ? '{"fdr":' : ' '.repeat(100)); // endless blanks
        first = false;
      },
      cancel() {
        cancelled = true;
      },
    });
    await expect(readReportingFlow(stream as never, { maxBytes: 1000 })).rejects.toMatchObject({ rule: 'max-bytes' });
    expect(cancelled).toBe(true);
  });

  it('is single-use, and serializes concurrent next() calls in order', async () => {
    const flow = await readReportingFlow(generateFlowJson(20, { chunkPayments: 3 }));
    const iterator = flow.payments[Symbol.asyncIterator]();
    const results = await Promise.all(Array.from({ length: 21 }, () => iterator.next()));
    expect(results.map((r) => (r.done ? 'done' : r.value.index))).toEqual([
      ...Array.from({ length: 20 }, (_, i) => i + 1),
      'done',
    ]);
    await expect(async () => {
      for await (const _ of flow.payments);
    }).rejects.toMatchObject({ code: 'ERR_PAGOPA_INVALID_REPORTING_FLOW', rule: 'single-use' });
  });

  it('namespace constant of the fixtures is the XSD target namespace', () => {
    expect(FLUSSO_NAMESPACE).toBe('http://www.digitpa.gov.it/schemas/2011/Pagamenti/');
  });
});
