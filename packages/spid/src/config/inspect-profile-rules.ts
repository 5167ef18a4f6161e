import { CIE_ATTRIBUTE_NAMES } from '../data/spid-attributes.js';
import type { SpProfile } from '../data/spid-types.js';
import { inspectSigningKey } from './inspect-signing-key.js';
import { getSpProfileTraits, type SpProfileTraits } from './sp-profile-traits.js';

/** A rule broken by a configuration, at its path. @internal */
export interface ConfigIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

interface Coded {
  readonly ipaCode?: string | undefined;
  readonly vatNumber?: string | undefined;
  readonly fiscalCode?: string | undefined;
  readonly company?: string | undefined;
}

/** The fields the cross-field rules read (the strict schema already checked each one). @internal */
export interface ProfileRulesInput {
  readonly entityId: string;
  readonly production: boolean;
  readonly profile: SpProfile;
  readonly defaultComparison: string;
  readonly key: { readonly privateKey: string; readonly certificate: string };
  readonly acsUrls: readonly string[];
  readonly sloUrl: string;
  readonly attributeConsumingServices: readonly { readonly attributes: readonly string[] }[];
  readonly organization: { readonly name: string };
  readonly contacts: {
    readonly other?: Coded | undefined;
    readonly billing?:
      | (Coded & {
          readonly name?: string | undefined;
          readonly firstName?: string | undefined;
          readonly lastName?: string | undefined;
        })
      | undefined;
    readonly aggregator?: Coded | undefined;
    readonly administrative?: Coded | undefined;
    readonly technical?: Coded | undefined;
  };
}

type Push = (path: readonly (string | number)[], message: string) => void;

function contactRules(config: ProfileRulesInput, traits: SpProfileTraits, push: Push): void {
  const { contacts } = config;
  const used = traits.cie
    ? ['administrative', 'technical']
    : ['other', ...(traits.public ? [] : ['billing']), ...(traits.activity ? ['aggregator'] : [])];
  for (const name of ['other', 'billing', 'aggregator', 'administrative', 'technical'] as const) {
    if (contacts[name] !== undefined && !used.includes(name)) {
      push(['contacts', name], `is not part of the ${config.profile} metadata`);
    }
  }
  const holderName = traits.cie ? 'administrative' : 'other';
  const holder = contacts[holderName];
  if (holder === undefined) {
    push(['contacts', holderName], `is required by the ${config.profile} profile`);
  } else {
    if (traits.public && holder.ipaCode === undefined) {
      push(['contacts', holderName, 'ipaCode'], 'is required for a public SP');
    }
    if (!traits.public && holder.ipaCode !== undefined) {
      push(['contacts', holderName, 'ipaCode'], 'must be absent for a private SP');
    }
    if (!traits.public && holder.vatNumber === undefined && holder.fiscalCode === undefined) {
      push(['contacts', holderName, 'vatNumber'], 'a private SP needs vatNumber or fiscalCode');
    }
    if (holder.company !== undefined && holder.company !== config.organization.name) {
      push(['contacts', holderName, 'company'], 'must equal organization.name');
    }
  }
  if (!traits.cie && !traits.public) billingRules(config, push);
  if (traits.activity !== undefined) {
    const aggregator = contacts.aggregator;
    if (aggregator === undefined) {
      push(['contacts', 'aggregator'], `is required by the ${config.profile} profile (the aggregator)`);
    } else if (aggregator.vatNumber === undefined && aggregator.fiscalCode === undefined) {
      push(['contacts', 'aggregator', 'vatNumber'], 'the aggregator needs vatNumber or fiscalCode');
    }
  }
}

function billingRules(config: ProfileRulesInput, push: Push): void {
  const billing = config.contacts.billing;
  if (billing === undefined) {
    push(['contacts', 'billing'], 'is required for a private SP (fpa:CessionarioCommittente)');
    return;
  }
  if (billing.vatNumber === undefined && billing.fiscalCode === undefined) {
    push(['contacts', 'billing', 'vatNumber'], 'the invoiced subject needs vatNumber or fiscalCode');
  }
  const person = billing.firstName !== undefined || billing.lastName !== undefined;
  if (billing.name !== undefined && person) {
    push(['contacts', 'billing', 'name'], 'give name (a company) or firstName and lastName (a person), not both');
  } else if (billing.name === undefined && (billing.firstName === undefined || billing.lastName === undefined)) {
    push(['contacts', 'billing', 'name'], 'give name (a company) or firstName and lastName (a person)');
  }
}

function entityIdRules(config: ProfileRulesInput, traits: SpProfileTraits, push: Push): void {
  // zod runs these rules even when a field refinement failed: the entityId may not be a URL here.
  let url: URL;
  try {
    url = new URL(config.entityId);
  } catch {
    return;
  }
  if (traits.activity !== undefined) {
    if (config.entityId.includes('?')) push(['entityId'], 'must have no query string (Avviso SPID n. 19 v4)');
    else if (!url.pathname.split('/').includes(traits.activity.code)) {
      push(['entityId'], `must contain the activity code ${traits.activity.code} as a path segment`);
    }
  }
  if (!config.production) return;
  if (url.protocol !== 'https:') push(['entityId'], 'must be https in production');
  else if (url.port !== '') push(['entityId'], 'must not name a port in production');
  for (const [i, acs] of config.acsUrls.entries()) {
    if (!acs.startsWith('https:')) push(['acsUrls', i], 'must be https in production');
  }
  if (!config.sloUrl.startsWith('https:')) push(['sloUrl'], 'must be https in production');
}

function attributeRules(config: ProfileRulesInput, traits: SpProfileTraits, push: Push): void {
  const cie: readonly string[] = CIE_ATTRIBUTE_NAMES;
  for (const [i, service] of config.attributeConsumingServices.entries()) {
    const seen = new Set<string>();
    for (const [j, name] of service.attributes.entries()) {
      if (seen.has(name)) push(['attributeConsumingServices', i, 'attributes', j], 'repeats an attribute');
      else if (traits.cie && !cie.includes(name)) {
        push(
          ['attributeConsumingServices', i, 'attributes', j],
          'CIE releases only name, familyName, dateOfBirth, fiscalNumber',
        );
      }
      seen.add(name);
    }
  }
}

/**
 * The rules of a configuration that span fields: per-profile contacts, entityID of aggregators,
 * production URLs, attribute sets, the key. Runs after the strict schema accepted every field.
 * @internal
 */
export function inspectProfileRules(config: ProfileRulesInput): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const push: Push = (path, message) => issues.push({ path, message });
  const traits = getSpProfileTraits(config.profile);
  entityIdRules(config, traits, push);
  const keyIssue = inspectSigningKey(config.key.privateKey, config.key.certificate);
  if (keyIssue !== undefined) push(['key', keyIssue.field], keyIssue.message);
  attributeRules(config, traits, push);
  // CIE technical manual: RequestedAuthnContext Comparison is only exact or minimum.
  if (traits.cie && !['exact', 'minimum'].includes(config.defaultComparison)) {
    push(['defaultComparison'], 'CIE accepts only exact or minimum');
  }
  contactRules(config, traits, push);
  return issues;
}
