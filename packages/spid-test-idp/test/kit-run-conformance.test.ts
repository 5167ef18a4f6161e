// runConformance() and its companions on the failure paths: bad options, unreachable or broken SPs,
// an SP that never answers; createConformanceIdp() and formatConformanceReport().
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSelfSignedCertificate, verifyXmlSignature } from '@civico/saml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConformanceReport } from '../src/kit/conformance-report.js';
import { type ConformanceIdp, createConformanceIdp } from '../src/kit/create-conformance-idp.js';
import { formatConformanceReport } from '../src/kit/format-conformance-report.js';
import { runConformance } from '../src/kit/run-conformance.js';
import type { TestSp } from './support/naive-sp.js';
import { startStrictSp } from './support/strict-sp.js';

let idp: ConformanceIdp;
let strict: TestSp;
const servers: Server[] = [];

async function serve(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  idp = await createConformanceIdp();
  const key = await createSelfSignedCertificate({ subject: 'CN=Comune di Prova, O=Comune di Prova, C=IT' });
  strict = await startStrictSp({ idp, key });
}, 30_000);

afterAll(async () => {
  await strict?.close();
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
});

describe('runConformance()', () => {
  it('refuses bad options with ERR_SPID_TEST_IDP_INVALID_CONFIG naming the field', async () => {
    const base = { metadataUrl: 'http://127.0.0.1:1/metadata', loginUrl: 'http://127.0.0.1:1/login' };
    const bad: [Record<string, unknown>, string][] = [
      [{ ...base, metadataUrl: 'file:///etc/passwd' }, 'metadataUrl'],
      [{ ...base, loginUrl: 'not a url' }, 'loginUrl'],
      [{ ...base, profile: 'spid-sp-nope' }, 'profile'],
      [{ ...base, binding: 'soap' }, 'binding'],
      [{ ...base, cases: ['6'] }, 'cases.0'],
      [{ ...base, cases: [] }, 'cases'],
      [{ ...base, timeoutMs: 0 }, 'timeoutMs'],
      [{ ...base, concurrency: 5 }, 'concurrency'],
      [{ ...base, idp: { entityId: 'urn:idp' } }, 'idp.entityId'],
      [{ ...base, idp: { ssoUrls: [] } }, 'idp.ssoUrls'],
      [{ ...base, idp: { key: { privateKey: 'not a key', certificate: 'not a certificate' } } }, 'idp.key'],
    ];
    for (const [options, field] of bad) {
      await expect(runConformance(options as never)).rejects.toMatchObject({
        code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG',
        field,
      });
    }
  });

  it('reports an unreachable SP instead of throwing: every check fails with the reason', async () => {
    const gone = await serve((_req, res) => res.end());
    const server = servers.pop();
    await new Promise((resolve) => server?.close(resolve));
    const seen: string[] = [];
    const report = await runConformance({
      metadataUrl: `${gone}/metadata`,
      loginUrl: `${gone}/login`,
      idp,
      cases: ['1', 'xsw1'],
      onCheck: (check) => seen.push(check.id),
    });
    expect(seen).toEqual(report.checks.map((c) => c.id));
    expect(report.ok).toBe(false);
    expect(report.checks.map((c) => [c.id, c.outcome])).toEqual([
      ['metadata.fetch', 'fail'],
      ['authn-request.fetch', 'fail'],
      ['response.case-1', 'fail'],
      ['response.case-xsw1', 'fail'],
    ]);
    expect(report.checks[0]?.reason).toMatch(/ERR_SPID_TEST_IDP_NETWORK \(network\)/);
    expect(report.checks[2]?.reason).toBe('the SP metadata could not be read');
    expect(report.summary).toEqual({ passed: 0, failed: 4, warnings: 0 });
  });

  it('never hangs on an SP that does not answer: the timeout fails the checks', async () => {
    const silent = await serve((req, res) => {
      if (req.url === '/metadata') return void res.writeHead(404).end();
      // /login: never answers
    });
    const started = Date.now();
    const report = await runConformance({
      metadataUrl: `${silent}/metadata`,
      loginUrl: `${silent}/login`,
      idp,
      cases: ['1'],
      timeoutMs: 300,
    });
    expect(report.checks.map((c) => [c.id, c.outcome, c.reason])).toEqual([
      ['metadata.fetch', 'fail', 'HTTP 404'],
      ['authn-request.fetch', 'fail', expect.stringMatching(/\(timeout\)/)],
      ['response.case-1', 'fail', 'the SP metadata could not be read'],
    ]);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('fails the AuthnRequest and every case when the login URL sends no AuthnRequest', async () => {
    const metadata = await (await fetch(strict.metadataUrl)).text();
    const broken = await serve((req, res) => {
      if (req.url === '/metadata') return void res.writeHead(200).end(metadata);
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>Choose your IdP</p>');
    });
    const report = await runConformance({
      metadataUrl: `${broken}/metadata`,
      loginUrl: `${broken}/login`,
      idp,
      cases: ['1'],
    });
    expect(report.checks.find((c) => c.id === 'authn-request.fetch')).toMatchObject({
      outcome: 'fail',
      reason: expect.stringMatching(/no-authn-request/),
    });
    expect(report.checks.find((c) => c.id === 'response.case-1')).toMatchObject({
      outcome: 'fail',
      reason: expect.stringMatching(/^no valid AuthnRequest from the login URL: .*no-authn-request/),
    });
  });

  it('fails the binding check when the SP uses the other binding', async () => {
    const report = await runConformance({
      metadataUrl: strict.metadataUrl,
      loginUrl: strict.loginUrl,
      idp,
      binding: 'post',
      cases: ['1'],
    });
    expect(report.checks.find((c) => c.id === 'authn-request.binding')).toMatchObject({
      outcome: 'fail',
      reason: 'the SP used HTTP-redirect',
    });
    expect(report.checks.find((c) => c.id === 'response.case-1')?.outcome).toBe('pass');
  });

  it('leaves out the cases the CIE profile skips (70, 71)', async () => {
    const report = await runConformance({
      metadataUrl: strict.metadataUrl,
      loginUrl: strict.loginUrl,
      idp,
      profile: 'cie-sp-public',
      cases: ['70', '71', '72'],
    });
    expect(report.profile).toBe('cie-sp-public');
    expect(report.checks.filter((c) => c.group === 'response').map((c) => c.id)).toEqual(['response.case-72']);
  });
});

describe('createConformanceIdp()', () => {
  it('publishes signed metadata with its certificate and keeps the key out of JSON', async () => {
    const custom = await createConformanceIdp({ entityId: 'http://127.0.0.1:9999/idp', key: idp.key });
    expect(custom.ssoUrl).toBe('http://127.0.0.1:9999/idp/samlsso');
    expect(custom.certificate).toBe(idp.certificate);
    expect(custom.key).toBe(idp.key);
    expect(JSON.stringify(custom)).not.toContain('PRIVATE KEY');
    expect(Object.keys(custom)).not.toContain('key');
    const signed = verifyXmlSignature(custom.metadata, { id: '_idp-metadata', certificates: [custom.certificate] });
    expect(signed.getAttribute('entityID')).toBe('http://127.0.0.1:9999/idp');
  });

  it('refuses an entity ID that is not an http(s) URL', async () => {
    await expect(createConformanceIdp({ entityId: 'urn:idp', key: idp.key })).rejects.toMatchObject({
      code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG',
      field: 'entityId',
    });
  });
});

describe('formatConformanceReport()', () => {
  it('prints one line per check with status and reason, groups and a summary', () => {
    const report: ConformanceReport = {
      ok: false,
      profile: 'spid-sp-public',
      idp: { entityId: 'https://localhost:8443', certificate: '' },
      checks: [
        {
          group: 'metadata',
          id: 'metadata.entity-id.https',
          title: 'entityID is an HTTPS URL',
          outcome: 'warn',
          reason: 'not https',
        },
        { group: 'response', id: 'response.case-1', title: 'valid', outcome: 'pass', httpStatus: 200 },
        {
          group: 'response',
          id: 'response.case-8',
          title: 'ID\nempty',
          outcome: 'fail',
          httpStatus: 200,
          reason: 'expected a rejection',
        },
      ],
      summary: { passed: 1, failed: 1, warnings: 1 },
    };
    expect(formatConformanceReport(report)).toBe(
      [
        'SPID conformance report, profile spid-sp-public, IdP https://localhost:8443',
        '',
        '[metadata]',
        'WARN  metadata.entity-id.https  entityID is an HTTPS URL  not https',
        '',
        '[response]',
        'PASS  response.case-1  valid  HTTP 200',
        'FAIL  response.case-8  ID empty  HTTP 200  expected a rejection',
        '',
        '3 checks: 1 passed, 1 failed, 1 warnings. NOT CONFORMANT',
        '',
      ].join('\n'),
    );
  });
});

describe('createConformanceIdp() and formatConformanceReport() on wrong types (hostile-input harness regression)', () => {
  it('fail with ERR_SPID_TEST_IDP_INVALID_CONFIG, never a TypeError', async () => {
    for (const options of [null, 'x', { entityId: 5 }, { key: 'pem' }]) {
      await expect(createConformanceIdp(options as never)).rejects.toMatchObject({
        code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG',
      });
    }
    for (const report of [undefined, null, {}, { ok: true, profile: 'p', idp: {}, checks: [{}], summary: {} }]) {
      expect(() => formatConformanceReport(report as never)).toThrow(
        expect.objectContaining({ code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG' }),
      );
    }
  });
});

describe('runConformance() on hostile options (hostile-input harness regression)', () => {
  it('refuses a throwing getter on fetch, now, user, onCheck or idp with ERR_SPID_TEST_IDP_INVALID_CONFIG', async () => {
    const base = { metadataUrl: 'http://127.0.0.1:1/metadata', loginUrl: 'http://127.0.0.1:1/login', cases: ['1'] };
    for (const key of ['fetch', 'now', 'user', 'onCheck', 'idp']) {
      const options = Object.defineProperty({ ...base }, key, {
        get() {
          throw new TypeError('trap');
        },
      });
      await expect(runConformance(options as never)).rejects.toMatchObject({
        code: 'ERR_SPID_TEST_IDP_INVALID_CONFIG',
      });
    }
  });
});
