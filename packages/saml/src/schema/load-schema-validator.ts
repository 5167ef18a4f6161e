import type { XsdValidator } from 'libxml2-wasm';
import { readSchemaFiles, SCHEMA_URL_PREFIX } from './read-schema-files.js';
import { type SamlSchemaName, SCHEMA_FILES } from './saml-schema-name.js';

/** The loaded libxml2-wasm module. @internal */
export type Libxml2 = typeof import('libxml2-wasm');

interface Runtime {
  readonly libxml2: Libxml2;
  readonly files: Record<string, Uint8Array>;
  readonly validators: Map<SamlSchemaName, XsdValidator>;
}

// Lazy, deterministic cache: the wasm module and each compiled schema are built on first use and
// never change. libxml2-wasm uses top-level await, so it is imported here, never at module scope:
// `require('@civico/saml')` must keep working (no top-level await in our graph).
let runtime: Promise<Runtime> | undefined;

async function createRuntime(): Promise<Runtime> {
  const [libxml2, files] = await Promise.all([import('libxml2-wasm'), readSchemaFiles()]);
  // The provider answers only our virtual `civico-saml-schemas:/` URLs, from memory: schema imports
  // never touch the file system or the network, and other users of libxml2-wasm are unaffected.
  libxml2.xmlRegisterInputProvider(new libxml2.XmlBufferInputProvider(files));
  return { libxml2, files, validators: new Map() };
}

/**
 * The libxml2 module and the compiled validator of `schema`, loading and compiling them once.
 * @internal
 */
export async function loadSchemaValidator(
  schema: SamlSchemaName,
): Promise<{ libxml2: Libxml2; validator: XsdValidator }> {
  runtime ??= createRuntime().catch((err: unknown) => {
    runtime = undefined; // let a later call retry (e.g. after a transient read error)
    throw err;
  });
  const { libxml2, files, validators } = await runtime;
  let validator = validators.get(schema);
  if (!validator) {
    const url = `${SCHEMA_URL_PREFIX}${SCHEMA_FILES[schema]}`;
    const bytes = files[url];
    if (!bytes) throw new Error('a bundled schema file is missing');
    const xsd = libxml2.XmlDocument.fromBuffer(bytes, { url });
    try {
      validator = libxml2.XsdValidator.fromDoc(xsd);
    } finally {
      xsd.dispose();
    }
    validators.set(schema, validator);
  }
  return { libxml2, validator };
}
