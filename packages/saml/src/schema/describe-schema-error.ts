/** What {@link validateSchema} tells about a schema violation. @internal */
export interface SchemaErrorDescription {
  /** A machine-readable kind: `unexpected-element`, `missing-element`, `missing-attribute`, ... */
  readonly reason: string;
  /** The rule, with element and attribute names but every value replaced by `'…'`. */
  readonly rule: string;
}

const KINDS: readonly (readonly [RegExp, string])[] = [
  [/This element is not expected/, 'unexpected-element'],
  [/Missing child element/, 'missing-element'],
  [/is required but missing/, 'missing-attribute'],
  [/attribute '[^']*' is not allowed/, 'attribute-not-allowed'],
  [/Character content other than whitespace|Element content is not allowed|content type is 'empty'/, 'unexpected-text'],
  [/No matching global declaration available/, 'unknown-root'],
  [/not a valid value|not accepted by the pattern|not an element of the set|length|facet/, 'invalid-value'],
];

// A name as libxml2 prints it: optional {namespace URI}, then an ASCII (prefixed) name, which is all
// parseXml lets through.
const NAME = /^(?:\{[^\s'{}]*\})?[A-Za-z_][A-Za-z0-9._:-]*$/;
// Quoted text libxml2 prints after these words is a name or a type; anything else quoted is a value.
const NAME_CONTEXT = /(?:[Ee]lement|attribute|types?|facet) $/;
const MAX_RULE = 400;

/**
 * Turns a libxml2 schema message into a rule without document content: libxml2 quotes values
 * (`The value 'RSSMRA85…' is not accepted by the pattern …`), so every quoted segment that is not a
 * name in a name position becomes `'…'`; a message with unbalanced quotes keeps only its kind.
 * @internal
 */
export function describeSchemaError(message: string): SchemaErrorDescription {
  const reason = KINDS.find(([pattern]) => pattern.test(message))?.[1] ?? 'schema-rule';
  const oneLine = message.replace(/\s+/g, ' ').trim();
  if ((oneLine.match(/'/g)?.length ?? 0) % 2 !== 0) return { reason, rule: reason };
  let rule = '';
  let last = 0;
  for (const match of oneLine.matchAll(/'([^']*)'/g)) {
    const before = oneLine.slice(last, match.index);
    const keep = NAME.test(match[1] ?? '') && NAME_CONTEXT.test(before);
    rule += `${before}${keep ? match[0] : "'…'"}`;
    last = match.index + match[0].length;
  }
  rule += oneLine.slice(last);
  return { reason, rule: rule.length > MAX_RULE ? `${rule.slice(0, MAX_RULE)}…` : rule };
}
