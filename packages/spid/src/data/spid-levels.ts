import type { SpidComparison, SpidLevel } from './spid-types.js';

/**
 * The `AuthnContextClassRef` URI of each SPID level, as the AuthnRequest and the Assertion carry it
 * (SPID Regole Tecniche; the same URIs for CIE).
 *
 * @example
 * ```ts
 * import { SPID_LEVEL_URIS } from '@civico/spid';
 * SPID_LEVEL_URIS[2]; // 'https://www.spid.gov.it/SpidL2'
 * ```
 * @group Protocol
 */
export const SPID_LEVEL_URIS = Object.freeze({
  /** Level 1: one factor (user name and password). */
  1: 'https://www.spid.gov.it/SpidL1',
  /** Level 2: two factors (password and a one-time code or an app confirmation). */
  2: 'https://www.spid.gov.it/SpidL2',
  /** Level 3: a second factor whose keys are kept on a secure device (e.g. a smart card). */
  3: 'https://www.spid.gov.it/SpidL3',
} as const);

/**
 * Reads the SPID level of an `AuthnContextClassRef` URI.
 *
 * @remarks
 * Exact match only: `https://www.spid.gov.it/SpidL1`…`SpidL3`. Any other value (the `http://`
 * form, whitespace, another case, a trailing slash) gives `undefined`, which a Response check must
 * treat as a refusal (conformance cases 94–96 and the AuthnContextClassRef cases).
 *
 * @param uri - the text of `AuthnContextClassRef`
 * @returns 1, 2 or 3, or `undefined` when the URI is not a SPID level
 * @throws never
 * @example
 * ```ts
 * import { getSpidLevelFromUri } from '@civico/spid';
 * getSpidLevelFromUri('https://www.spid.gov.it/SpidL2'); // 2
 * getSpidLevelFromUri('http://www.spid.gov.it/SpidL2'); // undefined
 * ```
 * @group Protocol
 */
export function getSpidLevelFromUri(uri: string): SpidLevel | undefined {
  if (uri === SPID_LEVEL_URIS[1]) return 1;
  if (uri === SPID_LEVEL_URIS[2]) return 2;
  if (uri === SPID_LEVEL_URIS[3]) return 3;
  return undefined;
}

/**
 * Tells whether the level an IdP returned satisfies the level and `Comparison` the SP requested.
 *
 * @remarks
 * SPID Regole Tecniche, conformance cases 94–96: with R requested, L returned and C the comparison,
 * accepted when L > R (any C), L = R with C other than `better`, or L < R with C = `maximum`.
 *
 * | C | L < R | L = R | L > R |
 * |---|---|---|---|
 * | exact / minimum | no | yes | yes |
 * | better | no | no | yes |
 * | maximum | yes | yes | yes |
 *
 * Anything else (a level outside 1–3, an unknown comparison) is refused (fail closed).
 *
 * @param requested - the level of the AuthnRequest (stored with it)
 * @param comparison - the `Comparison` of the AuthnRequest
 * @param returned - the level of the Assertion's `AuthnContextClassRef`
 * @returns `true` when the returned level is acceptable
 * @throws never
 * @example
 * ```ts
 * import { isLevelAcceptable } from '@civico/spid';
 * isLevelAcceptable(2, 'minimum', 3); // true
 * isLevelAcceptable(2, 'better', 2); // false
 * isLevelAcceptable(3, 'maximum', 1); // true
 * ```
 * @group Protocol
 */
export function isLevelAcceptable(requested: SpidLevel, comparison: SpidComparison, returned: SpidLevel): boolean {
  if (!isLevel(requested) || !isLevel(returned)) return false;
  switch (comparison) {
    case 'exact':
    case 'minimum':
      return returned >= requested;
    case 'better':
      return returned > requested;
    case 'maximum':
      return true;
    default:
      return false;
  }
}

function isLevel(value: unknown): value is SpidLevel {
  return value === 1 || value === 2 || value === 3;
}
