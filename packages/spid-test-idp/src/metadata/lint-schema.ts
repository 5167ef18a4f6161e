import { NS, type SamlSchemaName, validateSchema } from '@civico/saml';
import type { ConformanceCheck } from '../kit/conformance-check.js';
import { type LintContext, rule } from './lint-context.js';
import type { XmlElement } from './xml-dom.js';

async function check(id: string, title: string, xml: string, schema: SamlSchemaName): Promise<ConformanceCheck> {
  try {
    await validateSchema(xml, schema);
    return rule(id, title, undefined);
  } catch (err) {
    // validateSchema's messages name the line and the rule, never the document text.
    return rule(id, title, err instanceof Error ? err.message : 'schema validation failed');
  }
}

/** @internal §2.4: the metadata against the SAML and SPID (or CIE) XSDs; the billing block against spid-invoicing.xsd. */
export async function lintSchema(ctx: LintContext): Promise<ConformanceCheck[]> {
  const jobs: Promise<ConformanceCheck>[] = [
    check('metadata.schema.saml', 'Valid against saml-schema-metadata-2.0.xsd', ctx.xml, 'metadata'),
  ];
  if (ctx.traits.cie) {
    jobs.push(check('metadata.schema.cie', 'Valid against saml-schema-metadata-sp-cie.xsd', ctx.xml, 'metadata-cie'));
  } else if (ctx.traits.activity !== undefined) {
    jobs.push(
      check(
        'metadata.schema.spid',
        'Valid against saml-schema-metadata-aggregated-spid.xsd',
        ctx.xml,
        'metadata-aggregated',
      ),
    );
  } else {
    jobs.push(
      check(
        'metadata.schema.spid',
        'Valid against saml-schema-metadata-sp-spid-av29.xsd',
        ctx.xml,
        'metadata-spid-av29',
      ),
    );
  }
  if (!ctx.traits.public && !ctx.traits.cie) {
    const blocks = ctx.root.getElementsByTagNameNS(NS.fpa, 'CessionarioCommittente');
    const block = blocks.item(0) as XmlElement | null;
    if (block === null) {
      jobs.push(
        Promise.resolve(
          rule(
            'metadata.schema.invoicing',
            'Billing block valid against spid-invoicing.xsd',
            'no fpa:CessionarioCommittente',
          ),
        ),
      );
    } else {
      // xmldom's serializer declares the namespaces the subtree uses, so it validates on its own.
      jobs.push(
        check(
          'metadata.schema.invoicing',
          'Billing block valid against spid-invoicing.xsd',
          block.toString(),
          'invoicing',
        ),
      );
    }
  }
  return Promise.all(jobs);
}
