// Issue 9 proof "the kit can fail": a deliberately NAIVE SP (some signature verifies with the IdP
// certificate → 200, nothing else checked) is reported failing the cases it should, over real HTTP.
import { createSelfSignedCertificate } from '@civico/saml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConformanceReport } from '../src/kit/conformance-report.js';
import { type ConformanceIdp, createConformanceIdp } from '../src/kit/create-conformance-idp.js';
import { runConformance } from '../src/kit/run-conformance.js';
import type { TestSp } from './support/naive-sp.js';
import { startNaiveSp } from './support/naive-sp.js';

/**
 * The cases a naive ACS fails, and why. It answers 200 whenever SOME element's signature verifies
 * with the IdP certificate, so it accepts every Response the kit altered before signing (the
 * signatures stay valid) or where one genuine signature survives:
 * - 3: the Response signature verifies, the unsigned Assertion is never required to be signed;
 * - xsw3, xsw4: the genuine Assertion signature still verifies (unique IDs), the unsigned copy is
 *   never looked at; xslt: the Response signature (with the XSLT transform) is refused by the
 *   verifier, but the untouched Assertion signature verifies;
 * - 8–24, 26–30, 32: Response ID, Version, IssueInstant, InResponseTo, Destination, Status and
 *   Issuer are never read (8, 9: the ID change breaks only the Response signature; 32: the signed
 *   Response without Assertion verifies);
 * - 35–49, 51–66, 68–83, 85–90, 92, 93, 97–99: nothing in the signed Assertion is read (version,
 *   times, subject, confirmation, issuer, conditions, audience, authentication context, attributes);
 * - 94: SpidL1 returned for a SpidL2 "minimum" request (the level rule), the level is never compared;
 * - 100: the Assertion is signed with a foreign key, but the IdP's Response signature verifies.
 */
const NAIVE_FAILURES = [
  '3',
  'xsw3',
  'xsw4',
  'xslt',
  ...range(8, 24),
  ...range(26, 30),
  '32',
  ...range(35, 49),
  ...range(51, 66),
  ...range(68, 83),
  ...range(85, 90),
  '92',
  '93',
  '94',
  '97',
  '98',
  '99',
  '100',
];

/**
 * What the naive ACS gets right, and why: 1, 31, 95, 96, 109, 110 are valid (accept); 2, 4, 5 carry
 * no signature from a trusted key; xsw1, xsw2, xsw5–xsw8 are refused by `verifyXmlSignature` of
 * `@civico/saml` itself (duplicate IDs, a signature that is not its element's direct child,
 * `ds:Object`), which the naive SP happens to use; 33, 34: the Assertion ID change made after
 * signing breaks both signatures; 103 tolerates 200; 104–108, 111 are unsigned error Responses.
 */
const NAIVE_PASSES = [
  '1',
  '2',
  '4',
  '5',
  'xsw1',
  'xsw2',
  'xsw5',
  'xsw6',
  'xsw7',
  'xsw8',
  '31',
  '33',
  '34',
  '95',
  '96',
  '103',
  ...range(104, 111),
];

function range(from: number, to: number): string[] {
  const ids: string[] = [];
  for (let n = from; n <= to; n++) if (![25, 50, 67, 84, 91, 101, 102].includes(n)) ids.push(String(n));
  return ids;
}

let idp: ConformanceIdp;
let sp: TestSp;
let report: ConformanceReport;

beforeAll(async () => {
  idp = await createConformanceIdp();
  const key = await createSelfSignedCertificate({ subject: 'CN=Comune di Prova, O=Comune di Prova, C=IT' });
  sp = await startNaiveSp({ idp, key });
  report = await runConformance({ metadataUrl: sp.metadataUrl, loginUrl: sp.loginUrl, idp, concurrency: 4 });
}, 60_000);

afterAll(async () => {
  await sp?.close();
});

function outcomes(): Map<string, string> {
  return new Map(
    report.checks.filter((c) => c.group === 'response').map((c) => [c.id.replace('response.case-', ''), c.outcome]),
  );
}

describe('runConformance() against a naive SP', () => {
  it('posts every one of the 111 cases to the ACS', () => {
    expect(outcomes().size).toBe(111);
    expect(sp.received()).toBe(111);
  });

  it('passes case 1 (the valid Response) with HTTP 200', () => {
    expect(report.checks.find((c) => c.id === 'response.case-1')).toMatchObject({ outcome: 'pass', httpStatus: 200 });
  });

  it('reports the naive SP failing exactly the cases it should, and why', () => {
    const failed = [...outcomes()].filter(([, outcome]) => outcome === 'fail').map(([id]) => id);
    expect(failed).toEqual(NAIVE_FAILURES);
    for (const id of NAIVE_FAILURES) {
      const check = report.checks.find((c) => c.id === `response.case-${id}`);
      // It accepted (final 200) what it should have rejected: the kit says so, with the status.
      expect({ id, status: check?.httpStatus, reason: check?.reason }).toEqual({
        id,
        status: 200,
        reason: expect.stringMatching(/^expected a rejection \(HTTP 400, 401, 403, 422 or 500\).*got 200$/),
      });
    }
    expect(report.ok).toBe(false);
    expect(report.summary.failed).toBe(NAIVE_FAILURES.length);
  });

  it('passes what even a naive SP gets right: accept cases, untrusted or missing signatures, error statuses', () => {
    const passed = [...outcomes()].filter(([, outcome]) => outcome === 'pass').map(([id]) => id);
    expect(passed).toEqual(NAIVE_PASSES);
  });

  it('passes the metadata and AuthnRequest checks (the naive SP is naive only at its ACS)', () => {
    const others = report.checks.filter((c) => c.group !== 'response' && c.outcome === 'fail');
    expect(others).toEqual([]);
  });
});
