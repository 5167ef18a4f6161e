import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFORMANCE_CASES } from '../src/data/conformance-cases.js';
import { getUserErrorCode, IDP_ERROR_CODES, USER_ERROR_OUTCOMES } from '../src/data/idp-error-codes.js';
import { getSpidLevel, SPID_LEVELS } from '../src/data/spid-levels.js';
import { SpidTestIdpError } from '../src/errors.js';

/**
 * The case ids of the workspace's SPID reference, outside the repository (its table condenses the cases of
 * spid-sp-test responses/settings.py), in order (rows `| id | … |`).
 */
function referenceIds(): string[] | undefined {
  let doc: string;
  try {
    doc = readFileSync(new URL('../../../../shared/reference/spid.md', import.meta.url), 'utf8');
  } catch {
    return undefined; // a fresh clone has no workspace reference: the list below stands alone
  }
  const start = doc.indexOf('### 3.3 The cases');
  const body = doc.slice(start, doc.indexOf('### 3.4', start));
  return [...body.matchAll(/^\| ([0-9a-z]+) \|/gm)].map((m) => m[1] ?? '');
}

const UNUSED = ['6', '7', '25', '50', '67', '84', '91', '101', '102'];

describe('CONFORMANCE_CASES', () => {
  it('has exactly 111 cases: 1–5, xsw1–xsw8, xslt, 8–111 without the unused numbers', () => {
    const numbered = Array.from({ length: 111 }, (_, i) => String(i + 1)).filter((n) => !UNUSED.includes(n));
    const xsw = Array.from({ length: 8 }, (_, i) => `xsw${i + 1}`);
    const expected = [...numbered.slice(0, 5), ...xsw, 'xslt', ...numbered.slice(5)];
    expect(CONFORMANCE_CASES.map((c) => c.id)).toEqual(expected);
    expect(CONFORMANCE_CASES).toHaveLength(111);
  });

  it('matches the table of the reference when it is available', () => {
    const ids = referenceIds();
    expect(ids === undefined || ids.join(' ') === CONFORMANCE_CASES.map((c) => c.id).join(' ')).toBe(true);
  });

  it('expects acceptance for 1, 31, 109, 110 only, level for 94–96, reject-or-200 for 103', () => {
    const by = (e: string) => CONFORMANCE_CASES.filter((c) => c.expect === e).map((c) => c.id);
    expect(by('accept')).toEqual(['1', '31', '109', '110']);
    expect(by('level')).toEqual(['94', '95', '96']);
    expect(by('reject-or-200')).toEqual(['103']);
    expect(by('reject')).toHaveLength(111 - 8);
    expect(CONFORMANCE_CASES.filter((c) => c.cieSkip).map((c) => c.id)).toEqual(['70', '71']);
    expect(CONFORMANCE_CASES.filter((c) => c.errorCode).map((c) => [c.id, c.errorCode])).toEqual([
      ['104', 'nr19'],
      ['105', 'nr20'],
      ['106', 'nr21'],
      ['107', 'nr22'],
      ['108', 'nr23'],
      ['111', 'nr25'],
    ]);
  });
});

describe('IDP_ERROR_CODES', () => {
  it('lists codes 1–23, 25 and 30 once each (24 reserved)', () => {
    const codes = IDP_ERROR_CODES.map((e) => e.code);
    expect(codes).toEqual([...Array.from({ length: 23 }, (_, i) => i + 1), 25, 30]);
  });

  it('gives the user anomalies Responder/AuthnFailed with ErrorCode nrNN and a page message', () => {
    for (const outcome of USER_ERROR_OUTCOMES) {
      const row = getUserErrorCode(outcome);
      expect(row.status).toBe('urn:oasis:names:tc:SAML:2.0:status:Responder');
      expect(row.subStatus).toBe('urn:oasis:names:tc:SAML:2.0:status:AuthnFailed');
      expect(row.statusMessage).toBe(`ErrorCode ${outcome === 'cancelled' ? 'nr25' : outcome}`);
      expect(row.reachesSp).toBe(true);
      expect(row.pageMessageIt.length).toBeGreaterThan(10);
    }
  });

  it('marks codes 2–7 and 10 as IdP pages without a Response, 4–7 and 10 with HTTP 403', () => {
    const pages = IDP_ERROR_CODES.filter((e) => !e.reachesSp);
    expect(pages.map((e) => e.code)).toEqual([2, 3, 4, 5, 6, 7, 10]);
    expect(pages.filter((e) => e.httpStatus === 403).map((e) => e.code)).toEqual([4, 5, 6, 7, 10]);
    for (const p of pages) expect(p.statusMessage).toBeUndefined();
  });

  it('refuses an unknown outcome with ERR_SPID_TEST_IDP_INVALID_CONFIG', () => {
    expect(() => getUserErrorCode('nr24' as 'nr19')).toThrow(SpidTestIdpError);
  });
});

describe('SPID_LEVELS', () => {
  it('maps each level to its URI and back, and only the SPID URIs', () => {
    for (const level of [1, 2, 3] as const) expect(getSpidLevel(SPID_LEVELS[level])).toBe(level);
    expect(getSpidLevel('urn:oasis:names:tc:SAML:2.0:ac:classes:SpidL1')).toBeUndefined();
  });
});
