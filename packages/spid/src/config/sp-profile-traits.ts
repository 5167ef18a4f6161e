import type { SpProfile } from '../data/spid-types.js';

/** What a metadata profile demands, derived from its name. @internal */
export interface SpProfileTraits {
  /** A CIE profile (`cie-sp-*`). */
  readonly cie: boolean;
  /** A public SP (or the aggregated body is public). */
  readonly public: boolean;
  /** Aggregator/operator profiles (Avviso 19 v4): the activity code and its `spid:` element. */
  readonly activity: { readonly code: string; readonly element: string } | undefined;
}

// Avviso 19 v4: the activity code in the entityID and the element of the aggregator contact.
const ACTIVITY: Readonly<Partial<Record<SpProfile, readonly [code: string, element: string]>>> = {
  'spid-sp-ag-public-full': ['pub-ag-full', 'PublicServicesFullAggregator'],
  'spid-sp-ag-public-lite': ['pub-ag-lite', 'PublicServicesLightAggregator'],
  'spid-sp-ag-private-full': ['pri-ag-full', 'PrivateServicesFullAggregator'],
  'spid-sp-ag-private-lite': ['pri-ag-lite', 'PrivateServicesLightAggregator'],
  'spid-sp-op-public-full': ['pub-op-full', 'PublicServicesFullOperator'],
  'spid-sp-op-public-lite': ['pub-op-lite', 'PublicServicesLightOperator'],
};

/** @internal The traits of a profile. */
export function getSpProfileTraits(profile: SpProfile): SpProfileTraits {
  const activity = ACTIVITY[profile];
  return {
    cie: profile.startsWith('cie-'),
    public: !profile.includes('private'),
    activity: activity === undefined ? undefined : { code: activity[0], element: activity[1] },
  };
}
