import { CONFORMANCE_CASES, CIE_ATTRIBUTES as TEST_IDP_CIE_ATTRIBUTES } from '@civico/spid-test-idp';
import { describe, expect, it } from 'vitest';
import { CIE_ATTRIBUTE_NAMES } from '../src/data/spid-attributes.js';
import type { SpidComparison, SpidLevel } from '../src/data/spid-types.js';
import { CASE_REASONS, getCodeForReason } from './support/response-case-reasons.js';
import {
  baselineResponse,
  caseResponse,
  createTestStore,
  outcome,
  startLogin,
  validate,
} from './support/response-fixtures.js';

// CIE (CIE manuale tecnico): the Response Issuer has no Format and the tool's CIE profile skips cases 70 and 71
// (`cieSkip`). Our decision for those two under CIE: the Assertion Issuer Format may be absent (71 is
// accepted), but when present it must still be the entity format (70, empty Format, is refused).
const CIE_DECISIONS: Readonly<Record<string, 'accept' | string>> = { '70': 'assertion.issuer-format', '71': 'accept' };

async function runCie(id: (typeof CONFORMANCE_CASES)[number]['id'], level?: SpidLevel, comparison?: SpidComparison) {
  const store = createTestStore();
  const login = await startLogin(store, { cie: true, level, comparison });
  return outcome(validate(store, login, caseResponse(id, login)));
}

describe('validateSamlResponse() on the conformance cases in the CIE flavour', () => {
  it('asks the CIE IdP for exactly its four attributes', () => {
    expect([...CIE_ATTRIBUTE_NAMES].sort()).toEqual(TEST_IDP_CIE_ATTRIBUTES.map((a) => a.name).sort());
  });

  it('accepts the CIE baseline (Response Issuer without Format) and decodes the CIE identity', async () => {
    const store = createTestStore();
    const login = await startLogin(store, { cie: true });
    const xml = baselineResponse(login);
    expect(xml).toMatch(/<saml:Issuer>https:\/\/localhost:8443<\/saml:Issuer>/);
    const result = await validate(store, login, xml);
    expect(Object.keys(result.user.attributes).sort()).toEqual([...CIE_ATTRIBUTE_NAMES].sort());
    expect(result.user.fiscalNumber).toBe('GLLCHR95B54G273B');
    expect(result.user.spidCode).toBeUndefined();
  });

  const rows = CONFORMANCE_CASES.filter((c) => c.expect !== 'level').map((c) => [c.id, c] as const);
  it.each(rows)('decides case %s as the case data says (cieSkip cases by our CIE rule)', async (id, c) => {
    const decision = c.cieSkip ? CIE_DECISIONS[id] : c.expect === 'accept' ? 'accept' : CASE_REASONS[id];
    expect(decision, `case ${id} has a decision`).toBeDefined();
    const result = await runCie(id);
    if (decision === 'accept') {
      expect(result.ok, result.ok ? '' : result.reason).toBe(true);
    } else {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect({ code: result.code, reason: result.reason }).toEqual({
        code: getCodeForReason(decision as string),
        reason: decision,
      });
    }
  });

  // CIE accepts only `exact` and `minimum` (CIE manuale tecnico); the level table is the same.
  const levelRows = CONFORMANCE_CASES.filter((c) => c.expect === 'level').flatMap((c) =>
    ([1, 2, 3] as const).flatMap((r) => (['exact', 'minimum'] as const).map((cmp) => [c.id, r, cmp, c.level] as const)),
  );
  it.each(levelRows)(
    'decides level case %s for a CIE request at L%i %s',
    async (id, requested, comparison, returned) => {
      const result = await runCie(id, requested, comparison);
      expect(result.ok).toBe((returned as number) >= requested);
      if (!result.ok) expect(result.reason).toBe('level');
    },
  );
});
