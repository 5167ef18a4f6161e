import type { SpMetadataProfile } from '../metadata/sp-metadata-profile.js';
import type { ConformanceCheck } from './conformance-check.js';

/**
 * The part of the SP a check is about: its metadata (§2 of the SPID reference), its AuthnRequest
 * (§1) or its handling of one of the 111 crafted Responses (§3.3).
 * @group Conformance
 */
export type ConformanceGroup = 'metadata' | 'authn-request' | 'response';

/**
 * A {@link ConformanceCheck} as listed in a {@link ConformanceReport}: the check plus its group.
 * @group Conformance
 */
export interface ConformanceReportCheck extends ConformanceCheck {
  /** Which part of the SP the check is about. */
  readonly group: ConformanceGroup;
}

/**
 * Counts of a {@link ConformanceReport}.
 * @group Conformance
 */
export interface ConformanceSummary {
  /** Checks that passed. */
  readonly passed: number;
  /** Checks that failed. */
  readonly failed: number;
  /** Checks that only warned (they do not make the report fail). */
  readonly warnings: number;
}

/**
 * What {@link runConformance} found: every check in order (metadata, AuthnRequest, Responses).
 *
 * @remarks
 * Serialisable as is: `JSON.stringify(report)` is the JSON report of the CLI. `idp` tells which IdP
 * identity signed the crafted Responses: the SP under test must trust it (load the kit IdP's metadata,
 * see {@link createConformanceIdp}), or every case it should accept fails.
 * @group Conformance
 */
export interface ConformanceReport {
  /** `true` when no check failed (warnings allowed). */
  readonly ok: boolean;
  /** The SP metadata profile checked. */
  readonly profile: SpMetadataProfile;
  /** The IdP identity the kit played: entity ID and PEM certificate. */
  readonly idp: {
    /** The entityID the kit's Responses were issued by. */
    readonly entityId: string;
    /** The PEM certificate the SP must trust to accept them. */
    readonly certificate: string;
  };
  /** Every check, grouped in this order: metadata, authn-request, response. */
  readonly checks: readonly ConformanceReportCheck[];
  /** Counts by outcome. */
  readonly summary: ConformanceSummary;
}
