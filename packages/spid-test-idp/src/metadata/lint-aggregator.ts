import { NS } from '@civico/saml';
import type { ConformanceCheck } from '../kit/conformance-check.js';
import { lintBillingContact, lintHolderContact } from './lint-contacts.js';
import { contacts, extensionValues, type LintContext, md, rule } from './lint-context.js';
import { text } from './xml-dom.js';

const ACTIVITY_ELEMENTS = [
  'PublicServicesFullAggregator',
  'PublicServicesLightAggregator',
  'PrivateServicesFullAggregator',
  'PrivateServicesLightAggregator',
  'PublicServicesFullOperator',
  'PublicServicesLightOperator',
  'PublicOperator',
];

function lintEntityIdForAggregator(ctx: LintContext): ConformanceCheck[] {
  let url: URL | undefined;
  try {
    url = new URL(ctx.entityId);
  } catch {
    url = undefined;
  }
  const segments = url === undefined ? [] : url.pathname.split('/');
  return [
    rule(
      'metadata.entity-id.query',
      'entityID has no query string nor fragment',
      url === undefined || url.search !== '' || url.hash !== '' || ctx.entityId.includes('?')
        ? 'entityID has a query string or fragment'
        : undefined,
    ),
    rule(
      'metadata.entity-id.activity-code',
      `entityID contains the activity code ${ctx.traits.activity ?? ''}`,
      segments.includes(ctx.traits.activity ?? '')
        ? undefined
        : 'entityID does not contain the activity code as a path segment',
    ),
  ];
}

/** @internal §2.3: aggregator and operator profiles (Avviso 19 v4). */
export function lintAggregator(ctx: LintContext): ConformanceCheck[] {
  const all = md(ctx.root, 'ContactPerson');
  const aggregators = contacts(ctx, 'other', 'spid:aggregator');
  const aggregated = contacts(ctx, 'other', 'spid:aggregated');
  const aggregator = aggregators[0];
  const ext = aggregator === undefined ? new Map<string, string[]>() : extensionValues(aggregator, NS.spid);
  const activities = ACTIVITY_ELEMENTS.filter((name) => ext.has(name));
  const expected = ctx.traits.activityElement ?? '';
  const isOperator = expected.endsWith('Operator');
  const activityOk =
    activities.length === 1 &&
    (ext.get(activities[0] as string)?.length ?? 0) === 1 &&
    (activities[0] === expected || (isOperator && activities[0] === 'PublicOperator'));
  const company = aggregator === undefined ? undefined : md(aggregator, 'Company')[0];
  const checks: ConformanceCheck[] = [
    ...lintEntityIdForAggregator(ctx),
    rule(
      'metadata.contact-person.count',
      'Two or three ContactPerson',
      all.length >= 2 && all.length <= 3 ? undefined : 'not two or three ContactPerson',
    ),
    rule(
      'metadata.aggregator.contact',
      'One ContactPerson "other" with spid:entityType="spid:aggregator"',
      aggregators.length === 1 ? undefined : 'not exactly one aggregator contact',
    ),
    rule(
      'metadata.aggregator.company',
      'The aggregator contact has a non-empty Company',
      company !== undefined && text(company) !== '' ? undefined : 'the aggregator contact has no Company',
    ),
    rule(
      'metadata.aggregator.vat-or-fiscal-code',
      'The aggregator contact has spid:VATNumber and/or spid:FiscalCode',
      (ext.get('VATNumber')?.[0] ?? '') !== '' || (ext.get('FiscalCode')?.[0] ?? '') !== ''
        ? undefined
        : 'no spid:VATNumber nor spid:FiscalCode for the aggregator',
    ),
    rule(
      'metadata.aggregator.activity',
      `The aggregator contact declares exactly one activity: spid:${expected}`,
      activityOk ? undefined : 'the aggregator activity element is missing, repeated or not the profile one',
    ),
    rule(
      'metadata.aggregated.contact',
      'One ContactPerson "other" with spid:entityType="spid:aggregated"',
      aggregated.length === 1 ? undefined : 'not exactly one aggregated contact',
    ),
  ];
  if (aggregated[0] !== undefined) {
    checks.push(
      ...lintHolderContact(ctx, aggregated[0], 'metadata.aggregated', { companyRequired: true, emailRequired: false }),
    );
  }
  if (!ctx.traits.public) checks.push(...lintBillingContact(ctx));
  return checks;
}
