import { CONFORMANCE_CASES, type ConformanceCase } from '@civico/spid-test-idp';
import { describe, expect, it } from 'vitest';
import type { SpidComparison, SpidLevel } from '../src/data/spid-types.js';
import { getSpidUserMessage } from '../src/data/user-messages.js';
import { SpidError } from '../src/errors.js';
import { CASE_REASONS, getCodeForReason } from './support/response-case-reasons.js';
import { caseResponse, createTestStore, outcome, startLogin, validate } from './support/response-fixtures.js';

const LEVELS: readonly SpidLevel[] = [1, 2, 3];
const COMPARISONS: readonly SpidComparison[] = ['exact', 'minimum', 'better', 'maximum'];
// SPID conformance cases 94–96, written as the table (R requested, L returned).
const LEVEL_TABLE: Record<SpidComparison, { lower: boolean; equal: boolean; higher: boolean }> = {
  exact: { lower: false, equal: true, higher: true },
  minimum: { lower: false, equal: true, higher: true },
  better: { lower: false, equal: false, higher: true },
  maximum: { lower: true, equal: true, higher: true },
};

async function run(c: ConformanceCase, setup: Parameters<typeof startLogin>[1] = {}) {
  const store = createTestStore();
  const login = await startLogin(store, setup);
  const result = await outcome(validate(store, login, caseResponse(c.id, login)));
  return { result, store, login };
}

describe('validateSamlResponse() on the SPID conformance cases', () => {
  it('knows every case of CONFORMANCE_CASES (111 ids, none left without a decision)', () => {
    expect(CONFORMANCE_CASES).toHaveLength(111);
    for (const c of CONFORMANCE_CASES) {
      const decided = c.expect === 'accept' || c.expect === 'level' || CASE_REASONS[c.id] !== undefined;
      expect(decided, `case ${c.id}`).toBe(true);
    }
  });

  const accepted = CONFORMANCE_CASES.filter((c) => c.expect === 'accept');
  it.each(accepted.map((c) => [c.id, c] as const))('accepts case %s and consumes its request', async (_id, c) => {
    const { result, store, login } = await run(c);
    expect(result.ok, JSON.stringify(result.ok ? {} : { reason: result.reason })).toBe(true);
    if (!result.ok) return;
    expect(result.login.requestId).toBe(login.pending.id);
    expect(result.login.idp).toBe('https://localhost:8443');
    expect(result.login.level).toBe(2);
    expect(result.login.user.fiscalNumber).toMatch(/^[A-Z0-9]{16}$/);
    expect(await store.get(`req:${login.pending.id}`)).toBeUndefined();
    expect(store.adds.map((a) => a.key)).toEqual([`assertion:${result.login.assertionId}`]);
  });

  const refused = CONFORMANCE_CASES.filter((c) => c.expect === 'reject' || c.expect === 'reject-or-200');
  it.each(refused.map((c) => [c.id, c] as const))(
    'refuses case %s with 400/403 for the rule it tests, leaving the request pending',
    async (id, c) => {
      const { result, store, login } = await run(c);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(SpidError.isInstance(result.error)).toBe(true);
      const reason = CASE_REASONS[id] as string;
      expect({ reason: result.reason, code: result.code }).toEqual({ reason, code: getCodeForReason(reason) });
      expect(result.status).toBe(reason === 'response.schema' ? 400 : 403);
      // No login was consumed and no assertion remembered: nothing was accepted.
      expect(await store.get(`req:${login.pending.id}`)).toBeDefined();
      expect(store.adds).toEqual([]);
    },
  );

  const idpErrors = CONFORMANCE_CASES.filter((c) => c.errorCode !== undefined);
  it.each(idpErrors.map((c) => [c.id, c] as const))(
    'answers case %s with ERR_SPID_IDP_ERROR carrying the code and its specific citizen message',
    async (_id, c) => {
      const { result } = await run(c);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const error = result.error as SpidError;
      expect(error.idpErrorCode).toBe(c.errorCode);
      expect(error.userMessage).toEqual(getSpidUserMessage(c.errorCode as string));
      expect(error.userMessage).not.toEqual(getSpidUserMessage('nr99'));
    },
  );

  it('gives a generic message and no code for a non-Success status without ErrorCode (cases 24, 26)', async () => {
    for (const id of ['24', '26']) {
      const c = CONFORMANCE_CASES.find((k) => k.id === id) as ConformanceCase;
      const { result } = await run(c);
      expect(result.ok).toBe(false);
      const error = (result as { error: SpidError }).error;
      expect(error.idpErrorCode).toBeUndefined();
      expect(error.userMessage).toEqual(getSpidUserMessage('nr99'));
    }
  });
});

describe('validateSamlResponse() on the level cases 94–96 (SPID Regole Tecniche)', () => {
  const levelCases = CONFORMANCE_CASES.filter((c) => c.expect === 'level');
  const rows = levelCases.flatMap((c) =>
    LEVELS.flatMap((requested) => COMPARISONS.map((comparison) => [c.id, requested, comparison, c] as const)),
  );

  it('covers 3 cases × 3 requested levels × 4 comparisons', () => {
    expect(rows).toHaveLength(36);
  });

  it.each(rows)('case %s, requested L%i with %s, is decided by the table', async (_id, requested, comparison, c) => {
    const returned = c.level as SpidLevel;
    const column = returned < requested ? 'lower' : returned === requested ? 'equal' : 'higher';
    const { result } = await run(c, { level: requested, comparison });
    expect(result.ok).toBe(LEVEL_TABLE[comparison][column]);
    if (result.ok) {
      expect(result.login.level).toBe(returned);
      // SessionIndex is sent for L1 requests and accepted at any returned level.
      expect(result.login.sessionIndex !== undefined).toBe(requested === 1);
    } else {
      expect({ code: result.code, reason: result.reason, status: result.status }).toEqual({
        code: 'ERR_SPID_RESPONSE_REJECTED',
        reason: 'level',
        status: 403,
      });
    }
  });
});
