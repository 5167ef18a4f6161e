// The kit passes a correct SP: a small strict SP (test/support/strict-sp.ts) implementing the Response
// checks of single-sign-on.rst and spid-sp-test, over real HTTP, on both AuthnRequest bindings.
import { createSelfSignedCertificate, type SigningKey } from '@civico/saml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFORMANCE_CASES } from '../src/data/conformance-cases.js';
import { type ConformanceIdp, createConformanceIdp } from '../src/kit/create-conformance-idp.js';
import { formatConformanceReport } from '../src/kit/format-conformance-report.js';
import { runConformance } from '../src/kit/run-conformance.js';
import type { TestSp } from './support/naive-sp.js';
import { startStrictSp } from './support/strict-sp.js';

let idp: ConformanceIdp;
let key: SigningKey;
const sps: TestSp[] = [];

beforeAll(async () => {
  idp = await createConformanceIdp();
  key = await createSelfSignedCertificate({ subject: 'CN=Comune di Prova, O=Comune di Prova, C=IT' });
}, 30_000);

afterAll(async () => {
  await Promise.all(sps.map((sp) => sp.close()));
});

describe('runConformance() against a strict SP', () => {
  it('passes all 111 Response cases, and the metadata and AuthnRequest checks (HTTP-Redirect)', async () => {
    const sp = await startStrictSp({ idp, key });
    sps.push(sp);
    const report = await runConformance({
      metadataUrl: sp.metadataUrl,
      loginUrl: sp.loginUrl,
      idp,
      binding: 'redirect',
      concurrency: 4,
    });
    const failed = report.checks.filter((c) => c.outcome === 'fail');
    expect(failed, formatConformanceReport(report)).toEqual([]);
    expect(report.checks.filter((c) => c.group === 'response')).toHaveLength(CONFORMANCE_CASES.length);
    expect(report.ok).toBe(true);
    expect(report.summary.failed).toBe(0);
  }, 60_000);

  it('captures an HTTP-POST AuthnRequest and judges the level cases by its level and comparison', async () => {
    // SpidL1 requested with Comparison "better": only SpidL2/L3 are acceptable (the level rule of cases 94–96).
    const sp = await startStrictSp({ idp, key, binding: 'post', level: 1, comparison: 'better' });
    sps.push(sp);
    const report = await runConformance({
      metadataUrl: sp.metadataUrl,
      loginUrl: sp.loginUrl,
      idp,
      binding: 'post',
      cases: ['1', '94', '95', '96'],
    });
    const responses = report.checks.filter((c) => c.group === 'response');
    expect(responses.map((c) => [c.id, c.outcome, c.httpStatus])).toEqual([
      ['response.case-1', 'fail', 400], // the baseline returns the requested SpidL1: "better" refuses it
      ['response.case-94', 'pass', 400],
      ['response.case-95', 'pass', 200],
      ['response.case-96', 'pass', 200],
    ]);
    expect(report.checks.find((c) => c.id === 'authn-request.binding')?.outcome).toBe('pass');
  }, 30_000);

  it('reports an SP the kit IdP is not trusted by: the accept cases fail, the rejections still pass', async () => {
    const stranger = await createConformanceIdp();
    const sp = await startStrictSp({ idp: stranger, key });
    sps.push(sp);
    const report = await runConformance({ metadataUrl: sp.metadataUrl, loginUrl: sp.loginUrl, idp, cases: ['1', '2'] });
    expect(report.checks.filter((c) => c.group === 'response').map((c) => [c.id, c.outcome])).toEqual([
      ['response.case-1', 'fail'],
      ['response.case-2', 'pass'],
    ]);
    expect(report.idp.entityId).toBe(idp.entityId);
    expect(formatConformanceReport(report)).toContain('Hint: case 1 is a valid Response and was refused.');
  }, 30_000);
});
