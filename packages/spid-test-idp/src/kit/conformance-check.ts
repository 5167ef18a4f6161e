/**
 * Outcome of one conformance check: `pass`, `fail` (the SP breaks a rule the official AgID tool
 * enforces) or `warn` (the tool only warns, e.g. whitespace before the root element).
 * @group Conformance
 */
export type ConformanceOutcome = 'pass' | 'fail' | 'warn';

/**
 * One check of the conformance kit: a metadata rule (§2 of the SPID reference), an AuthnRequest rule
 * (§1) or one of the 111 Response cases (§3.3).
 *
 * @remarks
 * `id` is stable across releases (e.g. `metadata.entity-id.https`, `authn-request.issuer.format`,
 * `response.case-32`): reports and CI allow-lists may key on it. `reason` says why a check failed or
 * warned, without echoing personal data or document text. `httpStatus` is the final HTTP status the
 * SP returned, for the Response cases.
 *
 * @example
 * ```ts
 * import type { ConformanceCheck } from '@civico/spid-test-idp';
 * const check: ConformanceCheck = {
 *   id: 'metadata.entity-id.https',
 *   title: 'entityID is an HTTPS URL',
 *   outcome: 'pass',
 * };
 * ```
 * @group Conformance
 */
export interface ConformanceCheck {
  /** Stable machine-readable identifier, dotted (`metadata.…`, `authn-request.…`, `response.…`). */
  readonly id: string;
  /** One-line English description of the rule checked. */
  readonly title: string;
  /** Whether the SP passed the check. */
  readonly outcome: ConformanceOutcome;
  /** Why the check failed or warned (no personal data); absent when it passed. */
  readonly reason?: string | undefined;
  /** Final HTTP status returned by the SP, for checks that post to it. */
  readonly httpStatus?: number | undefined;
}
