// parseXml and validateSchema throughput on a signed SAML Response and on SPID SP metadata.
// Usage (from packages/saml, after `npx tsup`): npx tsx bench/schema.bench.ts, or through bench/index.ts.
//
// Validator choice (issue 9), measured on Node 20 with two busy cores, same fixtures, one process:
//   libxml2-wasm 0.7.2  signed Response / protocol 600-2,500/s, SP metadata / metadata-spid-av29 3,000-4,700/s,
//                       cold start (wasm + two schemas) 1.5-3.3 s, 1.3 MB installed
//   xmllint-wasm 5.3.0  ~1/s either way (a worker, a wasm instance and a schema compile per call),
//                       cold first validation 1.2 s, 0.9 MB installed
import { readFileSync } from 'node:fs';
import { parseXml, signXml, validateSchema } from '@civico/saml';
import { Bench } from 'tinybench';

const fixtures = new URL('../test/fixtures/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, fixtures), 'utf8');

export async function run(): Promise<void> {
  const key = { privateKey: read('idp.key'), certificate: read('idp.crt') };
  const response = signXml(signXml(read('response-unsigned.xml'), { key, id: '_assertion-1' }), { key, id: '_resp-1' });
  const metadata = read('schema/sp-metadata-public.xml');

  const cold = performance.now();
  await validateSchema(response, 'protocol');
  // Cold only when this module runs first in the process (bench/index.ts runs response.bench.ts before).
  console.log(
    `first validateSchema call here: ${(performance.now() - cold).toFixed(0)} ms (cold start if first in the process)`,
  );
  await validateSchema(metadata, 'metadata-spid-av29');

  const bench = new Bench({ time: 2000 });
  bench
    .add('parseXml(signed Response)', () => {
      parseXml(response);
    })
    .add("validateSchema(signed Response, 'protocol')", async () => {
      await validateSchema(response, 'protocol');
    })
    .add("validateSchema(SP metadata, 'metadata-spid-av29')", async () => {
      await validateSchema(metadata, 'metadata-spid-av29');
    });
  await bench.run();
  console.table(bench.table());
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
