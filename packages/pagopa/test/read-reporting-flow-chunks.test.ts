// Chunk boundaries never change what readReportingFlow reads: the same flow cut into random byte or
// text pieces (inside multi-byte characters, tags, numbers, escapes) gives the same header, lines and
// error as the whole text. fast-check with a fixed seed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ReadOutcome, readOnce } from './read-reporting-flow-helpers.js';
import { flowText, generateFlowJson, generateFlowXml } from './reporting-flow-fixtures.js';

const NAME = 'Società «Pagamenti» € 𝄞';
const OUTCOMES = ['EXECUTED', 'REVOKED', 'STAND_IN', 'STAND_IN_NO_RPT', 'NO_RPT'] as const;
const lines = {
  pspName: NAME,
  outcome: (i: number) => OUTCOMES[i % 5] ?? 'EXECUTED',
  idTransfer: (i: number) => (i % 3) + 1,
};

/** `xml` with the amount of line `index` (0-based) given 3 decimals. */
function badLine(xml: string, index: number): string {
  const parts = xml.split('<pay_i:datiSingoliPagamenti>');
  parts[index + 1] = (parts[index + 1] ?? '').replace(/(<pay_i:singoloImportoPagato>)[\d.]+/, '$11.234');
  return parts.join('<pay_i:datiSingoliPagamenti>');
}

async function documents(): Promise<Record<string, string>> {
  const json = await flowText(generateFlowJson(25, lines));
  const xml = await flowText(generateFlowXml(25, lines));
  return {
    json,
    'json pretty': await flowText(generateFlowJson(25, { ...lines, pretty: true })),
    'json escaped': json.replace('"pspName":"Soci', '"pspName":"\\u0053oci'),
    'xml pay_i': xml,
    'xml default namespace': await flowText(generateFlowXml(25, { ...lines, prefix: '' })),
    'xml no namespace': await flowText(generateFlowXml(25, { ...lines, prefix: null })),
    'xml entities and CDATA': xml
      .replace('Società', 'A &amp; B &#x1D11E; Società')
      .replace(
        '<pay_i:denominazioneRicevente>Comune di Prova',
        '<pay_i:denominazioneRicevente><![CDATA[Comune <di> Prova]]>',
      ),
    'json totals wrong': await flowText(generateFlowJson(25, { ...lines, declaredTotalAmountCents: 5 })),
    'xml bad line 17': badLine(xml, 17),
    'json truncated': json.slice(0, Math.floor(json.length * 0.6)),
    'xml truncated': xml.slice(0, Math.floor(xml.length * 0.6)),
  };
}

/** Splits `length` at sorted distinct cut points. */
function pieces<T extends { slice(a: number, b?: number): T; length: number }>(whole: T, cuts: number[]): T[] {
  const points = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
  const out: T[] = [];
  let from = 0;
  for (const point of points) {
    out.push(whole.slice(from, point));
    from = point;
  }
  out.push(whole.slice(from));
  return out;
}

async function* slowly<T>(chunks: readonly T[]): AsyncGenerator<T> {
  for (const chunk of chunks) yield chunk;
}

describe('readReportingFlow: chunk boundaries (fast-check, fixed seed)', async () => {
  const docs = await documents();
  const references = new Map<string, ReadOutcome>();
  for (const [name, text] of Object.entries(docs)) references.set(name, await readOnce(text));

  it('the reference reads are what the fixtures say (sanity)', () => {
    expect(references.get('json')?.payments).toHaveLength(25);
    expect(references.get('xml pay_i')?.header?.pspName).toBe(NAME);
    expect(references.get('json escaped')).toEqual(references.get('json'));
    expect(references.get('xml entities and CDATA')?.header?.pspName).toBe(`A & B 𝄞 ${NAME}`);
    expect(references.get('json totals wrong')?.error?.rule).toBe('totals');
    expect(references.get('xml bad line 17')?.error).toMatchObject({
      rule: 'amount',
      field: 'datiSingoliPagamenti.17.singoloImportoPagato',
    });
    expect(references.get('xml bad line 17')?.payments).toHaveLength(17);
    expect(references.get('json truncated')?.error?.rule).toBe('truncated');
    expect(references.get('xml truncated')?.error?.rule).toBe('truncated');
  });

  for (const [name, text] of Object.entries(docs)) {
    it(`${name}: any split of the bytes or of the text reads the same`, async () => {
      const bytes = new TextEncoder().encode(text);
      const reference = references.get(name);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.nat(), { minLength: 0, maxLength: 40 }), fc.boolean(), async (cuts, asBytes) => {
          const chunks = asBytes ? pieces(bytes, cuts) : pieces(text, cuts);
          expect(await readOnce(slowly<string | Uint8Array>(chunks))).toEqual(reference);
        }),
        { seed: 1105, numRuns: 60 },
      );
    });
  }
});
