import { SamlError } from '../errors.js';
import { parseXml } from '../xml/parse-xml.js';
import type { ParseXmlOptions } from '../xml/xml-limits.js';
import { describeSchemaError } from './describe-schema-error.js';
import { loadSchemaValidator } from './load-schema-validator.js';
import { SAML_SCHEMA_NAMES, type SamlSchemaName } from './saml-schema-name.js';

// Validator choice (issue 9), measured on this repository's fixtures, Node 20, one process, two busy cores:
// - libxml2-wasm 0.7.2: signed SAML Response against `protocol` 600-2,500 validations/s, SP metadata
//   against `metadata-spid-av29` 3,000-4,700/s (bench/schema.bench.ts); cold start (wasm + one schema)
//   1.2-3.3 s under load; 1.3 MB installed; ESM with top-level await, so imported lazily here.
// - xmllint-wasm 5.3.0: ~1 validation/s (a worker thread, a wasm instance and a schema compile per
//   call, ~1 s each); 0.9 MB installed; CommonJS.
// libxml2-wasm it is: it compiles a schema once and validates in-process.

interface ValidationDetail {
  readonly message?: unknown;
  readonly line?: unknown;
}

function isSchemaName(value: unknown): value is SamlSchemaName {
  return typeof value === 'string' && (SAML_SCHEMA_NAMES as readonly string[]).includes(value);
}

function unavailable(): SamlError {
  // Fail closed: without a validator nothing is accepted.
  return new SamlError(
    'ERR_SAML_SCHEMA_INVALID',
    'schema validation is unavailable: the validator or its schemas could not be loaded',
    {
      reason: 'validator-unavailable',
    },
  );
}

function invalid(details: readonly ValidationDetail[], schema: SamlSchemaName): SamlError {
  const first = details[0];
  const { reason, rule } = describeSchemaError(typeof first?.message === 'string' ? first.message : '');
  const line = typeof first?.line === 'number' && first.line > 0 ? first.line : undefined;
  const more = details.length > 1 ? ` (${details.length - 1} more)` : '';
  return new SamlError(
    'ERR_SAML_SCHEMA_INVALID',
    `not valid against the '${schema}' schema${line ? ` at line ${line}` : ''}: ${rule}${more}`,
    {
      reason,
      line,
    },
  );
}

/**
 * Validates a SAML message or metadata document against one of the bundled XSDs.
 *
 * @remarks
 * The document first goes through {@link parseXml} (no DTD, no entities, limits), then libxml2
 * (WebAssembly, no native build) validates it against the schema, whose imports are read from the
 * package's `schemas/` folder, never from the network. The first call loads the validator and
 * compiles the schema (about a second or two); later calls reuse it. The error names the first broken
 * rule with element and attribute names only: values are replaced by `'…'`.
 *
 * @param xml - the document
 * @param schema - which schema ({@link SamlSchemaName})
 * @param options - limits for the safety parse ({@link ParseXmlOptions})
 * @returns the document as {@link parseXml} read it (a fresh DOM of its own), when it is valid: a caller
 *   that needs the DOM too does not parse the text a second time
 * @throws {@link SamlError} `ERR_SAML_SCHEMA_INVALID` with `line` and `reason` (`unexpected-element`,
 *   `missing-element`, `missing-attribute`, `attribute-not-allowed`, `invalid-value`,
 *   `unexpected-text`, `unknown-root`, `schema-rule`; `validator-unavailable` when the validator cannot
 *   load), the codes of {@link parseXml}, `ERR_SAML_INVALID_CONFIG` for an unknown schema name.
 * @example
 * ```ts
 * import { validateSchema } from '@civico/saml';
 * async function checkRequest(xml: string): Promise<void> {
 *   await validateSchema(xml, 'protocol'); // throws ERR_SAML_SCHEMA_INVALID when invalid
 * }
 * ```
 * @group Schemas
 */
export async function validateSchema(
  xml: string,
  schema: SamlSchemaName,
  options?: ParseXmlOptions,
): Promise<ReturnType<typeof parseXml>> {
  if (typeof xml !== 'string') {
    throw new SamlError('ERR_SAML_INVALID_INPUT', 'xml must be a string', { field: 'xml' });
  }
  if (!isSchemaName(schema)) {
    throw new SamlError('ERR_SAML_INVALID_CONFIG', `schema must be one of ${SAML_SCHEMA_NAMES.join(', ')}`, {
      field: 'schema',
    });
  }
  const parsed = parseXml(xml, options);
  let loaded: Awaited<ReturnType<typeof loadSchemaValidator>>;
  try {
    loaded = await loadSchemaValidator(schema);
  } catch {
    throw unavailable();
  }
  const { libxml2, validator } = loaded;
  let doc: InstanceType<typeof libxml2.XmlDocument>;
  try {
    // Same text parseXml accepted (a BOM aside); no entity substitution, no DTD, no network.
    doc = libxml2.XmlDocument.fromString(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml, {
      option: libxml2.ParseOption.XML_PARSE_NONET,
    });
  } catch {
    throw new SamlError('ERR_SAML_XML_MALFORMED', 'XML refused: not well-formed XML', { reason: 'parser' });
  }
  try {
    validator.validate(doc);
  } catch (err) {
    if (err instanceof libxml2.XmlValidateError) {
      throw invalid(Array.isArray(err.details) ? (err.details as readonly ValidationDetail[]) : [], schema);
    }
    throw invalid([], schema);
  } finally {
    doc.dispose();
  }
  return parsed;
}
