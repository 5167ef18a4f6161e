import { NS } from '@civico/saml';
import type { ConformanceCheck } from '../kit/conformance-check.js';
import { contacts, extensionValues, type LintContext, md, rule } from './lint-context.js';
import { attr, text } from './xml-dom.js';

const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const BELFIORE = /^[A-Z]\d{3}$/;

/** @internal §6.1: the CIE metadata profile (SLO, contacts and cie: extensions). */
export function lintCie(ctx: LintContext): ConformanceCheck[] {
  const all = md(ctx.root, 'ContactPerson');
  const admins = contacts(ctx, 'administrative');
  const technical = contacts(ctx, 'technical');
  const checks: ConformanceCheck[] = [
    rule(
      'metadata.cie.single-logout-redirect',
      'At least one SingleLogoutService with HTTP-Redirect',
      md(ctx.sso, 'SingleLogoutService').some((s) => attr(s, 'Binding') === REDIRECT)
        ? undefined
        : 'no HTTP-Redirect SingleLogoutService',
    ),
    rule(
      'metadata.cie.contact-person.count',
      'One administrative ContactPerson and at most one technical, nothing else',
      admins.length === 1 && technical.length <= 1 && all.length === admins.length + technical.length
        ? undefined
        : 'not one administrative (+ optional technical) contact',
    ),
  ];
  for (const [i, contact] of [...admins, ...technical].entries()) {
    const isAdmin = i < admins.length;
    const prefix = `metadata.cie.contact.${isAdmin ? 'administrative' : 'technical'}`;
    const company = md(contact, 'Company')[0];
    const emails = md(contact, 'EmailAddress').map((e) => text(e));
    checks.push(
      rule(
        `${prefix}.company`,
        isAdmin ? 'Company equals OrganizationName' : 'Company is present',
        company === undefined || text(company) === ''
          ? 'Company is missing'
          : isAdmin && text(company) !== ctx.organizationNames.it
            ? 'Company differs from OrganizationName'
            : undefined,
      ),
      rule(
        `${prefix}.email`,
        'At least one non-empty EmailAddress',
        emails.length > 0 && emails.every((e) => e !== '') ? undefined : 'EmailAddress missing or empty',
      ),
    );
    if (!isAdmin) continue;
    const ext = extensionValues(contact, NS.cie);
    const has = (n: string): boolean => (ext.get(n)?.length ?? 0) === 1;
    const filled = (n: string): boolean => has(n) && ext.get(n)?.[0] !== '';
    checks.push(
      rule(
        `${prefix}.kind`,
        ctx.traits.public ? 'cie:Public present, cie:Private absent' : 'cie:Private present, cie:Public absent',
        has(ctx.traits.public ? 'Public' : 'Private') && !ext.has(ctx.traits.public ? 'Private' : 'Public')
          ? undefined
          : 'cie:Public/cie:Private does not match the profile',
      ),
      rule(
        `${prefix}.codes`,
        ctx.traits.public ? 'cie:IPACode is present' : 'cie:VATNumber or cie:FiscalCode is present',
        (ctx.traits.public ? filled('IPACode') : filled('VATNumber') || filled('FiscalCode'))
          ? undefined
          : 'the identifying code of the SP is missing',
      ),
      rule(
        `${prefix}.municipality`,
        'cie:Municipality is a Belfiore code',
        BELFIORE.test(ext.get('Municipality')?.[0] ?? '') && has('Municipality')
          ? undefined
          : 'cie:Municipality missing or not a Belfiore code',
      ),
    );
  }
  return checks;
}
