// An incoming SPID Response, signed on the Assertion and on the Response, checked per second by
// @civico/saml and by @node-saml/node-saml 5 (an SP library on xml-crypto 6 as well), in one process,
// on the same base64 form field. Imports '@civico/saml' by name: build first (`npx tsup`).
// Usage (from packages/saml): npx tsx bench/response.bench.ts, or through bench/index.ts;
// CIVICO_BENCH_ROUNDS=<n> sets the number of rounds (default 5).
//
// What each task does per call:
// - civico verify: decodePostBinding + parseXml + verifyXmlSignature of the Response and of its one
//   Assertion (each call re-parses the text, isolates the element and re-parses the signed bytes),
//   then reads the NameID from the element the Assertion verification returned.
// - node-saml: validatePostResponseAsync on one SAML instance built once (as an SP does): base64,
//   xmldom parse, both signatures through xml-crypto, the Assertion re-parsed by xml2js, time
//   conditions (kept on: the clock skew is set so the fixture's 2026-06-01 window passes), audience,
//   attributes into a profile. InResponseTo validation is off (no request cache in a benchmark).
// - civico schema: validateSchema(xml, 'protocol') (parseXml, then libxml2-wasm against the SAML XSD).
// - civico full: decodePostBinding + schema + verify, what an SP does for each incoming Response.
import { readFileSync } from 'node:fs';
import {
  decodePostBinding,
  getChild,
  getText,
  NS,
  parseXml,
  signXml,
  validateSchema,
  verifyXmlSignature,
} from '@civico/saml';
import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { Bench, type Task } from 'tinybench';

const fixtures = new URL('../test/fixtures/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, fixtures), 'utf8');

/**
 * Timed rounds; each round runs every task in turn, starting one task later than the round before
 * (so no task always runs first or after the same one); the best round and the medians are reported.
 */
const ROUNDS = Number(process.env.CIVICO_BENCH_ROUNDS ?? 5);
const TIME_MS = 1000;

/** Builds the signed Response once: the Assertion signed, then the Response around it. */
function signedResponse(): string {
  const key = { privateKey: read('idp.key'), certificate: read('idp.crt') };
  return signXml(signXml(read('response-unsigned.xml'), { key, id: '_assertion-1' }), { key, id: '_resp-1' });
}

function civicoVerify(form: string, certificates: readonly string[]): string {
  const xml = decodePostBinding(form);
  const response = parseXml(xml).documentElement;
  const assertionElement = response ? getChild(response, NS.saml, 'Assertion') : undefined;
  if (!response || !assertionElement) throw new Error('no Response or Assertion');
  verifyXmlSignature(xml, { element: response, certificates });
  const assertion = verifyXmlSignature(xml, { element: assertionElement, certificates });
  const subject = getChild(assertion, NS.saml, 'Subject');
  const nameId = subject ? getChild(subject, NS.saml, 'NameID') : undefined;
  return nameId ? getText(nameId) : '';
}

async function civicoFull(form: string, certificates: readonly string[]): Promise<string> {
  await validateSchema(decodePostBinding(form), 'protocol');
  return civicoVerify(form, certificates);
}

function nodeSaml(certificate: string): SAML {
  // node-saml checks NotBefore/NotOnOrAfter against the clock; the fixture's window is 2026-06-01
  // 10:00–10:05 UTC, so allow the distance from it (plus a day) rather than switching the check off.
  const skew = Math.abs(Date.now() - Date.parse('2026-06-01T10:02:30Z')) + 86_400_000;
  return new SAML({
    idpCert: certificate,
    issuer: 'https://sp.example.it',
    callbackUrl: 'https://sp.example.it/acs',
    audience: 'https://sp.example.it',
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: true,
    acceptedClockSkewMs: skew,
    validateInResponseTo: ValidateInResponseTo.never,
  });
}

async function nodeSamlNameId(sp: SAML, form: string): Promise<string | undefined> {
  const { profile } = await sp.validatePostResponseAsync({ SAMLResponse: form });
  return profile?.nameID;
}

async function rejects(f: () => unknown): Promise<boolean> {
  try {
    await f();
    return false;
  } catch {
    return true;
  }
}

/** One task's figures in one round. */
interface RoundResult {
  readonly opsPerSecond: number;
  readonly meanMs: number;
  readonly p99Ms: number;
  readonly cpuMsPerOp: number;
  readonly samples: number;
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return (sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2) ?? Number.NaN;
};

/** CPU time of the process over a task's run phase (not warmup), per call. */
function cpuMeter() {
  let start = process.cpuUsage();
  let calls = 0;
  const perOp = new Map<string, number[]>();
  return {
    count: () => {
      calls++;
    },
    hooks: {
      beforeAll(this: Task, mode?: 'run' | 'warmup') {
        if (mode === 'warmup') return;
        calls = 0;
        start = process.cpuUsage();
      },
      afterAll(this: Task, mode?: 'run' | 'warmup') {
        if (mode === 'warmup' || calls === 0) return;
        const used = process.cpuUsage(start);
        const list = perOp.get(this.name) ?? [];
        list.push((used.user + used.system) / 1000 / calls);
        perOp.set(this.name, list);
      },
    },
    perOp,
  };
}

function format(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Runs the comparison and prints the table and the ratios civico ÷ node-saml. */
export async function run(): Promise<void> {
  const certificate = read('idp.crt');
  const certificates = [certificate];
  const xml = signedResponse();
  const form = Buffer.from(xml, 'utf8').toString('base64');
  const tampered = Buffer.from(xml.replace('>user.test<', '>admin<'), 'utf8').toString('base64');
  const sp = nodeSaml(certificate);

  // Both accept the same Response and both refuse it once its signed text is altered, before timing.
  const cold = performance.now();
  await validateSchema(xml, 'protocol');
  console.log(`cold start (libxml2-wasm + protocol schema): ${(performance.now() - cold).toFixed(0)} ms`);
  const ours = await civicoFull(form, certificates);
  const theirs = await nodeSamlNameId(sp, form);
  if (ours !== 'user.test' || theirs !== 'user.test') throw new Error(`not accepted: ${ours} / ${theirs}`);
  if (
    !(await rejects(() => civicoVerify(tampered, certificates))) ||
    !(await rejects(() => nodeSamlNameId(sp, tampered)))
  ) {
    throw new Error('a tampered Response was accepted');
  }
  console.log(
    `signed Response: ${xml.length} bytes (base64 ${form.length}); accepted by both, tampered copy refused by both`,
  );

  const cpu = cpuMeter();
  const names = {
    verify: 'civico verify (decode, parseXml, verifyXmlSignature ×2)',
    nodeSaml: 'node-saml validatePostResponseAsync',
    schema: "civico validateSchema(xml, 'protocol')",
    full: 'civico full (decode, schema, verify)',
  };
  const tasks: [string, () => unknown][] = [
    [
      names.verify,
      () => {
        civicoVerify(form, certificates);
        cpu.count();
      },
    ],
    [
      names.nodeSaml,
      async () => {
        await sp.validatePostResponseAsync({ SAMLResponse: form });
        cpu.count();
      },
    ],
    [
      names.schema,
      async () => {
        await validateSchema(xml, 'protocol');
        cpu.count();
      },
    ],
    [
      names.full,
      async () => {
        await civicoFull(form, certificates);
        cpu.count();
      },
    ],
  ];
  const results = new Map<string, RoundResult[]>(tasks.map(([name]) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const bench = new Bench({ name: `SPID Response, round ${round + 1}`, time: TIME_MS, warmupTime: 300 });
    for (let k = 0; k < tasks.length; k++) {
      const [name, fn] = tasks[(k + round) % tasks.length] as (typeof tasks)[number];
      bench.add(name, fn, cpu.hooks);
    }
    await bench.run();
    for (const t of bench.tasks) {
      if (t.result.state !== 'completed') throw new Error(`${t.name}: ${t.result.state}`);
      const r = t.result;
      results.get(t.name)?.push({
        opsPerSecond: 1000 / r.period, // sustained rate: calls ÷ time, not the mean of per-call rates
        meanMs: r.period,
        p99Ms: r.latency.p99,
        cpuMsPerOp: cpu.perOp.get(t.name)?.at(-1) ?? Number.NaN,
        samples: r.latency.samplesCount,
      });
    }
  }

  const of = (name: string): RoundResult[] => results.get(name) ?? [];
  const best = (name: string): RoundResult | undefined =>
    of(name).reduce<RoundResult | undefined>((b, r) => (b && b.opsPerSecond >= r.opsPerSecond ? b : r), undefined);
  const rows: Record<string, Record<string, string | number>> = {};
  for (const [name] of tasks) {
    const b = best(name);
    if (!b) continue;
    rows[name] = {
      'ops/s (best)': format(b.opsPerSecond),
      'mean ms': format(b.meanMs, 3),
      'p99 ms': format(b.p99Ms, 3),
      'ops/s (median)': format(median(of(name).map((r) => r.opsPerSecond))),
      'CPU ms/op (median)': format(median(of(name).map((r) => r.cpuMsPerOp)), 3),
      samples: b.samples,
    };
  }
  console.log(`\nSPID Response (both signatures), ${ROUNDS} rounds of ${TIME_MS} ms per task, Node ${process.version}`);
  console.table(rows);
  const peer = of(names.nodeSaml);
  for (const [label, name] of [
    ['verify', names.verify],
    ['full (schema + verify)', names.full],
  ] as const) {
    const ours = of(name);
    const opsRatios = ours.map((r, i) => r.opsPerSecond / (peer[i]?.opsPerSecond ?? Number.NaN));
    const cpuRatios = ours.map((r, i) => (peer[i]?.cpuMsPerOp ?? Number.NaN) / r.cpuMsPerOp);
    const bestRatio = (best(name)?.opsPerSecond ?? Number.NaN) / (best(names.nodeSaml)?.opsPerSecond ?? Number.NaN);
    console.log(
      `civico ${label} ÷ node-saml: ${bestRatio.toFixed(2)}× ops/s (best rounds), ` +
        `median of rounds ${median(opsRatios).toFixed(2)}× ops/s and ${median(cpuRatios).toFixed(2)}× by CPU ms/op ` +
        `(per round ops/s ${opsRatios.map((x) => x.toFixed(2)).join(', ')}; CPU ${cpuRatios.map((x) => x.toFixed(2)).join(', ')})`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
