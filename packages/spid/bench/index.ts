// @civico/spid: full validation of a signed SPID Response, against @node-saml/node-saml 5.1 validating
// the same Responses, in one process.
// Usage: npm run bench -w @civico/spid (tsx bench/index.ts; @civico/saml from its dist, so build it
// first), or on the sources of every package: npx tsx --conditions=@civico/source bench/index.ts
// Environment: CIVICO_BENCH_ROUNDS (default 7), CIVICO_BENCH_BATCH (Responses per side per round, 150).
//
// - civico: sp.validateResponse({ form, session }) of createServiceProvider, i.e. every check of
//   validateSamlResponse: size cap, strict base64, safe parse, the SAML protocol XSD (libxml2-wasm),
//   pending request by InResponseTo bound to the browser session and RelayState, Status, the XSW shape
//   rules, both signatures with the stored IdP's certificates (read back from the signed nodes only),
//   every SPID field rule (spid-sp-test cases), level, exactly the requested attributes, atomic take of the request,
//   replay cache of the Assertion ID, the user decoded (codice fiscale through @civico/core). Audit off.
// - node-saml: validatePostResponseAsync with both signatures required, Issuer, Audience, the clock
//   skew and InResponseTo checked against its cache (see node-saml-peer.ts); no schema, no session
//   binding, no SPID field rules, no replay cache of Assertion IDs.
//
// Every Response is a different one (a request can be consumed once): N are built before timing (see
// build-responses.ts), each side validates each of them once. A round runs one batch per side, the
// side that starts alternating; CPU time is process.cpuUsage() over the batch, wall time
// performance.now(). The first round is warm-up and not reported.

import { type BenchResponse, createBenchSetup, IDP_ENTITY_ID, IDP_KEY } from './build-responses.js';
import { createMapCache, createNodeSaml } from './node-saml-peer.js';
import { median, type Sample, timeBatch } from './time-batch.js';

const ROUNDS = Number(process.env.CIVICO_BENCH_ROUNDS ?? 7);
const BATCH = Number(process.env.CIVICO_BENCH_BATCH ?? 150);

function format(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

async function expectRefused(run: () => Promise<unknown>, what: string): Promise<void> {
  try {
    await run();
  } catch {
    return;
  }
  throw new Error(`${what} was accepted`);
}

export async function run(): Promise<void> {
  const setup = createBenchSetup();
  const cache = createMapCache();
  const peer = createNodeSaml({
    idpCertificate: IDP_KEY.certificate,
    idpEntityId: IDP_ENTITY_ID,
    spEntityId: setup.entityId,
    acsUrl: setup.acsUrl,
    cache,
  });
  const total = (ROUNDS + 1) * BATCH + 2;
  const started = performance.now();
  const responses = await setup.build(total);
  for (const r of responses) await cache.saveAsync(r.requestId, r.issueInstant.toISOString());
  console.log(
    `built ${total} signed Responses (${format(performance.now() - started)} ms), ` +
      `${Buffer.from(responses[0]?.form.SAMLResponse ?? '', 'base64').length} bytes of XML each`,
  );

  // Both accept a Response and refuse it once its signed text is altered, before timing.
  const [probe, tamperedProbe] = responses.splice(0, 2) as [BenchResponse, BenchResponse];
  const login = await setup.sp.validateResponse({ form: probe.form, session: probe.session });
  const { profile } = await peer.validatePostResponseAsync({ SAMLResponse: probe.form.SAMLResponse });
  if (login.nameId !== profile?.nameID) throw new Error('the two sides read different NameIDs');
  const tampered = Buffer.from(
    Buffer.from(tamperedProbe.form.SAMLResponse, 'base64').toString('utf8').replace('SpidL2', 'SpidL3'),
  ).toString('base64');
  await expectRefused(
    () =>
      setup.sp.validateResponse({
        form: { ...tamperedProbe.form, SAMLResponse: tampered },
        session: tamperedProbe.session,
      }),
    'a tampered Response (civico)',
  );
  await expectRefused(
    () => peer.validatePostResponseAsync({ SAMLResponse: tampered }),
    'a tampered Response (node-saml)',
  );
  // Replay: the same Response again is refused by both.
  await expectRefused(
    () => setup.sp.validateResponse({ form: probe.form, session: probe.session }),
    'a replay (civico)',
  );
  await expectRefused(
    () => peer.validatePostResponseAsync({ SAMLResponse: probe.form.SAMLResponse }),
    'a replay (node-saml)',
  );
  console.log('accepted by both with the same NameID; a tampered copy and a replay refused by both');

  const sides = {
    civico: async (r: BenchResponse) => {
      await setup.sp.validateResponse({ form: r.form, session: r.session });
    },
    'node-saml': async (r: BenchResponse) => {
      const result = await peer.validatePostResponseAsync({ SAMLResponse: r.form.SAMLResponse });
      if (result.profile === null) throw new Error('no profile');
    },
  } as const;
  type Side = keyof typeof sides;
  const samples: Record<Side, Sample[]> = { civico: [], 'node-saml': [] };
  let next = 0;
  for (let round = 0; round <= ROUNDS; round++) {
    const order: Side[] = round % 2 === 0 ? ['civico', 'node-saml'] : ['node-saml', 'civico'];
    const batch = responses.slice(next, next + BATCH);
    next += BATCH;
    for (const side of order) {
      const sample = await timeBatch(batch, sides[side]);
      if (round > 0) samples[side].push(sample);
    }
  }

  console.log(
    `\nSPID Response, full validation: ${ROUNDS} rounds × ${BATCH} Responses per side, Node ${process.version}, ` +
      `load average ${
        process.platform === 'linux'
          ? (await import('node:os'))
              .loadavg()
              .map((x) => x.toFixed(1))
              .join(' ')
          : 'n/a'
      }`,
  );
  const rows: Record<string, Record<string, string>> = {};
  for (const side of Object.keys(sides) as Side[]) {
    const s = samples[side];
    rows[side] = {
      'CPU ms/op (median)': format(median(s.map((x) => x.cpuMsPerOp)), 3),
      'CPU ms/op (best)': format(Math.min(...s.map((x) => x.cpuMsPerOp)), 3),
      'ops per CPU-second': format(1000 / median(s.map((x) => x.cpuMsPerOp))),
      'wall ops/s (median)': format(median(s.map((x) => x.opsPerSecond))),
      'wall ops/s (best)': format(Math.max(...s.map((x) => x.opsPerSecond))),
    };
  }
  console.table(rows);
  const cpuRatios = samples.civico.map((c, i) => (samples['node-saml'][i]?.cpuMsPerOp ?? Number.NaN) / c.cpuMsPerOp);
  const wallRatios = samples.civico.map(
    (c, i) => c.opsPerSecond / (samples['node-saml'][i]?.opsPerSecond ?? Number.NaN),
  );
  console.log(
    `civico ÷ node-saml (throughput, > 1 = civico faster): median of rounds ${median(cpuRatios).toFixed(2)}× by CPU ms/op, ` +
      `${median(wallRatios).toFixed(2)}× by wall ops/s (per round CPU ${cpuRatios.map((x) => x.toFixed(2)).join(', ')}; ` +
      `wall ${wallRatios.map((x) => x.toFixed(2)).join(', ')})`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
