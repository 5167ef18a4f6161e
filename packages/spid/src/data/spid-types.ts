/**
 * A SPID authentication level: 1 (`https://www.spid.gov.it/SpidL1`), 2 or 3.
 * @example
 * ```ts
 * import type { SpidLevel } from '@civico/spid';
 * const level: SpidLevel = 2;
 * ```
 * @group Protocol
 */
export type SpidLevel = 1 | 2 | 3;

/**
 * The `Comparison` of `RequestedAuthnContext` (CIE accepts only `exact` and `minimum`).
 * @example
 * ```ts
 * import type { SpidComparison } from '@civico/spid';
 * const comparison: SpidComparison = 'minimum';
 * ```
 * @group Protocol
 */
export type SpidComparison = 'exact' | 'minimum' | 'better' | 'maximum';

/**
 * How a SAML message travels from the SP: HTTP-Redirect (a signed query) or HTTP-POST (a self-submitting form).
 * @example
 * ```ts
 * import type { SpidBinding } from '@civico/spid';
 * const binding: SpidBinding = 'redirect';
 * ```
 * @group Protocol
 */
export type SpidBinding = 'redirect' | 'post';

/**
 * The `spid:Purpose` of Avviso 18 v2 (professional or legal-person identity); omitted for citizens.
 * @example
 * ```ts
 * import type { SpidPurpose } from '@civico/spid';
 * const purpose: SpidPurpose = 'P'; // a professional identity
 * ```
 * @group Protocol
 */
export type SpidPurpose = 'P' | 'LP' | 'PG' | 'PF' | 'PX';

/**
 * The SP metadata profiles of the AgID conformance tool (public, private, aggregators and operators of
 * Avviso 19 v4, CIE), the same names `@civico/spid-test-idp` checks.
 * @example
 * ```ts
 * import { SP_PROFILES } from '@civico/spid';
 * SP_PROFILES.includes('cie-sp-public'); // true
 * ```
 * @group Metadata
 */
export const SP_PROFILES = [
  'spid-sp-public',
  'spid-sp-private',
  'spid-sp-ag-public-full',
  'spid-sp-ag-public-lite',
  'spid-sp-ag-private-full',
  'spid-sp-ag-private-lite',
  'spid-sp-op-public-full',
  'spid-sp-op-public-lite',
  'cie-sp-public',
  'cie-sp-private',
] as const;

/**
 * One of {@link SP_PROFILES}.
 * @example
 * ```ts
 * import type { SpProfile } from '@civico/spid';
 * const profile: SpProfile = 'spid-sp-private';
 * ```
 * @group Metadata
 */
export type SpProfile = (typeof SP_PROFILES)[number];
