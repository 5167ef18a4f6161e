/**
 * What a conformance case expects of the SP (spid-sp-test responses/settings.py): `accept` (HTTP 200), `reject`
 * (400/401/403/422/500), `level` (cases 94–96, decided by the level rule), `reject-or-200` (case 103).
 * @internal
 */
export type CaseExpectation = 'accept' | 'reject' | 'level' | 'reject-or-200';

/** `italia/spid-sp-test` response.py: the statuses the official tool counts as a rejection. */
export const REJECT_STATUSES: readonly number[] = Object.freeze([400, 401, 403, 422, 500]);
/** responses/settings.py, case 103: the only statuses the tool allows there. */
export const CASE_103_STATUSES: readonly number[] = Object.freeze([200, 400, 403, 500]);

/** The request's level and `Comparison`, and the level the case's Response returns. */
export interface LevelFacts {
  readonly requested: 1 | 2 | 3;
  readonly comparison: 'exact' | 'minimum' | 'better' | 'maximum';
  readonly returned: 1 | 2 | 3;
}

/**
 * The level rule of cases 94–96 (docs/spid-test-idp.md, How a case is judged): OK when L > R (any C),
 * L = R with C ≠ better, or L < R with C = maximum.
 * @param facts - requested level R, comparison C, returned level L
 * @returns whether the SP must accept
 * @internal
 */
export function isLevelAcceptable(facts: LevelFacts): boolean {
  if (facts.returned > facts.requested) return true;
  if (facts.returned === facts.requested) return facts.comparison !== 'better';
  return facts.comparison === 'maximum';
}

/**
 * Judges one case by the FINAL HTTP status, exactly as the official tool (response.py).
 * @param expectation - the case's expectation
 * @param status - the final status
 * @param level - the level facts, for `level` cases
 * @returns pass or fail with the reason
 * @internal
 */
export function judgeStatus(
  expectation: CaseExpectation,
  status: number,
  level: LevelFacts | undefined,
): { readonly outcome: 'pass' | 'fail'; readonly reason?: string } {
  let mustAccept: boolean;
  switch (expectation) {
    case 'accept':
      mustAccept = true;
      break;
    case 'reject':
      mustAccept = false;
      break;
    case 'reject-or-200':
      return CASE_103_STATUSES.includes(status)
        ? { outcome: 'pass' }
        : { outcome: 'fail', reason: `expected HTTP 200, 400, 403 or 500, got ${status}` };
    case 'level':
      if (level === undefined) return { outcome: 'fail', reason: 'the requested level is unknown' };
      mustAccept = isLevelAcceptable(level);
      break;
  }
  const why =
    expectation === 'level' && level !== undefined
      ? ` (requested SpidL${level.requested} ${level.comparison}, returned SpidL${level.returned})`
      : '';
  if (mustAccept) {
    return status === 200
      ? { outcome: 'pass' }
      : { outcome: 'fail', reason: `expected the SP to accept (HTTP 200)${why}, got ${status}` };
  }
  return REJECT_STATUSES.includes(status)
    ? { outcome: 'pass' }
    : { outcome: 'fail', reason: `expected a rejection (HTTP 400, 401, 403, 422 or 500)${why}, got ${status}` };
}
