// readReportingFlow refuses what the formats do not allow, with a typed error naming the field and the
// rule and never the value (IUVs and IURs may identify a person's payment).
import { describe, expect, it } from 'vitest';
import { failure, readOnce } from './read-reporting-flow-helpers.js';
import { flowText, generateFlowJson, generateFlowXml } from './reporting-flow-fixtures.js';

const SECRET = 'SECRETIUV0000042';
const json = (n = 3, o = {}) => flowText(generateFlowJson(n, o));
const xml = (n = 3, o = {}) => flowText(generateFlowXml(n, { prefix: null, ...o }));
const secretAt = (at: number) => (i: number) => (i === at ? SECRET : `0100000000000000${i}`);

describe('readReportingFlow: line errors', () => {
  it('JSON: a bad amount names payments.<i>.pay, yields the lines before it, never echoes the IUV', async () => {
    const text = (await json(5, { iuv: secretAt(2) })).replace(
      /"pay":([\d.]+)(?=,"payStatus":"EXECUTED","payDate":"2026-03-03T10)/,
      '"pay":1.005',
    );
    const e = await failure(text);
    expect(e).toMatchObject({
      code: 'ERR_PAGOPA_INVALID_REPORTING_FLOW',
      rule: 'amount',
      field: 'payments.2.pay',
      lines: 2,
    });
    expect(e.message).not.toContain(SECRET);
  });

  it('XML: a bad amount, outcome, index or date names datiSingoliPagamenti.<i>.<element>', async () => {
    const base = await xml(3, { iuv: secretAt(1) });
    const line = (from: string, to: string) => {
      const at = base.indexOf(SECRET);
      return base.slice(0, at) + base.slice(at).replace(from, to);
    };
    const cases: [string, string, string, string][] = [
      ['<singoloImportoPagato>', '<singoloImportoPagato>-', 'amount', 'singoloImportoPagato'],
      ['<codiceEsitoSingoloPagamento>0', '<codiceEsitoSingoloPagamento>7', 'shape', 'codiceEsitoSingoloPagamento'],
      ['<indiceDatiSingoloPagamento>1', '<indiceDatiSingoloPagamento>6', 'shape', 'indiceDatiSingoloPagamento'],
      [
        '<dataEsitoSingoloPagamento>2026-03-03',
        '<dataEsitoSingoloPagamento>2026-02-30',
        'shape',
        'dataEsitoSingoloPagamento',
      ],
    ];
    for (const [from, to, rule, element] of cases) {
      const e = await failure(line(from, to));
      expect(e, element).toMatchObject({ rule, field: `datiSingoliPagamenti.1.${element}`, lines: 1 });
      expect(e.message).not.toContain(SECRET);
    }
    const zero = await failure(line(/<singoloImportoPagato>[\d.]+/ as never, '<singoloImportoPagato>0.00'));
    expect(zero).toMatchObject({ rule: 'amount' });
  });

  it('refuses a too long IUV, a missing line field and an unknown payStatus (JSON)', async () => {
    const base = await json(2);
    expect(await failure(base.replace('"iuv":"01000000000000001"', `"iuv":"${'9'.repeat(36)}"`))).toMatchObject({
      rule: 'shape',
      field: 'payments.1.iuv',
    });
    expect(await failure(base.replace('"iur":"IUR000000000000",', ''))).toMatchObject({
      rule: 'shape',
      field: 'payments.0.iur',
    });
    expect(await failure(base.replace('"payStatus":"EXECUTED"', '"payStatus":"PAID"'))).toMatchObject({
      field: 'payments.0.payStatus',
    });
    expect(await failure(base.replace('"idTransfer":1', '"idTransfer":"1"'))).toMatchObject({
      rule: 'shape',
      field: 'payments.0.idTransfer',
    });
    expect(await failure(base.replace('"iuv":"01000000000000001"', '"iuv":"x","iuv":"y"'))).toMatchObject({
      rule: 'shape',
      field: 'payments.1.iuv',
    });
  });
});

describe('readReportingFlow: header and structure errors', () => {
  it('totals: count and sum checked after the last line (both formats)', async () => {
    for (const [text, field] of [
      [await json(3, { declaredTotalPayments: 4 }), 'totPayments'],
      [await json(3, { declaredTotalAmountCents: 1 }), 'sumPayments'],
      [await xml(3, { declaredTotalPayments: 2 }), 'numeroTotalePagamenti'],
      [await xml(3, { declaredTotalAmountCents: 1 }), 'importoTotalePagamenti'],
    ] as const) {
      const out = await readOnce(text);
      expect(out.header).toBeDefined();
      expect(out.payments).toHaveLength(3);
      expect(out.error).toMatchObject({ rule: 'totals', field });
    }
  });

  it('header fields must come before the lines (JSON) and follow the XSD order (XML)', async () => {
    const late = (await json(1))
      .replace('"totPayments":1,"sumPayments":10.00,', '')
      .replace(/\]\}$/, '],"totPayments":1,"sumPayments":10.00}');
    expect(await failure(late)).toMatchObject({ rule: 'shape', field: 'totPayments' });
    const again = (await json(1)).replace(/\]\}$/, '],"fdrDate":"2026-03-04T10:15:00Z"}');
    expect(await failure(again)).toMatchObject({ rule: 'order', field: 'fdrDate' });
    const swapped = (await xml(1)).replace(
      /(<identificativoFlusso>.*?<\/identificativoFlusso>)\n(<dataOraFlusso>.*?<\/dataOraFlusso>)/,
      '$2\n$1',
    );
    expect(await failure(swapped)).toMatchObject({ rule: 'order', field: 'identificativoFlusso' });
    const after = (await xml(1)).replace(
      '</FlussoRiversamento>',
      '<dataRegolamento>2026-03-04</dataRegolamento></FlussoRiversamento>',
    );
    expect(await failure(after)).toMatchObject({ rule: 'order', field: 'dataRegolamento' });
  });

  it('missing header fields reject the promise with the field', async () => {
    const e1 = await failure((await json(1)).replace('"regulationDate":"2026-03-04",', ''));
    expect(e1).toMatchObject({ rule: 'shape', field: 'regulationDate', lines: 0 });
    const e2 = await failure((await xml(1)).replace(/<istitutoRicevente>.*<\/istitutoRicevente>\n/, ''));
    expect(e2).toMatchObject({ rule: 'shape', field: 'istitutoRicevente' });
    const e3 = await failure(
      (await xml(1)).replace(/<codiceIdentificativoUnivoco>88888888888<\/codiceIdentificativoUnivoco>/, ''),
    );
    expect(e3).toMatchObject({
      rule: 'shape',
      field: 'istitutoMittente.identificativoUnivocoMittente.codiceIdentificativoUnivoco',
    });
    expect(await failure((await json(1)).replace('"sender":{', '"sender":[],"x":{'))).toMatchObject({
      field: 'sender',
    });
    expect(await failure('[1]', { format: 'json' })).toMatchObject({ rule: 'shape' });
    expect(await failure('<Other/>')).toMatchObject({ rule: 'shape', field: 'Other' });
    expect(await failure((await xml(1)).replace('<versioneOggetto>', '<foo/><versioneOggetto>'))).toMatchObject({
      rule: 'shape',
      field: 'foo',
    });
    expect(await failure((await xml(1)).replace('<istitutoMittente>', '<istitutoMittente>text'))).toMatchObject({
      rule: 'shape',
      field: 'istitutoMittente',
    });
  });

  it('truncated, damaged, empty and binary inputs give typed errors', async () => {
    const j = await json(3);
    const x = await xml(3);
    expect(await failure(j.slice(0, j.length - 40))).toMatchObject({ rule: 'truncated' });
    expect(await failure(x.slice(0, x.length - 40))).toMatchObject({ rule: 'truncated' });
    expect(await failure(j.slice(0, 30))).toMatchObject({ rule: 'truncated' });
    expect(await failure(j.replace('"payments":[', '"payments":[,'))).toMatchObject({ rule: 'syntax' });
    expect(await failure(j.replace(':', '::'))).toMatchObject({ rule: 'syntax' });
    expect(await failure(x.replace('</identificativoFlusso>', '</identificativoFluss>'))).toMatchObject({
      rule: 'syntax',
    });
    expect(await failure(`${j}{}`)).toMatchObject({ code: 'ERR_PAGOPA_INVALID_REPORTING_FLOW' });
    expect(await failure(`${x}<x/>`)).toMatchObject({ code: 'ERR_PAGOPA_INVALID_REPORTING_FLOW' });
    expect(await failure('')).toMatchObject({ rule: 'truncated', field: 'source' });
    expect(await failure('  \n ')).toMatchObject({ rule: 'truncated' });
    expect(await failure(new Uint8Array([0x7b, 0xc3, 0x28]))).toMatchObject({ rule: 'encoding' });
    expect(await failure(new Uint8Array([0x3c, 0x61, 0xe2, 0x82]))).toMatchObject({ rule: 'encoding' });
    expect(await failure(new Uint8Array([0, 1, 2, 3, 255]))).toMatchObject({
      code: 'ERR_PAGOPA_INVALID_REPORTING_FLOW',
    });
    expect(await failure(x.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'))).toMatchObject({ rule: 'encoding' });
  });

  it('refuses a DOCTYPE, so no entity is ever expanded', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE FlussoRiversamento [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>' +
      '<FlussoRiversamento><versioneOggetto>&b;</versioneOggetto></FlussoRiversamento>';
    expect(await failure(laughs)).toMatchObject({ rule: 'doctype' });
    expect(await failure((await xml(1)).replace('<versioneOggetto>1.0', '<versioneOggetto>&ent;'))).toMatchObject({
      rule: 'syntax',
    });
  });
});

describe('readReportingFlow: limits and options', () => {
  it('maxPayments: a header declaring more rejects the promise; more lines than the limit fail the iteration', async () => {
    expect(await failure(await json(3), { maxPayments: 2 })).toMatchObject({
      rule: 'max-payments',
      field: 'totPayments',
      lines: 0,
    });
    const e = await failure(await xml(5, { declaredTotalPayments: 2 }), { maxPayments: 3 });
    expect(e).toMatchObject({ rule: 'max-payments', field: 'datiSingoliPagamenti.3', lines: 3 });
  });

  it('maxDepth, maxStringLength and maxBytes', async () => {
    const deep = (await json(1)).replace('"status":', `"deep":${'['.repeat(40)}${']'.repeat(40)},"status":`);
    expect(await failure(deep)).toMatchObject({ rule: 'max-depth' });
    const longKeys = (await json(1)).replace(
      '"status":',
      `${'{"'.padEnd(1000, 'k')}":`.repeat(40).replace('{', '"deep":{'),
    );
    const e = await failure(longKeys);
    expect(e).toMatchObject({ rule: 'max-depth' });
    expect(e.field?.length).toBeLessThanOrEqual(201);
    expect(e.message.length).toBeLessThan(400);
    expect((await readOnce(deep, { maxDepth: 64 })).error).toBeUndefined();
    expect(await failure(await xml(1), { maxDepth: 3 })).toMatchObject({ rule: 'max-depth' });
    const long = (await json(1)).replace('"status":', `"note":"${'x'.repeat(5000)}","status":`);
    expect(await failure(long)).toMatchObject({ rule: 'max-string-length' });
    expect(await failure((await xml(1)).replace('PSP Fixture', 'P'.repeat(5000)))).toMatchObject({
      rule: 'max-string-length',
    });
    expect(await failure(await json(100), { maxBytes: 5000 })).toMatchObject({ rule: 'max-bytes', field: 'source' });
  });

  it('bad options throw ERR_PAGOPA_INVALID_CONFIG with the field', async () => {
    for (const [options, field] of [
      [{ maxPayments: 0 }, 'maxPayments'],
      [{ maxDepth: 1.5 }, 'maxDepth'],
      [{ format: 'csv' }, 'format'],
      [{ other: 1 }, undefined],
    ] as const) {
      expect(await failure('{}', options as never)).toMatchObject({
        code: 'ERR_PAGOPA_INVALID_CONFIG',
        ...(field ? { field } : {}),
      });
    }
  });
});
