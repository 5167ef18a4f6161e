/**
 * A SPID authentication level: 1, 2 or 3.
 * @group Data
 */
export type SpidLevel = 1 | 2 | 3;

/**
 * The `AuthnContextClassRef` URI of each SPID level (SPID Regole Tecniche). The SAML-namespace form
 * `urn:oasis:names:tc:SAML:2.0:ac:classes:SpidL1` is not a SPID level (conformance case 97).
 *
 * @example
 * ```ts
 * import { SPID_LEVELS } from '@civico/spid-test-idp';
 * const acr = SPID_LEVELS[2]; // 'https://www.spid.gov.it/SpidL2'
 * ```
 * @group Data
 */
export const SPID_LEVELS = Object.freeze({
  /** SpidL1: single factor (user name and password). */
  1: 'https://www.spid.gov.it/SpidL1',
  /** SpidL2: two factors (e.g. password and a one-time code). */
  2: 'https://www.spid.gov.it/SpidL2',
  /** SpidL3: two factors, one of them a hardware device or smart card. */
  3: 'https://www.spid.gov.it/SpidL3',
} as const satisfies Record<SpidLevel, string>);

/**
 * Reads the level of a SPID `AuthnContextClassRef` URI.
 *
 * @param uri - an `AuthnContextClassRef` value
 * @returns 1, 2 or 3, or `undefined` when the URI is not exactly one of {@link SPID_LEVELS}
 * @example
 * ```ts
 * import { getSpidLevel } from '@civico/spid-test-idp';
 * getSpidLevel('https://www.spid.gov.it/SpidL3'); // 3
 * ```
 * @group Data
 */
export function getSpidLevel(uri: string): SpidLevel | undefined {
  if (uri === SPID_LEVELS[1]) return 1;
  if (uri === SPID_LEVELS[2]) return 2;
  if (uri === SPID_LEVELS[3]) return 3;
  return undefined;
}
