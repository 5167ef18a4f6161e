// An incoming SPID Response, signed on the Assertion and on the Response, checked per second by
// @civico/saml and by @node-saml/node-saml 5 (an SP library on xml-crypto 6 as well), in one process,
// on the same base64 form field. Imports '@civico/saml' by name: build first (`npx tsup`).
// Usage (from packages/saml): npx tsx bench/response.bench.ts, or through bench/index.ts.
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
 * (so no task always runs first or after the same one), and each task's best round is reported.
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

interface Best {
  opsPerSecond: number;
  meanMs: number;
  p99Ms: number;
  cpuMsPerOp: number;
  samples: number;
}

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
  const best = new Map<string, Best>();
  const ratioRounds: { verify: number; full: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const bench = new Bench({ name: `SPID Response, round ${round + 1}`, time: TIME_MS, warmupTime: 300 });
    for (let k = 0; k < tasks.length; k++) {
      const [name, fn] = tasks[(k + round) % tasks.length] as (typeof tasks)[number];
      bench.add(name, fn, cpu.hooks);
    }
    await bench.run();
    const rate = new Map<string, number>();
    for (const t of bench.tasks) {
      if (t.result.state !== 'completed') throw new Error(`${t.name}: ${t.result.state}`);
      const r = t.result;
      const opsPerSecond = 1000 / r.period;
      rate.set(t.name, opsPerSecond);
      const cpuList = cpu.perOp.get(t.name) ?? [];
      const previous = best.get(t.name);
      if (!previous || opsPerSecond > previous.opsPerSecond) {
        best.set(t.name, {
          opsPerSecond,
          meanMs: r.period,
          p99Ms: r.latency.p99,
          cpuMsPerOp: cpuList.at(-1) ?? Number.NaN,
          samples: r.latency.samplesCount,
        });
      }
    }
    const peer = rate.get(names.nodeSaml) ?? Number.NaN;
    ratioRounds.push({
      verify: (rate.get(names.verify) ?? Number.NaN) / peer,
      full: (rate.get(names.full) ?? Number.NaN) / peer,
    });
  }

  const rows: Record<string, Record<string, string | number>> = {};
  for (const [name] of tasks) {
    const b = best.get(name);
    if (!b) continue;
    rows[name] = {
      'ops/s': format(b.opsPerSecond),
      'mean ms': format(b.meanMs, 3),
      'p99 ms': format(b.p99Ms, 3),
      'CPU ms/op': format(b.cpuMsPerOp, 3),
      samples: b.samples,
    };
  }
  console.log(
    `\nSPID Response (both signatures), best of ${ROUNDS} rounds of ${TIME_MS} ms per task, Node ${process.version}`,
  );
  console.table(rows);
  const ops = (name: string) => best.get(name)?.opsPerSecond ?? Number.NaN;
  const cpuOf = (name: string) => best.get(name)?.cpuMsPerOp ?? Number.NaN;
  const rounds = (k: 'verify' | 'full') => ratioRounds.map((r) => r[k].toFixed(2)).join(', ');
  for (const [label, name, key] of [
    ['verify', names.verify, 'verify'],
    ['full (schema + verify)', names.full, 'full'],
  ] as const) {
    console.log(
      `civico ${label} ÷ node-saml: ${(ops(name) / ops(names.nodeSaml)).toFixed(2)}× ops/s (best rounds; per round ${rounds(key)}), ` +
        `${(cpuOf(names.nodeSaml) / cpuOf(name)).toFixed(2)}× by CPU ms/op`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
