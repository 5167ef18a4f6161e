import { getChildren, getText, NS } from '@civico/saml';
import { rejected } from './response-errors.js';
import { readAttribute, readOne, requireOnlyChildren, type XmlElement } from './xml-fields.js';

/**
 * @internal The attributes of a verified Assertion (SPID conformance cases 98, 99, 103): exactly one
 * `AttributeStatement`, each `Attribute` named once with exactly one `AttributeValue`, and the set of
 * names exactly the one the request's AttributeConsumingService asked for (case 103 is refused, not
 * tolerated). `NameFormat` and `xsi:type` are not checked, nor the value syntax (test identities send
 * values outside the documented formats, e.g. `spidCode` `AGID-001`).
 * @returns the values by `Name` (a prototype-free record)
 * @throws `SpidError` `ERR_SPID_RESPONSE_REJECTED` (403), `reason` `assertion.attribute-statement`,
 *   `assertion.attribute`, `assertion.attribute-value`, `assertion.attribute-set`
 */
export function readAssertionAttributes(
  assertion: XmlElement,
  requested: readonly string[],
): Readonly<Record<string, string>> {
  const statement = readOne(assertion, NS.saml, 'AttributeStatement', 'assertion.attribute-statement');
  requireOnlyChildren(statement, NS.saml, ['Attribute'], 'assertion.attribute-statement');
  const values: Record<string, string> = Object.create(null);
  const attributes = getChildren(statement, NS.saml, 'Attribute');
  if (attributes.length === 0) rejected('assertion.attribute-statement', 'The AttributeStatement has no Attribute');
  for (const attribute of attributes) {
    const name = readAttribute(attribute, 'Name', 'assertion.attribute');
    if (Object.hasOwn(values, name)) rejected('assertion.attribute', 'An attribute is repeated');
    requireOnlyChildren(attribute, NS.saml, ['AttributeValue'], 'assertion.attribute-value');
    const value = getChildren(attribute, NS.saml, 'AttributeValue');
    if (value.length !== 1) rejected('assertion.attribute-value', 'Each attribute must have exactly one value');
    values[name] = getText(value[0] as XmlElement);
  }
  const wanted = new Set(requested);
  const names = Object.keys(values);
  if (names.length !== wanted.size || names.some((n) => !wanted.has(n))) {
    rejected('assertion.attribute-set', 'The attributes differ from the requested ones');
  }
  return values;
}
