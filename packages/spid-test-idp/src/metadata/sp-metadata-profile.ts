/**
 * The SP metadata profiles of the official AgID conformance tool (`spid-sp-test --profile`): public and
 * private SPs, the aggregator and operator profiles of Avviso 19 v4, and the CIE profiles.
 *
 * @example
 * ```ts
 * import { SP_METADATA_PROFILES } from '@civico/spid-test-idp';
 * const isKnown = (SP_METADATA_PROFILES as readonly string[]).includes('spid-sp-public');
 * ```
 * @group Metadata
 */
export const SP_METADATA_PROFILES = [
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
 * One of {@link SP_METADATA_PROFILES}.
 * @group Metadata
 */
export type SpMetadataProfile = (typeof SP_METADATA_PROFILES)[number];

/** @internal What a profile demands, derived once from its name. */
export interface ProfileTraits {
  readonly cie: boolean;
  readonly public: boolean;
  /** Activity code of aggregator/operator profiles (`pub-ag-full`…), `undefined` otherwise. */
  readonly activity: string | undefined;
  /** The `spid:` element naming the aggregator's activity, `undefined` when not an aggregator. */
  readonly activityElement: string | undefined;
}

const ACTIVITY: Readonly<Record<string, readonly [code: string, element: string]>> = {
  'spid-sp-ag-public-full': ['pub-ag-full', 'PublicServicesFullAggregator'],
  'spid-sp-ag-public-lite': ['pub-ag-lite', 'PublicServicesLightAggregator'],
  'spid-sp-ag-private-full': ['pri-ag-full', 'PrivateServicesFullAggregator'],
  'spid-sp-ag-private-lite': ['pri-ag-lite', 'PrivateServicesLightAggregator'],
  'spid-sp-op-public-full': ['pub-op-full', 'PublicServicesFullOperator'],
  'spid-sp-op-public-lite': ['pub-op-lite', 'PublicServicesLightOperator'],
};

/** @internal */
export function getProfileTraits(profile: SpMetadataProfile): ProfileTraits {
  const activity = ACTIVITY[profile];
  return {
    cie: profile.startsWith('cie-'),
    public: !profile.includes('private'),
    activity: activity?.[0],
    activityElement: activity?.[1],
  };
}
